/** What the CLI needs from the world, so tests can run it in-process. */
export interface CliIo {
  /** Reads a UTF-8 file; throws (with the OS message) when it cannot. */
  readonly readFile: (path: string) => string;
  /**
   * Reads a file in chunks, for large inputs (SLI data): run.ts streams it from disk; without it,
   * the file is read whole with readFile.
   */
  readonly readChunks?: (path: string) => Iterable<Uint8Array>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The network commands' world; run.ts passes the real ones, tests pass fakes. */
  readonly fetch?: typeof fetch;
  /** Epoch milliseconds. */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal (progress redraws one line) or a log (progress lines). */
  readonly stderrIsTTY?: boolean;
  /** All of standard input as text (`gate check --stdin`); throws when it cannot be read. */
  readonly readStdin?: () => string;
  /** Runs git with `args` in the working directory and returns its stdout; throws with its stderr. */
  readonly git?: (args: readonly string[]) => string;
}

export type NetIo = Required<Omit<CliIo, 'readChunks' | 'readStdin' | 'git'>>;

/** Fills what a test left out with the real world. */
export function netIo(io: CliIo): NetIo {
  return {
    readFile: io.readFile,
    stdout: io.stdout,
    stderr: io.stderr,
    fetch: io.fetch ?? globalThis.fetch,
    now: io.now ?? Date.now,
    sleep: io.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    env: io.env ?? process.env,
    stderrIsTTY: io.stderrIsTTY ?? false,
  };
}

/** A problem with the command's input: printed to stderr, exit code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export function readInput(io: CliIo, path: string, what: string): string {
  try {
    return io.readFile(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`${path}: cannot read the ${what}: ${reason}`);
  }
}

/** A large input in chunks; any read error (at open or later) is an InputError naming the file. */
export function* readInputChunks(io: CliIo, path: string, what: string): Generator<Uint8Array> {
  try {
    if (io.readChunks === undefined) yield Buffer.from(io.readFile(path), 'utf8');
    else yield* io.readChunks(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`${path}: cannot read the ${what}: ${reason}`);
  }
}

/** A one-line secret (signing secret, token, user:password) from a file, without the newline. */
export function readSecretFile(io: CliIo, path: string, what: string): string {
  const value = readInput(io, path, what).trim();
  if (value === '') throw new InputError(`${path}: the ${what} file is empty`);
  if (/[\r\n]/.test(value)) throw new InputError(`${path}: the ${what} must be a single line`);
  return value;
}

/** Wrong or missing arguments: printed with the usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** An http(s) URL given as option `name`. */
export function httpUrl(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${name} "${value}" is not a URL; expected http(s)://…`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`${name} "${value}" must be an http or https URL`);
  return value;
}

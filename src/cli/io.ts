/** What the CLI needs from the world, so tests can run it in-process. */
export interface CliIo {
  /** Reads a UTF-8 file; throws (with the OS message) when it cannot. */
  readonly readFile: (path: string) => string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
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

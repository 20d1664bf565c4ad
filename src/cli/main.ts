/**
 * The `ballast` command. `main` takes the arguments and an IO object and resolves to the exit
 * code, so tests run it in-process. Exit codes: src/cli/exit-codes.ts and src/cli/README.md.
 *
 * Each command's module is imported only when it runs: `--help`, `--version` and completion load
 * the command table alone, which keeps the compiled command's start far below 150 ms (issue #25).
 */
import { parseArgs } from 'node:util';
import cliPackage from '../../packages/ballast-cli/package.json';
import {
  COMMANDS,
  GROUPS,
  commandUsage,
  commandsOf,
  groupUsage,
  usage,
  type CommandSpec,
} from './commands';
import { CliFailure, EXIT } from './exit-codes';
import { InputError, UsageError, type CliIo } from './io';

/** The top-level help text (kept as a constant for the tests and the README). */
export const USAGE = usage();

const isHelp = (arg: string | undefined): boolean =>
  arg === '--help' || arg === '-h' || arg === 'help';

function usageError(io: CliIo, message: string, text = USAGE): number {
  io.stderr(`ballast: ${message}\n\n${text}`);
  return EXIT.usage;
}

function findCommand(argv: readonly string[]): CommandSpec | string {
  const [group, name] = argv;
  const commands = commandsOf(group ?? '');
  if (commands.length === 0) return `unknown command "${group}"; allowed: ${GROUPS.join(', ')}`;
  const single = commands.find((c) => c.name === null);
  if (single) return single;
  const command = commands.find((c) => c.name === name);
  if (command) return command;
  return `unknown ${group} command "${name ?? ''}"; allowed: ${commands.map((c) => c.name).join(', ')}`;
}

/**
 * `ballast help sli sync`, `ballast sli --help`, `ballast sli sync --help`: the help of what the
 * words name — one command, a group's commands, or (no word) all of them; null when they name none.
 */
function helpOf(words: readonly string[]): string | null {
  const [group, name] = words;
  if (group === undefined) return USAGE;
  const commands = commandsOf(group);
  if (commands.length === 0) return null;
  const command = commands.find((c) => c.name === null) ?? commands.find((c) => c.name === name);
  if (command) return commandUsage(command);
  return name === undefined || name.startsWith('-') ? groupUsage(group) : null;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, second] = argv;
  if (first === undefined) {
    io.stdout(USAGE);
    return EXIT.usage;
  }
  if (isHelp(first)) {
    const text = helpOf(argv.slice(1).filter((word) => !isHelp(word)));
    if (text === null) return usageError(io, `no command "${argv.slice(1).join(' ')}"`);
    io.stdout(text);
    return EXIT.ok;
  }
  // `ballast sli --help`: a group named, not yet its command (`completion` is itself the command).
  const group = commandsOf(first);
  if (
    group.length > 0 &&
    group.every((c) => c.name !== null) &&
    (second === '--help' || second === '-h')
  ) {
    io.stdout(groupUsage(first));
    return EXIT.ok;
  }
  if (first === '--version' || first === '-V') {
    io.stdout(`ballast ${cliPackage.version}\n`);
    return EXIT.ok;
  }
  const command = findCommand(argv);
  if (typeof command === 'string') return usageError(io, command);
  const args = argv.slice(command.name === null ? 1 : 2);
  // Only the flags: `help` may well be an option's value (`--title help`).
  if (args.some((a) => a === '--help' || a === '-h')) {
    io.stdout(commandUsage(command));
    return EXIT.ok;
  }
  const label = command.name === null ? command.group : `${command.group} ${command.name}`;
  try {
    return await run(command, args, io);
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, error.message, commandUsage(command));
    if (error instanceof InputError) {
      io.stderr(`${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof CliFailure) {
      io.stderr(`ballast ${label}: ${error.message}\n`);
      return error.exitCode;
    }
    if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      return usageError(io, error.message, commandUsage(command));
    }
    throw error;
  }
}

async function run(command: CommandSpec, args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: command.options,
    allowPositionals: command.positionals,
  });
  const json = values.json === true;
  switch (`${command.group} ${command.name}`) {
    case 'slo validate': {
      if (positionals.length !== 1) throw new UsageError('slo validate takes exactly one FILE');
      const { sloValidate } = await import('./slo-validate');
      return sloValidate(positionals[0]!, io, { json });
    }
    case 'slo report': {
      const { reportArgs, sloReport } = await import('./slo-report');
      return sloReport(reportArgs(values), io);
    }
    case 'sli sync': {
      const { sliSync, sliSyncArgs } = await import('./sli-sync/command');
      const { jsonLines } = await import('./json-lines');
      return sliSync(sliSyncArgs(values), json ? jsonLines(io) : io);
    }
    case 'deploy record': {
      const { deploymentBody, record } = await import('./record/record');
      return record('deployment', deploymentBody(values, io), values, io);
    }
    case 'incident record': {
      const { incidentBody, record } = await import('./record/record');
      return record('incident', incidentBody(values, io), values, io);
    }
    case 'gate check': {
      const { gateCheck, gateCheckArgs } = await import('./gate/check');
      return gateCheck(gateCheckArgs(values, io), io);
    }
    case 'completion null': {
      const { completionScript } = await import('./completion');
      if (positionals.length !== 1) throw new UsageError('completion takes one shell: bash or zsh');
      return completionScript(positionals[0]!, COMMANDS, io);
    }
  }
  throw new Error(`no runner for ${command.group} ${command.name}`);
}

/**
 * `ballast completion bash|zsh`: completion scripts generated from the command table
 * (src/cli/commands.ts), so a new option is offered as soon as the parser accepts it. Options
 * taking a FILE complete file names; the others complete the option names of their command.
 */
import type { CommandSpec } from './commands';
import { UsageError, type CliIo } from './io';

const FILE_OPTION = /(^|-)file$|^(spec|data)$/;

/** `group` or `group name` → its options, e.g. "slo report" → "--spec --data …". */
function optionWords(command: CommandSpec): string {
  return [...Object.keys(command.options).map((o) => `--${o}`), '--help'].join(' ');
}

const key = (c: CommandSpec): string => (c.name === null ? c.group : `${c.group} ${c.name}`);

function fileOptions(commands: readonly CommandSpec[]): string {
  const names = new Set(
    commands.flatMap((c) => Object.keys(c.options).filter((o) => FILE_OPTION.test(o))),
  );
  return [...names].map((o) => `--${o}`).join('|');
}

function bash(commands: readonly CommandSpec[]): string {
  const groups = [...new Set(commands.map((c) => c.group))];
  const subs = groups.map((g) => {
    const names = commands.filter((c) => c.group === g).map((c) => c.name ?? '');
    return `    ${g}) words="${g === 'completion' ? 'bash zsh' : names.join(' ')}" ;;`;
  });
  // A command taking FILE arguments completes files, and its options after a "-".
  const opts = commands
    .filter((c) => c.name !== null)
    .map((c) =>
      c.positionals
        ? `    "${key(c)}") [[ "$cur" == -* ]] || { COMPREPLY=($(compgen -f -- "$cur")); return; }; words="${optionWords(c)}" ;;`
        : `    "${key(c)}") words="${optionWords(c)}" ;;`,
    );
  return `# bash completion for ballast: source <(ballast completion bash)
_ballast() {
  local cur prev words
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  case "$prev" in
    ${fileOptions(commands)}) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  if [ "$COMP_CWORD" -eq 1 ]; then
    words="${groups.join(' ')} --help --version"
  elif [ "$COMP_CWORD" -eq 2 ]; then
    case "\${COMP_WORDS[1]}" in
${subs.join('\n')}
    *) words="" ;;
    esac
  else
    case "\${COMP_WORDS[1]} \${COMP_WORDS[2]}" in
${opts.join('\n')}
    *) words="" ;;
    esac
  fi
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _ballast ballast
`;
}

function zsh(commands: readonly CommandSpec[]): string {
  const groups = [...new Set(commands.map((c) => c.group))];
  const subs = groups.map((g) => {
    const names = commands.filter((c) => c.group === g).map((c) => c.name ?? '');
    return `    ${g}) compadd -- ${g === 'completion' ? 'bash zsh' : names.join(' ')} ;;`;
  });
  const opts = commands
    .filter((c) => c.name !== null)
    .map(
      (c) => `    "${key(c)}") compadd -- ${optionWords(c)}${c.positionals ? '; _files' : ''} ;;`,
    );
  return `#compdef ballast
# zsh completion for ballast: source <(ballast completion zsh)
_ballast() {
  case "\${words[CURRENT-1]}" in
    ${fileOptions(commands)}) _files; return ;;
  esac
  if (( CURRENT == 2 )); then
    compadd -- ${groups.join(' ')} --help --version
  elif (( CURRENT == 3 )); then
    case "\${words[2]}" in
${subs.join('\n')}
    esac
  else
    case "\${words[2]} \${words[3]}" in
${opts.join('\n')}
    esac
  fi
}
if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then
  _ballast "$@"
else
  compdef _ballast ballast
fi
`;
}

export function completionScript(
  shell: string,
  commands: readonly CommandSpec[],
  io: CliIo,
): number {
  if (shell !== 'bash' && shell !== 'zsh')
    throw new UsageError(`completion for "${shell}" is not available: bash or zsh`);
  io.stdout(shell === 'bash' ? bash(commands) : zsh(commands));
  return 0;
}

/**
 * The command-line conventions (issue #25): `<command> --help` prints that command's usage and
 * exits 0, `--version` prints the package's version, `--json` answers in JSON where a machine reads
 * the output, and `completion bash|zsh` prints scripts the shells accept.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import cliPackage from '../../packages/ballast-cli/package.json';
import { COMMANDS } from './commands';
import { jsonLine } from './json-lines';
import { main } from './main';

async function run(argv: readonly string[], files: Readonly<Record<string, string>> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    readFile: (path) => files[path] ?? readFileSync(path, 'utf8'),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

const SPEC = 'test/fixtures/slo/checkout.openslo.yaml';

describe('ballast <command> --help', () => {
  it.each(COMMANDS.map((c) => [[c.group, c.name ?? 'bash'].join(' '), c] as const))(
    '%s --help prints its own usage on stdout and exits 0',
    async (_, command) => {
      const argv = command.name === null ? [command.group] : [command.group, command.name];
      const result = await run([...argv, '--help']);
      expect([result.code, result.stderr]).toEqual([0, '']);
      expect(result.stdout.split('\n').slice(0, 2)).toEqual([
        'Usage:',
        `  ballast ${command.synopsis.split('\n')[0]}`,
      ]);
    },
  );

  it('prints the help even when the other arguments are wrong', async () => {
    const result = await run(['deploy', 'record', '--nope', '-h']);
    expect([result.code, result.stdout.split('\n')[1]]).toEqual([
      0,
      '  ballast deploy record --target URL --secret-file FILE --service S --environment E',
    ]);
  });
});

describe('ballast <group> --help and ballast help <command>', () => {
  const groups = [...new Set(COMMANDS.filter((c) => c.name !== null).map((c) => c.group))];
  it.each(groups)('%s --help lists the commands of the group and exits 0', async (group) => {
    const result = await run([group, '--help']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    const synopses = result.stdout.split('\n').filter((line) => line.startsWith('  ballast '));
    expect(synopses).toEqual(
      COMMANDS.filter((c) => c.group === group).map(
        (c) => `  ballast ${c.synopsis.split('\n')[0]}`,
      ),
    );
  });

  it('help <command> is <command> --help; help of no command is a usage error', async () => {
    expect(await run(['help', 'sli', 'sync'])).toEqual(await run(['sli', 'sync', '--help']));
    const unknown = await run(['help', 'sli', 'pull']);
    expect([unknown.code, unknown.stderr.split('\n')[0]]).toEqual([
      2,
      'ballast: no command "sli pull"',
    ]);
  });
});

/** The compiled command (bin/ballast.mjs builds packages/ballast-cli/dist when it is stale). */
describe('the compiled ballast: every <command> --help', () => {
  const argvs = [
    ...COMMANDS.map((c) => (c.name === null ? [c.group] : [c.group, c.name])),
    ...new Set(COMMANDS.filter((c) => c.name !== null).map((c) => c.group)),
  ].map((argv) => (Array.isArray(argv) ? argv : [argv]));
  it.each(argvs.map((argv) => [argv.join(' '), argv] as const))(
    'ballast %s --help exits 0 with its usage on stdout',
    (_, argv) => {
      const result = spawnSync(process.execPath, ['bin/ballast.mjs', ...argv, '--help'], {
        encoding: 'utf8',
      });
      expect([result.status, result.stderr]).toEqual([0, '']);
      expect(result.stdout.split('\n')[0]).toBe('Usage:');
      const own = COMMANDS.filter((c) => c.group === argv[0] && (argv[1] ?? c.name) === c.name);
      for (const c of own) expect(result.stdout).toContain(`ballast ${c.synopsis.split('\n')[0]}`);
    },
    60_000,
  );
});

describe('ballast --version', () => {
  it('prints the version of packages/ballast-cli', async () => {
    expect(await run(['--version'])).toEqual({
      code: 0,
      stdout: `ballast ${cliPackage.version}\n`,
      stderr: '',
    });
  });
});

describe('--json', () => {
  it('slo validate --json prints the counts of a valid file', async () => {
    const result = await run(['slo', 'validate', SPEC, '--json']);
    expect([result.code, JSON.parse(result.stdout)]).toEqual([
      0,
      { file: SPEC, valid: true, slos: 3, slis: 1, services: 2, problems: [] },
    ]);
  });

  it('slo validate --json lists the problems and exits 1', async () => {
    const broken = readFileSync(SPEC, 'utf8').replace('target: 0.999', 'target: 1.5');
    const result = await run(['slo', 'validate', 'broken.yaml', '--json'], {
      'broken.yaml': broken,
    });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      file: 'broken.yaml',
      valid: false,
      slos: null,
      slis: null,
      services: null,
      problems: [
        {
          document: 'document 4 (SLO checkout-availability)',
          path: 'spec.objectives[0].target',
          message: 'number 1.5 is not allowed: a number from 0 up to but excluding 1, e.g. 0.999',
          line: 50,
        },
      ],
    });
  });

  it('turns a key=value line into a JSON object with numbers and booleans', () => {
    expect(
      JSON.parse(
        jsonLine(
          'pushed slo=a start=2026-03-01T00:00:00Z points=1440 duplicate=false id=a.20260301T0000Z',
        ),
      ),
    ).toEqual({
      event: 'pushed',
      slo: 'a',
      start: '2026-03-01T00:00:00Z',
      points: 1440,
      duplicate: false,
      id: 'a.20260301T0000Z',
    });
  });
});

describe('ballast completion', () => {
  it.each(['bash', 'zsh'])('prints a %s script the shell parses', async (shell) => {
    const result = await run(['completion', shell]);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toContain('--forecast-at');
    const installed = spawnSync(shell, ['-c', 'true']).status === 0;
    // A syntax check by the shell itself where it is installed (bash always is; zsh may not be).
    if (installed) expect(spawnSync(shell, ['-n'], { input: result.stdout }).status).toBe(0);
  });

  it('completes the options of a command in bash', async () => {
    const script = (await run(['completion', 'bash'])).stdout;
    const probe = `${script}\nCOMP_WORDS=(ballast slo report --fo); COMP_CWORD=3; _ballast; echo "\${COMPREPLY[*]}"`;
    const out = spawnSync('bash', ['-c', probe], { encoding: 'utf8' });
    expect(out.stdout).toBe('--format --forecast-at\n');
  });

  it('exits 2 for a shell it does not know', async () => {
    const result = await run(['completion', 'fish']);
    expect([result.code, result.stderr.split('\n')[0]]).toEqual([
      2,
      'ballast: completion for "fish" is not available: bash or zsh',
    ]);
  });
});

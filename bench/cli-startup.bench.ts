/**
 * How fast the compiled `ballast` command starts (issue #25: `--help` ≤ 150 ms; it took 2–3 s
 * when bin/ballast.mjs transpiled the TypeScript through tsx). Each run is a whole process, timed
 * from spawn to exit like hyperfine does, after a fresh build (scripts/build-cli.mjs).
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { buildCli } from '../scripts/build-cli.mjs';
import { time, type BenchSuite } from './harness';

const ENTRY = 'packages/ballast-cli/dist/ballast.mjs';

const start =
  (args: readonly string[], file = ENTRY) =>
  () => {
    const child = spawnSync(process.execPath, [file, ...args], { stdio: 'ignore' });
    if (child.status !== 0) throw new Error(`${file} ${args.join(' ')} exited ${child.status}`);
  };

/**
 * CPU time (user + sys) of the process by GNU time, where installed: unlike the wall clock it does
 * not include waiting for a core, so it holds on a busy machine (10 ms resolution; median of 20).
 */
function cpu(argv: readonly string[]): Record<string, string> {
  if (spawnSync('/usr/bin/time', ['-f', '%U', 'true']).status !== 0) return {};
  const samples = Array.from({ length: 20 }, () => {
    const child = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...argv], {
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const [user, sys] = child.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
    return (user! + sys!) * 1000;
  }).sort((a, b) => a - b);
  return { 'CPU user+sys (median, GNU time)': `${samples[10]!.toFixed(0)} ms` };
}

const suite: BenchSuite = {
  title: 'ballast command start-up',
  notes:
    'Whole processes (spawn to exit), 20 runs after 3 warm-ups, on the compiled command. "node -e 0" is Node starting and doing nothing: the floor under every row.',
  async run() {
    await buildCli({ quiet: true });
    const runs = { runs: 20, warmup: 3 };
    const nothing = () => {
      spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    };
    const floor = await time(nothing, runs);
    const floorCpu = cpu(['-e', '0']);
    // On a shared machine the wall clock includes waiting for a core: the figure above the floor
    // is what the command itself costs, and the load says how busy the machine was.
    const row = async (name: string, aim: string, args: readonly string[], file = ENTRY) => {
      const timing = await time(start(args, file), runs);
      return {
        name,
        aim,
        timing,
        extra: {
          'median above node -e 0': `${(timing.medianMs - floor.medianMs).toFixed(0)} ms`,
          ...cpu([file, ...args]),
          'load average (1 min)': loadavg()[0]!.toFixed(1),
        },
      };
    };
    return [
      {
        name: 'node -e 0 (Node.js start-up alone)',
        aim: 'the floor',
        timing: floor,
        extra: floorCpu,
      },
      await row('ballast --help (packages/ballast-cli/dist/ballast.mjs)', '≤ 150 ms (issue #25)', [
        '--help',
      ]),
      await row('ballast deploy record --help', '≤ 150 ms (issue #25)', [
        'deploy',
        'record',
        '--help',
      ]),
      await row(
        'ballast slo validate (loads yaml, zod and the OpenSLO parser)',
        'a fraction of a second',
        ['slo', 'validate', 'test/fixtures/slo/checkout.openslo.yaml'],
      ),
      await row(
        'bin/ballast.mjs --help (the repository’s shim: checks the build is current, then runs it)',
        '≤ 150 ms',
        ['--help'],
        'bin/ballast.mjs',
      ),
    ];
  },
};

export default suite;

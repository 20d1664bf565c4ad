import { isWorkType } from '../src/domain/work/work-type';
import { time, type BenchSuite } from './harness';

const suite: BenchSuite = {
  title: 'Harness self-check',
  async run() {
    const values = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? 'toil' : 'nope'));
    return [
      {
        name: 'isWorkType over 100,000 strings',
        aim: 'a baseline that shows the harness works',
        timing: await time(() => values.filter(isWorkType).length),
      },
    ];
  },
};
export default suite;

// `npm run bench`: every benchmark, one section each. Figures only; nothing here asserts.
import { benchFoundation } from './foundation';

const SECTIONS: Array<[string, () => Promise<void>]> = [
  ['台帐基础 (foundation)', benchFoundation],
];

for (const [title, run] of SECTIONS) {
  process.stdout.write(`\n== ${title}\n`);
  await run();
}

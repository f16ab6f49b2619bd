// `npm run bench`: every benchmark, one section each. Figures only; nothing here asserts.
import { benchCli } from './cli';
import { benchFoundation } from './foundation';
import { benchImport } from './import';
import { benchLargeStreet } from './large-street';
import { benchMemberList } from './member-list';
import { benchReports } from './reports';

const SECTIONS: Array<[string, () => Promise<void>]> = [
  ['命令行启动 (CLI start from the bundle)', benchCli],
  ['台帐基础 (foundation)', benchFoundation],
  ['党员列表 (member list, 5,000 members)', () => benchMemberList()],
  ['花名册导入 (import, 5,000 rows)', benchImport],
  ['台帐打印 (reports: roster, 5,000-member roster, yearly binder)', benchReports],
  ['大街道 (large street: 5,647 members, 68 branches)', benchLargeStreet],
];

for (const [title, run] of SECTIONS) {
  process.stdout.write(`\n== ${title}\n`);
  await run();
}

import { isIsoDate } from '../../../shared/dates';
import { ADMISSION_STAGE_LABELS, ADMISSION_STEP_LABELS } from '../../../shared/domain/admission';
import { listAdmission } from '../../ledger/admission';
import { findOrgByName } from '../../ledger/orgs';
import { type CliCommand, EXIT, UsageError, openLedgerFromArgs, printJson } from '../command';

export const admission: CliCommand = {
  name: 'admission',
  summary: '发展党员：每人所处阶段、各步骤日期、下一步及期限、提醒',
  usage: 'npm run -s ledger -- admission --db FILE [--org NAME] [--today YYYY-MM-DD] [--json]',
  options: { db: { type: 'string' }, org: { type: 'string' }, today: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }) {
    const today = typeof values.today === 'string' ? values.today : undefined;
    if (today !== undefined && !isIsoDate(today)) throw new UsageError(`--today 应为 年-月-日，例如 2025-12-31\n用法：${this.usage}`);
    const ledger = await openLedgerFromArgs(values, this);
    try {
      let orgId: number | null = null;
      if (typeof values.org === 'string') {
        const org = findOrgByName(ledger, values.org);
        if (!org) throw new UsageError(`找不到名为“${values.org}”的党组织。`);
        orgId = org.id;
      }
      const list = listAdmission(ledger, { orgId }, { today });
      const people = list.people.map((p) => ({
        name: p.name, org: p.org, stage: p.stage, steps: p.steps.map((s) => ({ step: s.step, date: s.date })),
        next: p.next ? { step: p.next.step, due: p.next.due } : null, warnings: p.warnings,
      }));
      if (values.json) printJson({ people });
      else {
        for (const p of list.people) {
          const next = p.next ? `下一步：${ADMISSION_STEP_LABELS[p.next.step]}${p.next.due ? `（${p.next.due} 前）` : ''}` : '';
          process.stdout.write(`${p.name}　${p.org}　${ADMISSION_STAGE_LABELS[p.stage]}　${next}\n`);
          for (const w of p.warnings) process.stdout.write(`  ！${w}\n`);
        }
        if (list.people.length === 0) process.stdout.write('没有正在发展的人员。\n');
      }
      return EXIT.ok;
    } finally {
      ledger.close();
    }
  },
};

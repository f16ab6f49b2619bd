// 民情卡 and 走千家 headlessly: `households` lists the households on file per org, `visits` the
// year's visits, households visited and open follow-ups per org (the figures the dashboard shows).
import { HOUSEHOLD_CATEGORY_LABELS } from '../../../shared/domain/household';
import { listHouseholds } from '../../ledger/households';
import type { Ledger } from '../../ledger/ledger';
import { findOrgByName } from '../../ledger/orgs';
import { visitSummary } from '../../ledger/visits';
import { type CliCommand, EXIT, UsageError, openLedgerFromArgs, printJson, requireString } from '../command';

function rootOf(ledger: Ledger, name: unknown): number | null {
  if (typeof name !== 'string') return null;
  const org = findOrgByName(ledger, name);
  if (!org) throw new UsageError(`找不到名为“${name}”的党组织。`);
  return org.id;
}

export const households: CliCommand = {
  name: 'households',
  summary: '民情卡：各党组织在册的住户、类别和联系党员',
  usage: 'npm run -s ledger -- households --db FILE [--org NAME] [--closed] [--json]',
  options: { db: { type: 'string' }, org: { type: 'string' }, closed: { type: 'boolean' }, json: { type: 'boolean' } },
  async run({ values }) {
    const ledger = await openLedgerFromArgs(values, this);
    try {
      const rows = listHouseholds(ledger, { orgId: rootOf(ledger, values.org), includeClosed: Boolean(values.closed) });
      const orgs = [...new Set(rows.map((h) => h.orgName))].map((org) => {
        const mine = rows.filter((h) => h.orgName === org);
        return {
          org,
          households: mine.length,
          list: mine.map((h) => ({
            head: h.head, address: h.addressLine, categories: h.categories.map((c) => HOUSEHOLD_CATEGORY_LABELS[c]),
            status: h.closedOn ? '已注销' : '在册', registeredOn: h.registeredOn, closedOn: h.closedOn, contacts: h.contacts, visits: h.visitCount,
          })),
        };
      });
      if (values.json) {
        printJson({ orgs });
      } else {
        for (const o of orgs) {
          process.stdout.write(`\n${o.org}　${o.households} 户\n`);
          for (const h of o.list) process.stdout.write(`  ${h.head}　${h.address}　${h.categories.join('、') || '—'}　联系党员：${h.contacts.join('、') || '—'}${h.closedOn ? `　已注销 ${h.closedOn}` : ''}\n`);
        }
        if (orgs.length === 0) process.stdout.write('没有民情卡。\n');
      }
      return EXIT.ok;
    } finally {
      ledger.close();
    }
  },
};

export const visits: CliCommand = {
  name: 'visits',
  summary: '走千家：各党组织全年走访次数、走访户数和未办结的转办事项',
  usage: 'npm run -s ledger -- visits --db FILE --year 2025 [--org NAME] [--json]',
  options: { db: { type: 'string' }, year: { type: 'string' }, org: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }) {
    const yearText = requireString(values, 'year', this);
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 1921 || year > 2200) throw new UsageError(`--year 应为四位年份，例如 2025\n用法：${this.usage}`);
    const ledger = await openLedgerFromArgs(values, this);
    try {
      const summary = visitSummary(ledger, year, rootOf(ledger, values.org));
      if (values.json) {
        printJson(summary);
      } else {
        process.stdout.write(`${year} 年走千家情况\n`);
        for (const o of summary.orgs) process.stdout.write(`${o.org}　走访 ${o.visits} 次，${o.households} 户，未办结转办 ${o.followUpsOpen} 件\n`);
        if (summary.orgs.length === 0) process.stdout.write('没有民情卡和走访记录。\n');
      }
      return EXIT.ok;
    } finally {
      ledger.close();
    }
  },
};

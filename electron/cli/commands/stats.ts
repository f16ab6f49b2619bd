import { isIsoDate, today } from '../../../shared/dates';
import { ledgerStats, rollStats } from '../../ledger/stats';
import { type CliCommand, EXIT, openLedgerFromArgs, printJson } from '../command';

export const stats: CliCommand = {
  name: 'stats',
  summary: '显示台帐中各类记录的数量',
  usage: 'npm run -s ledger -- stats --db FILE [--as-of YYYY-MM-DD] [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' }, 'as-of': { type: 'string' } },
  async run({ values }) {
    const asOf = typeof values['as-of'] === 'string' ? values['as-of'] : today();
    if (!isIsoDate(asOf)) {
      process.stderr.write(`--as-of 的日期不正确：${asOf}。请写成 YYYY-MM-DD，例如 2025-12-31。\n`);
      return EXIT.usage;
    }
    const ledger = await openLedgerFromArgs(values, this);
    try {
      // The roll of that date (members, full, probationary, byOrg) replaces today's member count.
      const { byOrg, ...roll } = rollStats(ledger, asOf);
      const counts = { ...ledgerStats(ledger), ...roll };
      if (values.json) printJson({ ...counts, byOrg });
      else {
        for (const [k, v] of Object.entries(counts)) process.stdout.write(`${k.padEnd(24)}${v}\n`);
        for (const o of byOrg) process.stdout.write(`  ${o.org}：正式党员 ${o.full}，预备党员 ${o.probationary}\n`);
      }
      return EXIT.ok;
    } finally {
      ledger.close();
    }
  },
};

import { ledgerStats } from '../../ledger/stats';
import { type CliCommand, EXIT, openLedgerFromArgs, printJson } from '../command';

export const stats: CliCommand = {
  name: 'stats',
  summary: '显示台帐中各类记录的数量',
  usage: 'npm run -s ledger -- stats --db FILE [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }) {
    const ledger = await openLedgerFromArgs(values, this);
    try {
      const counts = ledgerStats(ledger);
      if (values.json) printJson(counts);
      else for (const [k, v] of Object.entries(counts)) process.stdout.write(`${k.padEnd(24)}${v}\n`);
      return EXIT.ok;
    } finally {
      ledger.close();
    }
  },
};

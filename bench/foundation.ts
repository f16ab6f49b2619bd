// The foundation's figures on the demo street: create it, unlock it (scrypt included), and a
// roster query of every member with their org names.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ledger } from '../electron/ledger/ledger';
import { createDemoStreet } from '../electron/ledger/demo';
import { listMembers } from '../electron/ledger/members';
import { ledgerStats } from '../electron/ledger/stats';
import { fmtMs, median, row, timeOnce } from './measure';

export async function benchFoundation(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-foundation-'));
  const path = join(dir, 'demo.ledger');
  const password = 'bench-password-1';
  try {
    const created = await timeOnce(() => createDemoStreet(path, password));
    const stats = ledgerStats(created.value.ledger);
    created.value.ledger.close();
    row('create the demo street', `${fmtMs(created.ms)}  (${stats.orgs} orgs, ${stats.members} members, ${stats.activities} activities, ${stats.attendance} attendance rows)`);
    let ledger: Ledger | undefined;
    const unlock = await median(5, async () => {
      ledger?.close();
      ledger = await Ledger.open(path, password);
    });
    row('unlock (scrypt N=2^16 + SQLCipher open)', fmtMs(unlock));
    let n = 0;
    const roster = await median(20, () => {
      n = listMembers(ledger!).length;
    });
    row(`roster query, all ${n} members with org names`, fmtMs(roster));
    ledger?.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

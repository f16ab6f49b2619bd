// Inputs and leftovers: unlock attempts one at a time, temp tables in memory, temp files a crash
// left behind removed at the next open.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Ledger } from '../../electron/ledger/ledger';
import { readAttempts } from '../../electron/ledger/unlock-throttle';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

describe('leftovers', () => {
  it('40 unlock attempts at once are checked one at a time: 4 free tries, then waits', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    t.ledger.close();
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => Ledger.open(t.path, `guess-${i}-password`).then(() => 'opened', (e) => e.code as string)));
    const tally = (code: string) => outcomes.filter((c) => c === code).length;
    // Four wrong passwords are free; the fifth starts a wait, and every later attempt is refused unchecked.
    expect({ wrong: tally('WRONG_PASSWORD'), waits: tally('TOO_MANY_ATTEMPTS'), counted: readAttempts(t.path).failures }).toEqual({ wrong: 4, waits: 36, counted: 5 });
  });

  it('keeps SQLite temp tables in memory and removes temp files left by a dead process', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    expect(t.ledger.db.pragma('temp_store', { simple: true })).toBe(2);
    t.ledger.close();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = [`${t.path}.keys.tmp-${dead}`, `${t.path}.creating-${dead}`, `${t.path}.creating-${dead}.keys`, `${t.path}.attempts.tmp-${dead}`];
    const live = `${t.path}.tmp-${process.pid}`; // this process's own: still being written
    for (const p of [...stale, live]) writeFileSync(p, 'x');
    const l = await Ledger.open(t.path, TEST_PASSWORD);
    l.close();
    expect(stale.filter(existsSync)).toEqual([]);
    expect(existsSync(live)).toBe(true);
  });
});

// `demo` through the real CLI: same output as `init`, refuses to overwrite, and the street opens.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-ledger';

const { dir, cleanup } = tempDir('ledger-demo-cli-');
afterAll(cleanup);
const db = join(dir, 'demo.ledger');
const PW = 'demo-password-1';

describe('CLI: demo', () => {
  it('creates the demo street, prints the recovery key like init, and refuses to overwrite', () => {
    const r = runCli(['demo', '--db', db, '--json', '--today', '2026-11-22'], { LEDGER_PASSWORD: PW });
    expect(r.code, r.stderr).toBe(0);
    const out = r.json();
    expect(Object.keys(out).sort()).toEqual(['db', 'recoveryKey']);
    expect(out.db).toBe(db);
    expect(out.recoveryKey).toMatch(/^([A-Z2-9]{4}-){7}[A-Z2-9]{4}$/);
    const again = runCli(['demo', '--db', db, '--json'], { LEDGER_PASSWORD: PW });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('不会覆盖');
    const stats = runCli(['stats', '--db', db, '--json'], { LEDGER_PASSWORD: PW });
    expect(stats.code, stats.stderr).toBe(0);
    expect(stats.json().members).toBeGreaterThanOrEqual(600);
    expect(stats.json().activities).toBeGreaterThan(3000);
  }, 180_000);

  it('rejects a malformed --today or --seed with a usage error', () => {
    const badDate = runCli(['demo', '--db', join(dir, 'x.ledger'), '--today', '2026-13-01'], { LEDGER_PASSWORD: PW });
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--today');
    const badSeed = runCli(['demo', '--db', join(dir, 'y.ledger'), '--seed', 'abc'], { LEDGER_PASSWORD: PW });
    expect(badSeed.code).toBe(2);
    expect(badSeed.stderr).toContain('--seed');
  }, 60_000);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ledger } from '../../electron/ledger/ledger';

/** Cheap scrypt for tests: the cost parameter is not what they check. */
export const TEST_KDF = { N: 1 << 12, r: 8, p: 1 };
export const TEST_PASSWORD = 'ceshi-mima-2026';

export function tempDir(prefix = 'ledger-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh, real encrypted ledger in a temp folder. */
export async function tempLedger(): Promise<{ ledger: Ledger; path: string; dir: string; recoveryKey: string; cleanup: () => void }> {
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'test.ledger');
  const { ledger, recoveryKey } = await Ledger.create(path, TEST_PASSWORD, { kdf: TEST_KDF });
  return { ledger, path, dir, recoveryKey, cleanup: () => { ledger.close(); cleanup(); } };
}

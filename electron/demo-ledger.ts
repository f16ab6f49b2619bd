// A fresh ledger for the demo host and the app's 「演示街道」: the demo street, or (for tests
// that want a blank start) an empty ledger with only the street committee.
import { createDemoStreet } from './ledger/demo';
import { Ledger } from './ledger/ledger';
import { ensureWorkingCommittee } from './ledger/orgs';

/** The demo street's password: printed by `npm run demo` and shown on its unlock screen. */
export const DEMO_PASSWORD = 'dangjian2025';

export async function createDemoLedger(path: string, password: string, opts: { empty?: boolean } = {}): Promise<void> {
  const { ledger } = opts.empty ? await Ledger.create(path, password, { userName: '演示管理员' }) : await createDemoStreet(path, password);
  try {
    if (opts.empty) ensureWorkingCommittee(ledger);
  } finally {
    ledger.close();
  }
}

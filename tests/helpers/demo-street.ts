// The demo street the integration tests read (today 2026-11-22, the default seed, TEST_PASSWORD):
// built once by vitest's global setup into tmp/test-cache (kept while nothing it is built from
// changes), then copied per test file. Building it takes 8–18 s on these machines; a copy takes
// milliseconds, and a copy opened is the same ledger createDemoStreet returns.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';
import { createDemoStreet } from '../../electron/ledger/demo';
import { keysPathFor, Ledger } from '../../electron/ledger/ledger';
import { TEST_KDF, TEST_PASSWORD } from './temp-ledger';

export const DEMO_TODAY = '2026-11-22';

declare module 'vitest' {
  interface ProvidedContext {
    demoStreetTemplate: string;
  }
}

const root = resolve(__dirname, '../..');

/**
 * What the street is built from, by content: the ledger's sources (the demo generator, services,
 * migrations) and shared/ among the bundles' inputs (dist/electron/inputs.json), and this file.
 * An edit elsewhere (the API, import, reports, the renderer) keeps the template.
 */
function sourcesDigest(): string {
  const { inputs } = JSON.parse(readFileSync(join(root, 'dist', 'electron', 'inputs.json'), 'utf8')) as { inputs: string[] };
  const used = inputs.filter((f) => f.startsWith('electron/ledger/') || f.startsWith('shared/'));
  const h = createHash('sha256');
  for (const file of [...used, 'tests/helpers/demo-street.ts', 'tests/helpers/temp-ledger.ts'].sort()) {
    h.update(file).update('\0');
    if (existsSync(join(root, file))) h.update(readFileSync(join(root, file)));
  }
  return h.digest('hex').slice(0, 16);
}

/** Global setup: the template's path, built when missing or built from other sources. */
export async function ensureDemoTemplate(): Promise<string> {
  const cache = join(root, 'tmp', 'test-cache');
  const file = join(cache, `demo-street-${sourcesDigest()}.ledger`);
  if (existsSync(file) && existsSync(keysPathFor(file))) return file;
  mkdirSync(cache, { recursive: true });
  const building = join(cache, `building-${process.pid}`);
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building);
  const path = join(building, 'demo.ledger');
  const { ledger } = await createDemoStreet(path, TEST_PASSWORD, { today: DEMO_TODAY, kdf: TEST_KDF });
  ledger.close();
  // Templates from other sources go once no run can still be copying them (an hour on).
  for (const old of readdirSync(cache)) {
    const at = join(cache, old);
    if (old.startsWith('demo-street-') && Date.now() - statSync(at).mtimeMs > 3_600_000) rmSync(at, { force: true });
  }
  // The keys first: a ledger file without its keys is never taken for a template.
  renameSync(keysPathFor(path), keysPathFor(file));
  renameSync(path, file);
  rmSync(building, { recursive: true, force: true });
  return file;
}

/** The demo street copied to `path` (in the caller's temp folder); its password is TEST_PASSWORD. */
export function copyDemoStreet(path: string): void {
  const template = inject('demoStreetTemplate');
  copyFileSync(template, path);
  copyFileSync(keysPathFor(template), keysPathFor(path));
}

/** The demo street copied to `path` and opened. */
export async function openDemoCopy(path: string): Promise<Ledger> {
  copyDemoStreet(path);
  return Ledger.open(path, TEST_PASSWORD);
}

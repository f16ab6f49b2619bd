// Bundles a TypeScript entry (a child process or worker of a test) into one .mjs with esbuild,
// so it starts in a fraction of tsx's start-up time. The bundle sits under node_modules/.cache
// so its bare imports (better-sqlite3-multiple-ciphers, @e965/xlsx …) resolve as in the app.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(__dirname, '../..');

export async function bundleEntry(entry: string): Promise<{ file: string; cleanup: () => void }> {
  const cache = join(root, 'node_modules', '.cache', 'ledger-tests');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'bundle-'));
  const file = join(dir, `${basename(entry, '.ts')}.mjs`);
  await build({ entryPoints: [join(root, entry)], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: file, logLevel: 'warning' });
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

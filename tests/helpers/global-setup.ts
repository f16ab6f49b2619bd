// vitest's global setup: builds the bundles in dist/electron once per run when they are missing or
// stale, so every CLI test, worker and the Electron main test start from them.
import { ensureBundles } from '../../scripts/bundle.mjs';

export default async function setup(): Promise<void> {
  await ensureBundles();
}

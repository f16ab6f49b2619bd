// vitest's global setup: builds the bundles in dist/electron once per run when they are missing or
// stale, so every CLI test, worker and the Electron main test start from them; then the demo
// street the integration tests copy (tests/helpers/demo-street.ts), built only when its sources changed.
import type { TestProject } from 'vitest/node';
import { ensureBundles } from '../../scripts/bundle.mjs';
import { ensureDemoTemplate } from './demo-street';

export default async function setup(project: TestProject): Promise<void> {
  await ensureBundles();
  project.provide('demoStreetTemplate', await ensureDemoTemplate());
}

#!/usr/bin/env node
// `node scripts/run-bundled.mjs cli|demo ARGS…` (`npm run ledger`, `npm run demo`): starts the CLI
// or the demo host from its bundle in this process, building the bundles first when they are
// missing or stale, and the SQLCipher module for Node when it was built for Electron.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ensureBundles, outDir, root } from './bundle.mjs';

const [name] = process.argv.splice(2, 1);
if (name !== 'cli' && name !== 'demo') {
  process.stderr.write('用法：node scripts/run-bundled.mjs cli|demo 参数…\n');
  process.exit(2);
}
const require = createRequire(join(root, 'package.json'));

// Loading the binary here costs nothing (the command loads it anyway, from require's cache); only
// when it does not load is scripts/native.mjs asked to rebuild it.
try {
  require(join(root, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node'));
} catch {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'native.mjs'), 'node'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await ensureBundles();
require(join(outDir, `${name}.cjs`));

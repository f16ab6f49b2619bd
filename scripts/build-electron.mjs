#!/usr/bin/env node
// Builds every bundle in dist/electron (scripts/bundle.mjs): main.cjs, preload.cjs, the import
// and report workers, and cli.cjs / demo.cjs for `npm run ledger` and `npm run demo`.
import { buildBundles, outDir } from './bundle.mjs';

const outputs = await buildBundles();
console.log(`已构建：${outDir}/${outputs.join(', ')}`);

#!/usr/bin/env node
// Bundles the main process for Electron: dist/electron/main.cjs (+ the import and report worker
// threads beside it) and the sandboxed preload.cjs. Dependencies stay in node_modules (the
// native SQLCipher module cannot be bundled); the preload bundles everything, since a sandboxed
// preload may require nothing but 'electron'.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'electron');
// CommonJS has no import.meta: modules that locate files beside themselves get this file's URL.
const importMetaShim = { banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" }, define: { 'import.meta.url': '__importMetaUrl' } };
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: false, logLevel: 'warning', absWorkingDir: root };

await Promise.all([
  build({
    ...common,
    ...importMetaShim,
    entryPoints: {
      main: 'electron/main.ts',
      'import-worker': 'electron/import/worker.ts',
      'report-worker': 'electron/reports/render-worker.ts',
    },
    outdir: out,
    outExtension: { '.js': '.cjs' },
    packages: 'external',
    external: ['electron'],
  }),
  build({ ...common, entryPoints: { preload: 'electron/preload.ts' }, outdir: out, outExtension: { '.js': '.cjs' }, external: ['electron'] }),
]);
console.log(`已构建：${out}/main.cjs, preload.cjs, import-worker.cjs, report-worker.cjs`);

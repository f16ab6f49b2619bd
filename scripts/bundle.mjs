// The esbuild bundles in dist/electron: the Electron main process and preload, the import and
// report worker threads, and the Node entries the CLI (`npm run ledger`) and the demo host
// (`npm run demo`) start from. Built once, rebuilt only when a file that went into them changed:
// starting from the bundle takes a fraction of a second where tsx spent about 3 s transpiling.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const outDir = join(root, 'dist', 'electron');
/** Every input of the last build (paths from the root) and the build's time: the freshness check. */
const stampFile = join(outDir, 'inputs.json');
const SELF = ['scripts/bundle.mjs', 'package.json', 'package-lock.json'];

/**
 * Packages bundled into the Node entries instead of required from node_modules: zod's CommonJS
 * build is some hundred files, and resolving them was most of the CLI's start-up.
 */
const BUNDLED_PACKAGES = ['zod'];

/** esbuild's `packages: 'external'` with exceptions. */
function externalPackagesBut(bundled) {
  return {
    name: 'external-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        const pkg = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
        return bundled.includes(pkg) ? undefined : { path: args.path, external: true };
      });
    },
  };
}

/** True when the bundles exist and no file they were built from changed since. A few ms. */
export function bundleIsFresh() {
  if (!existsSync(stampFile)) return false;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return false;
  }
  for (const file of [...stamp.inputs, ...SELF]) {
    let mtime;
    try {
      mtime = statSync(join(root, file)).mtimeMs;
    } catch {
      return false;
    }
    if (mtime > stamp.builtAt) return false;
  }
  return stamp.outputs.every((f) => existsSync(join(outDir, f)));
}

/**
 * Builds every bundle. Dependencies stay in node_modules (the native SQLCipher module cannot be
 * bundled); the preload bundles everything, since a sandboxed preload may require nothing but
 * 'electron'. Each file is written beside and renamed into place, so a process starting from an
 * old bundle meanwhile never reads half a file.
 */
export async function buildBundles() {
  const { build } = await import('esbuild');
  const builtAt = Date.now();
  // CommonJS has no import.meta: modules that locate files beside themselves get this file's URL.
  const importMetaShim = { banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" }, define: { 'import.meta.url': '__importMetaUrl' } };
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: false, logLevel: 'warning', absWorkingDir: root, outdir: outDir, outExtension: { '.js': '.cjs' }, write: false, metafile: true, external: ['electron'] };
  const results = await Promise.all([
    build({
      ...common,
      ...importMetaShim,
      entryPoints: {
        main: 'electron/main.ts',
        cli: 'electron/cli.ts',
        demo: 'electron/demo.ts',
        'import-worker': 'electron/import/worker.ts',
        'report-worker': 'electron/reports/render-worker.ts',
        'ledger-thread': 'electron/ledger-thread/worker.ts',
      },
      plugins: [externalPackagesBut(BUNDLED_PACKAGES)],
    }),
    build({ ...common, entryPoints: { preload: 'electron/preload.ts' } }),
  ]);
  mkdirSync(outDir, { recursive: true });
  const outputs = [];
  for (const file of results.flatMap((r) => r.outputFiles)) {
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
    outputs.push(file.path.slice(outDir.length + 1));
  }
  const inputs = [...new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)))].filter((f) => !f.startsWith('node_modules/'));
  const temp = `${stampFile}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify({ builtAt, inputs, outputs }));
  renameSync(temp, stampFile);
  return outputs;
}

/** Builds when missing or stale; says so on stderr (stdout may be a command's JSON). */
export async function ensureBundles() {
  if (bundleIsFresh()) return;
  process.stderr.write('正在构建程序包（esbuild）…\n');
  await buildBundles();
}

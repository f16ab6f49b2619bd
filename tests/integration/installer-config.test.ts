// The Windows installer cannot be built here (no Electron download, no Windows toolchain), so its
// configuration is checked the way electron-builder itself reads it: loaded by electron-builder's
// own config loader, validated against its JSON schema, and then held to what the issue asks.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const require = createRequire(join(root, 'package.json'));
// electron-builder's own modules, resolved as electron-builder resolves them.
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'));
const { getConfig, validateConfiguration } = builderRequire('./out/util/config/config') as {
  getConfig: (projectDir: string) => Promise<Record<string, any>>;
  validateConfiguration: (config: unknown, logger: { isEnabled: boolean; add: () => void }) => Promise<void>;
};
const minimatch = builderRequire('minimatch') as { minimatch: (path: string, pattern: string, opts?: object) => boolean };
const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number> };

const NATIVE = 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node';

async function config() {
  return getConfig(root);
}

/**
 * electron-builder's `files` (normalised to [{ filter }] by its loader): production node_modules
 * are added on their own unless a pattern excludes them; later patterns win; ! excludes.
 */
function included(path: string, files: Array<string | { filter: string[] }>): boolean {
  let inc = path.startsWith('node_modules/');
  for (const p of files.flatMap((f) => (typeof f === 'string' ? [f] : f.filter))) {
    if (p.startsWith('!')) {
      if (minimatch.minimatch(path, p.slice(1), { dot: true })) inc = false;
    } else if (minimatch.minimatch(path, p, { dot: true })) inc = true;
  }
  return inc;
}

describe('the Windows installer configuration (electron-builder.yml)', () => {
  it('loads and passes electron-builder’s own schema', async () => {
    const c = await config();
    await expect(validateConfiguration(c, { isEnabled: false, add: () => {} })).resolves.toBeUndefined();
    // The check is real: a misspelt option is refused.
    await expect(validateConfiguration({ ...c, nsis: { ...c.nsis, perMachin: false } }, { isEnabled: false, add: () => {} })).rejects.toThrow(/configuration\.nsis/);
  });

  it('names the app and targets an x64 NSIS installer, per-user, in Chinese, with both shortcuts', async () => {
    const c = await config();
    expect(c.appId).toMatch(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)+$/);
    expect(c.productName).toBe('党建台帐');
    expect(c.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(c.nsis).toMatchObject({
      oneClick: false, perMachine: false, allowElevation: false,
      installerLanguages: ['zh_CN'], language: '2052', multiLanguageInstaller: false, unicode: true,
      createDesktopShortcut: 'always', createStartMenuShortcut: true, shortcutName: '党建台帐',
      deleteAppDataOnUninstall: false,
    });
  });

  it('packs the built app and unpacks the SQLCipher .node file from the asar', async () => {
    const c = await config();
    expect(c.asar).toBe(true);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(included(pkg.main, c.files)).toBe(true);
    expect(included('dist/renderer/index.html', c.files)).toBe(true);
    expect(included('dist/electron/import-worker.cjs', c.files)).toBe(true);
    expect(included('dist/electron/cli.cjs', c.files)).toBe(false);
    expect(included('dist/electron/inputs.json', c.files)).toBe(false);
    expect(included(NATIVE, c.files)).toBe(true);
    expect(included('node_modules/antd/lib/index.js', c.files)).toBe(false);
    expect(included('node_modules/better-sqlite3-multiple-ciphers/deps/sqlite3/sqlite3.c', c.files)).toBe(false);
    expect(c.asarUnpack.some((p: string) => minimatch.minimatch(NATIVE, p, { dot: true }))).toBe(true);
    // …and that file really is where the pattern says (the name the module loads).
    expect(existsSync(join(root, NATIVE))).toBe(true);
    expect(readFileSync(join(root, 'node_modules/better-sqlite3-multiple-ciphers/lib/database.js'), 'utf8')).toContain('better_sqlite3.node');
  });

  it('leaves out only packages the main process never imports', async () => {
    const c = await config();
    const files = (dir: string): string[] => readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []);
    const used = new Set<string>();
    for (const f of [...files('electron'), ...files('shared')]) {
      for (const m of readFileSync(join(root, f), 'utf8').matchAll(/(?:from|import|require\()\s*['"]([^'".][^'"]*)['"]/g)) {
        const spec = m[1]!;
        if (spec.startsWith('node:') || spec === 'electron') continue;
        used.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
    expect(used.has('better-sqlite3-multiple-ciphers')).toBe(true);
    expect([...used].filter((pkg) => !included(`node_modules/${pkg}/package.json`, c.files))).toEqual([]);
  });

  it('ships the PDF font and its licence as extra resources', async () => {
    const c = await config();
    expect(c.extraResources).toEqual([{ from: 'resources/fonts', to: 'fonts', filter: ['**/*'] }]);
    const fonts = join(root, 'resources/fonts');
    expect(existsSync(join(fonts, 'LXGWWenKai-Regular.ttf'))).toBe(true);
    expect(readFileSync(join(fonts, 'OFL.txt'), 'utf8')).toContain('SIL OPEN FONT LICENSE');
  });

  it('flips the Electron fuses: no RunAsNode, NODE_OPTIONS or inspect; cookie encryption and asar integrity on', async () => {
    const c = await config();
    expect(c.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // Each maps onto a fuse that @electron/fuses (what electron-builder flips them with) knows.
    for (const name of ['RunAsNode', 'EnableNodeOptionsEnvironmentVariable', 'EnableNodeCliInspectArguments', 'EnableCookieEncryption', 'EnableEmbeddedAsarIntegrityValidation', 'OnlyLoadAppFromAsar', 'GrantFileProtocolExtraPrivileges']) {
      expect(typeof FuseV1Options[name]).toBe('number');
    }
  });

  it('has the scripts that switch the native module between Node and Electron', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.pretest).toBe('node scripts/native.mjs node');
    expect(pkg.scripts.prestart).toBe('node scripts/native.mjs electron');
    expect(pkg.scripts['dist:win']).toBe('node scripts/dist-win.mjs');
    // Run for real: the module here is built for this Node, so it reports "fits" without rebuilding.
    const r = spawnSync(process.execPath, [join(root, 'scripts/native.mjs'), 'node', '--check', '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ target: 'node', ok: true, rebuilt: false, current: { runtime: 'node', abi: process.versions.modules } });
    const e = spawnSync(process.execPath, [join(root, 'scripts/native.mjs'), 'electron', '--check', '--json'], { encoding: 'utf8' });
    expect(e.status).toBe(1);
    expect(JSON.parse(e.stdout)).toMatchObject({ target: 'electron', ok: false, want: { abi: readFileSync(join(root, 'node_modules/electron/abi_version'), 'utf8').trim() } });
  });
});

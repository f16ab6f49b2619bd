#!/usr/bin/env node
// Builds the Windows installer: `npm run dist:win` on a Windows PC with internet.
//   1. `npm run build` (renderer with Vite, main + preload bundles) when the project has it;
//   2. electron-builder --win nsis --x64 (electron-builder.yml): it rebuilds the SQLCipher module
//      for Electron's ABI, packs app.asar, unpacks the .node file, flips the fuses, and writes
//      release/dangjian-ledger-<version>-setup-x64.exe.
// Afterwards node_modules holds the Electron build of the module; `npm test` switches it back
// (pretest → scripts/native.mjs node).
//
// From Linux or macOS this stops: the module would have to be compiled for Windows, which
// node-gyp cannot cross-compile; --force tries anyway (electron-builder then needs to download a
// prebuilt Windows binary of the module, so internet is required).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');
const win = process.platform === 'win32';

function run(cmd, args) {
  process.stderr.write(`[dist:win] ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: win });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!win && !force) {
  process.stderr.write(
    '[dist:win] 请在 Windows 电脑上运行（需要联网）：SQLCipher 模块必须在 Windows 上为 Electron 编译，\n' +
      '           在 Linux/macOS 上无法交叉编译。确有预编译文件可下载时，可加 --force 继续。\n',
  );
  process.exit(1);
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (pkg.scripts?.build) run('npm', ['run', 'build']);
else process.stderr.write('[dist:win] 提示：package.json 没有 build 脚本，直接打包现有的 dist/。\n');
run(join(root, 'node_modules', '.bin', win ? 'electron-builder.cmd' : 'electron-builder'), ['--win', 'nsis', '--x64', '--publish', 'never']);
process.stderr.write(`[dist:win] 完成：安装程序在 ${join(root, 'release')}\n`);

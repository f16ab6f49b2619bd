#!/usr/bin/env node
// Keeps the SQLCipher module (better-sqlite3-multiple-ciphers) built for the runtime about to
// use it: Node's ABI for `npm test` and the CLI, Electron's for `npm start` and packaging.
// Which ABI the current binary has is found by loading it in a Node child (and reading the
// NODE_MODULE_VERSION from the refusal), so it is right even after electron-builder or
// `npm ci` rebuilt it behind our back. It rebuilds only when the ABI is wrong.
//
//   node scripts/native.mjs node|electron [--root PROJECT_DIR] [--check] [--json] [--verbose]
//
// --root: another project holding node_modules/better-sqlite3-multiple-ciphers (used to try the
// rebuild on a copy); Electron's version is always this app's.
//
// Exit 0: the binary fits (already, or after a rebuild). Exit 1: it does not and could not be
// rebuilt (the message says why). --check only reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MODULE = 'better-sqlite3-multiple-ciphers';
const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(appRoot, 'package.json'));

const args = process.argv.slice(2);
const target = args.find((a) => a === 'node' || a === 'electron');
const check = args.includes('--check');
const json = args.includes('--json');
const verbose = args.includes('--verbose');
const rootArg = args.indexOf('--root');
const root = rootArg >= 0 ? resolve(args[rootArg + 1]) : appRoot;
const moduleDir = join(root, 'node_modules', MODULE);
const binary = join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
const stampFile = join(moduleDir, 'build', 'Release', '.built-for.json');

function say(text) {
  if (!json) process.stderr.write(`[native] ${text}\n`);
}

export function electronInfo() {
  const dir = join(appRoot, 'node_modules', 'electron');
  if (!existsSync(join(dir, 'package.json'))) return null;
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  let abi = existsSync(join(dir, 'abi_version')) ? readFileSync(join(dir, 'abi_version'), 'utf8').trim() : null;
  if (!abi) {
    try {
      abi = String(require('node-abi').getAbi(version, 'electron'));
    } catch {
      abi = null;
    }
  }
  return { version, abi };
}

/** The ABI the binary was built for: loaded by this Node → Node's; refused → the number it names. */
export function detect() {
  if (!existsSync(binary)) return { runtime: 'none', abi: null };
  const r = spawnSync(process.execPath, ['-e', 'process.dlopen({ exports: {} }, process.argv[1])', binary], { encoding: 'utf8' });
  if (r.status === 0) return { runtime: 'node', abi: process.versions.modules };
  const m = /NODE_MODULE_VERSION (\d+)\. This version of Node\.js requires/.exec(r.stderr ?? '');
  const abi = m ? m[1] : null;
  const e = electronInfo();
  return { runtime: abi && e && abi === e.abi ? 'electron' : 'unknown', abi, error: m ? undefined : (r.stderr ?? '').split('\n').find((l) => l.trim()) };
}

function stamp(runtime, version, abi) {
  writeFileSync(stampFile, `${JSON.stringify({ runtime, version, abi, platform: process.platform, arch: process.arch, builtAt: new Date().toISOString() }, null, 2)}\n`);
}

function withBins(env) {
  const bins = [join(moduleDir, 'node_modules', '.bin'), join(root, 'node_modules', '.bin'), join(appRoot, 'node_modules', '.bin')];
  const nodePrefix = process.config?.variables?.node_prefix;
  const extra = {};
  // Offline machines: point node-gyp at the installed Node headers instead of downloading them.
  if (!env.npm_config_nodedir && nodePrefix && existsSync(join(nodePrefix, 'include', 'node', 'node.h'))) extra.npm_config_nodedir = nodePrefix;
  return { ...env, ...extra, PATH: [...bins, env.PATH ?? ''].join(delimiter) };
}

function rebuildForNode() {
  say(`为 Node ${process.version}（ABI ${process.versions.modules}）重新编译 ${MODULE}，约需一分钟……`);
  // The package's own install script: a prebuilt download where there is internet, else node-gyp.
  const r = spawnSync('npm', ['run', 'install', '--silent'], { cwd: moduleDir, env: withBins(process.env), stdio: json ? 'ignore' : 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    say(`编译命令退出码 ${r.status ?? r.signal}${r.error ? `（${r.error.message}）` : ''}：见上面的输出；离线时需要本机的 Node 头文件和 C++ 编译器。`);
    return false;
  }
  const after = detect();
  if (after.runtime !== 'node') {
    say(`编译完成，但模块仍不能被 Node 加载（ABI ${after.abi ?? '未知'}${after.error ? `：${after.error}` : ''}）。`);
    return false;
  }
  // The label only once the binary is known to load: a failed build never claims to be in place.
  stamp('node', process.version, process.versions.modules);
  return true;
}

/** Why a download or build for Electron failed, in words a newcomer can act on. */
function electronFailure(err) {
  const text = String(err?.stack ?? err?.message ?? err);
  if (/ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|ECONNRESET|socket hang up|getaddrinfo|network/i.test(text)) {
    return '无法联网下载 Electron 的头文件（electronjs.org / headers）。请在能上网的电脑上运行，或先把头文件放进 ~/.electron-gyp。';
  }
  if (/node-gyp|gyp ERR|make: \*\*\*|MSBuild|cl\.exe|g\+\+/i.test(text)) return '编译器报错（node-gyp）：请安装 C++ 编译工具（Windows 上为 Visual Studio 生成工具），并确认 Node 版本 ≥ 22.12。';
  return '';
}

async function rebuildForElectron(e) {
  say(`为 Electron ${e.version}（ABI ${e.abi}）重新编译 ${MODULE}……`);
  try {
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({ buildPath: root, electronVersion: e.version, onlyModules: [MODULE], force: true, mode: 'sequential' });
  } catch (err) {
    say(`失败：${err?.message ?? err}`);
    say(electronFailure(err) || '为 Electron 编译需要下载 Electron 的头文件（或预编译文件），请在能上网的电脑上运行。');
    return false;
  }
  const after = detect();
  if (after.abi !== e.abi) {
    say(`编译结束，但模块的 ABI 是 ${after.abi ?? '未知'}，Electron ${e.version} 需要 ${e.abi}${after.error ? `（${after.error}）` : ''}。`);
    return false;
  }
  stamp('electron', e.version, e.abi);
  return true;
}

async function main() {
  if (!target) {
    process.stderr.write('用法：node scripts/native.mjs node|electron [--root PROJECT_DIR] [--check] [--json]\n');
    return 2;
  }
  const e = electronInfo();
  const now = detect();
  const wantAbi = target === 'node' ? process.versions.modules : e?.abi;
  const fits = now.abi !== null && now.abi === wantAbi && (target === 'electron' || now.runtime === 'node');
  const report = (ok, rebuilt) => {
    if (json) process.stdout.write(`${JSON.stringify({ target, ok, rebuilt, current: detect(), want: { abi: wantAbi, electron: e?.version ?? null } })}\n`);
    return ok ? 0 : 1;
  };
  if (target === 'electron' && !e) {
    say('找不到 node_modules/electron：先运行 npm ci。');
    return report(false, false);
  }
  if (fits) {
    // Silent when nothing is to be done: this runs before every `npm test`, `npm run ledger` …
    if (verbose) say(`${MODULE} 已是 ${target === 'node' ? `Node（ABI ${wantAbi}）` : `Electron ${e.version}（ABI ${wantAbi}）`} 版本，无需重新编译。`);
    return report(true, false);
  }
  say(`${MODULE} 当前为 ${now.runtime}${now.abi ? `（ABI ${now.abi}）` : ''}，需要 ${target}（ABI ${wantAbi}）。`);
  if (check) return report(false, false);
  // A failed rebuild (no headers offline, no compiler) must not leave NO binary behind: node-gyp
  // cleans build/ first. Keep the old one and put it back.
  const saved = existsSync(binary) ? readFileSync(binary) : null;
  const savedStamp = existsSync(stampFile) ? readFileSync(stampFile) : null;
  const ok = target === 'node' ? rebuildForNode() : await rebuildForElectron(e);
  if (!ok) {
    // Put back the binary and its label as they were: never a label for a build that failed.
    if (saved) {
      mkdirSync(dirname(binary), { recursive: true });
      writeFileSync(binary, saved);
    }
    if (savedStamp) writeFileSync(stampFile, savedStamp);
    else if (existsSync(stampFile)) rmSync(stampFile);
    const back = detect();
    say(`重新编译没有成功（原因见上）。${saved ? `已放回原来的编译结果（${back.runtime}${back.abi ? `，ABI ${back.abi}` : ''}）。` : ''}${target === 'electron' ? '测试和命令行仍可用（npm test 使用 Node 版本）；npm start 需要在能上网的电脑上为 Electron 编译。' : ''}`);
  }
  return report(ok, true);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then((code) => { process.exitCode = code; });
}

// `npm run demo`: the app in any browser on a fresh demo street. Builds the renderer when it is
// missing or stale, makes a ledger in a temp folder (deleted on exit), serves it on 127.0.0.1
// with a per-run token, prints the address and the demo password.
//   --port N        listen on N instead of a random free port
//   --db FILE       serve this ledger file (created when missing) instead of a temp one; kept on exit
//   --password P    the password for --db / the new ledger (default: the demo password)
//   --empty         an empty ledger instead of the demo street
//   --first-run     no ledger at all: the app opens on its first-run screen (create a ledger)
//   --no-build      never rebuild the renderer
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SessionState } from './api/session-state';
import { startHttpHost } from './http-host';
import { createDemoLedger, DEMO_PASSWORD } from './demo-ledger';

// electron/demo.ts from source, dist/electron/demo.cjs from the bundle.
const here = dirname(fileURLToPath(import.meta.url));
const repo = existsSync(join(here, '..', 'package.json')) ? resolve(here, '..') : resolve(here, '..', '..');
const distRenderer = join(repo, 'dist', 'renderer');

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newestMtime(join(path, entry)));
  return max;
}

function ensureRendererBuilt(): void {
  const index = join(distRenderer, 'index.html');
  const sources = [join(repo, 'renderer'), join(repo, 'shared'), join(repo, 'vite.config.ts')].filter(existsSync);
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  console.log('正在构建界面（vite build）…');
  // NODE_ENV from a test runner (vitest sets 'test') would make vite build React and antd in
  // development mode: slower, and full of console warnings.
  execFileSync(process.execPath, [join(repo, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: repo, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

/**
 * `npm run demo` starts npm → sh → tsx → this process. Ending npm (SIGTERM, SIGHUP, a closed
 * window) need not reach this far down the chain: when any process that launched the demo is gone,
 * the demo stops too and deletes its ledger, instead of serving on with it on disk.
 */
function watchLaunchers(stop: () => void): void {
  const parentOf = (pid: number): number | null => {
    try {
      // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return null;
    }
  };
  const launchers = [process.ppid];
  // Under npm, also the shell and npm itself (Linux and macOS with /proc; elsewhere the parent only).
  while (process.env.npm_lifecycle_event && launchers.length < 3) {
    const up = parentOf(launchers.at(-1)!);
    if (!up || up <= 1) break;
    launchers.push(up);
  }
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM';
    }
  };
  setInterval(() => {
    if (process.ppid !== launchers[0] || !launchers.every(alive)) stop();
  }, 1000).unref();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      db: { type: 'string' },
      password: { type: 'string' },
      empty: { type: 'boolean', default: false },
      'first-run': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port 不正确：${values.port}`);
  const password = values.password ?? process.env.LEDGER_PASSWORD ?? DEMO_PASSWORD;

  if (!values['no-build']) ensureRendererBuilt();

  const tempDir = values.db ? null : mkdtempSync(join(tmpdir(), 'dangjian-demo-'));
  const ledgerPath = values.db ? resolve(values.db) : join(tempDir!, '演示街道.ledger');
  const cleanup = () => {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };

  // A ledger in a temp folder is deleted on exit: backing it up there would only cost time.
  // An existing ledger (--db FILE) is served as it is: its own users and passwords, no demo hint
  // on the unlock screen unless --password says what it is. While unlocked it holds the lock,
  // so a CLI on the same file is told the demo has it.
  const existing = existsSync(ledgerPath) && values.password === undefined;
  const state = new SessionState(ledgerPath, { autoBackup: !tempDir, ...(values['first-run'] || existing ? {} : { demoPassword: password }) });
  let closing = false;
  const shutdown = (code: number) => {
    if (closing) return;
    closing = true;
    state.lock();
    cleanup();
    process.exit(code);
  };
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
  process.on('SIGHUP', () => shutdown(0));
  watchLaunchers(() => shutdown(0));
  process.on('uncaughtException', (e) => {
    console.error(e);
    shutdown(1);
  });

  try {
    if (!existsSync(ledgerPath) && !values['first-run']) {
      console.log(values.empty ? '正在创建空台帐…' : '正在生成演示街道…');
      await createDemoLedger(ledgerPath, password, { empty: values.empty });
    }
    const host = await startHttpHost({ state, staticRoot: distRenderer, token: randomBytes(24).toString('base64url'), port });
    console.log('');
    // The password first: whoever waits for the address line then has both.
    if (!values['first-run'] && !existing) console.log(`演示密码：${password}`);
    console.log(`党建台帐 演示已启动：${host.url}`);
    console.log(tempDir ? `台帐在临时文件夹 ${tempDir}，退出时删除。按 Ctrl+C 退出。` : `台帐文件：${ledgerPath}（退出时保留）。按 Ctrl+C 退出。`);
  } catch (e) {
    console.error(`演示启动失败：${(e as Error).message}`);
    shutdown(1);
  }
}

void main();

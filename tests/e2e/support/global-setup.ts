// Starts `npm run demo` once for the whole run on a fresh temp ledger and hands its address to
// the tests as DEMO_URL / DEMO_PASSWORD; the returned function stops it (the demo then deletes
// its temp folder).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const repo = resolve(import.meta.dirname, '..', '..', '..');
  const child = spawn(process.execPath, [resolve(repo, 'node_modules/tsx/dist/cli.mjs'), 'electron/demo.ts', ...(process.env.DEMO_ARGS?.split(' ').filter(Boolean) ?? [])], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env },
  });
  let out = '';
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`演示服务 120 秒内未启动：\n${out}`)), 120_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`演示服务退出（${code}）：\n${out}`));
    });
  });
  const password = /演示密码：(\S+)/.exec(out)?.[1] ?? '';
  process.env.DEMO_URL = url;
  process.env.DEMO_PASSWORD = password;
  return async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
}

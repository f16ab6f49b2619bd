// Starts the demo host from its bundle (dist/electron/demo.cjs, built here when missing or
// stale) as a child process and waits for the address it prints. The global setup starts the shared demo street; a spec that must not change it (the
// import) starts an empty one of its own.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBundles } from '../../../scripts/bundle.mjs';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export type DemoHost = { url: string; password: string; stop: () => Promise<void> };

export async function startDemoHost(args: string[] = [], timeoutMs = 220_000): Promise<DemoHost> {
  await ensureBundles();
  const child = spawn(process.execPath, [resolve(REPO, 'dist/electron/demo.cjs'), ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env },
  });
  let out = '';
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`演示服务 ${timeoutMs / 1000} 秒内未启动：\n${out}`)), timeoutMs);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
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
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  return { url, password, stop };
}

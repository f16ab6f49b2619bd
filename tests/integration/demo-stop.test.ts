// `npm run demo` is npm → sh → tsx → the demo. Ending the launcher (SIGHUP from a closed terminal,
// SIGTERM from a process manager) must stop the server and delete the demo ledger, not only Ctrl+C.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = resolve(__dirname, '..', '..');

async function until(ok: () => boolean | Promise<boolean>, what: string, limitMs = 60_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`${what}：${limitMs / 1000} 秒内没有发生`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('the demo host', () => {
  for (const signal of ['SIGHUP', 'SIGTERM'] as const) {
    it(`stops and deletes its ledger when its launcher gets ${signal}`, { timeout: 180_000 }, async () => {
      const tsx = resolve(REPO, 'node_modules/tsx/dist/cli.mjs');
      // A shell in between, as npm has; the demo is two processes below it.
      const launcher = spawn('sh', ['-c', `"${process.execPath}" "${tsx}" electron/demo.ts --empty --no-build; true`], {
        cwd: REPO, env: { ...process.env, npm_lifecycle_event: 'demo' }, stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      launcher.stdout.on('data', (b: Buffer) => (out += b.toString()));
      launcher.stderr.on('data', (b: Buffer) => (out += b.toString()));
      await until(() => /退出时删除/.test(out), '演示服务启动', 150_000);
      const url = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out)![1]!;
      const folder = /台帐在临时文件夹 (\S+)，/.exec(out)![1]!;
      expect(existsSync(folder)).toBe(true);

      launcher.kill(signal);
      await until(() => !existsSync(folder), '删除演示台帐');
      await until(() => fetch(url).then(() => false, () => true), '演示服务停止');
    });
  }
});

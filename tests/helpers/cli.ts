// Runs the real CLI (`tsx electron/cli.ts`) as a child process, as a clerk or script would.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const tsx = resolve(root, 'node_modules/.bin/tsx');

export type CliResult = { code: number; stdout: string; stderr: string; json: () => any };

export function runCli(args: string[], env: Record<string, string> = {}): CliResult {
  const r = spawnSync(tsx, [resolve(root, 'electron/cli.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LEDGER_PASSWORD: '', LEDGER_NEW_PASSWORD: '', ...env },
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

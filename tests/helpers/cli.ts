// Runs the real CLI from its bundle (dist/electron/cli.cjs, built by the global setup) as a child
// process, as a clerk or script would with `npm run -s ledger -- …`.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const cli = resolve(root, 'dist/electron/cli.cjs');

export type CliResult = { code: number; stdout: string; stderr: string; json: () => any };

export function runCli(args: string[], env: Record<string, string> = {}, timeout = 300_000): CliResult {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LEDGER_PASSWORD: '', LEDGER_NEW_PASSWORD: '', ...env },
    timeout,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

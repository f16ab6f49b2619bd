// The CLI's start-up from its bundle (dist/electron/cli.cjs): `help`, and `stats` on a small
// ledger beside the unlock it includes (scrypt + SQLCipher open), with bare `node -e 0` as the floor.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ledger } from '../electron/ledger/ledger';
import { ensureBundles, outDir } from '../scripts/bundle.mjs';
import { fmtMs, median, row } from './measure';

function run(args: string[], env: Record<string, string> = {}): void {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${args.join(' ')} → ${r.status}: ${r.stderr}`);
}

export async function benchCli(): Promise<void> {
  await ensureBundles();
  const cli = resolve(outDir, 'cli.cjs');
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  const db = join(dir, 'street.ledger');
  const env = { LEDGER_PASSWORD: 'bench-password-1' };
  try {
    run([cli, 'init', '--db', db], env);
    row('node -e 0 (the floor)', fmtMs(await median(5, () => run(['-e', '0']))));
    row('ledger help', fmtMs(await median(5, () => run([cli, 'help']))));
    row('ledger stats --json', fmtMs(await median(5, () => run([cli, 'stats', '--db', db, '--json'], env))));
    row('  of which unlock (scrypt + SQLCipher open)', fmtMs(await median(5, async () => (await Ledger.open(db, env.LEDGER_PASSWORD)).close())));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

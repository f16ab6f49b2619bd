// Which ledger file the app opens: a small JSON file in the user's data folder (no personal
// data in it, only the path).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type AppConfig = { ledgerPath: string };

export function configPath(userData: string): string {
  return join(userData, 'config.json');
}

export function defaultLedgerPath(userData: string): string {
  return join(userData, '党建台帐.ledger');
}

export function readConfig(userData: string): AppConfig {
  try {
    const raw = JSON.parse(readFileSync(configPath(userData), 'utf8')) as Partial<AppConfig>;
    if (typeof raw.ledgerPath === 'string' && raw.ledgerPath) return { ledgerPath: raw.ledgerPath };
  } catch {
    // first run or unreadable: the default place
  }
  return { ledgerPath: defaultLedgerPath(userData) };
}

export function writeConfig(userData: string, config: AppConfig): void {
  const p = configPath(userData);
  if (!existsSync(dirname(p))) mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, JSON.stringify(config, null, 2));
}

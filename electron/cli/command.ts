// The headless CLI's shape: each command is one module in electron/cli/commands, listed in
// electron/cli/commands/index.ts. Exit codes: 0 ok, 1 problems found, 2 usage or unreadable
// input, 3 wrong password or key (or not allowed), 4 the ledger is open in another program.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createInterface } from 'node:readline';
import { LedgerError } from '../../shared/errors';
import { Ledger } from '../ledger/ledger';
import { fileSystemProblem } from '../ledger/fs-errors';
import { CLI_ACCESS, FORBIDDEN_MESSAGE } from '../../shared/api/permissions';
import { findOrgByName } from '../ledger/orgs';

export const EXIT = { ok: 0, problems: 1, usage: 2, auth: 3, inUse: 4 } as const;

export type CliCommand = {
  name: string;
  /** One line for the help text, in Chinese. */
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] }): Promise<number>;
};

export class UsageError extends Error {}

export function parseCommandArgs(cmd: CliCommand, argv: string[]) {
  try {
    return parseArgs({ args: argv, options: cmd.options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n用法：${cmd.usage}`);
  }
}

export function requireString(values: Record<string, unknown>, name: string, cmd: CliCommand): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`缺少参数 --${name}\n用法：${cmd.usage}`);
  return v;
}

/** Reads a secret from the environment, or asks on the terminal (without echo) when interactive. */
export async function secret(envName: string, prompt: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new UsageError(`请通过环境变量 ${envName} 提供${prompt}。`);
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  process.stderr.write(`${prompt}：`);
  out._writeToOutput = () => {}; // hide typed characters
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return answer;
}

/**
 * Opens the ledger named by --db as LEDGER_USER (needed when it has several users) with
 * LEDGER_PASSWORD (or a prompt), and refuses a user the permission table does not allow.
 */
export async function openLedgerFromArgs(values: Record<string, unknown>, cmd: CliCommand, typed?: string): Promise<Ledger> {
  const db = requireString(values, 'db', cmd);
  const userName = process.env.LEDGER_USER || undefined;
  const password = typed ?? (await secret('LEDGER_PASSWORD', '台帐密码'));
  const ledger = await Ledger.open(db, password, { userName });
  if (CLI_ACCESS[cmd.name] === 'admin' && ledger.actor.role !== 'admin') {
    ledger.close();
    throw new LedgerError('FORBIDDEN', FORBIDDEN_MESSAGE);
  }
  return ledger;
}

/** The org named by --org, or null (the whole street) without it. */
export function orgIdFromArgs(ledger: Ledger, values: Record<string, unknown>): number | null {
  if (typeof values.org !== 'string') return null;
  const org = findOrgByName(ledger, values.org);
  if (!org) throw new UsageError(`找不到党组织“${values.org}”。请使用台帐中的全称或简称。`);
  return org.id;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Maps an error to a message on stderr and an exit code; never a stack trace for a file problem. */
export function reportError(raw: unknown): number {
  const e = fileSystemProblem(raw) ?? raw;
  if (e instanceof UsageError) {
    process.stderr.write(`${e.message}\n`);
    return EXIT.usage;
  }
  if (e instanceof LedgerError) {
    process.stderr.write(`错误：${e.message}\n`);
    if (e.code === 'LEDGER_IN_USE') return EXIT.inUse;
    if (['WRONG_PASSWORD', 'WRONG_RECOVERY_KEY', 'TOO_MANY_ATTEMPTS', 'USER_DISABLED', 'USER_REQUIRED', 'FORBIDDEN'].includes(e.code)) return EXIT.auth;
    return EXIT.usage;
  }
  const sqlite = (e as { code?: unknown })?.code;
  if (typeof sqlite === 'string' && (sqlite.startsWith('SQLITE_CORRUPT') || sqlite === 'SQLITE_NOTADB')) {
    process.stderr.write('错误：台帐文件已损坏，无法继续。请用 backups 查看备份，用 restore 从最近的完好备份恢复。\n');
    return EXIT.usage;
  }
  process.stderr.write(`程序内部错误：${(e as Error)?.stack ?? String(e)}\n`);
  return EXIT.usage;
}

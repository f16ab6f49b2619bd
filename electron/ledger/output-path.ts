// Where an export or a backup may be written: never over the ledger, its key slots, its side
// files or a backup (that would destroy the thing being exported), and never over another
// existing file unless the person said --force.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { LedgerError } from '../../shared/errors';
import { BACKUP_EXT, defaultBackupDir } from './backup-file';

/** Resolves symlinks of what exists, and folds case where the file system does (Windows, macOS). */
function real(p: string): string {
  let full = resolve(p);
  try {
    full = realpathSync.native(full);
  } catch {
    try {
      full = resolve(realpathSync.native(dirname(full)), basename(full));
    } catch {
      // the folder does not exist either: said by checkOutputPath
    }
  }
  return process.platform === 'linux' ? full : full.toLowerCase();
}

/**
 * Returns the absolute path to write, or throws a LedgerError saying why not. A backup may be
 * written as a new file among the backups (`backup: true`); an export never there.
 */
export function checkOutputPath(out: string, dbPath: string, opts: { force: boolean; backup?: boolean }): string {
  const full = resolve(out);
  const target = real(full);
  const ledger = real(dbPath);
  if (target === ledger || target.startsWith(`${ledger}.`) || target.startsWith(`${ledger}-`)) {
    throw new LedgerError('OUTPUT_PROTECTED', `不能写到台帐自己的文件「${full}」：那会毁掉台帐。请换一个文件名。`, { path: full });
  }
  if (!opts.backup && (target.endsWith(BACKUP_EXT) || dirname(target) === real(defaultBackupDir(dbPath)))) {
    throw new LedgerError('OUTPUT_PROTECTED', `不能写到备份文件或备份文件夹「${full}」：那会毁掉备份。请换一个位置。`, { path: full });
  }
  if (existsSync(full)) {
    if (statSync(full).isDirectory()) throw new LedgerError('PATH_IS_FOLDER', `「${full}」是一个文件夹。请在 --out 中写出文件名，例如 ${full}/花名册.xlsx。`, { path: full });
    if (!opts.force) throw new LedgerError('OUTPUT_EXISTS', `文件「${full}」已存在，不会覆盖。要覆盖请加 --force，或换一个文件名。`, { path: full });
  } else if (!opts.backup && !existsSync(dirname(full))) {
    throw new LedgerError('PATH_NOT_FOUND', `文件夹「${dirname(full)}」不存在。请先建好文件夹，或换一个位置。`, { path: full });
  }
  return full;
}

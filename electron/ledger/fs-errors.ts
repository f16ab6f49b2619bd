// What a failed file operation means to the person who asked for it: a full disk, a path that
// does not exist or cannot be written. Said in Chinese, in the CLI and the app alike, with the path.
import { LedgerError } from '../../shared/errors';

export function fileSystemProblem(e: unknown): LedgerError | null {
  const { code, path } = (e ?? {}) as { code?: unknown; path?: unknown };
  const where = typeof path === 'string' ? `「${path}」` : '';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'SQLITE_FULL':
      return new LedgerError('DISK_FULL', `磁盘空间不足${where ? `，无法写入${where}` : ''}。请腾出磁盘空间，或换一个磁盘上的位置后重试；没有写完的文件不会被当作台帐使用。`, { path });
    case 'ENOENT':
      return new LedgerError('PATH_NOT_FOUND', `找不到文件或文件夹${where}。请检查路径是否写对、U盘是否插好。`, { path });
    case 'ENOTDIR':
      return new LedgerError('PATH_NOT_FOUND', `路径${where}中有一部分不是文件夹。请检查路径。`, { path });
    case 'EISDIR':
      return new LedgerError('PATH_IS_FOLDER', `${where || '这个位置'}是一个文件夹。请写出文件名，例如 …\\花名册.xlsx。`, { path });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
    case 'SQLITE_READONLY':
      return new LedgerError('PATH_NOT_WRITABLE', `没有权限写入${where || '这个位置'}。请换一个位置，或检查文件是否只读、是否被其他程序打开。`, { path });
    case 'SQLITE_CANTOPEN':
      return new LedgerError('PATH_NOT_WRITABLE', '无法打开或创建台帐文件。请检查文件夹是否存在、是否有写入权限。', { path });
    default:
      return null;
  }
}

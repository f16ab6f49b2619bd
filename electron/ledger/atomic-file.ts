import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';

/** Write to a temp file, fsync, rename: a crash leaves the old file or the new one, never half. */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

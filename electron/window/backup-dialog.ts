// 备份到…: the desktop app's save dialog for a manual backup. The path comes from here, the main
// process, never from the page: the ledger thread asks for it (see ledger-thread/client.ts).
import { app, type BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';

export function backupSaveDialog(getWin: () => BrowserWindow | null): (suggestedName: string) => Promise<string | null> {
  return async (suggestedName) => {
    const options = {
      title: '备份台帐到…',
      defaultPath: join(app.getPath('documents'), suggestedName),
      buttonLabel: '备份',
      filters: [{ name: '党建台帐备份', extensions: ['ledgerbak'] }],
      properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
    };
    const win = getWin();
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  };
}

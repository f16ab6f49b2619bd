// The Electron main process: one window on the app:// protocol, Chinese menus, the ledger in the
// user's data folder, and the IPC binding. Thin on purpose: everything it calls is tested in
// Node and through the demo host; this file cannot be launched on the development machines.
// The ledger itself runs in a worker thread (ledger-thread/): synchronous SQLite never blocks
// the window. A worker thread rather than a utilityProcess: files and spreadsheets pass by
// transfer instead of a copy through a pipe, and the same thread runs under plain Node in the tests.
import { app, BrowserWindow, dialog, Menu, powerMonitor, protocol, session, shell } from 'electron';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD } from './demo-ledger';
import { APP_ORIGIN, CHANNELS, registerIpc } from './ipc';
import { LedgerThread } from './ledger-thread/client';
import { backupSaveDialog } from './window/backup-dialog';
import { readStatic } from './static-files';
import { readConfig, writeConfig } from './window/app-config';
import { buildMenu } from './window/menu';
import { externalAllowed } from './window/external-links';

// Before `ready`: app:// behaves like https (standard origin, secure context, fetch allowed).
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();

const bundleDir = __dirname;
const rendererRoot = join(bundleDir, '..', 'renderer');

let ledger: LedgerThread;
let win: BrowserWindow | null = null;
const demoDirs: string[] = [];

function lockNow(): void {
  void ledger.lock().then(() => win?.webContents.send(CHANNELS.lock));
}

async function openExisting(): Promise<boolean> {
  const options = {
    title: '打开台帐文件',
    filters: [{ name: '党建台帐', extensions: ['ledger'] }],
    properties: ['openFile' as const],
  };
  const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const file = r.filePaths[0];
  if (r.canceled || !file) return false;
  await ledger.switchTo(file);
  writeConfig(app.getPath('userData'), { ledgerPath: file });
  win?.webContents.reload();
  return true;
}

/** The demo street in a temp folder, deleted on quit; the real ledger's path is not changed. */
async function openDemo(): Promise<boolean> {
  const dir = mkdtempSync(join(app.getPath('temp'), 'dangjian-demo-'));
  demoDirs.push(dir);
  const file = join(dir, '演示街道.ledger');
  await ledger.openDemo(file, DEMO_PASSWORD);
  win?.webContents.reload();
  return true;
}

function createWindow(): void {
  win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1100,
    minHeight: 680,
    title: '党建台帐',
    show: false,
    backgroundColor: '#f3f4f6',
    webPreferences: {
      preload: join(bundleDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => (win = null));
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('web-contents-created', (_e, contents) => {
  // The page never leaves app://renderer; links to the web open in the browser, nothing else opens.
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // The page has unsaved changes (its beforeunload said so): ask before the window closes.
  contents.on('will-prevent-unload', (event) => {
    const owner = BrowserWindow.fromWebContents(contents);
    const options = {
      type: 'question' as const, buttons: ['放弃修改并关闭', '留下'], defaultId: 1, cancelId: 1, noLink: true,
      title: '党建台帐', message: '有未保存的修改', detail: '关闭窗口将丢失还没有保存的内容。',
    };
    if ((owner ? dialog.showMessageBoxSync(owner, options) : dialog.showMessageBoxSync(options)) === 0) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (externalAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

app.whenReady().then(() => {
  const userData = app.getPath('userData');
  ledger = new LedgerThread(join(bundleDir, 'ledger-thread.cjs'), { ledgerPath: readConfig(userData).ledgerPath }, backupSaveDialog(() => win));

  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'renderer') return new Response('找不到这个文件。', { status: 404 });
    const file = await readStatic(rendererRoot, url.pathname);
    return new Response(new Uint8Array(file.body), { status: file.status, headers: { ...file.headers, 'Content-Type': file.type } });
  });
  // No camera, microphone, notifications, geolocation…: a ledger needs none of them.
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  registerIpc((method, input) => ledger.call(method, input), { openExisting, openDemo });
  app.setAppUserModelId('cn.dangjian.ledger');
  Menu.setApplicationMenu(
    buildMenu({
      openExisting: () => void openExisting(),
      openDemo: () => void openDemo(),
      lock: lockNow,
      print: () => win?.webContents.print({ silent: false, printBackground: true }),
      about: () =>
        void dialog.showMessageBox({ type: 'info', title: '关于党建台帐', message: `党建台帐 ${app.getVersion()}`, detail: '街道党工委党建台帐：加密的本地台帐、花名册导入、台帐打印。' }),
    }),
  );
  // Leaving the desk: the screen locks, the lid closes — the ledger locks too.
  powerMonitor.on('lock-screen', lockNow);
  powerMonitor.on('suspend', lockNow);

  createWindow();
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
});

app.on('window-all-closed', () => app.quit());
// Quitting waits for the ledger to lock (recorded, backed up) in its thread, then quits for good.
let stopped = false;
app.on('will-quit', (event) => {
  if (stopped || !ledger) return;
  event.preventDefault();
  void ledger.stop().catch((e: unknown) => console.error('[ledger] not locked on quit:', e)).finally(() => {
    stopped = true;
    for (const d of demoDirs) rmSync(d, { recursive: true, force: true });
    app.quit();
  });
});

// Loads the bundled main process (dist/electron/main.cjs) with a stand-in 'electron' module and
// prints what it set up as JSON: there is no Electron binary on these machines.
const Module = require('module');
const seen = { handlers: {} };
let ready;
const whenReady = new Promise((r) => (ready = r));
const fake = {
  app: { requestSingleInstanceLock: () => true, quit() {}, whenReady: () => whenReady, on() {}, getPath: (n) => `${process.env.FAKE_USER_DATA}/${n}`, setAppUserModelId() {}, getVersion: () => '0', isPackaged: true },
  protocol: { registerSchemesAsPrivileged: (s) => (seen.schemes = s), handle: (s, h) => (seen.handlers[s] = h) },
  session: { defaultSession: { setPermissionRequestHandler: () => (seen.permissionsDenied = true), setPermissionCheckHandler() {} } },
  ipcMain: { handle: (c, h) => (seen.handlers[c] = h), on: (c, h) => (seen.handlers[c] = h) },
  Menu: { buildFromTemplate: (t) => ({ items: t }), setApplicationMenu: (m) => (seen.menu = m.items.map((i) => i.label)) },
  BrowserWindow: class {
    constructor(o) { seen.webPreferences = o.webPreferences; this.webContents = { send() {}, reload() {} }; }
    once() {} on() {}
    loadURL(u) { seen.url = u; return Promise.resolve(); }
  },
  dialog: {}, powerMonitor: { on() {} }, shell: {},
};
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? fake : load.call(this, request, ...rest);
};
require(process.argv[2]);
ready();
setTimeout(async () => {
  const h = seen.handlers;
  const page = await h.app(new Request('app://renderer/index.html'));
  const escape = await h.app(new Request('app://renderer/..%2f..%2fpackage.json'));
  const frame = (url, parent = null) => ({ senderFrame: { url, parent } });
  const out = {
    schemes: seen.schemes, menu: seen.menu, url: seen.url, webPreferences: { ...seen.webPreferences, preload: undefined }, permissionsDenied: seen.permissionsDenied,
    page: { status: page.status, csp: page.headers.get('content-security-policy'), body: (await page.text()).slice(0, 2000) },
    escapeStatus: escape.status,
    foreign: await h['ledger:call'](frame('https://example.com/'), 'session.status', {}),
    iframe: await h['ledger:call'](frame('app://renderer/index.html', {}), 'session.status', {}),
    own: await h['ledger:call'](frame('app://renderer/index.html'), 'session.status', {}),
    invalid: await h['ledger:call'](frame('app://renderer/index.html'), 'session.unlock', { password: '' }),
  };
  const ev = { senderFrame: { url: 'app://renderer/', parent: null } };
  h['ledger:methods'](ev);
  out.methods = ev.returnValue;
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
}, 200);

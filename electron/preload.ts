// The only bridge between the page and the main process: `window.ledger` (one function per API
// method, each returning the dispatch envelope) and `window.ledgerShell` (native file dialogs).
// Sandboxed: nothing but contextBridge and ipcRenderer is used here.
import { contextBridge, ipcRenderer } from 'electron';

const CALL = 'ledger:call';
const methods = ipcRenderer.sendSync('ledger:methods') as unknown;

const bridge: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const m of Array.isArray(methods) ? methods : []) {
  if (typeof m === 'string') bridge[m] = (input: unknown) => ipcRenderer.invoke(CALL, m, input);
}

contextBridge.exposeInMainWorld('ledger', Object.freeze(bridge));
contextBridge.exposeInMainWorld(
  'ledgerShell',
  Object.freeze({
    openExisting: () => ipcRenderer.invoke('ledger:shell', 'openExisting') as Promise<boolean>,
    openDemo: () => ipcRenderer.invoke('ledger:shell', 'openDemo') as Promise<boolean>,
  }),
);

// The menu's 锁定 and the OS going to sleep: the page's session provider listens for this event.
ipcRenderer.on('ledger:lock', () => window.dispatchEvent(new Event('ledger:lock')));

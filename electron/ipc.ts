// The IPC binding of the API: the same dispatch() as the demo host. It moves bytes and checks
// who is asking (only our own page on app://renderer); dispatch() validates every input with
// the shared zod schemas. Kept free of window code so it type-checks and reads on its own.
import { ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { API } from '../shared/api';
import type { DispatchResult } from './api/dispatch';

export const APP_ORIGIN = 'app://renderer';
export const CHANNELS = { call: 'ledger:call', methods: 'ledger:methods', shell: 'ledger:shell', lock: 'ledger:lock' } as const;

/** Only the top frame of our own page may call: not an iframe, not a page navigated elsewhere. */
export function trustedSender(frame: WebFrameMain | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

const refused = (): DispatchResult => ({ ok: false, error: { code: 'FORBIDDEN', message: '拒绝了来自未知页面的请求。' } });

export type ShellActions = {
  openExisting: () => Promise<boolean>;
  openDemo: () => Promise<boolean>;
};

/** `call` forwards to dispatch() in the ledger thread. */
export function registerIpc(call: (method: string, input: unknown) => Promise<DispatchResult>, shell: ShellActions): void {
  ipcMain.handle(CHANNELS.call, async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    if (!trustedSender(event.senderFrame) || typeof method !== 'string') return refused();
    return call(method, input);
  });
  // The preload builds window.ledger from this list, so it never imports the schemas itself.
  ipcMain.on(CHANNELS.methods, (event) => {
    event.returnValue = trustedSender(event.senderFrame) ? Object.keys(API) : [];
  });
  ipcMain.handle(CHANNELS.shell, async (event: IpcMainInvokeEvent, action: unknown) => {
    if (!trustedSender(event.senderFrame)) return false;
    if (action === 'openExisting') return shell.openExisting();
    if (action === 'openDemo') return shell.openDemo();
    return false;
  });
}

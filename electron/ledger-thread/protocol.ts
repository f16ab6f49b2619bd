// The messages between the main process and the ledger thread (worker.ts). The main process only
// forwards: API calls go in as method + input and come back as dispatch()'s envelope.
import type { DispatchResult } from '../api/dispatch';

export type SessionOptions = { demoPassword?: string; autoBackup?: boolean };

export type ThreadInit = {
  ledgerPath: string;
  options?: SessionOptions;
  /** Whether the main process can show a save dialog for 备份到… (the app can, a test host cannot). */
  saveDialog?: boolean;
};

export type ToThread =
  | { id: number; type: 'call'; method: string; input: unknown }
  /** Locks the open ledger (recorded, backed up) and serves another file from now on. */
  | { id: number; type: 'switch'; ledgerPath: string; options?: SessionOptions }
  /** Writes the demo street to a new file (the app's 演示街道), then serves it. */
  | { id: number; type: 'openDemo'; ledgerPath: string; password: string }
  | { id: number; type: 'lock' }
  /** The main process's answer to the thread's question `id` (a save dialog's path). */
  | { id: number; type: 'answer'; value: string | null };

export type FromThread =
  | { type: 'ready' }
  | { id: number; type: 'done'; value?: DispatchResult }
  | { id: number; type: 'failed'; message: string }
  /** The thread asks the main process for a backup file's path (a save dialog). */
  | { id: number; type: 'askSavePath'; suggestedName: string };

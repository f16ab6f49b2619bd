// The main process's side of the ledger thread (worker.ts): starts it, forwards each API call and
// the shell's commands, answers its questions (the backup save dialog), and waits for nothing
// itself. Every call resolves to dispatch()'s envelope, also when the thread is gone.
import { Worker } from 'node:worker_threads';
import type { DispatchResult } from '../api/dispatch';
import type { FromThread, SessionOptions, ThreadInit, ToThread } from './protocol';

type Pending = { resolve: (v: DispatchResult | undefined) => void; reject: (e: Error) => void };
/** The thread's requests without their id, which send() gives them. */
type Command = ToThread extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never;

const GONE: DispatchResult = { ok: false, error: { code: 'INTERNAL', message: '台帐程序意外停止。请关闭并重新打开党建台帐；台帐文件不受影响。' } };

export class LedgerThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private exited = false;

  constructor(entry: string, init: ThreadInit, private readonly askSavePath?: (suggestedName: string) => Promise<string | null>) {
    this.worker = new Worker(entry, { workerData: { ...init, saveDialog: askSavePath !== undefined } satisfies ThreadInit });
    this.worker.on('message', (m: FromThread) => this.received(m));
    this.worker.on('error', (e) => console.error('[ledger] the ledger thread failed:', e));
    this.worker.on('exit', () => {
      this.exited = true;
      for (const p of this.pending.values()) p.resolve(GONE);
      this.pending.clear();
    });
  }

  private received(m: FromThread): void {
    if (m.type === 'ready') return;
    if (m.type === 'askSavePath') {
      const ask = this.askSavePath ?? (async () => null);
      ask(m.suggestedName).then(
        (value) => this.worker.postMessage({ id: m.id, type: 'answer', value } satisfies ToThread),
        () => this.worker.postMessage({ id: m.id, type: 'answer', value: null } satisfies ToThread),
      );
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.type === 'done') p.resolve(m.value);
    else p.reject(new Error(m.message));
  }

  private send(command: Command): Promise<DispatchResult | undefined> {
    if (this.exited) return Promise.resolve(GONE);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...command, id } as ToThread);
    });
  }

  /** An API call, validated and run by dispatch() in the thread. */
  async call(method: string, input: unknown): Promise<DispatchResult> {
    return (await this.send({ type: 'call', method, input })) ?? GONE;
  }

  /** Locks the open ledger and serves `ledgerPath` from now on. */
  async switchTo(ledgerPath: string, options?: SessionOptions): Promise<void> {
    await this.send({ type: 'switch', ledgerPath, options });
  }

  /** Writes the demo street to `ledgerPath` (a new file) and serves it. */
  async openDemo(ledgerPath: string, password: string): Promise<void> {
    await this.send({ type: 'openDemo', ledgerPath, password });
  }

  async lock(): Promise<void> {
    await this.send({ type: 'lock' });
  }

  /** Locks (recorded, backed up) and ends the thread: the app is quitting. */
  async stop(): Promise<void> {
    try {
      await this.lock();
    } finally {
      await this.worker.terminate();
    }
  }
}

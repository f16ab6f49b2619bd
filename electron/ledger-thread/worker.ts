// The ledger thread: the encrypted ledger, its services and dispatch() run here, so a 5,000-row
// import commit or a street-wide compliance matrix (synchronous SQLite, a second or more) never
// blocks the Electron main process — its window, menus and progress stay live. The main process
// (client.ts) only forwards calls and the shell's few commands (lock, open another file, demo).
import { parentPort, workerData } from 'node:worker_threads';
import { dispatch } from '../api/dispatch';
import { setBackupSaveDialog } from '../api/backups';
import { SessionState } from '../api/session-state';
import { createDemoLedger } from '../demo-ledger';
import type { FromThread, ThreadInit, ToThread } from './protocol';

const port = parentPort;
if (port) {
  const init = workerData as ThreadInit;
  let state = new SessionState(init.ledgerPath, init.options);
  const send = (m: FromThread) => port.postMessage(m);

  let nextQuestion = 1;
  const answers = new Map<number, (path: string | null) => void>();
  if (init.saveDialog) {
    setBackupSaveDialog((suggestedName) => new Promise((resolve) => {
      const id = nextQuestion++;
      answers.set(id, resolve);
      send({ id, type: 'askSavePath', suggestedName });
    }));
  }

  const handle = async (m: ToThread): Promise<FromThread | null> => {
    switch (m.type) {
      case 'call':
        return { id: m.id, type: 'done', value: await dispatch(state, m.method, m.input) };
      case 'switch':
        state.lock();
        state = new SessionState(m.ledgerPath, m.options);
        return { id: m.id, type: 'done' };
      case 'openDemo':
        await createDemoLedger(m.ledgerPath, m.password);
        state.lock();
        state = new SessionState(m.ledgerPath, { demoPassword: m.password });
        return { id: m.id, type: 'done' };
      case 'lock':
        state.lock();
        return { id: m.id, type: 'done' };
      case 'answer':
        answers.get(m.id)?.(m.value);
        answers.delete(m.id);
        return null;
    }
  };

  port.on('message', (m: ToThread) => {
    handle(m).then(
      (reply) => reply && send(reply),
      (e: unknown) => send({ id: m.id, type: 'failed', message: (e as Error)?.message ?? String(e) }),
    );
  });
  send({ type: 'ready' });
}

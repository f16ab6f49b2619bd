// The import engine's worker thread entry: parsing and checking a 5,000-row workbook takes a
// second or two, which must not freeze the window. One long-lived thread takes tasks by id and
// answers with progress, then the result.
import { parentPort } from 'node:worker_threads';
import { LedgerError } from '../../shared/errors';
import { type WorkerMessage, type WorkerRequest, runTask } from './tasks';

const port = parentPort;
if (port) {
  port.on('message', ({ id, task }: WorkerRequest) => {
    const send = (m: WorkerMessage) => port.postMessage(m);
    runTask(task, (done, total) => send({ id, type: 'progress', done, total }))
      .then((value) => send({ id, type: 'done', value }))
      .catch((e: unknown) => {
        const err = e instanceof LedgerError ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: `导入程序出错：${(e as Error)?.message ?? String(e)}` };
        send({ id, type: 'error', ...err });
      });
  });
  // Loaded and listening: from here on, a thread that dies died on a file, not on start-up.
  port.postMessage({ id: 0, type: 'ready' } satisfies WorkerMessage);
}

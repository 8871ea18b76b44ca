import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, toWire, type CheckFileOptions } from './check-file';
import type { WorkerJob, WorkerReply } from './pool';

/** Worker thread entry (dist/cli/check-worker.js): reads and checks the files the pool sends, one at a time. */
const setup = workerData as CheckFileOptions;

parentPort?.on('message', (job: WorkerJob) => {
  void checkFile(job.file, setup).then((check) =>
    parentPort?.postMessage({ index: job.index, check: toWire(check) } satisfies WorkerReply),
  );
});

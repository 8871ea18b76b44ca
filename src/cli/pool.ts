import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { WorkbookReadError } from '../file/read-error';
import { checkFile, fromWire, type CheckFileOptions, type FileCheck, type WireFileCheck } from './check-file';

export interface WorkerJob {
  index: number;
  file: string;
}
export interface WorkerReply {
  index: number;
  check: WireFileCheck;
}

/** The pool's options; a worker is started with the CheckFileOptions part as its workerData. */
export interface BatchOptions extends CheckFileOptions {
  /** Files checked at once; 1 checks in this thread. */
  jobs: number;
  /** Called once per file as it finishes, in whatever order the workers finish. */
  onResult: (index: number, check: FileCheck) => void;
  /** The compiled worker entry; tests point it elsewhere. */
  workerScript?: string;
}

export const WORKER_SCRIPT = join(__dirname, 'check-worker.js');

/**
 * Reads and checks every file, `jobs` at a time in worker threads. Worker threads need the compiled entry, so run from
 * the TypeScript sources (ts-jest, tsx) the batch is checked in this thread. A worker that dies takes only its
 * current file with it: that file is reported unreadable and a new worker carries on.
 */
export async function checkFiles(files: readonly string[], options: BatchOptions): Promise<void> {
  const script = options.workerScript ?? WORKER_SCRIPT;
  const jobs = Math.min(options.jobs, files.length);
  if (jobs <= 1 || !existsSync(script)) {
    for (const [index, file] of files.entries()) options.onResult(index, await checkFile(file, options));
    return;
  }
  const setup: CheckFileOptions = { lang: options.lang, profile: options.profile, read: options.read };
  await new Promise<void>((resolve) => {
    let next = 0;
    let pending = files.length;
    const settle = (index: number, check: FileCheck) => {
      options.onResult(index, check);
      if (--pending === 0) resolve();
    };
    const start = () => {
      const worker = new Worker(script, { workerData: setup });
      let current: number | undefined;
      const feed = () => {
        current = next < files.length ? next++ : undefined;
        if (current === undefined) void worker.terminate();
        else worker.postMessage({ index: current, file: files[current] as string } satisfies WorkerJob);
      };
      const crashed = (reason: string) => {
        if (current === undefined) return;
        const index = current;
        current = undefined;
        settle(index, { file: files[index] as string, ok: false, error: new WorkbookReadError('corrupt', reason) });
        if (next < files.length) start();
      };
      worker.on('message', (reply: WorkerReply) => {
        feed();
        settle(reply.index, fromWire(reply.check));
      });
      worker.on('error', (error) => crashed(error.message));
      worker.on('exit', (code) => crashed(`worker exited with code ${code}`));
      feed();
    };
    for (let i = 0; i < jobs; i++) start();
  });
}

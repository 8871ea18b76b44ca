import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WorkbookReadError } from '../file/read-error';
import { checkFile, fromWire, type CheckFileOptions, type FileCheck, type WireFileCheck } from './check-file';

/** What the pool sends a worker: its options once, then one file at a time. */
export type WorkerMessage = { setup: CheckFileOptions } | WorkerJob;
export interface WorkerJob {
  index: number;
  file: string;
}
/** What a worker answers: a file's result, or the error that is about to end it (the file it was checking is lost). */
export type WorkerReply = { index: number; check: WireFileCheck } | { crashed: string };

/** The pool's options; a worker gets the CheckFileOptions part as its first message. */
export interface BatchOptions extends CheckFileOptions {
  /** Files checked at once. */
  jobs: number;
  /** Called once per file as it finishes, in whatever order the workers finish. */
  onResult: (index: number, check: FileCheck) => void;
  /** The compiled worker entry; tests point it elsewhere. */
  workerScript?: string;
}

export const WORKER_SCRIPT = join(__dirname, 'check-worker.js');

/**
 * Reads and checks every file, `jobs` at a time, each worker a child process of its own. A file that kills the
 * JavaScript engine (a V8 fatal error cannot be caught, and takes every thread of its process with it) costs only
 * its own result: it is reported unreadable and a new worker carries on with the rest. One file alone is checked in
 * this process, as is every batch run from the TypeScript sources (ts-jest, tsx), where the compiled entry is absent.
 */
export async function checkFiles(files: readonly string[], options: BatchOptions): Promise<void> {
  const script = options.workerScript ?? WORKER_SCRIPT;
  const jobs = Math.min(options.jobs, files.length);
  if (files.length <= 1 || !existsSync(script)) {
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
      const worker: ChildProcess = fork(script, [], {
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      worker.stderr?.resume(); // a dying engine prints its trace there; the report says what matters
      let current: number | undefined;
      let crash: string | undefined;
      const send = (message: WorkerMessage) => worker.send(message);
      const feed = () => {
        current = next < files.length ? next++ : undefined;
        if (current === undefined) worker.disconnect();
        else send({ index: current, file: files[current] as string });
      };
      const lost = (reason: string) => {
        if (current === undefined) return;
        const index = current;
        current = undefined;
        settle(index, { file: files[index] as string, ok: false, error: new WorkbookReadError('corrupt', reason) });
        if (next < files.length) start();
      };
      worker.on('message', (reply: WorkerReply) => {
        if ('crashed' in reply) {
          crash = reply.crashed;
          return;
        }
        feed();
        settle(reply.index, fromWire(reply.check));
      });
      worker.on('error', (error) => lost(error.message));
      worker.on('exit', (code, signal) =>
        lost(crash ?? (signal ? `worker ended by ${signal}` : `worker exited with code ${code}`)),
      );
      send({ setup });
      feed();
    };
    for (let i = 0; i < jobs; i++) start();
  });
}

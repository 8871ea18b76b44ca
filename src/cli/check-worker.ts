import { checkFile, toWire, type CheckFileOptions } from './check-file';
import type { WorkerMessage, WorkerReply } from './pool';

/**
 * Worker process entry (dist/cli/check-worker.js), forked by the pool: reads and checks the files it is sent, one at a
 * time. An error that escapes is reported before the process ends, so the pool can name it for the lost file.
 */
let setup: CheckFileOptions | undefined;

const reply = (message: WorkerReply) => process.send?.(message);

process.on('uncaughtException', (error) => {
  reply({ crashed: error instanceof Error ? error.message : String(error) });
  process.exit(70);
});

process.on('message', (message: WorkerMessage) => {
  if ('setup' in message) {
    setup = message.setup;
    return;
  }
  const options = setup as CheckFileOptions;
  void checkFile(message.file, options).then((check) => reply({ index: message.index, check: toWire(check) }));
});

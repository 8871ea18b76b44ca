import type { ProgressStream } from './progress';

/** Where a command writes: the process's streams, or a test's buffers. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The terminal behind `err`, when there is one: `check` draws its progress bar there. */
  errStream?: ProgressStream;
  /** The environment the language comes from (LC_ALL, LC_MESSAGES, LANG); none means Chinese. */
  env?: Readonly<Record<string, string | undefined>>;
}

export const NODE_IO: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  errStream: process.stderr,
  env: process.env,
};

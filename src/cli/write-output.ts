import { writeFile } from 'node:fs/promises';
import type { Lang } from '../core/finding';
import { cliText } from './i18n';
import type { Io } from './io';

/** Why a write failed, in words: a missing folder, no permission, a folder in the way, a full disk. */
export function writeFailure(error: unknown, lang: Lang): string {
  const reasons = cliText(lang).writeReason;
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return reasons.noFolder;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return reasons.denied;
    case 'EISDIR':
      return reasons.isFolder;
    case 'ENOSPC':
    case 'EDQUOT':
      return reasons.diskFull;
    default:
      return reasons.other;
  }
}

/** Writes a file the user named; a failure is one line on stderr in the user's language, never a raw error code. */
export async function writeOutput(
  path: string,
  content: Uint8Array | string,
  lang: Lang,
  io: Pick<Io, 'err'>,
): Promise<boolean> {
  try {
    await (typeof content === 'string' ? writeFile(path, content, 'utf8') : writeFile(path, content));
    return true;
  } catch (error) {
    io.err(cliText(lang).cannotWrite(path, writeFailure(error, lang)));
    return false;
  }
}

import type { Result } from '../core/result';
import { checkWorkbook } from '../core/check';
import { compareWorkbooks, type CheckedWorkbook } from '../core/compare/compare';
import type { CompareSide, Comparison } from '../core/compare/schema';
import type { Lang } from '../core/finding';
import type { Profile } from '../core/profile';
import { readErrorMessage } from '../file/read-error';
import { readWorkbook } from '../file/read-workbook';

/** The file the open workbook is compared with, read and checked in the browser. */
export interface OtherWorkbook {
  name: string;
  checked: CheckedWorkbook;
}

/** Reads and checks the picked file; an unreadable one gives its one-line reason in the user's language. */
export function readOtherWorkbook(
  name: string,
  bytes: Uint8Array,
  profile: Profile,
  lang: Lang,
): Result<{ other: OtherWorkbook }, string> {
  const read = readWorkbook(bytes, name);
  if (!read.ok) return { ok: false, error: readErrorMessage(read.error, lang) };
  return { ok: true, other: { name, checked: checkWorkbook(read.workbook, { profile, lang }) } };
}

/** Compares the open workbook with the other file, the open one on the side the user chose. */
export function compareWithOpen(
  open: CheckedWorkbook,
  other: CheckedWorkbook,
  openSide: CompareSide,
  profile: Profile,
): Comparison {
  return openSide === 'self' ? compareWorkbooks(open, other, profile) : compareWorkbooks(other, open, profile);
}

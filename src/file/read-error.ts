import type { Lang } from '../core/finding';
import { coreText, type ReadErrorKind } from '../core/i18n';

/** Why a file could not be read. Each kind has a one-line message in both languages (src/core/i18n). */
export type { ReadErrorKind };

export class WorkbookReadError extends Error {
  constructor(
    readonly kind: ReadErrorKind,
    readonly detail?: string,
    /** For 'too-large' from the cell count: the limit that was passed, which the message states. */
    readonly maxCells?: number,
  ) {
    super(`${kind}${detail ? `: ${detail}` : ''}`);
    this.name = 'WorkbookReadError';
  }
}

/** The error a reader throws as soon as a workbook holds more cells than `maxCells`. */
export function tooManyCells(maxCells: number): WorkbookReadError {
  return new WorkbookReadError('too-large', `more than ${maxCells} cells`, maxCells);
}

/** The one line a user sees for an unreadable file, in the user's language (no technical tail). */
export function readErrorMessage(error: WorkbookReadError, lang: Lang): string {
  const t = coreText(lang);
  if (error.maxCells !== undefined) return t.tooManyCells(error.maxCells.toLocaleString('en-US'));
  return t.readError[error.kind];
}

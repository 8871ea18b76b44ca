/** Why a file could not be read. Each kind has a one-line message in both UI languages. */
export type ReadErrorKind = 'not-found' | 'not-workbook' | 'corrupt' | 'encrypted' | 'too-large' | 'empty-file';

export class WorkbookReadError extends Error {
  constructor(
    readonly kind: ReadErrorKind,
    readonly detail?: string,
  ) {
    super(`${kind}${detail ? `: ${detail}` : ''}`);
    this.name = 'WorkbookReadError';
  }
}

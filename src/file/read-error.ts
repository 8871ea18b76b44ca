import { formatMessage, type Lang } from '../core/finding';

/** Why a file could not be read. Each kind has a one-line message in both UI languages. */
export type ReadErrorKind = 'not-found' | 'not-workbook' | 'corrupt' | 'encrypted' | 'too-large' | 'empty-file';

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

const TOO_MANY_CELLS: Readonly<Record<Lang, string>> = {
  'zh-CN': '工作簿超过 {limit} 个单元格的检查上限；如确需检查，请提高上限（命令行：--max-cells 数量）',
  'en-US':
    'the workbook has more than {limit} cells, the limit of a check; to check it anyway, raise the limit (command line: --max-cells N)',
};

const MESSAGES: Readonly<Record<ReadErrorKind, Readonly<Record<Lang, string>>>> = {
  'not-found': { 'zh-CN': '找不到文件', 'en-US': 'file not found' },
  'not-workbook': {
    'zh-CN': '不是 Excel 工作簿（仅支持 .xlsx 和 .xls）',
    'en-US': 'not an Excel workbook (.xlsx and .xls are supported)',
  },
  corrupt: { 'zh-CN': '文件已损坏，无法读取', 'en-US': 'the file is damaged and cannot be read' },
  encrypted: {
    'zh-CN': '文件设有打开密码，请在 Excel 中取消密码后再检查',
    'en-US': 'the file is password-protected; remove the password in Excel and check it again',
  },
  'too-large': {
    'zh-CN': '文件过大，超出可检查的上限',
    'en-US': 'the file is larger than the limit that can be checked',
  },
  'empty-file': { 'zh-CN': '文件为空（0 字节）', 'en-US': 'the file is empty (0 bytes)' },
};

/** The one line a user sees for an unreadable file; the technical detail only in English, in parentheses. */
export function readErrorMessage(error: WorkbookReadError, lang: Lang): string {
  if (error.maxCells !== undefined)
    return formatMessage(TOO_MANY_CELLS[lang], { limit: error.maxCells.toLocaleString('en-US') });
  const message = MESSAGES[error.kind][lang];
  const detail = error.detail?.split('\n')[0]?.slice(0, 120);
  return detail && error.kind === 'corrupt' ? `${message} (${detail})` : message;
}

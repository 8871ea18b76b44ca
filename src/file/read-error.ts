import type { Lang } from '../core/finding';

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

const MESSAGES: Readonly<Record<ReadErrorKind, Readonly<Record<Lang, string>>>> = {
  'not-found': { 'zh-CN': '找不到文件', 'en-US': 'file not found' },
  'not-workbook': { 'zh-CN': '不是 Excel 工作簿（仅支持 .xlsx 和 .xls）', 'en-US': 'not an Excel workbook (.xlsx and .xls are supported)' },
  corrupt: { 'zh-CN': '文件已损坏，无法读取', 'en-US': 'the file is damaged and cannot be read' },
  encrypted: { 'zh-CN': '文件设有打开密码，请在 Excel 中取消密码后再检查', 'en-US': 'the file is password-protected; remove the password in Excel and check it again' },
  'too-large': { 'zh-CN': '文件过大，超出可检查的上限', 'en-US': 'the file is larger than the limit that can be checked' },
  'empty-file': { 'zh-CN': '文件为空（0 字节）', 'en-US': 'the file is empty (0 bytes)' },
};

/** The one line a user sees for an unreadable file; the technical detail only in English, in parentheses. */
export function readErrorMessage(error: WorkbookReadError, lang: Lang): string {
  const message = MESSAGES[error.kind][lang];
  const detail = error.detail?.split('\n')[0]?.slice(0, 120);
  return detail && error.kind === 'corrupt' ? `${message} (${detail})` : message;
}

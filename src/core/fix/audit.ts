import type { Lang } from '../finding';
import type { CellValue } from '../snapshot';
import type { CellWrite } from './plan';

export const AUDIT_HEADERS: Readonly<Record<Lang, readonly string[]>> = {
  'zh-CN': ['时间', '工作表', '单元格', '原内容', '新内容', '规则', '说明'],
  'en-US': ['Time', 'Sheet', 'Cell', 'Old content', 'New content', 'Rule', 'Reason'],
};

/** The time an audit row records, to the second, in UTC: 2026-01-02 03:04:05. */
export function auditTime(now: Date): string {
  return now.toISOString().replace('T', ' ').slice(0, 19);
}

function valueText(value: CellValue, lang: Lang): string {
  switch (value.type) {
    case 'empty':
      return lang === 'zh-CN' ? '（空）' : '(empty)';
    case 'boolean':
      return value.value ? 'TRUE' : 'FALSE';
    default:
      return String(value.value);
  }
}

/** A cell's content as a reviewer reads it: =formula → value, or the value. Always stored as text. */
export function contentText(value: CellValue, formula: string | undefined, lang: Lang): string {
  return formula === undefined ? valueText(value, lang) : `=${formula} → ${valueText(value, lang)}`;
}

/** The reviewer-facing columns of one audit row (adapters may add their own columns after these). */
export function auditRow(write: CellWrite, time: string, lang: Lang): string[] {
  const newValue: CellValue =
    typeof write.value === 'number' ? { type: 'number', value: write.value } : { type: 'text', value: write.value };
  return [
    time,
    write.sheet,
    write.cell,
    contentText(write.old.value, write.old.formula, lang),
    contentText(newValue, write.formula, lang),
    write.code,
    write.reason,
  ];
}

import type { Lang } from '../finding';
import { CORE_CATALOGS, coreText } from '../i18n';
import type { CellValue } from '../snapshot';
import type { CellWrite } from './plan';

export const AUDIT_HEADERS: Readonly<Record<Lang, readonly string[]>> = {
  'zh-CN': CORE_CATALOGS['zh-CN'].audit.headers,
  'en-US': CORE_CATALOGS['en-US'].audit.headers,
};

/** The time an audit row records, to the second, in UTC: 2026-01-02 03:04:05. */
export function auditTime(now: Date): string {
  return now.toISOString().replace('T', ' ').slice(0, 19);
}

function valueText(value: CellValue, lang: Lang): string {
  switch (value.type) {
    case 'empty':
      return coreText(lang).audit.empty;
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

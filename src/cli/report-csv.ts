import type { Lang } from '../core/finding';
import { readErrorMessage } from '../file/read-error';
import type { FileCheck } from './check-file';
import { coreText } from '../core/i18n';
import { ruleName } from '../core/rule-names';
import { actualText, expectedText } from './report-text';

type Field = string | number | null | undefined;

/** Excel opens a UTF-8 CSV as UTF-8 (Chinese intact) only when it starts with a byte order mark. */
const BOM = '\uFEFF';

/** True for text a spreadsheet would take for a formula (or, after a tab or return, still evaluate): =, +, -, @. */
export function startsLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** A figure as the engine shows it (-2.00, -1,234.50, -3%): a number to a spreadsheet, never a formula. */
const SHOWN_NUMBER = /^-?\d{1,3}(,\d{3})*(\.\d+)?%?$|^-?\d+(\.\d+)?%?$/;

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma or line break, quotes doubled. Text that a
 * spreadsheet would evaluate gets a leading `'` (CSV injection): workbook text stays text. Numbers are ours, kept as numbers.
 */
export function csvField(value: Field): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = startsLikeFormula(value) && !SHOWN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The batch as CSV: a header row, then one row per finding, one row for a file without findings and one per
 * unreadable file (with its reason as the message), so every file appears. CRLF line ends, UTF-8 with BOM.
 */
export function formatCsvReport(checks: readonly FileCheck[], lang: Lang): string {
  const words = coreText(lang);
  const t = words.report;
  const rows: Field[][] = [
    [
      t.file,
      t.status,
      t.totalScore,
      t.grade,
      t.severity,
      t.rule,
      t.code,
      t.sheet,
      t.cell,
      t.message,
      t.expected,
      t.actual,
    ],
  ];
  for (const check of checks) {
    if (!check.ok) {
      rows.push([
        check.file,
        t.unreadableStatus,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        readErrorMessage(check.error, lang),
        null,
        null,
      ]);
      continue;
    }
    const head: Field[] = [check.file, t.checked, check.summary.totalScore, check.summary.grade];
    if (check.findings.length === 0) rows.push([...head, null, null, null, null, null, t.noFindings, null, null]);
    for (const f of check.findings)
      rows.push([
        ...head,
        words.severity[f.severity],
        ruleName(f.code, lang),
        f.code,
        f.sheet,
        f.cell,
        f.message,
        expectedText(f),
        actualText(f, lang),
      ]);
  }
  return BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

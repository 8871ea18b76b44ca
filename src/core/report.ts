import type { CheckResult } from './check';
import type { Finding, Lang } from './finding';
import { coreText } from './i18n';
import { ruleName } from './rule-names';

/** A report cell: text (always stored as text), a number, or a link to a cell of the workbook. */
export type ReportCell =
  | { text: string }
  | { number: number }
  | { link: { sheet: string; cell: string; label: string } }
  | null;

/** A finding's expected or actual value as a report cell: its display text when known, else the number. */
function valueCell(value: Finding['expected'] | Finding['actual'], text: string | undefined): ReportCell {
  if (text !== undefined && text !== '') return { text };
  return typeof value === 'number' ? { number: value } : value === undefined || value === null ? null : { text: value };
}

/** The report as rows of cells, the same for the file writer and the Excel add-in adapter. */
export function reportRows(result: CheckResult, lang: Lang): ReportCell[][] {
  const s = result.summary;
  const t = coreText(lang);
  const r = t.report;
  return [
    [{ text: r.title }],
    [r.totalScore, r.grade, r.errors, r.warnings, r.infos].map((label) => ({ text: label })),
    [
      s.totalScore === null ? null : { number: s.totalScore },
      s.grade === null ? null : { text: s.grade },
      { number: s.errors },
      { number: s.warnings },
      { number: s.infos },
    ],
    [],
    [r.severity, r.rule, r.sheet, r.cell, r.message, r.expected, r.actual, r.code].map((label) => ({ text: label })),
    ...result.findings.map((f): ReportCell[] => [
      { text: t.severity[f.severity] },
      { text: ruleName(f.code, lang) },
      { text: f.sheet },
      f.sheet ? { link: { sheet: f.sheet, cell: f.cell, label: f.cell } } : { text: f.cell },
      { text: f.message },
      valueCell(f.expected, f.expectedText),
      valueCell(f.actual, f.actualText),
      { text: f.code },
    ]),
  ];
}

/** HYPERLINK to a cell of this workbook; the sheet name sits in a string literal, quotes doubled, so it stays text. */
export function linkFormula(sheet: string, cell: string, label: string): string {
  const target = `#'${sheet.replace(/'/g, "''")}'!${cell}`;
  return `HYPERLINK("${target.replace(/"/g, '""')}","${label.replace(/"/g, '""')}")`;
}

import type { CheckResult } from './check';
import type { Finding, Lang } from './finding';

const TEXT = {
  title: { 'zh-CN': '绩效评分表审核报告', 'en-US': 'Scoring workbook review' },
  summary: {
    'zh-CN': ['总分', '等级', '错误', '警告', '提示'],
    'en-US': ['Total', 'Grade', 'Errors', 'Warnings', 'Infos'],
  },
  header: {
    'zh-CN': ['严重程度', '规则', '工作表', '单元格', '说明', '应为', '实为'],
    'en-US': ['Severity', 'Rule', 'Sheet', 'Cell', 'Message', 'Expected', 'Actual'],
  },
  severity: {
    'zh-CN': { error: '错误', warning: '警告', info: '提示' },
    'en-US': { error: 'error', warning: 'warning', info: 'info' },
  },
} as const;

/** A report cell: text (always stored as text), a number, or a link to a cell of the workbook. */
export type ReportCell =
  | { text: string }
  | { number: number }
  | { link: { sheet: string; cell: string; label: string } }
  | null;

/** The report as rows of cells, the same for the file writer and the Excel add-in adapter. */
export function reportRows(result: CheckResult, lang: Lang): ReportCell[][] {
  const s = result.summary;
  const value = (v: Finding['expected'] | Finding['actual']): ReportCell =>
    typeof v === 'number' ? { number: v } : v === undefined || v === null ? null : { text: v };
  return [
    [{ text: TEXT.title[lang] }],
    TEXT.summary[lang].map((label) => ({ text: label })),
    [
      s.totalScore === null ? null : { number: s.totalScore },
      s.grade === null ? null : { text: s.grade },
      { number: s.errors },
      { number: s.warnings },
      { number: s.infos },
    ],
    [],
    TEXT.header[lang].map((label) => ({ text: label })),
    ...result.findings.map((f): ReportCell[] => [
      { text: TEXT.severity[lang][f.severity] },
      { text: f.code },
      { text: f.sheet },
      f.sheet ? { link: { sheet: f.sheet, cell: f.cell, label: f.cell } } : { text: f.cell },
      { text: f.message },
      value(f.expected),
      value(f.actual),
    ]),
  ];
}

/** HYPERLINK to a cell of this workbook; the sheet name sits in a string literal, quotes doubled, so it stays text. */
export function linkFormula(sheet: string, cell: string, label: string): string {
  const target = `#'${sheet.replace(/'/g, "''")}'!${cell}`;
  return `HYPERLINK("${target.replace(/"/g, '""')}","${label.replace(/"/g, '""')}")`;
}

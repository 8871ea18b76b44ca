import type { Finding, Lang } from '../core/finding';
import type { FileCheck } from './check-file';
import { CLI_TEXT } from './strings';

/** Labels shared by the CSV and HTML reports, Chinese first. */
export const REPORT_TEXT = {
  title: { 'zh-CN': '绩效评分表审核报告', 'en-US': 'Score Audit report' },
  overview: {
    'zh-CN': '共 {files} 个文件，{unreadable} 个无法读取；错误 {errors}，警告 {warnings}，提示 {infos}',
    'en-US': '{files} files, {unreadable} unreadable; {errors} errors, {warnings} warnings, {infos} infos',
  },
  summaryHeading: { 'zh-CN': '汇总', 'en-US': 'Summary' },
  findingsHeading: { 'zh-CN': '各文件的发现', 'en-US': 'Findings by file' },
  sortHint: { 'zh-CN': '点击表头可排序。', 'en-US': 'Click a header to sort.' },
  file: { 'zh-CN': '文件', 'en-US': 'File' },
  status: { 'zh-CN': '状态', 'en-US': 'Status' },
  checked: { 'zh-CN': '已检查', 'en-US': 'checked' },
  unreadableStatus: { 'zh-CN': '无法读取', 'en-US': 'unreadable' },
  unreadable: { 'zh-CN': '无法读取：{message}', 'en-US': 'unreadable: {message}' },
  totalScore: { 'zh-CN': '总分', 'en-US': 'Total score' },
  grade: { 'zh-CN': '等级', 'en-US': 'Grade' },
  errors: { 'zh-CN': '错误', 'en-US': 'Errors' },
  warnings: { 'zh-CN': '警告', 'en-US': 'Warnings' },
  infos: { 'zh-CN': '提示', 'en-US': 'Infos' },
  severity: { 'zh-CN': '级别', 'en-US': 'Severity' },
  code: { 'zh-CN': '代码', 'en-US': 'Code' },
  sheet: { 'zh-CN': '工作表', 'en-US': 'Sheet' },
  cell: { 'zh-CN': '单元格', 'en-US': 'Cell' },
  message: { 'zh-CN': '说明', 'en-US': 'Message' },
  expected: { 'zh-CN': '应为', 'en-US': 'Expected' },
  actual: { 'zh-CN': '实为', 'en-US': 'Actual' },
  noFindings: { 'zh-CN': '未发现问题', 'en-US': 'No findings' },
} satisfies Record<string, Record<Lang, string>>;

/** `actual` as the text report shows it: an empty cell reads “无”/“none”; no value at all stays blank. */
export function actualText(finding: Finding, lang: Lang): string | number {
  if (finding.actual === undefined) return '';
  return finding.actual ?? CLI_TEXT.none[lang];
}

export interface BatchTotals {
  files: number;
  unreadable: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function batchTotals(checks: readonly FileCheck[]): BatchTotals {
  const totals: BatchTotals = { files: checks.length, unreadable: 0, errors: 0, warnings: 0, infos: 0 };
  for (const check of checks) {
    if (!check.ok) {
      totals.unreadable++;
      continue;
    }
    totals.errors += check.summary.errors;
    totals.warnings += check.summary.warnings;
    totals.infos += check.summary.infos;
  }
  return totals;
}

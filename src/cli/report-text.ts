import type { Finding, Lang } from '../core/finding';
import { coreText } from '../core/i18n';
import { figureText } from '../core/shown';
import type { FileCheck } from './check-file';

/** `expected` as the reports show it: as its cell displays it, without binary noise; blank when there is none. */
export function expectedText(finding: Finding): string {
  return finding.expected === undefined ? '' : figureText(finding.expected, finding.expectedText);
}

/** `actual` as the reports show it: an empty cell reads “无”/“none”; no value at all stays blank. */
export function actualText(finding: Finding, lang: Lang): string {
  if (finding.actual === undefined) return '';
  if (finding.actual === null) return coreText(lang).none;
  return figureText(finding.actual, finding.actualText);
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

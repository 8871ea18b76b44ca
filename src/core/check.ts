import type { Finding, Lang } from './finding';
import type { WorkbookModel } from './model';
import { DEFAULT_PROFILE, type Profile } from './profile';
import { recognizeWorkbook } from './recognize';
import { RULES, runRules } from './rules';
import type { WorkbookSnapshot } from './snapshot';

export interface CheckSummary {
  totalScore: number | null;
  grade: string | null;
  errors: number;
  warnings: number;
  infos: number;
}

export interface CheckResult {
  model: WorkbookModel;
  findings: Finding[];
  summary: CheckSummary;
}

export interface CheckOptions {
  profile?: Profile;
  lang?: Lang;
}

/** The engine's entry point: recognise the workbook, run every rule, summarise. Never throws on a strange workbook. */
export function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions = {}): CheckResult {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const { model, grids } = recognizeWorkbook(snapshot, profile);
  const findings = runRules({ snapshot, grids, model, profile }, options.lang ?? 'zh-CN', RULES);
  return { model, findings, summary: summarize(model, findings) };
}

function summarize(model: WorkbookModel, findings: Finding[]): CheckSummary {
  const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  return { ...stated(model), errors: count('error'), warnings: count('warning'), infos: count('info') };
}

/** The total and grade as the workbook states them: a conclusion sheet first, then a score table's total row, then a summary. */
function stated(model: WorkbookModel): { totalScore: number | null; grade: string | null } {
  const tables = model.sheets.flatMap((s) => s.tables);
  const entries = tables.flatMap((t) => (t.kind === 'key-values' ? t.entries : []));
  const scoreEntry = entries.find((e) => e.key === '评价得分' && e.value?.value !== null && e.value?.value !== undefined);
  const gradeEntry = entries.find((e) => e.key === '评价等级' && (e.text?.text ?? '') !== '');
  const tableTotal = tables.flatMap((t) => (t.kind === 'indicators' ? [t.total?.score] : t.kind === 'summary' ? [t.total?.score] : [])).find((f) => f?.value !== null && f?.value !== undefined);
  return { totalScore: scoreEntry?.value?.value ?? tableTotal?.value ?? null, grade: gradeEntry?.text?.text ?? null };
}

import type { Finding, Lang } from './finding';
import type { WorkbookModel } from './model';
import { DEFAULT_PROFILE, type Profile } from './profile';
import { recognizeWorkbook } from './recognize';
import { analyze, type Analysis } from './analysis';
import { gradeFor } from './grades';
import { statedGrades, statedTotal } from './model/stated';
import { runRules } from './rules';
import { withShownTexts } from './shown';
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
  /** Computed values the rules used: derived rates, scores by standard (the fill plan reads them). */
  analysis: Analysis;
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
  const analysis = analyze(model, profile, grids);
  // Figures as their cells show them (91.43%, 7.00) where a rule gave none.
  const findings = withShownTexts(
    runRules({ snapshot, grids, model, profile, analysis }, options.lang ?? 'zh-CN'),
    snapshot,
  );
  return { model, analysis, findings, summary: summarize(model, findings, profile) };
}

function summarize(model: WorkbookModel, findings: Finding[], profile: Profile): CheckSummary {
  const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  const { totalScore, grade } = stated(model);
  // The grade as the workbook states it; when it states none, the grade its total earns.
  return {
    totalScore,
    grade: grade ?? (totalScore === null ? null : gradeFor(totalScore, profile)),
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
  };
}

/** The total and grade as the workbook states them. */
function stated(model: WorkbookModel): { totalScore: number | null; grade: string | null } {
  return { totalScore: statedTotal(model)?.value ?? null, grade: statedGrades(model)[0]?.text ?? null };
}

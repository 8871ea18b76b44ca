import { formatMessage, type Finding, type FindingCode, type Lang, type Severity } from '../finding';
import type { Profile } from '../profile';
import type { Rule, RuleContext, RuleReport } from './rule';
import { amountTotal } from './amount-total';
import { countMismatch } from './count-mismatch';
import { crossMismatch } from './cross-mismatch';
import { crossMissing } from './cross-missing';
import { derivedMissing } from './derived-missing';
import { formulaError } from './formula-error';
import { formulaHardcoded } from './formula-hardcoded';
import { formulaInconsistent } from './formula-inconsistent';
import { formulaRangeOmits } from './formula-range-omits';
import { formulaStale } from './formula-stale';
import { gradeMismatch } from './grade-mismatch';
import { rateRounding } from './rate-rounding';
import { rateWrong } from './rate-wrong';
import { scoreChildrenSum } from './score-children-sum';
import { scoreMissing } from './score-missing';
import { scoreRange } from './score-range';
import { scoreRule } from './score-rule';
import { scoreTotal } from './score-total';
import { sheetMergeOverlap } from './sheet-merge-overlap';
import { sheetUnrecognized } from './sheet-unrecognized';
import { valueTextNumber } from './value-text-number';
import { weightChildrenSum } from './weight-children-sum';
import { weightLabel } from './weight-label';
import { weightPolicy } from './weight-policy';
import { weightTotal } from './weight-total';

/** Every rule, in the order their findings are listed. */
export const RULES: readonly Rule[] = [
  weightChildrenSum,
  weightTotal,
  weightLabel,
  weightPolicy,
  scoreMissing,
  scoreRange,
  scoreChildrenSum,
  scoreTotal,
  scoreRule,
  rateWrong,
  rateRounding,
  gradeMismatch,
  amountTotal,
  crossMismatch,
  crossMissing,
  countMismatch,
  formulaError,
  formulaRangeOmits,
  formulaInconsistent,
  formulaHardcoded,
  formulaStale,
  valueTextNumber,
  derivedMissing,
  sheetMergeOverlap,
  sheetUnrecognized,
];

/** The severity a rule's findings carry under the profile, or undefined when the profile turns the rule off. */
export function severityOf(rule: Rule, profile: Profile): Severity | undefined {
  const setting = profile.rules[rule.code] ?? (profile.rulesOff.includes(rule.code) ? 'off' : undefined);
  if (setting === 'off') return undefined;
  return setting === undefined ? rule.severity : SEVERITY_OF_SETTING[setting];
}

const SEVERITY_OF_SETTING = { error: 'error', warn: 'warning', info: 'info' } as const;

/**
 * A cell gets the most specific finding only: a finding of the key's code is dropped where the same cell already has
 * one of the codes listed (a score above its weight is score/range, not also score/rule).
 */
const LESS_SPECIFIC_THAN: Partial<Record<FindingCode, readonly FindingCode[]>> = {
  'score/rule': ['score/range'],
  // A SUM that leaves out a row says why its total is wrong; a wrong typed total is more than a typed constant.
  'amount/total': ['formula/range-omits', 'cross/mismatch'],
  'formula/hardcoded': ['amount/total'],
};

/** Runs the rules the profile keeps on and turns their reports into findings in the given language. */
export function runRules(context: RuleContext, lang: Lang, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const severity = severityOf(rule, context.profile);
    if (severity === undefined) continue;
    for (const report of rule.check(context)) findings.push(toFinding(rule, severity, report, lang));
  }
  const codesAt = new Map<string, Set<FindingCode>>();
  for (const f of findings) {
    const key = `${f.sheet}!${f.cell}`;
    const codes = codesAt.get(key);
    if (codes) codes.add(f.code);
    else codesAt.set(key, new Set([f.code]));
  }
  return findings.filter((f) => {
    const moreSpecific = LESS_SPECIFIC_THAN[f.code];
    return !moreSpecific?.some((code) => codesAt.get(`${f.sheet}!${f.cell}`)?.has(code));
  });
}

function toFinding(rule: Rule, severity: Severity, report: RuleReport, lang: Lang): Finding {
  const template = rule.messages[report.messageId]?.[lang] ?? report.messageId;
  const data = Object.fromEntries(
    Object.entries(report.data).map(([key, value]) => [key, typeof value === 'object' ? value[lang] : value]),
  );
  const finding: Finding = {
    code: rule.code,
    severity,
    sheet: report.sheet,
    cell: report.cell,
    message: formatMessage(template, data),
  };
  if (report.expected !== undefined) finding.expected = report.expected;
  if (report.actual !== undefined) finding.actual = report.actual;
  if (report.related && report.related.length > 0) finding.related = report.related;
  if (report.count !== undefined) finding.count = report.count;
  if (report.expectedText !== undefined) finding.expectedText = report.expectedText;
  if (report.actualText !== undefined) finding.actualText = report.actualText;
  if (report.fix) {
    const writes = report.fix.writes.map((write) => ({ ...write, reason: write.reason[lang] }));
    finding.fix = { kind: report.fix.kind, writes };
  }
  return finding;
}

import { formatMessage, type Finding, type Lang } from '../finding';
import type { Rule, RuleContext } from './rule';
import { sheetUnrecognized } from './sheet-unrecognized';

/** Every rule, in the order their findings are listed. */
export const RULES: readonly Rule[] = [sheetUnrecognized];

/** Runs the rules and turns their reports into findings in the given language. */
export function runRules(context: RuleContext, lang: Lang, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const report of rule.check(context)) {
      const template = rule.messages[report.messageId]?.[lang] ?? report.messageId;
      const finding: Finding = { code: rule.code, severity: rule.severity, sheet: report.sheet, cell: report.cell, message: formatMessage(template, report.data) };
      if (report.expected !== undefined) finding.expected = report.expected;
      if (report.actual !== undefined) finding.actual = report.actual;
      if (report.related && report.related.length > 0) finding.related = report.related;
      findings.push(finding);
    }
  }
  return findings;
}

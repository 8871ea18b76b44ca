import type { Finding, Severity } from '../core/finding';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface FindingFilter {
  severities: ReadonlySet<Severity>;
  /** A rule code, or null for every code. */
  code: string | null;
}

export const ALL_FINDINGS: FindingFilter = { severities: new Set(SEVERITIES), code: null };

export interface FindingGroup {
  sheet: string;
  bySeverity: Array<{ severity: Severity; findings: Finding[] }>;
  count: number;
}

/** The key of a finding's cell, the same as a write's: `sheet!cell`. */
export function cellKey(ref: { sheet: string; cell: string }): string {
  return `${ref.sheet}!${ref.cell}`;
}

export function applyFilter(findings: readonly Finding[], filter: FindingFilter): Finding[] {
  return findings.filter((f) => filter.severities.has(f.severity) && (filter.code === null || f.code === filter.code));
}

/** Codes present in the findings, in first-seen order (the rules' order). */
export function codesOf(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((f) => f.code))];
}

/** Findings grouped by sheet (in the order sheets first appear), then by severity (errors first). */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const sheets = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = sheets.get(finding.sheet);
    if (list) list.push(finding);
    else sheets.set(finding.sheet, [finding]);
  }
  return [...sheets].map(([sheet, list]) => ({
    sheet,
    count: list.length,
    bySeverity: SEVERITIES.map((severity) => ({
      severity,
      findings: list.filter((f) => f.severity === severity),
    })).filter((g) => g.findings.length > 0),
  }));
}

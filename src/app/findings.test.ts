import type { Finding, FindingCode } from '../core/finding';
import { ALL_FINDINGS, applyFilter, cellKey, codesOf, groupFindings } from './findings';

const f = (severity: Finding['severity'], code: FindingCode, sheet: string, cell: string): Finding => ({
  severity,
  code,
  sheet,
  cell,
  message: `${code} at ${cell}`,
});
const findings = [
  f('info', 'derived/missing', '满意度调查', 'G4'),
  f('error', 'score/missing', '评分表', 'G8'),
  f('warning', 'count/mismatch', '评分表', 'A22'),
  f('error', 'score/range', '满意度调查', 'C3'),
];

describe('findings grouping and filters', () => {
  it('groups by sheet in first-seen order, then by severity with errors first', () => {
    const groups = groupFindings(findings);
    expect(groups.map((g) => [g.sheet, g.count])).toEqual([
      ['满意度调查', 2],
      ['评分表', 2],
    ]);
    expect(groups[0]?.bySeverity.map((s) => [s.severity, s.findings.map((x) => x.cell)])).toEqual([
      ['error', ['C3']],
      ['info', ['G4']],
    ]);
    expect(groups[1]?.bySeverity.map((s) => s.severity)).toEqual(['error', 'warning']);
  });

  it('filters by severity and by code', () => {
    expect(applyFilter(findings, ALL_FINDINGS)).toHaveLength(4);
    expect(applyFilter(findings, { severities: new Set(['error']), code: null }).map((x) => x.cell)).toEqual([
      'G8',
      'C3',
    ]);
    expect(
      applyFilter(findings, { severities: new Set(['error', 'warning', 'info']), code: 'count/mismatch' }).map(
        (x) => x.cell,
      ),
    ).toEqual(['A22']);
    expect(applyFilter(findings, { severities: new Set(['info']), code: 'score/missing' })).toEqual([]);
  });

  it('lists codes once each, and keys cells as sheet!cell', () => {
    expect(codesOf([...findings, findings[1] as Finding])).toEqual([
      'derived/missing',
      'score/missing',
      'count/mismatch',
      'score/range',
    ]);
    expect(cellKey({ sheet: '评分表', cell: 'G8' })).toBe('评分表!G8');
  });
});

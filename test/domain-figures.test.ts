import { analyze, type DerivedRate } from '../src/core/analysis';
import { DEFAULT_PROFILE } from '../src/core/profile';
import { recognizeWorkbook } from '../src/core/recognize';
import { checkWorkbook } from '../src/core/check';
import type { WorkbookSnapshot } from '../src/core/snapshot';
import { seedWorkbook } from './rule-harness';
import { SEEDS } from './fixtures/seeds';

/**
 * Every figure of DOMAIN.md's derived-values table comes out of the engine, from the seed fixtures: either as
 * a printed value the engine verifies against its inputs, or as the `expected` of a finding.
 */
const snapshots = new Map<string, WorkbookSnapshot>();
beforeAll(async () => {
  for (const seed of SEEDS) snapshots.set(seed.id, (await seedWorkbook(seed)).snapshot);
});

function ratesOf(id: string) {
  const snapshot = snapshots.get(id) as WorkbookSnapshot;
  const { model } = recognizeWorkbook(snapshot, DEFAULT_PROFILE);
  return analyze(model, DEFAULT_PROFILE);
}

/** The rate of a kind whose exact value is `exact` (to 1e-9), with the engine's verdict on the printed cell. */
function rate(id: string, kind: DerivedRate['kind'], exact: number) {
  const found = ratesOf(id).rates.find(({ rate }) => rate.kind === kind && Math.abs(rate.exact - exact) < 1e-9);
  expect(found).toBeDefined();
  return found as NonNullable<typeof found>;
}

describe('DOMAIN.md derived values from the seed fixtures', () => {
  it('预算执行率 (C/B): 000 100%, 002 28.91%, 003 100%', () => {
    expect(rate('000', 'execution-rate', 2.81 / 2.81).verdict).toEqual({ status: 'ok' });
    const seed002 = rate('002', 'execution-rate', 7.3278 / 25.35);
    expect(seed002.verdict).toEqual({ status: 'ok' });
    expect(seed002.rate.target.value).toBe(28.91);
    expect(rate('003', 'execution-rate', 1).verdict).toEqual({ status: 'ok' });
  });

  it('资金到位率 (B/A): 001 151.68 / 477.39 = 31.77%', () => {
    const found = rate('001', 'arrival-rate', 151.68 / 477.39);
    expect(found.verdict).toEqual({ status: 'ok' });
    expect(found.rate.target.value).toBe(31.77);
  });

  it('得分率: 000 80.88%, 73.04% verified and 32/35 printed 91.42% found as rounding with 91.43%', () => {
    expect(rate('000', 'score-rate', 13.75 / 17).verdict).toEqual({ status: 'ok' });
    expect(rate('000', 'score-rate', 16.8 / 23).verdict).toEqual({ status: 'ok' });
    expect(rate('000', 'score-rate', 32 / 35).verdict).toMatchObject({
      status: 'rounding',
      how: 'truncated',
      expected: 0.9143,
      actual: 0.9142,
    });
  });

  it('补助兑现准确率: 001 99.96% (persons and amounts) and 99.87%', () => {
    for (const [kind, exact] of [
      ['accuracy-persons', 22305 / 22313],
      ['accuracy-amount', 111.53 / 111.57],
      ['accuracy-persons', 22264 / 22292],
      ['accuracy-amount', 111.32 / 111.46],
    ] as const) {
      expect(rate('001', kind, exact).verdict).toEqual({ status: 'ok' });
    }
  });

  it('满意度 unweighted: 001 374 / 558 = 67.03% and (251 + 172) / 558 = 75.81%', () => {
    expect(rate('001', 'satisfaction', 374 / 558).verdict).toEqual({ status: 'ok' });
    expect(rate('001', 'satisfaction', (251 + 172) / 558).verdict).toEqual({ status: 'ok' });
  });

  it('满意度 weighted: 003 questions 93.00 / 95.50 / 92.50 / 93.50 (to fill) and 93.63% overall', () => {
    const analysis = ratesOf('003');
    const questions = analysis.rates.filter(({ rate }) => rate.kind === 'satisfaction' && rate.target.value === null);
    expect(questions.map(({ verdict }) => verdict)).toEqual(
      [0.93, 0.955, 0.925, 0.935].map((expected) => ({ status: 'blank', expected })),
    );
    const overall = rate('003', 'satisfaction', 0.93625);
    expect(overall.verdict).toEqual({ status: 'ok' });
    expect(overall.rate.target.value).toBe(0.9363);
  });

  it('the 003 满意度 indicator scores 93.625% × 10 = 9.36 and the blank 预算执行率 score comes out as 4', () => {
    const analysis = ratesOf('003');
    const satisfaction = analysis.expectations.find((e) => e.name === '受益群体满意度');
    expect(satisfaction?.expected).toBeCloseTo(9.3625, 10);
    expect(satisfaction?.score.value).toBe(9.36);
    const { findings } = checkWorkbook(snapshots.get('003') as WorkbookSnapshot);
    expect(findings.find((f) => f.code === 'score/missing')).toMatchObject({
      sheet: '评分表',
      cell: 'G8',
      expected: 4,
      actual: null,
    });
  });

  it('知晓率: 002 (175 + 87/2) / 275 = 79.45%, printed 79.46% from rounded shares (63.64% + 31.64%/2)', () => {
    const found = rate('002', 'satisfaction', (175 + 87 / 2) / 275);
    expect(found.verdict).toMatchObject({ status: 'rounding', how: 'intermediate', expected: 0.7945, actual: 0.7946 });
  });

  it('完成率: 001 22,526 / 22,526 = 100%', () => {
    expect(rate('001', 'completion-rate', 1).verdict).toEqual({ status: 'ok' });
  });

  // Known faults of the reports themselves: 003 leaves the 预算执行率 score blank; 004 states 96.00 while every
  // indicator it reports met its target (its scores add up to 100).
  const KNOWN_ERRORS: Readonly<Record<string, string[]>> = {
    '003': ['score/missing 评分表!G8'],
    '004': ['score/total 自评表!G15'],
  };

  it('等级: every seed’s grade follows from its total, and the faithful fixtures give no error beyond the reports’ own', () => {
    for (const seed of SEEDS) {
      const { findings, summary } = checkWorkbook(snapshots.get(seed.id) as WorkbookSnapshot);
      expect(findings.filter((f) => f.code === 'grade/mismatch')).toEqual([]);
      if (seed.grade) expect(summary.totalScore).toBe(seed.grade.total);
      const errors = findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.sheet}!${f.cell}`);
      expect(errors).toEqual(KNOWN_ERRORS[seed.id] ?? []);
    }
  });
});

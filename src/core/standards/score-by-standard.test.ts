import { excelRound } from '../numbers';
import { parseStandard, type ScoringStandard } from './parse-standard';
import { clampToWeight, expectedScore } from './score-by-standard';

// Seed 003 standards, verbatim.
const BUDGET_EXECUTION = parseStandard('指标分值=预算执行率*总分');
const SATISFACTION = parseStandard('满意度调查得分*本项分值');
const QUANTITY_TIERS = parseStandard(
  '根据工作活动和具体产出指标设定每一项产出数量完成率的分值。完成率为100%的，得该项产出分值的满分；完成率为90%至100%的，得该项产出分值的90%；完成率为80%至90%的，得该项产出分值的80%；完成率为70%至80%的，得该项产出分值的60%；完成率低于70%的，不得分。',
);
const COST = parseStandard('实际支出在项目预算金额内的，得10分；超出项目预算金额1%，扣分值的20%，扣完为止。');
const SPENDING_PROGRESS = parseStandard('按照规定（计划）足额拨付得4分，每少拨付25%扣1分，扣完为止。');
const RULE_LIST = parseStandard(
  '工作活动符合政府战略部署和发展规划，宏观政策、行业政策一致。有一项不符合扣1分，扣完为止。',
);

describe('expectedScore: rate × weight', () => {
  it('reproduces seed 003: 预算执行率 100% × 4 = 4 and 满意度 93.625% × 10 = 9.3625 (printed 9.36)', () => {
    expect(expectedScore(BUDGET_EXECUTION, { weight: 4, rate: 1 })).toBe(4);
    const satisfaction = expectedScore(SATISFACTION, { weight: 10, rate: 0.93625 });
    expect(satisfaction).toBe(9.3625);
    expect(excelRound(satisfaction ?? Number.NaN, 2)).toBe(9.36);
  });

  it('keeps the score within [0, weight]', () => {
    expect(expectedScore(BUDGET_EXECUTION, { weight: 4, rate: 1.2 })).toBe(4);
    expect(expectedScore(BUDGET_EXECUTION, { weight: 4, rate: -0.5 })).toBe(0);
    expect(expectedScore(BUDGET_EXECUTION, { weight: 10, rate: 0.2891 })).toBe(2.891);
  });

  it('is undefined without the rate, or when only another kind of input is given', () => {
    expect(expectedScore(BUDGET_EXECUTION, { weight: 4 })).toBeUndefined();
    expect(expectedScore(SATISFACTION, { weight: 10, completion: 0.9 })).toBeUndefined();
    expect(expectedScore(BUDGET_EXECUTION, { weight: 4, rate: Number.NaN })).toBeUndefined();
  });

  it('lets a 完成率 standard read completion, or rate when that is all there is', () => {
    const completion = parseStandard('得分=实际完成率×分值');
    expect(expectedScore(completion, { weight: 10, completion: 0.8, rate: 0.5 })).toBe(8);
    expect(expectedScore(completion, { weight: 10, rate: 0.5 })).toBe(5);
  });
});

describe('expectedScore: tiers (seed 003 数量指标)', () => {
  it.each([
    [1, 10],
    [1.05, 10],
    [0.95, 9],
    [0.9, 9],
    [0.3 * 3, 9],
    [0.8999, 8],
    [0.8, 8],
    [0.75, 6],
    [0.7, 6],
    [0.6999, 0],
    [0, 0],
  ])('completion %p → %p', (completion, score) => {
    expect(expectedScore(QUANTITY_TIERS, { weight: 10, completion })).toBe(score);
  });

  it('is undefined without a completion or for a value no tier holds', () => {
    expect(expectedScore(QUANTITY_TIERS, { weight: 10 })).toBeUndefined();
    expect(expectedScore(QUANTITY_TIERS, { weight: 10, completion: -0.1 })).toBeUndefined();
  });

  it('awards points as given, never above the weight', () => {
    const points = parseStandard('满意度90%以上得满分，80%-90%（含）得8分，低于80%得5分');
    expect(expectedScore(points, { weight: 10, rate: 0.9 })).toBe(8);
    expect(expectedScore(points, { weight: 10, rate: 0.91 })).toBe(10);
    expect(expectedScore(points, { weight: 6, rate: 0.85 })).toBe(6);
    expect(expectedScore(points, { weight: 10, rate: 0.5 })).toBe(5);
  });
});

describe('expectedScore: overrun', () => {
  it.each([
    [0, 10],
    [-0.1, 10],
    [0.009, 10],
    [0.01, 8],
    [0.025, 6],
    [0.049, 2],
    [0.05, 0],
    [0.5, 0],
  ])('seed 003 cost, %p over budget → %p', (overrun, score) => {
    expect(expectedScore(COST, { weight: 10, overrun })).toBe(score);
  });

  it('deducts points per full step', () => {
    const perPoint = parseStandard('不超支得满分，每超支1%扣0.5分');
    expect(expectedScore(perPoint, { weight: 5, overrun: 0.034 })).toBe(3.5);
  });

  it('is undefined without the overrun', () => {
    expect(expectedScore(COST, { weight: 10 })).toBeUndefined();
    expect(expectedScore(COST, { weight: 10, rate: 1 })).toBeUndefined();
  });
});

describe('expectedScore: shortfall steps (seed 003 资金支出进度)', () => {
  it('reproduces the printed 1 of 4: paid in full on 30 Oct against the 25/50/75/100% plan', () => {
    const progress = [
      { planned: 0.25, actual: 0 },
      { planned: 0.5, actual: 0 },
      { planned: 0.75, actual: 1 },
      { planned: 1, actual: 1 },
    ];
    expect(expectedScore(SPENDING_PROGRESS, { weight: 4, progress })).toBe(1);
  });

  it('counts full steps only and stops at zero', () => {
    expect(expectedScore(SPENDING_PROGRESS, { weight: 4, progress: [{ planned: 0.5, actual: 0.3 }] })).toBe(4);
    expect(expectedScore(SPENDING_PROGRESS, { weight: 4, progress: [{ planned: 0.75, actual: 0.25 }] })).toBe(2);
    const nothingPaid = [0.25, 0.5, 0.75, 1].map((planned) => ({ planned, actual: 0 }));
    expect(expectedScore(SPENDING_PROGRESS, { weight: 4, progress: nothingPaid })).toBe(0);
  });

  it('is undefined without progress or with a non-number in it', () => {
    expect(expectedScore(SPENDING_PROGRESS, { weight: 4 })).toBeUndefined();
    expect(expectedScore(SPENDING_PROGRESS, { weight: 4, progress: [] })).toBeUndefined();
    expect(
      expectedScore(SPENDING_PROGRESS, { weight: 4, progress: [{ planned: 0.5, actual: Number.NaN }] }),
    ).toBeUndefined();
  });
});

describe('expectedScore: judgement and bad weights', () => {
  it('gives no score for rule lists or unknown standards', () => {
    expect(expectedScore(RULE_LIST, { weight: 3, rate: 1, completion: 1, overrun: 0 })).toBeUndefined();
    expect(expectedScore({ kind: 'unknown' }, { weight: 3, rate: 1 })).toBeUndefined();
  });

  it('gives no score for a weight that is not a non-negative number', () => {
    expect(expectedScore(BUDGET_EXECUTION, { weight: Number.NaN, rate: 1 })).toBeUndefined();
    expect(expectedScore(BUDGET_EXECUTION, { weight: -4, rate: 1 })).toBeUndefined();
  });

  it('always lies within [0, weight]', () => {
    const standards: ScoringStandard[] = [
      BUDGET_EXECUTION,
      SATISFACTION,
      QUANTITY_TIERS,
      COST,
      SPENDING_PROGRESS,
      parseStandard('每超支1%扣3分'),
    ];
    const values = [-1, 0, 0.001, 0.3, 0.7, 0.99, 1, 1.5, 40];
    let scored = 0;
    for (const standard of standards) {
      for (const weight of [0, 2, 10]) {
        for (const value of values) {
          const score = expectedScore(standard, {
            weight,
            rate: value,
            completion: value,
            overrun: value,
            progress: [{ planned: 1, actual: value }],
          });
          if (score !== undefined) {
            scored += 1;
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(weight);
          }
        }
      }
    }
    expect(scored).toBeGreaterThan(100);
  });
});

describe('clampToWeight', () => {
  it('clamps and removes binary noise', () => {
    expect(clampToWeight(0.1 * 3, 1)).toBe(0.3);
    expect(clampToWeight(12, 10)).toBe(10);
    expect(clampToWeight(-1, 10)).toBe(0);
  });
});

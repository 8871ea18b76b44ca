/**
 * The score a parsed 评价标准 gives for measured inputs. Scores are exact (not rounded for display) and always lie
 * in [0, weight] (扣完为止). Standards that need judgement, or inputs that are missing, give undefined.
 */
import { withoutNoise } from '../numbers';
import type { StandardRateKind, ScoringStandard, Tier } from './parse-standard';

export interface StandardInputs {
  weight: number;
  /** The measured rate as a fraction (预算执行率, 满意度, 准确率 …). */
  rate?: number;
  /** 完成率 as a fraction. */
  completion?: number;
  /** Spending over budget as a fraction of the budget; 0 when within budget. */
  overrun?: number;
  /** Planned and actual cumulative progress at each checkpoint, as fractions. */
  progress?: ReadonlyArray<{ planned: number; actual: number }>;
}

export function clampToWeight(score: number, weight: number): number {
  return withoutNoise(Math.min(weight, Math.max(0, score)));
}

export function expectedScore(standard: ScoringStandard, inputs: StandardInputs): number | undefined {
  const { weight } = inputs;
  if (!Number.isFinite(weight) || weight < 0) return undefined;
  switch (standard.kind) {
    case 'rate-times-weight': {
      const rate = measuredFraction(standard.rate, inputs);
      return rate === undefined ? undefined : clampToWeight(rate * weight, weight);
    }
    case 'tiered': {
      const measured = measuredFraction(standard.rate, inputs);
      const tier = measured === undefined ? undefined : tierFor(standard.tiers, measured);
      if (!tier) return undefined;
      return clampToWeight(tier.points ?? tier.share * weight, weight);
    }
    case 'overrun': {
      const { overrun } = inputs;
      if (!isFiniteNumber(overrun)) return undefined;
      const perStep =
        standard.deductPoints ?? (standard.deductShare === undefined ? undefined : standard.deductShare * weight);
      if (perStep === undefined) return undefined;
      // Only full steps deduct: 2.5% over with 1% steps is 2 steps (超出1%扣… read as "per whole 1%").
      return clampToWeight(weight - fullSteps(Math.max(0, overrun) * 100, standard.stepPercent) * perStep, weight);
    }
    case 'shortfall-steps': {
      const { progress } = inputs;
      if (!progress || progress.length === 0) return undefined;
      if (progress.some(({ planned, actual }) => !isFiniteNumber(planned) || !isFiniteNumber(actual))) return undefined;
      // Each checkpoint is judged on its own and only full steps deduct: 50% planned, 0% paid is 2 steps of 25%.
      // Seed 003 confirms the reading: paid in full on 30 Oct against 25/50/75/100% → 1 + 2 + 0 + 0 = 3 off 4 → 1.
      const steps = progress.reduce(
        (total, { planned, actual }) => total + fullSteps(Math.max(0, planned - actual) * 100, standard.stepPercent),
        0,
      );
      return clampToWeight(weight - steps * standard.deductPoints, weight);
    }
    case 'deductions':
    case 'unknown':
      return undefined;
  }
}

/** A 完成率 standard reads `completion`, or `rate` when that is all the caller has; any other rate reads `rate`. */
function measuredFraction(kind: StandardRateKind, inputs: StandardInputs): number | undefined {
  const measured = kind === 'completion' ? (inputs.completion ?? inputs.rate) : inputs.rate;
  return isFiniteNumber(measured) ? withoutNoise(measured) : undefined;
}

/** The first tier holding the value; above every tier (over-completion, 105% against 完成率为100%) the top tier applies. */
function tierFor(tiers: readonly Tier[], value: number): Tier | undefined {
  const holding = tiers.find(
    (tier) =>
      (tier.minInclusive ? value >= tier.min : value > tier.min) &&
      (tier.max === undefined || (tier.maxInclusive ? value <= tier.max : value < tier.max)),
  );
  if (holding) return holding;
  let top: Tier | undefined;
  for (const tier of tiers) {
    // An open-ended tier already holds every value above its minimum: nothing is above all tiers.
    if (tier.max === undefined) return undefined;
    if (!top || tier.max > (top.max ?? tier.max)) top = tier;
  }
  return top?.max !== undefined && value > top.max ? top : undefined;
}

function fullSteps(amountPercent: number, stepPercent: number): number {
  return Math.floor(withoutNoise(amountPercent / stepPercent));
}

function isFiniteNumber(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

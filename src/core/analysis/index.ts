import type { SheetGrid } from '../grid';
import { findFacts, type Fact } from '../facts';
import type { IndicatorNode, WorkbookModel } from '../model';
import type { Profile } from '../profile';
import { derivedRates, type DerivedRate } from './derived';
import { checkRate, rateUnits, type RateVerdict } from './rate-check';
import { scoreExpectations, type ScoreExpectation } from './standard-scores';

/** What several rules need, computed once per check. */
export interface Analysis {
  /** Every rate shown or left blank, with the verdict of comparing it with its inputs. */
  rates: Array<{ rate: DerivedRate; verdict: RateVerdict }>;
  /** Scores the indicators' standards give for their inputs (score/rule compares them). */
  expectations: ScoreExpectation[];
  /** Every labelled quantity found in the sheets, whatever the shape around it. */
  facts: Fact[];
  /** The exact score each indicator's standard gives, where it gives one (a blank score counts as this above it). */
  computedScores: Map<IndicatorNode, number>;
}

export function analyze(
  model: WorkbookModel,
  profile: Profile,
  grids: ReadonlyMap<string, SheetGrid> = new Map(),
): Analysis {
  const facts = findFacts(model, grids, profile);
  const rates = derivedRates(model, profile, facts).flatMap((rate) => {
    const units = rateUnits(rate.target, profile.rateDecimals, rate.like);
    // A rate near 1e308 overflows in percent units (× 100): it has no value the cell could show.
    return Number.isFinite(rate.exact * units.scale)
      ? [{ rate, verdict: checkRate(rate.target, rate.exact, units, rate.alternates) }]
      : [];
  });
  const expectations = scoreExpectations(model, profile, facts);
  const computedScores = new Map<IndicatorNode, number>();
  for (const e of expectations) if (e.node && e.expected !== undefined) computedScores.set(e.node, e.expected);
  return { facts, rates, expectations, computedScores };
}

export type { DerivedRate, RateVerdict, ScoreExpectation };

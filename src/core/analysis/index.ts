import type { IndicatorNode, WorkbookModel } from '../model';
import type { Profile } from '../profile';
import { derivedRates, type DerivedRate } from './derived';
import { checkRate, rateUnits, type RateVerdict } from './rate-check';

/** What several rules need, computed once per check. */
export interface Analysis {
  /** Every rate shown or left blank, with the verdict of comparing it with its inputs. */
  rates: Array<{ rate: DerivedRate; verdict: RateVerdict }>;
  /** Scores the indicators' standards give for their inputs (score/rule compares them; blank scores use them). */
  computedScores: Map<IndicatorNode, number>;
}

export function analyze(model: WorkbookModel, profile: Profile): Analysis {
  const rates = derivedRates(model, profile).map((rate) => ({ rate, verdict: checkRate(rate.target, rate.exact, rateUnits(rate.target, profile.rateDecimals, rate.like), rate.alternates) }));
  return { rates, computedScores: new Map() };
}

export type { DerivedRate, RateVerdict };

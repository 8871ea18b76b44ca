import type { Figure } from '../model';
import type { Profile } from '../profile';
import { normalizeLabel } from '../text';
import { lexiconOf } from './find-facts';
import type { Fact } from './schema';

export const hasNumber = (fact: Fact): fact is Fact & { figure: Figure & { value: number } } =>
  fact.figure.value !== null && fact.text === undefined;

/** The whole of a funds figure: no part named, or the part that is the total. */
export const wholePart = (fact: Pick<Fact, 'part'>): string => fact.part ?? '资金总额';

/** Two facts may describe the same thing: same part of the total, same period, and no two different years. */
function compatible(a: Pick<Fact, 'part' | 'period' | 'year'>, b: Fact): boolean {
  return (
    wholePart(a) === wholePart(b) &&
    (a.period ?? '') === (b.period ?? '') &&
    (a.year === undefined || b.year === undefined || a.year === b.year)
  );
}

/** The closest of several candidates to a cell: same row of the same sheet, then the same sheet, then the first. */
function closest(candidates: readonly Fact[], near: { sheet: string; row: number }): Fact | undefined {
  return (
    candidates.find((c) => c.figure.sheet === near.sheet && c.figure.row === near.row) ??
    candidates.find((c) => c.figure.sheet === near.sheet) ??
    (candidates.length === 1 || new Set(candidates.map((c) => c.figure.value)).size === 1 ? candidates[0] : undefined)
  );
}

/** The inputs of a rate: numerator and denominator facts with numbers, in units that allow the division. */
export interface RateInputs {
  numerator: Fact & { figure: Figure & { value: number } };
  denominator: Fact & { figure: Figure & { value: number } };
}

function sameUnits(a: Fact, b: Fact): boolean {
  return (
    a.kind !== 'amount' || b.kind !== 'amount' || a.unit === undefined || b.unit === undefined || a.unit === b.unit
  );
}

/**
 * What a rate fact is computed from. A hint in the label decides (`（C/B）`: the facts labelled C and B; `=实际支出/预算`:
 * the quantities named); else the vocabulary's definitions in order (执行率 = 实际支出 / 实际到位, 全年执行数 / 全年预算数,
 * 1-7月执行数 / 年初预算数 …), each input of the same part and period, the nearest first.
 */
export function rateInputs(
  rate: Pick<Fact, 'quantity' | 'hint' | 'part' | 'period' | 'year'> & { figure: { sheet: string; row: number } },
  facts: readonly Fact[],
  profile: Profile,
): RateInputs | undefined {
  const lexicon = lexiconOf(profile);
  const numbers = facts.filter(hasNumber);
  const pick = (found: Array<Fact | undefined>): RateInputs | undefined => {
    const [numerator, denominator] = found;
    if (!numerator || !denominator || !hasNumber(numerator) || !hasNumber(denominator)) return undefined;
    if (numerator === denominator || !sameUnits(numerator, denominator) || denominator.figure.value === 0)
      return undefined;
    return { numerator, denominator };
  };
  if (rate.hint) {
    const bySymbol = (symbol: string) =>
      closest(
        numbers.filter((f) => f.symbol === symbol && wholePart(f) === wholePart(rate)),
        rate.figure,
      );
    const byName = (name: string) => {
      const quantity = lexicon.quantities.get(normalizeLabel(name));
      return quantity
        ? closest(
            numbers.filter((f) => f.quantity === quantity.key && compatible(rate, f)),
            rate.figure,
          )
        : undefined;
    };
    const read = (written: string) => (/^[A-Z]$/.test(written) ? bySymbol(written) : byName(written));
    return pick([read(rate.hint.numerator), read(rate.hint.denominator)]);
  }
  const definitions = lexicon.byKey.get(rate.quantity)?.definitions ?? [];
  // The self-evaluation's 执行率 divides by the denominator the profile names (全年预算数 or 年初预算数).
  const ordered =
    profile.executionRateDenominator === 'annualBudget'
      ? [...definitions].sort((a, b) => Number(b[1] === '年初预算数') - Number(a[1] === '年初预算数'))
      : definitions;
  // Inputs on the rate's own sheet first (a form's 1-7月执行率 over its own 年初预算数), then anywhere.
  for (const local of [true, false]) {
    const pool = local ? numbers.filter((f) => f.figure.sheet === rate.figure.sheet) : numbers;
    for (const [numeratorKey, denominatorKey] of ordered) {
      const numerator = closest(
        pool.filter((f) => f.quantity === numeratorKey && compatible(rate, f)),
        rate.figure,
      );
      if (!numerator) continue;
      // A period's figure (1-7月执行数) divides by the year's budget (年初预算数), which has no period.
      const denominator =
        closest(
          pool.filter((f) => f.quantity === denominatorKey && compatible(rate, f)),
          rate.figure,
        ) ??
        closest(
          pool.filter((f) => f.quantity === denominatorKey && compatible({ ...rate, period: undefined }, f)),
          rate.figure,
        );
      const found = pick([numerator, denominator]);
      // Elsewhere, both inputs from one place (a conclusion's rate over a funds sheet's figures), never a mix of a
      // form's own figure and another form's.
      if (found && (local || found.numerator.figure.sheet === found.denominator.figure.sheet)) return found;
    }
  }
  return undefined;
}

/** The facts of one quantity that describe the same figure (same part, period and year), grouped. */
export function sameFigureGroups(facts: readonly Fact[], profile: Profile): Fact[][] {
  const lexicon = lexiconOf(profile);
  const groups = new Map<string, Fact[]>();
  for (const fact of facts) {
    const quantity = lexicon.byKey.get(fact.quantity)?.compareAs ?? fact.quantity;
    // The year a heading states is itself compared across forms: it is no qualifier of its own group.
    const year = fact.quantity === '年度' ? '' : (fact.year ?? '');
    const key = [quantity, wholePart(fact), fact.period ?? '', year].join('\u0000');
    const group = groups.get(key);
    if (group) group.push(fact);
    else groups.set(key, [fact]);
  }
  return [...groups.values()];
}

import { z } from 'zod';
import type { Analysis } from '../analysis';
import { rateFillFormat, rateUnits } from '../analysis/rate-check';
import { keyValueEntries, statedTotal } from '../analysis/stated';
import type { Lang } from '../finding';
import { gradeFor } from '../grades';
import type { Figure, WorkbookModel } from '../model';
import { excelRound } from '../numbers';
import type { Profile } from '../profile';
import { CellValueSchema, type WorkbookSnapshot } from '../snapshot';
import { RATE_NAMES } from '../analysis/derived';
import { binary, call, num, ref, renderFormula, text, type Expr } from './expr';

/** One cell a fill or fix writes: the formula, its cached result, and what the cell held before. */
export const CellWriteSchema = z.object({
  sheet: z.string(),
  cell: z.string(),
  row: z.number().int(),
  col: z.number().int(),
  /** Formula text without '='. */
  formula: z.string(),
  /** The formula's result, written as the cached value so viewers that do not recalculate show it. */
  value: z.union([z.number(), z.string()]),
  /** Number format to apply; only set when the cell has none. */
  format: z.string().optional(),
  /** The finding this write answers. */
  code: z.string(),
  reason: z.string(),
  old: z.object({ value: CellValueSchema, formula: z.string().optional(), format: z.string().optional() }),
});
export type CellWrite = z.infer<typeof CellWriteSchema>;

export interface PlanOptions {
  lang?: Lang;
  /** Filled cells the user chose to overwrite with the computed formula (a finding's fix picked explicitly). */
  overwrite?: ReadonlyArray<{ sheet: string; cell: string }>;
}

const REASONS = {
  rate: { 'zh-CN': '按 {what} 的计算依据填写公式', 'en-US': 'formula for {what} from its inputs' },
  score: { 'zh-CN': '按评分标准填写“{what}”的得分公式', 'en-US': 'score of "{what}" by its standard' },
  grade: { 'zh-CN': '按总分和等级标准填写评价等级', 'en-US': 'grade from the total and the thresholds' },
} as const;

function reason(kind: keyof typeof REASONS, what: string, lang: Lang): string {
  return REASONS[kind][lang].replace('{what}', what);
}

/** The formula's ROUND practice of the column: a sibling written as =ROUND(…) asks for the same. */
function roundsLikeSiblings(like: Figure | undefined): boolean {
  return !!like?.formula && /^\s*ROUND\s*\(/i.test(like.formula);
}

function numberFormat(decimals: number): string {
  return decimals <= 0 ? '0' : `0.${'0'.repeat(decimals)}`;
}

/**
 * The writes that fill what the check found derivable: blank rates, blank scores the standard computes, a blank
 * grade. Only empty cells are written unless the user picked a filled cell's fix (`overwrite`).
 */
export function planFill(
  snapshot: WorkbookSnapshot,
  model: WorkbookModel,
  analysis: Analysis,
  profile: Profile,
  options: PlanOptions = {},
): CellWrite[] {
  const lang = options.lang ?? 'zh-CN';
  const picked = new Set((options.overwrite ?? []).map((c) => `${c.sheet}!${c.cell}`));
  const cells = new Map(snapshot.sheets.map((s) => [s.name, new Map(s.cells.map((c) => [`${c.row}:${c.col}`, c]))]));
  const writes: CellWrite[] = [];
  const written = new Set<string>();

  const add = (target: Figure, expr: Expr, value: number | string, code: string, why: string, format?: string) => {
    const key = `${target.sheet}!${target.cell}`;
    const filled = target.value !== null || target.text !== undefined || target.error !== undefined;
    if (written.has(key) || (filled && !picked.has(key))) return;
    const existing = cells.get(target.sheet)?.get(`${target.row}:${target.col}`);
    const old: CellWrite['old'] = { value: existing?.value ?? { type: 'empty' } };
    if (existing?.formula !== undefined) old.formula = existing.formula;
    if (existing?.format !== undefined) old.format = existing.format;
    const write: CellWrite = {
      sheet: target.sheet,
      cell: target.cell,
      row: target.row,
      col: target.col,
      formula: renderFormula(expr, target.sheet),
      value,
      code,
      reason: why,
      old,
    };
    if (format && existing?.format === undefined) write.format = format;
    writes.push(write);
    written.add(key);
  };

  for (const { rate, verdict } of analysis.rates) {
    if (verdict.status === 'ok') continue;
    const units = rateUnits(rate.target, profile.rateDecimals, rate.like);
    let expr = units.scale === 100 ? binary('*', rate.formula, num(100)) : rate.formula;
    let value = rate.exact * units.scale;
    if (roundsLikeSiblings(rate.like)) {
      expr = call('ROUND', expr, num(units.decimals));
      value = excelRound(value, units.decimals);
    }
    const format = rateFillFormat(units, rate.like);
    add(
      rate.target,
      expr,
      value,
      verdict.status === 'blank' ? 'derived/missing' : verdict.status === 'rounding' ? 'rate/rounding' : 'rate/wrong',
      reason('rate', RATE_NAMES[rate.kind][lang], lang),
      format,
    );
  }

  for (const expectation of analysis.expectations) {
    if (!expectation.formula || expectation.expected === undefined) continue;
    const blank = expectation.score.value === null;
    add(
      expectation.score,
      expectation.formula,
      expectation.expected,
      blank ? 'score/missing' : 'score/rule',
      reason('score', expectation.name, lang),
      numberFormat(profile.scoreDecimals),
    );
  }

  const total = statedTotal(model);
  if (total) {
    for (const entry of keyValueEntries(model)) {
      if (entry.key !== '评价等级' || entry.text || !entry.value || entry.value.value !== null) continue;
      add(
        entry.value,
        gradeFormula(total, profile),
        gradeFor(total.value, profile),
        'derived/missing',
        reason('grade', '', lang),
      );
    }
  }
  return writes;
}

/** IF(total>=90,"优",IF(total>=80,"良",…)) from the profile's thresholds; grade names are quoted text. */
function gradeFormula(total: Figure, profile: Profile): Expr {
  const grades = profile.grades;
  const last = grades[grades.length - 1] as { grade: string };
  return grades
    .slice(0, -1)
    .reduceRight<Expr>(
      (otherwise, g) => call('IF', binary('>=', ref(total), num(g.min)), text(g.grade), otherwise),
      text(last.grade),
    );
}

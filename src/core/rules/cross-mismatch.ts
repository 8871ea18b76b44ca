import { keyValueEntries } from '../model/stated';
import { parseRangeAddress } from '../address';
import type { CellRef } from '../finding';
import type { Fact } from '../facts/schema';
import { lexiconOf } from '../facts/find-facts';
import { parseLabel } from '../facts/label';
import { sameFigureGroups, wholePart } from '../facts/relations';
import { asFraction } from '../recognize/figures';
import { reconcileIndicators } from '../analysis/national-forms';
import { scoreCells, weightCells, weightOf } from '../model/indicators';
import { scoreOf } from '../analysis/scores';
import { detailFor, matchSummary } from '../analysis/matching';
import { allTables, indicatorTables, summaryTables } from '../model/tables';
import { gradeNamed } from '../grades';
import type { Figure, TextAt } from '../model';
import { convertAmount, excelRound, nearlyEqual, withoutNoise } from '../numbers';
import type { WorkbookSnapshot } from '../snapshot';
import { shownAt, shownLike } from './working';
import { normalizeLabel } from '../text';
import { refs } from './reports';
import { defineRule, type RuleContext, type RuleReport } from './rule';

/** Decimals two copies of a figure are compared at: the fewer of the two cells shows (default 2). */
function comparableDecimals(a: Figure, b?: Figure): number {
  return Math.min(a.decimals ?? 2, b?.decimals ?? a.decimals ?? 2);
}

function differ(a: number, b: number, decimals: number): boolean {
  return excelRound(a, decimals) !== excelRound(b, decimals);
}

type MessageId = 'summary' | 'conclusion' | 'repeated' | 'repeatedAt' | 'amounts' | 'target';

/** The same figure stated elsewhere: on the same sheet "another place", on another sheet (or file) that place named. */
function repeated(
  what: string,
  at: Figure | TextAt,
  actual: number | string,
  expected: number | string,
  reference: Figure | TextAt,
  snapshot: WorkbookSnapshot,
): RuleReport<MessageId> {
  const report = mismatch('repeated', what, at, actual, expected, [reference], snapshot);
  if (reference.sheet === at.sheet) return report;
  return { ...report, messageId: 'repeatedAt', data: { ...report.data, sheet: reference.sheet, cell: reference.cell } };
}

function mismatch(
  messageId: MessageId,
  what: string | { 'zh-CN': string; 'en-US': string },
  at: Figure | TextAt,
  actual: number | string,
  expected: number | string,
  related: Array<Figure | TextAt | undefined>,
  snapshot: WorkbookSnapshot,
  source?: Figure,
): RuleReport<MessageId> {
  // Figures as their cells show them: the expected one as its own cell shows it, else as this cell would.
  const shownActual = typeof actual === 'number' ? shownAt(snapshot, at) : actual;
  const shownExpected =
    typeof expected === 'string'
      ? expected
      : source && source.value !== null && nearlyEqual(source.value, expected)
        ? shownAt(snapshot, source)
        : shownLike(snapshot, at, expected);
  return {
    messageId,
    data: { what, actual: shownActual, expected: shownExpected },
    sheet: at.sheet,
    cell: at.cell,
    expected,
    actual,
    related: refs(related),
  };
}

const WEIGHT = { 'zh-CN': '分值', 'en-US': 'weight' };
const SCORE = { 'zh-CN': '得分', 'en-US': 'score' };

/** Summary rows against the score table's level-1 indicators, and the totals of both. */
function summaryVsDetail({ model, analysis, snapshot }: RuleContext): RuleReport<MessageId>[] {
  const detail = detailFor(indicatorTables(model));
  if (!detail) return [];
  return summaryTables(model).flatMap((summary) => {
    const reports: RuleReport<MessageId>[] = [];
    const { pairs } = matchSummary(summary, detail);
    for (const { row, node } of pairs) {
      const weight = weightOf(node);
      if (
        row.weight &&
        row.weight.value !== null &&
        weight !== undefined &&
        differ(row.weight.value, weight, comparableDecimals(row.weight, node.weight))
      ) {
        reports.push(
          mismatch(
            'summary',
            { 'zh-CN': `“${row.name.text}”${WEIGHT['zh-CN']}`, 'en-US': `${WEIGHT['en-US']} of "${row.name.text}"` },
            row.weight,
            row.weight.value,
            weight,
            [...weightCells(node), node.name],
            snapshot,
            node.weight,
          ),
        );
      }
      const score = scoreOf(node, analysis.computedScores);
      if (
        row.score &&
        row.score.value !== null &&
        score !== undefined &&
        differ(row.score.value, score, comparableDecimals(row.score, node.score))
      ) {
        reports.push(
          mismatch(
            'summary',
            { 'zh-CN': `“${row.name.text}”${SCORE['zh-CN']}`, 'en-US': `${SCORE['en-US']} of "${row.name.text}"` },
            row.score,
            row.score.value,
            score,
            [...scoreCells(node), node.name],
            snapshot,
            node.score,
          ),
        );
      }
    }
    const total = summary.total?.score;
    const detailTotal = detail.total?.score;
    if (
      total &&
      total.value !== null &&
      detailTotal &&
      detailTotal.value !== null &&
      differ(total.value, detailTotal.value, comparableDecimals(total, detailTotal))
    ) {
      reports.push(
        mismatch(
          'summary',
          { 'zh-CN': '总分', 'en-US': 'total' },
          total,
          total.value,
          detailTotal.value,
          [detailTotal],
          snapshot,
          detailTotal,
        ),
      );
    }
    return reports;
  });
}

/** 评价得分 on a conclusion sheet against the total of the score table or summary. */
function conclusionVsTotal({ model, snapshot }: RuleContext): RuleReport<MessageId>[] {
  const totals = [
    ...indicatorTables(model).map((t) => t.total?.score),
    ...summaryTables(model).map((t) => t.total?.score),
  ].filter((f): f is Figure & { value: number } => !!f && f.value !== null);
  const reference = totals[0];
  if (!reference) return [];
  return keyValueEntries(model).flatMap((entry) => {
    const value = entry.value;
    if (
      entry.key !== '评价得分' ||
      !value ||
      value.value === null ||
      !differ(value.value, reference.value, comparableDecimals(value, reference))
    )
      return [];
    return [
      mismatch(
        'conclusion',
        { 'zh-CN': '评价得分', 'en-US': 'total score' },
        value,
        value.value,
        reference.value,
        [reference],
        snapshot,
        reference,
      ),
    ];
  });
}

/** A figure as a comparable number: amounts in `unit` when both units are known, rates as fractions. */
function comparable(fact: Fact, unit: Fact['unit']): number | undefined {
  const value = fact.figure.value;
  if (value === null) return undefined;
  if (fact.kind === 'rate') return asFraction(fact.figure) ?? undefined;
  if (fact.kind !== 'amount' || fact.unit === unit) return value;
  return fact.unit && unit ? convertAmount(value, fact.unit, unit) : undefined;
}

/** Decimals a figure shows, as a fraction for rates (80.88% → 4). */
function shownDecimals(fact: Fact): number {
  const d = fact.figure.decimals ?? 2;
  if (fact.kind !== 'rate') return d;
  return fact.figure.form === 'number' && Math.abs(fact.figure.value ?? 0) <= 1.5 ? d : d + 2;
}

/** Text facts compared as a reader would: the grade by its name, a department without its [123] code. */
function comparableText(fact: Fact, profile: RuleContext['profile']): string | undefined {
  const text = fact.text?.text;
  if (text === undefined || text.trim() === '') return undefined;
  if (fact.quantity === '评价等级') return gradeNamed(text, profile) ?? normalizeLabel(text);
  return normalizeLabel(text).replace(/^\[[^\]]*\]/, '');
}

const pairKey = (a: CellRef, b: CellRef) => [`${a.sheet}!${a.cell}`, `${b.sheet}!${b.cell}`].sort().join('|');

/**
 * The same quantity stated in two places (实际到位资金 on two sheets, a fund figure in 元 and in 万元, a rate in a
 * conclusion and in the funds table, the project's name or year on two forms) must agree. The value most places
 * state is taken as right; each place that states another is one finding, resting on a place that states it.
 */
function repeatedFacts({ analysis, profile, snapshot }: RuleContext, compared: Set<string>): RuleReport<MessageId>[] {
  const reports: RuleReport<MessageId>[] = [];
  for (const group of sameFigureGroups(analysis.facts, profile)) {
    if (group.length < 2) continue;
    const kind = group[0]?.kind;
    if (kind === 'text') {
      const stated = group.flatMap((f) => {
        const text = comparableText(f, profile);
        return text === undefined ? [] : [{ fact: f, text }];
      });
      const reference = majority(stated, (s) => s.text);
      if (!reference) continue;
      for (const { fact, text } of stated) {
        if (text === reference.text || !fact.text || !reference.fact.text) continue;
        if (compared.has(pairKey(fact.text, reference.fact.text))) continue;
        compared.add(pairKey(fact.text, reference.fact.text));
        reports.push(
          mismatch(
            'repeated',
            fact.label.text,
            fact.text,
            fact.text.text,
            reference.fact.text.text,
            [reference.fact.text],
            snapshot,
          ),
        );
      }
      continue;
    }
    const stated = group.filter((f) => f.figure.value !== null && f.figure.error === undefined);
    const units = stated.find((f) => f.unit)?.unit;
    const reference = majority(
      stated.flatMap((fact) => {
        const value = comparable(fact, units);
        return value === undefined ? [] : [{ fact, value }];
      }),
      (s) => String(excelRound(s.value, shownDecimals(s.fact))),
    );
    if (!reference) continue;
    for (const fact of stated) {
      if (
        fact === reference.fact ||
        (fact.figure.cell === reference.fact.figure.cell && fact.figure.sheet === reference.fact.figure.sheet)
      )
        continue;
      const value = fact.figure.value as number;
      // The reference in this fact's units: converted only when both units are known, never guessed.
      const expected = comparable(reference.fact, fact.unit);
      const own = comparable(fact, fact.unit);
      if (expected === undefined || own === undefined || !Number.isFinite(expected) || !Number.isFinite(own)) continue;
      const decimals = Math.min(shownDecimals(fact), shownDecimals(reference.fact));
      if (excelRound(own, decimals) === excelRound(expected, decimals)) continue;
      if (compared.has(pairKey(fact.figure, reference.fact.figure))) continue;
      compared.add(pairKey(fact.figure, reference.fact.figure));
      const shown = fact.kind === 'rate' ? scaleLike(expected, fact.figure) : expected;
      // A rate near 1e308 overflows in percent units: it has no value the cell could show.
      if (!Number.isFinite(shown)) continue;
      reports.push(repeated(fact.label.text, fact.figure, value, shown, reference.fact.figure, snapshot));
    }
  }
  return reports;
}

/** A fraction in the units of a rate cell: 0.9 → 90 in percent units. */
function scaleLike(fraction: number, figure: Figure): number {
  const inUnits =
    figure.form === 'percent-units' ||
    figure.form === 'text-percent' ||
    (figure.form === 'number' && Math.abs(figure.value ?? 0) > 1.5);
  return withoutNoise(inUnits ? fraction * 100 : fraction);
}

/** The value most places state (the first of those on a tie), with the first place stating it. */
function majority<T extends { fact: Fact }>(stated: readonly T[], keyOf: (s: T) => string): T | undefined {
  const counts = new Map<string, { first: T; count: number }>();
  for (const s of stated) {
    const key = keyOf(s);
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { first: s, count: 1 });
  }
  let best: { first: T; count: number } | undefined;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return best?.first;
}

/**
 * A detail list (payments in 元, funds by source) against the figure it details, stated elsewhere (实际支出资金 in
 * 万元 in a conclusion, a funds table, a form): its 合计 row, converted, must equal that figure. A column named like
 * the figure (预算安排资金（A）) is that figure; a lone amount column of a list is what was spent.
 */
function detailsVsFacts(
  { model, analysis, profile, snapshot }: RuleContext,
  compared: Set<string>,
): RuleReport<MessageId>[] {
  const lexicon = lexiconOf(profile);
  const stated = analysis.facts.filter(
    (f) => f.kind === 'amount' && f.unit && f.figure.value !== null && wholePart(f) === '资金总额',
  );
  if (stated.length === 0) return [];
  const reports: RuleReport<MessageId>[] = [];
  for (const table of allTables(model)) {
    if (table.kind !== 'amounts' || !table.unit) continue;
    const totalRow = table.rows.find((r) => r.kind === 'total');
    if (!totalRow) continue;
    const range = parseRangeAddress(table.range);
    table.columns.forEach((column, i) => {
      const figure = totalRow.values[i];
      if (!figure || figure.value === null || !table.unit) return;
      const name = parseLabel(column.label.text)?.name;
      const key =
        (name ? lexicon.quantities.get(name)?.key : undefined) ??
        (table.columns.length === 1 ? '实际支出资金' : undefined);
      const fact = stated.find(
        (f) =>
          f.quantity === key &&
          !(f.figure.sheet === table.sheet && range && f.figure.row >= range.top && f.figure.row <= range.bottom),
      );
      if (!fact?.unit || fact.figure.value === null) return;
      const inFactUnits = convertAmount(figure.value, table.unit, fact.unit);
      if (!Number.isFinite(inFactUnits)) return;
      compared.add(pairKey(fact.figure, figure));
      if (!differ(inFactUnits, fact.figure.value, fact.figure.decimals ?? 2)) return;
      reports.push(
        mismatch('amounts', fact.label.text, fact.figure, fact.figure.value, inFactUnits, [figure], snapshot),
      );
    });
  }
  return reports;
}

/** The same indicator with another 年度指标值 on the monitoring or self-evaluation form than in the year's targets. */
function targetsAgree({ model }: RuleContext): RuleReport<MessageId>[] {
  return reconcileIndicators(model).differences.map(({ name, reference, other }) => ({
    messageId: 'target',
    data: { what: name, actual: other.text, expected: reference.text, sheet: reference.sheet },
    sheet: other.sheet,
    cell: other.cell,
    expected: reference.text,
    actual: other.text,
    related: refs([reference]),
  }));
}

export const crossMismatch = defineRule({
  code: 'cross/mismatch',
  severity: 'error',
  name: { 'zh-CN': '前后不一致', 'en-US': 'Figures disagree' },
  description: {
    'zh-CN': '同一数据在两处不一致（汇总表与明细表、结论表与评分表、元与万元）',
    'en-US': 'The same figure differs between two places (summary vs detail, conclusion vs score table, 元 vs 万元)',
  },
  messages: {
    summary: {
      'zh-CN': '汇总表中{what}为 {actual}，评分表中为 {expected}，两处不一致',
      'en-US': 'The summary {what} {actual} differs from the score table’s {expected}',
    },
    conclusion: {
      'zh-CN': '结论中的{what}为 {actual}，评分表总分为 {expected}，两处不一致',
      'en-US': 'The conclusion’s {what} {actual} differs from the score table total {expected}',
    },
    repeated: {
      'zh-CN': '“{what}”为 {actual}，另一处为 {expected}，两处不一致',
      'en-US': '"{what}" {actual} differs from {expected} stated elsewhere',
    },
    target: {
      'zh-CN': '“{what}”的年度指标值“{actual}”与“{sheet}”中的“{expected}”不一致',
      'en-US': 'The target of "{what}", "{actual}", differs from "{expected}" in "{sheet}"',
    },
    repeatedAt: {
      'zh-CN': '“{what}”为 {actual}，“{sheet}”{cell} 为 {expected}，两处不一致',
      'en-US': '"{what}" {actual} differs from {expected} in {sheet}!{cell}',
    },
    amounts: {
      'zh-CN': '“{what}”为 {actual}，明细表合计折算后为 {expected}，两处不一致',
      'en-US': '"{what}" {actual} differs from the detail total, {expected} once converted',
    },
  },
  check(context) {
    const compared = new Set<string>();
    return [
      ...summaryVsDetail(context),
      ...conclusionVsTotal(context),
      ...detailsVsFacts(context, compared),
      ...targetsAgree(context),
      ...repeatedFacts(context, compared),
    ];
  },
});

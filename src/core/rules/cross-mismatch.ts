import { keyValueEntries } from '../model/stated';
import { scoreCells, weightCells, weightOf } from '../model/indicators';
import { scoreOf } from '../analysis/scores';
import { detailFor, matchSummary } from '../analysis/matching';
import { allTables, indicatorTables, summaryTables } from '../model/tables';
import { gradeNamed } from '../grades';
import type { Figure, KeyValueEntry, TextAt } from '../model';
import { convertAmount, excelRound } from '../numbers';
import { keyOfLabel } from '../recognize/key-values';
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

type MessageId = 'summary' | 'conclusion' | 'repeated' | 'amounts';

function mismatch(
  messageId: MessageId,
  what: string | { 'zh-CN': string; 'en-US': string },
  at: Figure | TextAt,
  actual: number | string,
  expected: number | string,
  related: Array<Figure | TextAt | undefined>,
): RuleReport<MessageId> {
  return {
    messageId,
    data: { what, actual, expected },
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
function summaryVsDetail({ model, analysis }: RuleContext): RuleReport<MessageId>[] {
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
        mismatch('summary', { 'zh-CN': '总分', 'en-US': 'total' }, total, total.value, detailTotal.value, [
          detailTotal,
        ]),
      );
    }
    return reports;
  });
}

/** 评价得分 on a conclusion sheet against the total of the score table or summary. */
function conclusionVsTotal({ model }: RuleContext): RuleReport<MessageId>[] {
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
      mismatch('conclusion', { 'zh-CN': '评价得分', 'en-US': 'total score' }, value, value.value, reference.value, [
        reference,
      ]),
    ];
  });
}

/** The same key stated twice (实际到位资金 on two sheets; two grades) with different values. */
function repeatedKeys({ model, profile }: RuleContext): RuleReport<MessageId>[] {
  const reports: RuleReport<MessageId>[] = [];
  const first = new Map<string, KeyValueEntry>();
  for (const entry of keyValueEntries(model)) {
    // Sub-items (其中：州级财政) repeat under A and B by design; only whole keys are compared.
    if (normalizeLabel(entry.label.text).startsWith('其中')) continue;
    const seen = first.get(entry.key);
    if (!seen) {
      first.set(entry.key, entry);
      continue;
    }
    if (entry.key === '评价等级') {
      if (entry.text && seen.text && gradeNamed(entry.text.text, profile) !== gradeNamed(seen.text.text, profile))
        reports.push(mismatch('repeated', entry.label.text, entry.text, entry.text.text, seen.text.text, [seen.text]));
      continue;
    }
    const a = entry.value;
    const b = seen.value;
    if (!a || !b || a.value === null || b.value === null) continue;
    const converted = entry.unit && seen.unit ? convertAmount(b.value, seen.unit, entry.unit) : b.value;
    if (differ(a.value, converted, comparableDecimals(a, b)))
      reports.push(mismatch('repeated', entry.label.text, a, a.value, converted, [b]));
  }
  return reports;
}

/** Totals of amount tables (funds by source, payment lists in 元) against the conclusion's fund figures (万元). */
function amountsVsFunds({ model }: RuleContext): RuleReport<MessageId>[] {
  const entries = keyValueEntries(model).filter(
    (e) => e.value && e.value.value !== null && !normalizeLabel(e.label.text).startsWith('其中'),
  );
  if (entries.length === 0) return [];
  const reports: RuleReport<MessageId>[] = [];
  for (const table of allTables(model)) {
    if (table.kind !== 'amounts' || !table.unit) continue;
    const totalRow = table.rows.find((r) => r.kind === 'total');
    if (!totalRow) continue;
    table.columns.forEach((column, i) => {
      const figure = totalRow.values[i];
      if (!figure || figure.value === null) return;
      // A column named like a conclusion label (预算安排资金（A）) is that figure; a lone amount column of a
      // payment list in 元 is what was spent.
      const key = keyOfLabel(column.label.text)?.key ?? (table.columns.length === 1 ? '实际支出资金' : undefined);
      const entry = entries.find((e) => e.key === key);
      if (!entry?.value || entry.value.value === null || !entry.unit || !table.unit) return;
      const inEntryUnits = convertAmount(figure.value, table.unit, entry.unit);
      if (!differ(inEntryUnits, entry.value.value, entry.value.decimals ?? 2)) return;
      reports.push(mismatch('amounts', entry.label.text, entry.value, entry.value.value, inEntryUnits, [figure]));
    });
  }
  return reports;
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
      'zh-CN': '汇总表{what} {actual} 与评分表 {expected} 不一致',
      'en-US': 'The summary {what} {actual} differs from the score table’s {expected}',
    },
    conclusion: {
      'zh-CN': '结论中的{what} {actual} 与评分表总分 {expected} 不一致',
      'en-US': 'The conclusion’s {what} {actual} differs from the score table total {expected}',
    },
    repeated: {
      'zh-CN': '“{what}” {actual} 与另一处的 {expected} 不一致',
      'en-US': '"{what}" {actual} differs from {expected} stated elsewhere',
    },
    amounts: {
      'zh-CN': '“{what}” {actual} 与明细表合计折算的 {expected} 不一致',
      'en-US': '"{what}" {actual} differs from the detail total, {expected} once converted',
    },
  },
  check(context) {
    return [
      ...summaryVsDetail(context),
      ...conclusionVsTotal(context),
      ...repeatedKeys(context),
      ...amountsVsFunds(context),
    ];
  },
});

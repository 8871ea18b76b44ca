import type { CheckResult } from '../core/check';
import type { Finding, Lang } from '../core/finding';
import { coreText } from '../core/i18n';
import type { Figure, IndicatorNode, Table, WorkbookModel } from '../core/model';
import type { Fact } from '../core/facts/schema';
import { ruleName } from '../core/rule-names';
import { valuesToShow } from '../core/shown';
import { cliText, type CliCatalog } from './i18n';
import { alignColumns } from './text-width';

const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/** A finding's message with the expected and actual values that add something to it, in the user's language. */
export function messageWithValues(finding: Finding, lang: Lang): string {
  const { expected, actual } = valuesToShow(finding);
  const words = coreText(lang).values;
  const values =
    expected !== undefined && actual !== undefined
      ? words.both(expected, actual)
      : expected !== undefined
        ? words.expected(expected)
        : actual !== undefined
          ? words.actual(actual)
          : undefined;
  return values === undefined ? finding.message : `${finding.message}${cliText(lang).valuesNote(values)}`;
}

/**
 * Findings of one file as text, grouped by sheet, most severe first: severity, cell, the rule's name as the title
 * and the message, in columns aligned by display width (the code is in the JSON and CSV reports).
 */
export function formatCheckText(file: string, result: Pick<CheckResult, 'summary' | 'findings'>, lang: Lang): string {
  const { summary } = result;
  const t = cliText(lang);
  const words = coreText(lang);
  const lines = [
    t.fileHeader({
      file,
      total: summary.totalScore === null ? words.none : String(summary.totalScore),
      grade: summary.grade ?? words.none,
      errors: summary.errors,
      warnings: summary.warnings,
      infos: summary.infos,
    }),
  ];
  if (result.findings.length === 0) lines.push(`  ${t.noFindings}`);
  const bySheet = new Map<string, Finding[]>();
  for (const finding of result.findings) bySheet.set(finding.sheet, [...(bySheet.get(finding.sheet) ?? []), finding]);
  for (const [sheet, findings] of bySheet) {
    lines.push(`  [${sheet}]`);
    const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    lines.push(
      alignColumns(
        sorted.map((f) => [
          `    ${words.severity[f.severity]}`,
          f.cell,
          ruleName(f.code, lang),
          messageWithValues(f, lang),
        ]),
      ),
    );
  }
  return lines.join('\n');
}

type Words = CliCatalog['inspect'];

function figureText(label: string, figure: Figure | undefined): string {
  if (!figure) return '';
  const shown = figure.value ?? figure.error ?? figure.text ?? '—';
  return ` ${label} ${shown}@${figure.cell}`;
}

function indicatorLines(nodes: IndicatorNode[], depth: number, w: Words): string[] {
  return nodes.flatMap((node) => [
    `${'  '.repeat(depth)}${node.name.text}@${node.name.cell}${node.labelWeight !== undefined ? ` (${node.labelWeight})` : ''}${figureText(w.weight, node.weight)}${figureText(w.score, node.score)}${figureText(w.rate, node.rate)}`,
    ...indicatorLines(node.children, depth + 1, w),
  ]);
}

function tableLines(table: Table, w: Words): string[] {
  const head = `  ${table.kind} ${table.range}${table.title ? ` 「${table.title}」` : ''}`;
  switch (table.kind) {
    case 'indicators':
      return [
        head,
        ...indicatorLines(table.indicators, 2, w),
        ...(table.total
          ? [
              `    ${table.total.label.text}${figureText(w.weight, table.total.weight)}${figureText(w.score, table.total.score)}`,
            ]
          : []),
      ];
    case 'summary':
      return [
        head,
        ...[...table.rows, ...(table.total ? [table.total] : [])].map(
          (r) =>
            `    ${r.name.text}→${r.key}${figureText(w.weight, r.weight)}${figureText(w.score, r.score)}${figureText(w.rate, r.rate)}`,
        ),
      ];
    case 'key-values':
      return [
        head,
        ...table.entries.map(
          (e) =>
            `    ${e.key}${e.symbol ? `(${e.symbol})` : ''}${e.unit ? `[${e.unit}]` : ''}${figureText('', e.value)}${e.text && !e.value ? ` ${e.text.text}@${e.text.cell}` : ''}`,
        ),
      ];
    case 'budget':
      return [
        head,
        ...table.rows.map(
          (r) =>
            `    ${r.label.text}${figureText(w.fullYearBudget, r.fullYearBudget)}${figureText(w.executed, r.executed)}${figureText(w.weight, r.weight)}${figureText(w.rate, r.rate)}${figureText(w.score, r.score)}`,
        ),
      ];
    case 'amounts':
      return [
        head,
        ...table.rows.map(
          (r) =>
            `    ${r.label.text} [${r.kind}] ${r.values.map((v) => (v ? `${v.value ?? v.text}@${v.cell}` : '—')).join(' ')}`,
        ),
      ];
    case 'survey':
      return [
        head,
        `    ${table.options.map((o) => `${o.key}${o.value ? `=${o.value.value}` : ''}`).join(' | ')}`,
        ...table.questions.map(
          (q) =>
            `    ${q.text.text}: ${q.counts.map((c) => c?.value ?? '—').join(' / ')}${figureText(w.result, q.result)}`,
        ),
      ];
    case 'targets':
      return [
        head,
        ...table.indicators.map(
          (i) =>
            `    [${i.period}] ${[...i.path, i.name.text].join(' / ')}@${i.name.cell} ${w.targetValue} ${i.target.text}@${i.target.cell}`,
        ),
      ];
    case 'accuracy':
      return [
        head,
        ...table.rows.map(
          (r) =>
            `    ${r.label.text}${figureText(w.duePersons, r.duePersons)}${figureText(w.paidPersons, r.paidPersons)}${figureText(w.dueAmount, r.dueAmount)}${figureText(w.paidAmount, r.paidAmount)}`,
        ),
      ];
  }
}

/** A fact as inspect shows it: 年初预算数/财政拨款 [2024] 监控表!C4 = 80 万元 (label C2). */
function factLine(fact: Fact, empty: string): string {
  const qualifiers = [
    fact.part && fact.part !== '资金总额' ? fact.part : '',
    fact.period ?? '',
    fact.year ? String(fact.year) : '',
  ]
    .filter((q) => q !== '')
    .join(' ');
  const value =
    fact.text?.text ?? (fact.figure.value !== null ? String(fact.figure.value) : (fact.figure.error ?? empty));
  return `    ${fact.quantity}${qualifiers ? ` [${qualifiers}]` : ''} ${fact.figure.cell} = ${value}${fact.unit ? ` ${fact.unit}` : ''}${fact.symbol ? ` (${fact.symbol})` : ''}${fact.hint ? ` (${fact.hint.numerator}/${fact.hint.denominator})` : ''}  ← ${fact.label.text}@${fact.label.cell}`;
}

/** The recognised model as an indented outline, then the facts found on each sheet. */
export function formatModelText(
  file: string,
  model: WorkbookModel,
  facts: readonly Fact[] = [],
  lang: Lang = 'zh-CN',
): string {
  const words = cliText(lang).inspect;
  const empty = coreText(lang).audit.empty;
  return [
    file,
    ...model.sheets.flatMap((sheet) => {
      const own = facts.filter((f) => f.figure.sheet === sheet.name);
      return [
        `[${sheet.name}]${sheet.visibility === 'visible' ? '' : ` (${sheet.visibility})`}`,
        ...sheet.tables.flatMap((table) => tableLines(table, words)),
        ...(own.length > 0 ? [`  ${words.facts} (${own.length})`, ...own.map((fact) => factLine(fact, empty))] : []),
      ];
    }),
  ].join('\n');
}

import type { CheckResult } from '../core/check';
import type { Finding, Lang } from '../core/finding';
import { coreText } from '../core/i18n';
import type { Figure, IndicatorNode, Table, WorkbookModel } from '../core/model';
import { ruleName } from '../core/rule-names';
import { valuesToShow } from '../core/shown';
import { cliText } from './i18n';
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

function figureText(label: string, figure: Figure | undefined): string {
  if (!figure) return '';
  const shown = figure.value ?? figure.error ?? figure.text ?? '—';
  return ` ${label} ${shown}@${figure.cell}`;
}

function indicatorLines(nodes: IndicatorNode[], depth: number): string[] {
  return nodes.flatMap((node) => [
    `${'  '.repeat(depth)}${node.name.text}@${node.name.cell}${node.labelWeight !== undefined ? ` (${node.labelWeight})` : ''}${figureText('分值', node.weight)}${figureText('得分', node.score)}${figureText('得分率', node.rate)}`,
    ...indicatorLines(node.children, depth + 1),
  ]);
}

function tableLines(table: Table): string[] {
  const head = `  ${table.kind} ${table.range}${table.title ? ` 「${table.title}」` : ''}`;
  switch (table.kind) {
    case 'indicators':
      return [
        head,
        ...indicatorLines(table.indicators, 2),
        ...(table.total
          ? [
              `    ${table.total.label.text}${figureText('分值', table.total.weight)}${figureText('得分', table.total.score)}`,
            ]
          : []),
      ];
    case 'summary':
      return [
        head,
        ...[...table.rows, ...(table.total ? [table.total] : [])].map(
          (r) =>
            `    ${r.name.text}→${r.key}${figureText('分值', r.weight)}${figureText('得分', r.score)}${figureText('得分率', r.rate)}`,
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
            `    ${r.label.text}${figureText('全年预算数', r.fullYearBudget)}${figureText('全年执行数', r.executed)}${figureText('分值', r.weight)}${figureText('执行率', r.rate)}${figureText('得分', r.score)}`,
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
            `    ${q.text.text}: ${q.counts.map((c) => c?.value ?? '—').join(' / ')}${figureText('结果', q.result)}`,
        ),
      ];
    case 'accuracy':
      return [
        head,
        ...table.rows.map(
          (r) =>
            `    ${r.label.text}${figureText('应发人数', r.duePersons)}${figureText('实发人数', r.paidPersons)}${figureText('应发金额', r.dueAmount)}${figureText('实发金额', r.paidAmount)}`,
        ),
      ];
  }
}

/** The recognised model as an indented outline. */
export function formatModelText(file: string, model: WorkbookModel): string {
  return [
    file,
    ...model.sheets.flatMap((sheet) => [
      `[${sheet.name}]${sheet.visibility === 'visible' ? '' : ` (${sheet.visibility})`}`,
      ...sheet.tables.flatMap(tableLines),
    ]),
  ].join('\n');
}

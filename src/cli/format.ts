import type { CheckResult } from '../core/check';
import { formatMessage, type Finding, type Lang } from '../core/finding';
import type { Figure, IndicatorNode, Table, WorkbookModel } from '../core/model';
import type { Fact } from '../core/facts/schema';
import { CLI_TEXT, SEVERITY_TEXT } from './strings';

const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Findings of one file as text, grouped by sheet, most severe first. */
export function formatCheckText(file: string, result: Pick<CheckResult, 'summary' | 'findings'>, lang: Lang): string {
  const { summary } = result;
  const lines = [
    formatMessage(CLI_TEXT.fileHeader[lang], {
      file,
      total: summary.totalScore ?? CLI_TEXT.none[lang],
      grade: summary.grade ?? CLI_TEXT.none[lang],
      errors: summary.errors,
      warnings: summary.warnings,
      infos: summary.infos,
    }),
  ];
  if (result.findings.length === 0) lines.push(CLI_TEXT.noFindings[lang]);
  const bySheet = new Map<string, Finding[]>();
  for (const finding of result.findings) bySheet.set(finding.sheet, [...(bySheet.get(finding.sheet) ?? []), finding]);
  for (const [sheet, findings] of bySheet) {
    lines.push(`  [${sheet}]`);
    for (const f of [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])) {
      const values =
        f.expected !== undefined
          ? formatMessage(CLI_TEXT.expectedActual[lang], {
              expected: f.expected,
              actual: f.actual ?? CLI_TEXT.none[lang],
            })
          : '';
      lines.push(`    ${SEVERITY_TEXT[f.severity][lang]}  ${f.cell}  ${f.message}${values}  ${f.code}`);
    }
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
    case 'targets':
      return [
        head,
        ...table.indicators.map(
          (i) =>
            `    [${i.period}] ${[...i.path, i.name.text].join(' / ')}@${i.name.cell} 指标值 ${i.target.text}@${i.target.cell}`,
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

/** A fact as inspect shows it: 年初预算数/财政拨款 [2024] 监控表!C4 = 80 万元 (label C2). */
function factLine(fact: Fact): string {
  const qualifiers = [
    fact.part && fact.part !== '资金总额' ? fact.part : '',
    fact.period ?? '',
    fact.year ? String(fact.year) : '',
  ]
    .filter((q) => q !== '')
    .join(' ');
  const value =
    fact.text?.text ?? (fact.figure.value !== null ? String(fact.figure.value) : (fact.figure.error ?? '（空）'));
  return `    ${fact.quantity}${qualifiers ? ` [${qualifiers}]` : ''} ${fact.figure.cell} = ${value}${fact.unit ? ` ${fact.unit}` : ''}${fact.symbol ? ` (${fact.symbol})` : ''}${fact.hint ? ` (${fact.hint.numerator}/${fact.hint.denominator})` : ''}  ← ${fact.label.text}@${fact.label.cell}`;
}

/** The recognised model as an indented outline, then the facts found on each sheet. */
export function formatModelText(file: string, model: WorkbookModel, facts: readonly Fact[] = []): string {
  return [
    file,
    ...model.sheets.flatMap((sheet) => {
      const own = facts.filter((f) => f.figure.sheet === sheet.name);
      return [
        `[${sheet.name}]${sheet.visibility === 'visible' ? '' : ` (${sheet.visibility})`}`,
        ...sheet.tables.flatMap(tableLines),
        ...(own.length > 0 ? [`  facts (${own.length})`, ...own.map(factLine)] : []),
      ];
    }),
  ].join('\n');
}

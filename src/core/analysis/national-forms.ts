import type { CellRef } from '../finding';
import type { TextAt, WorkbookModel } from '../model';
import { flattenTree } from '../model/indicators';
import { allTables } from '../model/tables';
import { normalizeLabel } from '../text';

/** The indicators one form sets for the year, with the 年度指标值 of each. */
export interface IndicatorSet {
  form: 'target' | 'monitoring' | 'self';
  sheet: string;
  /** The first cell of the table, where a finding about the whole set points. */
  anchor: CellRef;
  items: Array<{ key: string; name: TextAt; target?: TextAt }>;
}

/**
 * The year's indicators of each form: a target form's 年度 block (a targets table with a 中期 block beside it), a
 * monitoring form's rows (a targets table with the year only), a self-evaluation's indicator rows (their 年度指标值).
 */
export function indicatorSets(model: WorkbookModel): IndicatorSet[] {
  const sets: IndicatorSet[] = [];
  for (const table of allTables(model)) {
    const anchor = { sheet: table.sheet, cell: table.range.split(':')[0] ?? 'A1' };
    if (table.kind === 'targets') {
      const year = table.indicators.filter((i) => i.period === '年度');
      if (year.length === 0) continue;
      sets.push({
        form: table.indicators.some((i) => i.period === '中期') ? 'target' : 'monitoring',
        sheet: table.sheet,
        anchor,
        items: year.map((i) => ({ key: i.key, name: i.name, target: i.target })),
      });
    } else if (table.kind === 'indicators' && table.selfEvaluation) {
      const leaves = flattenTree(table.indicators).filter((n) => n.children.length === 0 && n.level >= 2);
      sets.push({
        form: 'self',
        sheet: table.sheet,
        anchor,
        items: leaves.map((n) => ({ key: n.key, name: n.name, ...(n.texts.target ? { target: n.texts.target } : {}) })),
      });
    }
  }
  return sets;
}

export interface IndicatorGap {
  name: TextAt;
  /** The form that lacks it. */
  missingIn: IndicatorSet;
}

export interface TargetDifference {
  name: string;
  /** The target as the reference form states it, and as the other form does. */
  reference: TextAt;
  other: TextAt;
}

const sameTarget = (a: string, b: string) =>
  normalizeLabel(a).replace(/[≥>=]+/g, '≥') === normalizeLabel(b).replace(/[≥>=]+/g, '≥');

/**
 * Every indicator of the year's targets (the target form; without one, the monitoring form) must appear in the
 * monitoring and self-evaluation forms with the same 年度指标值: a self-evaluation that drops indicators is selective.
 */
export function reconcileIndicators(model: WorkbookModel): { gaps: IndicatorGap[]; differences: TargetDifference[] } {
  const sets = indicatorSets(model);
  const reference = sets.find((s) => s.form === 'target') ?? sets.find((s) => s.form === 'monitoring');
  const gaps: IndicatorGap[] = [];
  const differences: TargetDifference[] = [];
  if (!reference) return { gaps, differences };
  for (const other of sets) {
    if (other === reference || other.form === 'target') continue;
    const byKey = new Map(other.items.map((i) => [i.key, i]));
    for (const item of reference.items) {
      const found = byKey.get(item.key);
      if (!found) gaps.push({ name: item.name, missingIn: other });
      else if (
        item.target &&
        found.target &&
        item.target.text !== '' &&
        !sameTarget(item.target.text, found.target.text)
      )
        differences.push({ name: item.name.text, reference: item.target, other: found.target });
    }
  }
  return { gaps, differences };
}

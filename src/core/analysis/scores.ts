import type { IndicatorNode } from '../model';
import { numberIn } from '../model/indicators';
import { sum } from '../numbers';

/**
 * The score the indicator has: its cell, else (for a blank cell) the score its standard gives, else the sum of
 * its children's. A blank score that can be computed is reported once, where it is blank, and counted with its
 * computed value everywhere above it.
 */
export function scoreOf(node: IndicatorNode, computed: ReadonlyMap<IndicatorNode, number>): number | undefined {
  const own = numberIn(node.score);
  if (own !== undefined) return own;
  const fromStandard = computed.get(node);
  if (fromStandard !== undefined) return fromStandard;
  if (node.children.length === 0) return undefined;
  const children = node.children.map((child) => scoreOf(child, computed));
  return children.every((s): s is number => s !== undefined) ? sum(children) : undefined;
}

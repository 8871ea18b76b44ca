import type { IndicatorNode } from '../src/core/model';

/** Every indicator of a tree, depth first, with its path of names. */
export function flattenIndicators(
  nodes: IndicatorNode[],
  path: string[] = [],
): Array<{ path: string[]; node: IndicatorNode }> {
  return nodes.flatMap((node) => [
    { path: [...path, node.name.text], node },
    ...flattenIndicators(node.children, [...path, node.name.text]),
  ]);
}

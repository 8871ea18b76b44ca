import type { IndicatorNode, Table, WorkbookModel } from '../src/core/model';

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

export function tablesOf<K extends Table['kind']>(
  model: WorkbookModel,
  kind: K,
  sheet?: string,
): Array<Extract<Table, { kind: K }>> {
  return model.sheets
    .filter((s) => sheet === undefined || s.name === sheet)
    .flatMap((s) => s.tables)
    .filter((t): t is Extract<Table, { kind: K }> => t.kind === kind);
}

import { flattenTree, statedWeight, weightCells, weightOf } from '../model/indicators';
import { indicatorTables } from '../model/tables';
import { formatNumber, nearlyEqual, sum } from '../numbers';
import { refs } from './reports';
import { defineRule } from './rule';
import { fixed, shownAt, termsText } from './working';

export const weightChildrenSum = defineRule({
  code: 'weight/children-sum',
  severity: 'error',
  name: { 'zh-CN': '下级分值之和', 'en-US': "Children's weights" },
  description: {
    'zh-CN': '下级指标分值之和不等于上级指标分值',
    'en-US': "Children's weights do not sum to the parent's weight",
  },
  messages: {
    mismatch: {
      'zh-CN': '“{name}”分值 {actual}，不等于下级指标分值合计 {expected}{terms}',
      'en-US': '"{name}" has weight {actual}; its children sum to {expected}{terms}',
    },
  },
  check({ model, snapshot }) {
    return indicatorTables(model).flatMap((table) =>
      flattenTree(table.indicators).flatMap((node) => {
        const own = statedWeight(node);
        const children = node.children.map(weightOf);
        if (own === undefined || children.length === 0 || children.some((w) => w === undefined)) return [];
        const expected = sum(children as number[]);
        if (nearlyEqual(expected, own)) return [];
        const at = node.weight && node.weight.value !== null ? node.weight : node.name;
        return [
          {
            messageId: 'mismatch',
            data: {
              name: node.name.text,
              actual: node.weight && node.weight.value !== null ? shownAt(snapshot, node.weight) : formatNumber(own),
              expected: fixed(expected, node.weight?.decimals),
              terms: termsText(
                node.children.map((child, i) => ({
                  value: children[i] as number,
                  ...(child.weight ? { figure: child.weight } : {}),
                })),
                snapshot,
              ),
            },
            sheet: at.sheet,
            cell: at.cell,
            expected,
            actual: own,
            related: refs(node.children.flatMap(weightCells)),
          },
        ];
      }),
    );
  },
});

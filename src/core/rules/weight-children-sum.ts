import { flattenTree, statedWeight, weightCells, weightOf } from '../model/indicators';
import { indicatorTables } from '../model/tables';
import { nearlyEqual, sum } from '../numbers';
import { refs } from './reports';
import { defineRule } from './rule';

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
      'zh-CN': '“{name}”分值 {actual}，下级指标分值合计 {expected}',
      'en-US': '"{name}" has weight {actual}; its children sum to {expected}',
    },
  },
  check({ model }) {
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
            data: { name: node.name.text, actual: own, expected },
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

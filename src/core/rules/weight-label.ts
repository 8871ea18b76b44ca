import { flattenTree } from '../model/indicators';
import { shownAt } from './working';
import { indicatorTables } from '../model/tables';
import { nearlyEqual } from '../numbers';
import { defineRule } from './rule';

export const weightLabel = defineRule({
  code: 'weight/label',
  severity: 'warning',
  name: { 'zh-CN': '标签中的分值', 'en-US': 'Weight in a label' },
  description: {
    'zh-CN': '指标名称中写明的分值（如“(15)”）与分值单元格不符',
    'en-US': 'A weight written in a label, e.g. (15), differs from the cells',
  },
  messages: {
    mismatch: {
      'zh-CN': '“{name}”名称中写的分值 {label} 与单元格分值 {actual} 不符',
      'en-US': 'The label of "{name}" says {label} but its weight cell holds {actual}',
    },
  },
  check({ model, snapshot }) {
    return indicatorTables(model).flatMap((table) =>
      flattenTree(table.indicators).flatMap((node) => {
        const cell = node.weight?.value;
        if (
          node.labelWeight === undefined ||
          cell === undefined ||
          cell === null ||
          nearlyEqual(cell, node.labelWeight)
        )
          return [];
        return [
          {
            messageId: 'mismatch',
            data: {
              name: node.name.text,
              label: node.labelWeight,
              actual: node.weight ? shownAt(snapshot, node.weight) : cell,
            },
            sheet: node.name.sheet,
            cell: node.name.cell,
            expected: cell,
            actual: node.labelWeight,
            related: [{ sheet: node.weight?.sheet ?? node.name.sheet, cell: node.weight?.cell ?? node.name.cell }],
          },
        ];
      }),
    );
  },
});

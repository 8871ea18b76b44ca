import { rangeAddress } from '../address';
import { defineRule, type RuleReport } from './rule';

/**
 * Overlapping merged ranges (government exports carry them): the grid reads the sheet as if they were not merged,
 * and the sheet gets one finding, on the first such range, with the others it overlaps as related cells.
 */
export const sheetMergeOverlap = defineRule({
  code: 'sheet/merge-overlap',
  severity: 'info',
  name: { 'zh-CN': '合并单元格重叠', 'en-US': 'Overlapping merges' },
  description: {
    'zh-CN': '合并单元格相互重叠（导出文件损坏），该处按未合并读取',
    'en-US': 'Merged ranges overlap (a damaged export); the sheet was read as if they were not merged',
  },
  messages: {
    overlap: {
      'zh-CN': '合并单元格 {range} 与其他 {others} 处合并区域重叠，已按未合并读取',
      'en-US': 'Merged range {range} overlaps {others} other merged range(s); read as if not merged',
    },
  },
  check({ grids }) {
    const reports: RuleReport<'overlap'>[] = [];
    for (const grid of grids.values()) {
      const [first, ...others] = grid.overlappingMerges;
      if (!first) continue;
      reports.push({
        messageId: 'overlap',
        data: { range: rangeAddress(first), others: others.length },
        sheet: grid.name,
        cell: rangeAddress(first),
        count: grid.overlappingMerges.length,
        related: others.map((m) => ({ sheet: grid.name, cell: rangeAddress(m) })),
      });
    }
    return reports;
  },
});

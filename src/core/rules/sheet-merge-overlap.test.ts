import { checkWorkbook } from '../check';
import { runRule } from '../../../test/rule-harness';
import { sheetOf, workbookOf } from '../../../test/snapshot-builder';
import { tablesOf } from '../model/tables';
import { sheetMergeOverlap } from './sheet-merge-overlap';

/** A score table whose level-1 names are merged over their groups, with extra merges as a damaged export has them. */
function scoreTable(extraMerges: string[]) {
  return workbookOf(
    sheetOf(
      '评分表',
      [
        ['一级指标', '二级指标', '分值', '得分'],
        ['决策', '立项依据', 10, 9],
        [null, '绩效目标', 10, 8],
        ['过程', '资金管理', 15, 14],
        [null, '组织实施', 15, 13],
        ['产出', '数量', 25, 25],
        ['效益', '满意度', 25, 20],
        ['合计', null, 100, 89],
      ],
      ['A2:A3', 'A4:A5', ...extraMerges],
    ),
  );
}

describe('sheet/merge-overlap', () => {
  it('reports overlapping merges once per sheet, naming the others, and reads the rows as unmerged', () => {
    // B3:B4 overlaps nothing of column B, but A3:B4 overlaps A2:A3, A4:A5 and B3:B4.
    const snapshot = scoreTable(['B3:B4', 'A3:B4']);
    expect(runRule(sheetMergeOverlap, snapshot)).toEqual([
      {
        code: 'sheet/merge-overlap',
        severity: 'info',
        sheet: '评分表',
        cell: 'A2:A3',
        count: 4,
        message: '合并单元格 A2:A3 与其他 3 处合并区域重叠，已按未合并读取',
        related: [
          { sheet: '评分表', cell: 'A4:A5' },
          { sheet: '评分表', cell: 'B3:B4' },
          { sheet: '评分表', cell: 'A3:B4' },
        ],
      },
    ]);
    expect(runRule(sheetMergeOverlap, snapshot, { lang: 'en-US' })[0]?.message).toBe(
      'Merged range A2:A3 overlaps 3 other merged range(s); read as if not merged',
    );
    // Read as unmerged, the names written once with blanks below still give the four groups (fill-down).
    const { model, findings } = checkWorkbook(snapshot);
    expect(tablesOf(model, 'indicators')[0]?.indicators.map((n) => [n.key, n.children.length])).toEqual([
      ['决策', 2],
      ['过程', 2],
      ['产出', 1],
      ['效益', 1],
    ]);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('gives nothing for merges that only touch, or the same range listed twice', () => {
    expect(runRule(sheetMergeOverlap, scoreTable(['B2:B2', 'A2:A3']))).toEqual([]);
    expect(runRule(sheetMergeOverlap, scoreTable(['C8:D8']))).toEqual([]);
  });
});

import { checkWorkbook } from '../src/core/check';
import type { GridValue } from './snapshot-builder';
import { sheetOf, workbookOf } from './snapshot-builder';

/**
 * A department-level self-evaluation (部门整体支出绩效自评表) as such forms are laid out: funds with two breakdowns of
 * the same total (by source and by kind of spending), the year's goals as text, then the indicator rows with their
 * targets, weights and scores. Its layout is not one the product was built on: it must be read or left quiet, never
 * guessed at (issue 11).
 */
function departmentForm(change: (rows: GridValue[][]) => void = () => undefined) {
  const rows: GridValue[][] = [
    ['部门整体支出绩效自评表'],
    ['（2024年度）'],
    ['部门名称', '某某市某某局', null, null, null, '联系人', '张三'],
    ['年度预算申请（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['年度资金总额', null, 500, 520, 490, 10, { value: 0.9423, format: '0.00%' }, 9.42],
    ['按收入性质分', '财政拨款', 450, 470, 445, null, null, null],
    [null, '其他资金', 50, 50, 45, null, null, null],
    ['按支出性质分', '基本支出', 300, 300, 298, null, null, null],
    [null, '项目支出', 200, 220, 192, null, null, null],
    ['年度总体目标', '预期目标', null, null, '实际完成情况'],
    [null, '完成全年各项工作任务', null, null, '已完成全年各项工作任务'],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ['产出指标（50分）', '数量指标', '开展培训次数', '≥10次', '12次', 15, 15, null],
    [null, null, '覆盖人数', '≥500人', '520人', 15, 15, null],
    [null, '质量指标', '培训合格率', '≥95%', '97%', 10, 10, null],
    [null, '时效指标', '按时完成率', '100%', '100%', 10, 10, null],
    ['效益指标（30分）', '社会效益指标', '群众知晓率', '≥90%', '92%', 15, 15, null],
    [null, '可持续影响指标', '长效机制建立', '建立', '已建立', 15, 15, null],
    ['满意度指标（10分）', '服务对象满意度指标', '服务对象满意度', '≥90%', '93%', 10, 10, null],
    ['总分', null, null, null, null, 100, 99.42, null],
  ];
  change(rows);
  const merges = ['A1:H1', 'A2:H2', 'B3:E3', 'A4:B4', 'A5:B5', 'A6:A7', 'A8:A9', 'A10:A11', 'B10:D10', 'E10:H10'];
  merges.push('B11:D11', 'E11:H11', 'A13:A16', 'B13:B14', 'A17:A18', 'A20:E20');
  return workbookOf(sheetOf('部门整体支出绩效自评表', rows, merges));
}

const loud = (snapshot: ReturnType<typeof departmentForm>) =>
  checkWorkbook(snapshot)
    .findings.filter((f) => f.severity !== 'info')
    .map((f) => `${f.code} ${f.cell}`);

describe('a department-level self-evaluation form', () => {
  it('gives no error and no warning as it is: two breakdowns of one total are not one list of items', () => {
    expect(loud(departmentForm())).toEqual([]);
  });

  it('catches a total that is not the sum of the scores, and a wrong 执行率', () => {
    const planted = departmentForm((rows) => {
      (rows[19] as GridValue[])[6] = 98.42;
      (rows[4] as GridValue[])[6] = { value: 0.9523, format: '0.00%' };
    });
    expect(loud(planted)).toEqual(['score/total G20', 'rate/wrong G5']);
  });

  it('catches a breakdown whose parts no longer add to the total', () => {
    const planted = departmentForm((rows) => void ((rows[6] as GridValue[])[4] = 55));
    expect(loud(planted)).toEqual(['amount/total E5']);
  });
});

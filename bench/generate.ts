import ExcelJS from 'exceljs';
import { buildWorkbook, VARIANTS, type Variant } from '../test/fixtures/build-workbook';
import type { SeedReport } from '../test/fixtures/seed-model';
import { seed003 } from '../test/fixtures/seeds/seed003';

/**
 * A scoring workbook of about `cells` cells: a seed's tables in one layout (seed 003 merged unless told) as evaluators send them
 * plus a subsidy payment list (序号 | 姓名 | 社区 | 应发金额 | 实发金额 | 差额 formula | 备注 …), the sheet that
 * makes real workbooks large.
 */
export async function generateWorkbook(
  cells: number,
  seed: SeedReport = seed003,
  variant: Variant = VARIANTS[0] as Variant,
): Promise<Uint8Array> {
  const base = new ExcelJS.Workbook();
  await base.xlsx.load((await buildWorkbook(seed, variant)).bytes as unknown as ArrayBuffer);
  const ws = base.addWorksheet('补助发放明细');
  const headers = [
    '序号',
    '姓名',
    '社区',
    '身份证号',
    '应发人数',
    '实发人数',
    '应发金额（元）',
    '实发金额（元）',
    '差额',
    '备注',
  ];
  ws.addRow(headers);
  const rows = Math.max(1, Math.round(cells / headers.length));
  for (let i = 1; i <= rows; i++) {
    const due = 500 + (i % 7) * 10;
    const paid = i % 97 === 0 ? due - 10 : due;
    const row = ws.addRow([
      i,
      `退休人员${i}`,
      `社区${i % 8}`,
      `6201${String(100000000000 + i)}`,
      1,
      1,
      due,
      paid,
      null,
      i % 97 === 0 ? '死亡未发放' : '',
    ]);
    row.getCell(9).value = { formula: `G${i + 1}-H${i + 1}`, result: due - paid };
  }
  const total = ws.addRow(['合计', null, null, null, null, null, null, null, null, null]);
  total.getCell(7).value = { formula: `SUM(G2:G${rows + 1})`, result: 0 };
  total.getCell(8).value = { formula: `SUM(H2:H${rows + 1})`, result: 0 };
  return new Uint8Array(await base.xlsx.writeBuffer());
}

/** @jest-environment ./src/ui/jsdom-environment.cjs */
import { openedFileHost } from '../../test/opened-file-host';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { buildWorkbook, VARIANTS } from '../../test/fixtures/build-workbook';
import type { SeedReport } from '../../test/fixtures/seed-model';
import { seed004 } from '../../test/fixtures/seeds/seed004';
import { indicatorNamed } from '../../test/rule-harness';
import { sheetOf, workbookOf } from '../../test/snapshot-builder';
import { writeXlsx } from '../file/xlsx/write-xlsx';
import { FileHost } from '../hosts/file/file-host';
import { App } from './App';
import { CompareBoundary } from './CompareSlot';

// webpack fetches the compare view as a chunk of its own; jest has no chunks, so it is loaded in place.
jest.mock('./lazy-compare', () => ({ loadComparePanel: async () => jest.requireActual('./ComparePanel') }));

jest.setTimeout(60_000);

let selfBytes: Uint8Array<ArrayBuffer>;
let reviewBytes: Uint8Array<ArrayBuffer>;

/** The reviewer lowers one score (and the form's 总分) and drops one indicator. */
function review(copy: SeedReport): void {
  const form = copy.selfEvaluation?.indicators ?? [];
  indicatorNamed(form, '接收辖区退休人员数').score = 12;
  const satisfaction = indicatorNamed(form, '服务对象满意度指标');
  satisfaction.children = satisfaction.children?.filter((child) => child.name !== '移交企业满意度');
  if (copy.selfEvaluation) copy.selfEvaluation.total.score = 93;
}

beforeAll(async () => {
  const merged = VARIANTS[0] as (typeof VARIANTS)[number];
  selfBytes = new Uint8Array((await buildWorkbook(seed004, merged)).bytes);
  const reviewed = JSON.parse(JSON.stringify(seed004)) as SeedReport; // jsdom has no structuredClone
  review(reviewed);
  reviewBytes = new Uint8Array((await buildWorkbook(reviewed, merged)).bytes);
}, 60_000);

afterEach(() => jest.restoreAllMocks());

function openHost(bytes: Uint8Array): FileHost {
  const host = openedFileHost('复核表.xlsx', bytes, 'zh-CN');
  return host;
}

/** The pane on the open workbook with the compare view opened from the toolbar. */
async function openCompare(host: FileHost, lang: 'zh-CN' | 'en-US' = 'zh-CN') {
  render(<App host={host} lang={lang} />);
  await screen.findByTestId('total-score');
  const toolbar = screen.getByRole('toolbar');
  // The comparison is in the toolbar's overflow menu.
  fireEvent.click(within(toolbar).getByRole('button', { name: lang === 'zh-CN' ? '更多操作' : 'More actions' }));
  fireEvent.click(
    await screen.findByRole('menuitem', { name: lang === 'zh-CN' ? '与另一份文件比对' : 'Compare with another file' }),
  );
  // The first opening loads (and here compiles) the view: give it time on a busy machine.
  return screen.findByRole(
    'region',
    { name: lang === 'zh-CN' ? '与另一份文件比对' : 'Compare with another file' },
    { timeout: 20_000 },
  );
}

function pick(region: HTMLElement, bytes: Uint8Array<ArrayBuffer>, name: string): void {
  const input = region.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  fireEvent.change(input, { target: { files: [new File([bytes], name)] } });
}

/** The table's rows as the text of their cells. */
const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );

describe('the compare view', () => {
  it('lists the differences with the open workbook as the review, and selects its cells', async () => {
    const host = openHost(reviewBytes);
    const select = jest.spyOn(host, 'select');
    const region = await openCompare(host);
    expect((within(region).getByRole('radio', { name: '复核表' }) as HTMLInputElement).checked).toBe(true);
    pick(region, selfBytes, '自评表.xlsx');
    const table = await within(region).findByRole('table', { name: '比对结果' }, { timeout: 10_000 });
    expect(within(region).getByText('比对文件：自评表.xlsx')).toBeTruthy();
    expect(within(region).getByText('差异 9 处')).toBeTruthy();
    expect(within(region).getByText('自评表：总分 96，等级 优')).toBeTruthy();
    expect(within(region).getByText('复核表：总分 93，等级 优')).toBeTruthy();
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['指标', '项目', '自评表', '复核表', '差异']);
    expect(rowsOf(table)).toEqual([
      ['产出指标', '得分', '50自评表!A6（计算）', '47自评表!A6（计算）', '-3'],
      ['产出指标 / 数量指标', '得分', '30自评表!B6（计算）', '27自评表!B6（计算）', '-3'],
      ['产出指标 / 数量指标 / 接收辖区退休人员数', '得分', '15自评表!G7', '12自评表!G7', '-3'],
      ['满意度指标', '分值', '10自评表!A13（计算）', '5自评表!A13（计算）', '-5'],
      ['满意度指标', '得分', '10自评表!A13（计算）', '5自评表!A13（计算）', '-5'],
      ['满意度指标 / 服务对象满意度指标', '分值', '10自评表!B13（计算）', '5自评表!B13（计算）', '-5'],
      ['满意度指标 / 服务对象满意度指标', '得分', '10自评表!B13（计算）', '5自评表!B13（计算）', '-5'],
      ['满意度指标 / 服务对象满意度指标 / 移交企业满意度', '仅自评表有', '移交企业满意度自评表!C14', '—', ''],
      ['总分', '得分', '96自评表!G15', '93自评表!G14', '-3'],
    ]);
    // Only the open workbook's cells (the review column) select: G7 is a link once, on the review side.
    const links = within(table).getAllByRole('button', { name: '定位到 自评表!G7' });
    expect(links).toHaveLength(1);
    fireEvent.click(links[0] as HTMLElement);
    expect(select).toHaveBeenLastCalledWith({ sheet: '自评表', cell: 'G7' }, []);
    expect(within(table).queryByRole('button', { name: '定位到 自评表!C14' })).toBeNull();
    fireEvent.click(within(table).getByRole('button', { name: '定位到 自评表!G14' }));
    expect(select).toHaveBeenLastCalledWith({ sheet: '自评表', cell: 'G14' }, []);
  });

  it('compares the other way round when the open workbook is the self-evaluation', async () => {
    const host = openHost(selfBytes);
    const select = jest.spyOn(host, 'select');
    const region = await openCompare(host);
    fireEvent.click(within(region).getByRole('radio', { name: '自评表' }));
    pick(region, reviewBytes, '复核表.xlsx');
    const table = await within(region).findByRole('table', { name: '比对结果' }, { timeout: 10_000 });
    const rows = rowsOf(table);
    expect(rows[2]).toEqual(['产出指标 / 数量指标 / 接收辖区退休人员数', '得分', '15自评表!G7', '12自评表!G7', '-3']);
    expect(rows[7]).toEqual([
      '满意度指标 / 服务对象满意度指标 / 移交企业满意度',
      '仅自评表有',
      '移交企业满意度自评表!C14',
      '—',
      '',
    ]);
    // Now the self-evaluation column is the open workbook's: its C14 selects, the review's G14 does not.
    fireEvent.click(within(table).getByRole('button', { name: '定位到 自评表!C14' }));
    expect(select).toHaveBeenLastCalledWith({ sheet: '自评表', cell: 'C14' }, []);
    expect(within(table).queryByRole('button', { name: '定位到 自评表!G14' })).toBeNull();
  });

  it('says when the two agree, when a file cannot be read and when it has nothing to compare; it closes', async () => {
    const region = await openCompare(openHost(selfBytes));
    pick(region, selfBytes, '副本.xlsx');
    expect(await within(region).findByText('两份文件一致，未发现差异。', {}, { timeout: 10_000 })).toBeTruthy();
    expect(within(region).queryByRole('table')).toBeNull();

    pick(region, new Uint8Array([1, 2, 3, 4]), 'bad.xlsx');
    expect((await within(region).findByRole('alert', {}, { timeout: 10_000 })).textContent).toBe(
      '无法打开“bad.xlsx”：不是 Excel 工作簿（仅支持 .xlsx 和 .xls）',
    );
    expect(within(region).queryByText('两份文件一致，未发现差异。')).toBeNull();

    pick(region, new Uint8Array(writeXlsx(workbookOf(sheetOf('说明', [['本文件没有评分表']])))), '说明.xlsx');
    expect(
      await within(region).findByText('无法比对：“说明.xlsx”中未识别出指标表或汇总表。', {}, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(within(region).queryByRole('alert')).toBeNull();

    fireEvent.click(within(region).getByRole('button', { name: '关闭比对' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: '与另一份文件比对' })).toBeNull());
  });

  it('speaks English with en-US', async () => {
    const region = await openCompare(openHost(reviewBytes), 'en-US');
    pick(region, selfBytes, 'self.xlsx');
    const table = await within(region).findByRole('table', { name: 'Comparison' }, { timeout: 10_000 });
    expect(within(region).getByText('9 differences')).toBeTruthy();
    expect(rowsOf(table)[0]).toEqual(['产出指标', 'score', '50自评表!A6 (computed)', '47自评表!A6 (computed)', '-3']);
  });
});

describe('CompareBoundary', () => {
  it('shows what went wrong instead of the view when it fails to load', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const Failing = () => {
      throw new Error('chunk failed');
    };
    render(
      <CompareBoundary fallback={(message) => <p role="alert">{message}</p>}>
        <Failing />
      </CompareBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toBe('chunk failed');
  });
});

/** @jest-environment ./src/ui/jsdom-environment.cjs */
import { openedFileHost } from '../../test/opened-file-host';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { buildWorkbook, VARIANTS } from '../../test/fixtures/build-workbook';
import type { SeedReport } from '../../test/fixtures/seed-model';
import { seed000 } from '../../test/fixtures/seeds/seed000';
import { seed003 } from '../../test/fixtures/seeds/seed003';
import { seed004 } from '../../test/fixtures/seeds/seed004';
import { createSelectionStore, type SelectionStore } from '../app/selection';
import { FileHost } from '../hosts/file/file-host';
import { App } from './App';

/**
 * The pane at work (issue 13): only the actions that mean something on each surface, 填写 / 修正 by the finding's
 * fix, 全部修正 behind the same preview, the 预算执行率 row of a self-evaluation, a cell preview that follows a fix.
 */
jest.mock('./lazy-file-host', () => ({ loadFileHost: async () => jest.requireActual('../hosts/file/file-host') }));
jest.setTimeout(60_000);

const merged = VARIANTS[0] as (typeof VARIANTS)[number];
let score003: Uint8Array;
let self004: Uint8Array;
let wrong000: Uint8Array;

beforeAll(async () => {
  score003 = (await buildWorkbook(seed003, merged)).bytes;
  self004 = (await buildWorkbook(seed004, merged)).bytes;
  // Seed 000 with a 决策 得分率 its inputs do not give and a grade its total does not earn.
  const copy = JSON.parse(JSON.stringify(seed000)) as SeedReport;
  if (copy.summary) (copy.summary.rows[0] as { rate?: string }).rate = '81.88%';
  const grade = copy.conclusion?.entries.find((e) => e.label === '评价等级');
  if (grade) grade.value = '优';
  wrong000 = (await buildWorkbook(copy, merged)).bytes;
}, 60_000);

afterEach(() => jest.restoreAllMocks());

function open(bytes: Uint8Array, selection?: SelectionStore): FileHost {
  const host = openedFileHost('评分表.xlsx', bytes, 'zh-CN', selection ? (t, r) => selection.set(t, r) : undefined);
  return host;
}

async function show(host: FileHost, selection?: SelectionStore) {
  render(<App host={host} lang="zh-CN" selection={selection} />);
  await screen.findByTestId('total-score');
}

const button = (name: string | RegExp) => screen.getByRole('button', { name });

describe('the toolbar on each surface', () => {
  it('in Excel: re-check and live mode, no download, no other file to open', async () => {
    const host = open(score003);
    // Excel's host: no file to download or reopen.
    Object.defineProperty(host, 'kind', { value: 'excel' });
    Object.defineProperty(host, 'download', { value: undefined });
    await show(host);
    const toolbar = screen.getByRole('toolbar', { name: '审核操作' });
    expect(within(toolbar).getByRole('button', { name: '全部填写（5）' })).toBeTruthy();
    expect(within(toolbar).getByRole('button', { name: '重新检查' })).toBeTruthy();
    expect(within(toolbar).queryByRole('button', { name: '下载修复后的文件' })).toBeNull();
    // Office shows the add-in's name above the pane: the heading is there for screen readers only.
    expect(screen.getByRole('heading', { level: 1, name: '绩效评分表审核助手' })).toBeTruthy();
    fireEvent.click(button('更多操作'));
    await screen.findByRole('menu');
    const items = [...screen.getByRole('menu').querySelectorAll('[role^="menuitem"]')];
    expect(items.map((item) => item.textContent)).toEqual([
      '全部修正…',
      '生成审核报告',
      '实时检查',
      '与另一份文件比对',
      '设置',
    ]);
  });
});

describe('填写 and 修正', () => {
  it('names each finding’s fix by its kind, and corrects all wrong values behind one preview', async () => {
    const host = open(wrong000);
    const apply = jest.spyOn(host, 'applyWrites');
    await show(host);
    const corrections = screen.getAllByRole('button', { name: /^修正 / });
    expect(corrections.map((b) => b.textContent)).toEqual(corrections.map(() => '修正'));
    expect(corrections.length).toBeGreaterThanOrEqual(2);
    fireEvent.click(button('更多操作'));
    fireEvent.click(await screen.findByRole('menuitem', { name: '全部修正…' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: '全部修正 · 预览', hidden: true })).toBeTruthy();
    const items = within(dialog).getAllByTestId('preview-item');
    expect(items).toHaveLength(corrections.length);
    // Errors first; each item says what the cell shows now and after, and its formula.
    expect(items[0]?.textContent).toMatch(/→/);
    act(() => within(dialog).getByRole('button', { name: '应用', hidden: true }).focus());
    fireEvent.click(within(dialog).getByRole('button', { name: '应用', hidden: true }));
    await waitFor(() => expect(apply).toHaveBeenCalledTimes(1));
    expect(apply.mock.calls[0]?.[0]).toHaveLength(corrections.length);
    await waitFor(() => expect(screen.queryAllByRole('button', { name: /^修正 / })).toHaveLength(0));
  });
});

describe('the summary card of a self-evaluation', () => {
  it('lists the 预算执行率 row with the indicators, so the rows add up', async () => {
    await show(open(self004));
    const table = screen.getByRole('table', { name: '一级指标' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .queryAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows[0]).toEqual(['预算执行率', '10', '10', '100.00%']);
    expect(rows.map((r) => r[0])).toEqual(['预算执行率', '产出指标', '效益指标', '满意度指标']);
  });
});

describe('the cell preview', () => {
  it('shows the finding, then follows the fix: new content, and no finding left', async () => {
    const selection = createSelectionStore();
    const host = open(score003, selection);
    await show(host, selection);
    const g8 = [...document.querySelectorAll<HTMLElement>('li > div[role="button"]')][0] as HTMLElement;
    fireEvent.click(g8);
    const preview = await screen.findByTestId('sheet-preview');
    expect(preview.textContent).toContain(
      '未填得分：“预算执行率”（分值 4.00）未填得分，按评分标准应为 4.00（预算执行率 100% × 分值 4.00）',
    );
    expect(preview.querySelector('td[data-mark="target"]')?.textContent).toBe('');
    fireEvent.click(button('填写 评分表!G8'));
    const dialog = await screen.findByRole('dialog');
    act(() => within(dialog).getByRole('button', { name: '应用', hidden: true }).focus());
    fireEvent.click(within(dialog).getByRole('button', { name: '应用', hidden: true }));
    await waitFor(() => expect(within(preview).getByTestId('resolved').textContent).toBe('此处已没有问题。'));
    expect(preview.querySelector('td[data-mark="target"]')?.textContent).toBe('4.00');
    expect(preview.textContent).not.toContain('未填得分');
  });
});

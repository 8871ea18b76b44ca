/** @jest-environment ./src/ui/jsdom-environment.cjs */
import { openedFileHost } from '../../test/opened-file-host';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { buildWorkbook, VARIANTS } from '../../test/fixtures/build-workbook';
import { seed003 } from '../../test/fixtures/seeds/seed003';
import { whatIfWorkbook } from '../../test/fixtures/what-if-workbook';
import type { WorkbookHost } from '../hosts/host';
import { createSelectionStore, type SelectionStore } from '../app/selection';
import type { CheckResult } from '../core/check';
import type { CellWrite } from '../core/fix/plan';
import type { Profile } from '../core/profile';
import type { Sheet, WorkbookSnapshot } from '../core/snapshot';
import { RULES } from '../core/rules';
import { FileHost } from '../hosts/file/file-host';
import { App } from './App';
import { startStandalone, startTaskpane } from '../pages/boot';

// jest runs without dynamic import: the file layer's chunk is the module itself (Chromium tests load the real chunk).
jest.mock('./lazy-file-host', () => ({ loadFileHost: async () => jest.requireActual('../hosts/file/file-host') }));

// jsdom role queries over the settings drawer (a combobox per rule) take tens of seconds on a loaded 2-core machine.
jest.setTimeout(120_000);

let bytes: Uint8Array<ArrayBuffer>;
beforeAll(async () => {
  bytes = new Uint8Array((await buildWorkbook(seed003, VARIANTS[0] as (typeof VARIANTS)[number])).bytes);
}, 60_000);

beforeEach(() => localStorage.clear());
afterEach(() => {
  jest.restoreAllMocks();
  delete (globalThis as { Office?: unknown }).Office;
});

function openHost(selection?: SelectionStore): FileHost {
  const host = openedFileHost('评分表示例.xlsx', bytes, 'zh-CN', selection ? (t, r) => selection.set(t, r) : undefined);
  return host;
}

async function renderScanned(host: WorkbookHost, lang: 'zh-CN' | 'en-US' = 'zh-CN', selection?: SelectionStore) {
  const view = render(<App host={host} lang={lang} selection={selection} />);
  await screen.findByTestId('total-score');
  return view;
}

/** The findings shown: each is a focusable role="button" inside a list item (queried directly: getByRole is slow here). */
const findingItems = () =>
  [...document.querySelectorAll<HTMLElement>('li > div[role="button"][tabindex="0"]')].filter(
    (el) => !el.closest('[aria-hidden="true"]'),
  );
const button = (name: string | RegExp) => screen.getByRole('button', { name });
/** An action of the toolbar's overflow menu (更多操作 / More actions), opened first. */
async function menuItem(name: string | RegExp, more = '更多操作'): Promise<HTMLElement> {
  fireEvent.click(button(more));
  return screen.findByRole('menuitem', { name });
}
/** A click as a browser makes it: focus moves to the control first (Fluent's focus trap in modals relies on it). */
function click(element: HTMLElement): void {
  act(() => element.focus());
  fireEvent.click(element);
}

describe('App with the seed 003 workbook', () => {
  it('shows the toolbar, the summary card and the level-1 table in Chinese', async () => {
    await renderScanned(openHost());
    const toolbar = screen.getByRole('toolbar', { name: '审核操作' });
    for (const label of ['全部填写（5）', '下载修复后的文件', '撤销', '更多操作'])
      expect(within(toolbar).getByRole('button', { name: label })).toBeTruthy();
    expect((button('撤销') as HTMLButtonElement).disabled).toBe(true);
    // A file opened in the page does not change behind it: no re-check and no live mode here.
    expect(within(toolbar).queryByRole('button', { name: '重新检查' })).toBeNull();
    await menuItem('生成审核报告');
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      '全部修正…',
      '生成审核报告',
      '与另一份文件比对',
      '设置',
      '打开其他文件',
    ]);
    expect(screen.getByTestId('total-score').textContent).toBe('93.36');
    expect(screen.getByTestId('grade').textContent).toBe('优');
    const summary = screen.getByRole('region', { name: '评分概况' });
    expect(summary.textContent).toContain('错误 1');
    expect(summary.textContent).toContain('警告 0');
    expect(summary.textContent).toContain('提示 4');
    const table = screen.getByRole('table', { name: '一级指标' });
    const rows = within(table)
      .getAllByRole('row')
      .map((r) =>
        within(r)
          .queryAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows.slice(1)).toEqual([
      ['决策', '15', '14', '93.33%'],
      ['过程', '25', '20', '80.00%'],
      ['产出', '30', '30', '100.00%'],
      ['效益', '30', '29.36', '97.87%'],
    ]);
    expect(screen.getByRole('progressbar', { name: '过程 得分率 80.00%' }).getAttribute('aria-valuenow')).toBe('0.8');
  });

  it('groups findings by sheet then severity, in lists, and filters them by severity and rule', async () => {
    await renderScanned(openHost());
    expect(screen.getByRole('heading', { name: '评分表（1）' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '满意度调查（4）' })).toBeTruthy();
    const lists = screen.getAllByRole('list').filter((l) => l.getAttribute('aria-labelledby'));
    expect(lists.map((l) => within(l).getAllByRole('listitem').length)).toEqual([1, 4]);
    expect(findingItems().map((i) => i.textContent?.slice(0, 20))).toHaveLength(5);
    const g8 = findingItems()[0] as HTMLElement;
    expect(g8.textContent).toContain('G8');
    // The rule's name is the title; the code is its tooltip. The message states the 4: no 应为/实为 repeats it.
    expect(g8.textContent).toContain('未填得分');
    expect(g8.textContent).not.toContain('score/missing');
    expect(within(g8).getByText('未填得分').getAttribute('title')).toBe('规则代码：score/missing');
    expect(g8.textContent).not.toContain('实为');

    fireEvent.click(screen.getByRole('button', { name: /提示 4/ }));
    expect(findingItems()).toHaveLength(1);
    expect(screen.queryByRole('heading', { name: /满意度调查/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /提示 4/ }));
    expect(findingItems()).toHaveLength(5);

    fireEvent.click(screen.getByRole('combobox', { name: '按规则筛选' }));
    fireEvent.click(await screen.findByRole('option', { name: '未填得分' }));
    await waitFor(() => expect(findingItems()).toHaveLength(1));
    expect(findingItems()[0]?.textContent).toContain('G8');
  });

  it('selects a finding’s cell and related cells by click, Enter and Space; the standalone preview highlights it', async () => {
    const selection = createSelectionStore();
    const host = openHost(selection);
    const select = jest.spyOn(host, 'select');
    await renderScanned(host, 'zh-CN', selection);
    const [g8, g4] = findingItems() as [HTMLElement, HTMLElement];
    fireEvent.click(g8);
    expect(select).toHaveBeenLastCalledWith({ sheet: '评分表', cell: 'G8' }, [{ sheet: '评分表', cell: 'F8' }]);
    const preview = await screen.findByTestId('sheet-preview');
    expect(within(preview).getByText('工作表“评分表”，单元格 G8')).toBeTruthy();
    expect(preview.querySelector('td[data-mark="target"]')).toBeTruthy();
    // As the cell shows it (0.00), with the indicator's name in view.
    expect(preview.querySelector('td[data-mark="related"]')?.textContent).toBe('4.00');
    expect(preview.querySelector('td[data-mark="label"]')?.textContent).toBe('预算执行率');
    fireEvent.keyDown(g4, { key: 'Enter' });
    expect(select).toHaveBeenLastCalledWith({ sheet: '满意度调查', cell: 'G4' }, expect.any(Array));
    fireEvent.keyDown(g8, { key: ' ' });
    expect(select).toHaveBeenCalledTimes(3);
    fireEvent.keyDown(g8, { key: 'a' });
    expect(select).toHaveBeenCalledTimes(3);
    expect(g8.getAttribute('aria-current')).toBe('true');
  });

  it('fills only through the preview dialog: cancel writes nothing, apply writes the five cells, undo restores', async () => {
    const host = openHost();
    const apply = jest.spyOn(host, 'applyWrites');
    await renderScanned(host);

    fireEvent.click(button('全部填写（5）'));
    let dialog = await screen.findByRole('dialog');
    // A list a narrow pane can read: the cell and its rule, what it shows before and after, then the formula.
    const items = within(dialog)
      .getAllByTestId('preview-item')
      .map((item) => [
        item.querySelector('span')?.parentElement?.textContent,
        item.children[1]?.textContent,
        item.querySelector('code')?.textContent,
      ]);
    expect(items).toEqual([
      ['评分表!G8未填得分', '（空） → 4.00', "=MIN(1,'结论表'!C3/'结论表'!E2)*F8"],
      ['满意度调查!G4可自动填写', '（空） → 93.00%', '=(B4*$B$3+C4*$C$3+D4*$D$3+E4*$E$3)/F4'],
      ['满意度调查!G5可自动填写', '（空） → 95.50%', '=(B5*$B$3+C5*$C$3+D5*$D$3+E5*$E$3)/F5'],
      ['满意度调查!G6可自动填写', '（空） → 92.50%', '=(B6*$B$3+C6*$C$3+D6*$D$3+E6*$E$3)/F6'],
      ['满意度调查!G7可自动填写', '（空） → 93.50%', '=(B7*$B$3+C7*$C$3+D7*$D$3+E7*$E$3)/F7'],
    ]);
    expect(dialog.textContent).toContain('将修改以下 5 个单元格');
    click(within(dialog).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(apply).not.toHaveBeenCalled();

    click(button('全部填写（5）'));
    dialog = await screen.findByRole('dialog');
    // jsdom has no layout, so Fluent cannot find a visible element to focus on open and its focus trap leaves the
    // reopened surface aria-hidden until focus enters it; a real click focuses the button first.
    click(within(dialog).getByRole('button', { name: '应用', hidden: true }));
    await screen.findByText('已写入 5 个单元格，修改已记入“审核记录”工作表。');
    expect(apply).toHaveBeenCalledTimes(1);
    expect((apply.mock.calls[0]?.[0] ?? []).map((w: CellWrite) => `${w.sheet}!${w.cell}`)).toEqual([
      '评分表!G8',
      '满意度调查!G4',
      '满意度调查!G5',
      '满意度调查!G6',
      '满意度调查!G7',
    ]);
    // The fill creates no finding (the typed 合计 was typed before the score was filled), and none is left.
    await waitFor(() => expect(findingItems().map((i) => i.textContent)).toEqual([]));
    expect(screen.getByRole('region', { name: '评分概况' }).textContent).toContain('提示 0');
    expect((button('撤销') as HTMLButtonElement).disabled).toBe(false);

    click(await screen.findByRole('button', { name: '撤销' }));
    await screen.findByText('已撤销，恢复 5 个单元格。');
    await waitFor(() => expect(findingItems()).toHaveLength(5));
    expect((button('撤销') as HTMLButtonElement).disabled).toBe(true);
  });

  it('offers a fix only where the plan can write, and previews just that cell', async () => {
    const host = openHost();
    const apply = jest.spyOn(host, 'applyWrites');
    await renderScanned(host);
    // A blank is filled (填写); a wrong value would be corrected (修正).
    const fixes = screen.getAllByRole('button', { name: /^(填写|修正) / });
    expect(fixes.map((b) => [b.getAttribute('aria-label'), b.textContent])).toEqual([
      ['填写 评分表!G8', '填写'],
      ['填写 满意度调查!G4', '填写'],
      ['填写 满意度调查!G5', '填写'],
      ['填写 满意度调查!G6', '填写'],
      ['填写 满意度调查!G7', '填写'],
    ]);
    expect(screen.queryByRole('button', { name: /评分表!A22/ })).toBeNull();
    fireEvent.click(button('填写 评分表!G8'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: '填写 · 预览' })).toBeTruthy();
    expect(within(dialog).getAllByTestId('preview-item')).toHaveLength(1);
    expect(within(dialog).getByText('评分表!G8')).toBeTruthy();
    click(within(dialog).getByRole('button', { name: '应用' }));
    await waitFor(() => expect(apply).toHaveBeenCalledTimes(1));
    expect(apply.mock.calls[0]?.[0]).toHaveLength(1);
    // score/missing goes; the fill creates no finding of its own.
    await waitFor(() => expect(findingItems()).toHaveLength(4));
    expect(screen.queryByText('合计 93.36 是手填的常数，而同行的合计 F19 是公式')).toBeNull();
  });

  it('settings: an invalid value is refused with the field named; a valid change is saved and re-checks', async () => {
    const host = openHost();
    const save = jest.spyOn(host, 'saveProfile');
    await renderScanned(host);
    fireEvent.click(await menuItem('设置'));
    const drawer = await screen.findByRole('dialog');
    // The menu hands focus back to its button as it closes; a user's next step moves it into the drawer.
    act(() => drawer.querySelector<HTMLElement>('input')?.focus());
    expect(within(drawer).getAllByRole('combobox')).toHaveLength(RULES.length);
    expect((within(drawer).getByRole('textbox', { name: '等级 1' }) as HTMLInputElement).value).toBe('优');
    const rate = within(drawer).getByRole('spinbutton', { name: '比率小数位数' });
    fireEvent.change(rate, { target: { value: '-1' } });
    click(within(drawer).getByRole('button', { name: '保存' }));
    expect((await within(drawer).findByRole('alert')).textContent).toBe(
      '设置有误，未保存：字段 rateDecimals 过小（最小 0）',
    );
    expect(save).not.toHaveBeenCalled();

    fireEvent.change(rate, { target: { value: '2' } });
    fireEvent.change(within(drawer).getByRole('combobox', { name: '可自动填写' }), { target: { value: 'off' } });
    click(within(drawer).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect((save.mock.calls[0]?.[0] as Profile).rules).toEqual({ 'derived/missing': 'off' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(findingItems()).toHaveLength(1));
    expect(screen.getByText('设置已保存。')).toBeTruthy();
  });

  it('shows a notice when the saved profile is invalid and uses the defaults', async () => {
    localStorage.setItem('score-audit.profile', JSON.stringify({ rateDecimals: 'two' }));
    await renderScanned(openHost());
    expect(screen.getByText(/^工作簿中保存的设置无效，已改用默认设置：字段 rateDecimals/)).toBeTruthy();
    expect(findingItems()).toHaveLength(5);
  });

  it('live toggle subscribes to changes and unsubscribes', async () => {
    const host = openHost();
    // Live mode means something only where the workbook can change behind the pane: in Excel.
    Object.defineProperty(host, 'kind', { value: 'excel' });
    const stop = jest.fn();
    const onChanged = jest.spyOn(host, 'onChanged').mockResolvedValue(stop);
    await renderScanned(host);
    expect(button('重新检查')).toBeTruthy();
    fireEvent.click(button('更多操作'));
    fireEvent.click(await screen.findByRole('menuitemcheckbox', { name: '实时检查' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    // A checkbox item keeps the menu open.
    const live = await screen.findByRole('menuitemcheckbox', { name: '实时检查' });
    await waitFor(() => expect(live.getAttribute('aria-checked')).toBe('true'));
    fireEvent.click(live);
    await waitFor(() => expect(stop).toHaveBeenCalledTimes(1));
  });

  it('speaks English when asked', async () => {
    await renderScanned(openHost(), 'en-US');
    for (const label of ['Fill all (5)', 'Undo', 'Download fixed file', 'More actions'])
      expect(button(label)).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Summary' }).textContent).toContain('Errors 1');
    expect(screen.getAllByText('Missing score')).toHaveLength(1);
    expect(screen.queryAllByText(/found none/)).toHaveLength(0);
    await menuItem('Write report sheet', 'More actions');
    // English headings stay apart: each is its own cell.
    const headings = within(screen.getByRole('table', { name: 'Level-1 indicators' }))
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headings).toEqual(['Indicator', 'Weight', 'Score', 'Rate']);
  });

  it('downloads the workbook through a Blob URL and an <a download> click', async () => {
    const host = openHost();
    await renderScanned(host);
    const created: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:http://localhost/1';
    });
    URL.revokeObjectURL = jest.fn();
    const clicks: HTMLAnchorElement[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    fireEvent.click(button('下载修复后的文件'));
    expect(clicks).toHaveLength(1);
    expect(clicks[0]?.download).toBe('评分表示例（已审核）.xlsx');
    expect(clicks[0]?.href).toBe('blob:http://localhost/1');
    expect(created[0]?.size).toBe(host.download().bytes.length);
  });

  it('renders workbook text as text, never as HTML', async () => {
    const evil = '<img src=x onerror="globalThis.hacked=1">';
    const sheet: Sheet = {
      name: evil,
      visibility: 'visible',
      // A figure beside the text: a sheet with figures and nothing recognised is reported (text alone is quiet).
      cells: [
        { row: 0, col: 0, value: { type: 'text', value: evil } },
        { row: 0, col: 1, value: { type: 'number', value: 1 } },
      ],
      merges: [],
    };
    const snapshot: WorkbookSnapshot = { sheets: [sheet] };
    const host: WorkbookHost = {
      kind: 'excel',
      title: evil,
      readSnapshot: async () => snapshot,
      readSheets: async () => [sheet],
      applyWrites: async () => undefined,
      undoDepth: () => 0,
      undoLast: async () => 0,
      select: async () => undefined,
      writeReport: async (_r: CheckResult) => undefined,
      onChanged: async () => () => undefined,
      loadProfile: async () => undefined,
      saveProfile: async (_p: Profile) => undefined,
    };
    const { container } = render(<App host={host} lang="zh-CN" />);
    await screen.findByRole('heading', { name: `${evil}（1）` });
    expect(container.querySelector('img')).toBeNull();
    expect((globalThis as { hacked?: number }).hacked).toBeUndefined();
    expect(screen.queryByRole('button', { name: '下载修复后的文件' })).toBeNull();
  });
});

describe('edits on site in the standalone page’s preview', () => {
  let whatIf: Uint8Array;
  beforeAll(async () => {
    whatIf = await whatIfWorkbook();
  }, 60_000);

  function openWhatIf(selection: SelectionStore): FileHost {
    const host = openedFileHost('评分表（公式）.xlsx', whatIf, 'zh-CN', (t, r) => selection.set(t, r));
    return host;
  }
  const cellIn = (preview: HTMLElement, address: string) =>
    preview.querySelector(`td[data-cell="${address}"]`) as HTMLElement;

  it('shows the total’s scores, refuses text, previews a score with what moves, applies, and undoes', async () => {
    const selection = createSelectionStore();
    const host = openWhatIf(selection);
    const apply = jest.spyOn(host, 'applyWrites');
    await renderScanned(host, 'zh-CN', selection);
    expect(screen.getByTestId('grade').textContent).toBe('优');

    // The total opens the preview around its cell with every score it adds up.
    click(button(/^总分 93\.36：在预览中查看/));
    const preview = await screen.findByTestId('sheet-preview');
    expect(within(preview).getByText('工作表“评分表”，单元格 G19')).toBeTruthy();
    expect(cellIn(preview, 'G19').getAttribute('data-mark')).toBe('target');
    // The total is a formula: nothing to edit there. The scores are typed: each is a button.
    expect(within(cellIn(preview, 'G19')).queryByRole('button')).toBeNull();
    // Each typed number is a button named by the number it shows, described by what it does.
    const g13 = within(cellIn(preview, 'G13')).getByRole('button', { name: '10.00' });
    expect(g13.getAttribute('title')).toBe('修改 评分表!G13');
    click(g13);
    const input = within(preview).getByRole('textbox', { name: '评分表!G13 的新值' }) as HTMLInputElement;
    expect(input.value).toBe('10.00');

    // Text typed is data: a formula or a word is refused in the user's language, and nothing opens.
    fireEvent.change(input, { target: { value: '=G14*2' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((await within(preview).findByRole('alert')).textContent).toBe(
      '“=G14*2”像是公式：这里只能输入数字，如 1,234.5 或 93.5%。',
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.change(input, { target: { value: '5' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: '现场修改 · 预览', hidden: true })).toBeTruthy();
    expect(dialog.textContent).toContain('将修改 评分表!G13，7 个公式随之重算');
    const item = within(dialog).getByTestId('preview-item');
    expect(item.textContent).toContain('评分表!G13');
    expect(item.textContent).toContain('10.00 → 5.00');
    expect(item.querySelector('code')).toBeNull();
    const moved = within(dialog)
      .getAllByTestId('preview-dependent')
      .map((d) => [d.querySelector('span')?.textContent, d.querySelector('div + div')?.textContent]);
    expect(moved).toEqual(
      expect.arrayContaining([
        ['评分表!G19', '93.36 → 88.36'],
        ['结论表!E4', '优 → 良'],
        ['汇总表!D5', '100.00% → 83.33%'],
      ]),
    );
    // The grid shows the new values while the user confirms; nothing is written yet.
    expect(cellIn(preview, 'G13').getAttribute('data-pending')).toBe('true');
    expect(cellIn(preview, 'G19').textContent).toBe('88.36');
    expect(apply).not.toHaveBeenCalled();
    expect(screen.getByTestId('total-score').textContent).toBe('93.36');

    click(within(dialog).getByRole('button', { name: '应用', hidden: true }));
    await screen.findByText('已修改 评分表!G13，7 个公式随之重算；修改已记入“审核记录”工作表，可以撤销。');
    expect(apply).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByTestId('total-score').textContent).toBe('88.36'));
    expect(screen.getByTestId('grade').textContent).toBe('良');
    // The cell shows its new number (the button's name ends with what the cell shows).
    expect(within(cellIn(preview, 'G13')).getByRole('button').textContent).toBe('5.00');
    expect(cellIn(preview, 'G13').getAttribute('data-pending')).toBeNull();

    click(await screen.findByRole('button', { name: '撤销' }));
    await screen.findByText('已撤销，恢复 1 个单元格。');
    await waitFor(() => expect(screen.getByTestId('total-score').textContent).toBe('93.36'));
    expect(screen.getByTestId('grade').textContent).toBe('优');
  });

  it('cancel writes nothing and puts the grid back; the add-in offers no editing', async () => {
    const selection = createSelectionStore();
    const host = openWhatIf(selection);
    const apply = jest.spyOn(host, 'applyWrites');
    await renderScanned(host, 'en-US', selection);
    click(button(/^Total score 93\.36/));
    const preview = await screen.findByTestId('sheet-preview');
    click(within(cellIn(preview, 'G18')).getByRole('button', { name: '9.36', description: 'Change 评分表!G18' }));
    const input = within(preview).getByRole('textbox', { name: 'New value of 评分表!G18' });
    fireEvent.change(input, { target: { value: 'abc' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((await within(preview).findByRole('alert')).textContent).toBe(
      '“abc” is not a number: type a number, such as 1,234.5 or 93.5%.',
    );
    fireEvent.change(input, { target: { value: '1,0' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(within(preview).queryByRole('textbox')).toBeNull();
    click(within(cellIn(preview, 'G18')).getByRole('button', { name: '9.36' }));
    const again = within(preview).getByRole('textbox', { name: 'New value of 评分表!G18' });
    fireEvent.change(again, { target: { value: '8' } });
    fireEvent.keyDown(again, { key: 'Enter' });
    const dialog = await screen.findByRole('dialog');
    expect(cellIn(preview, 'G19').textContent).toBe('92.00');
    click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(cellIn(preview, 'G19').textContent).toBe('93.36');
    expect(cellIn(preview, 'G18').getAttribute('data-pending')).toBeNull();
    expect(apply).not.toHaveBeenCalled();
    cleanup();

    // Inside Excel the user edits in Excel: no preview grid, so nothing to edit here; the total selects its cells.
    const excel = openWhatIf(createSelectionStore());
    Object.defineProperty(excel, 'kind', { value: 'excel' });
    const select = jest.spyOn(excel, 'select');
    await renderScanned(excel);
    expect(screen.queryByTestId('sheet-preview')).toBeNull();
    click(button(/^总分 93\.36/));
    expect(select).toHaveBeenCalledWith(
      { sheet: '评分表', cell: 'G19' },
      expect.arrayContaining([
        { sheet: '评分表', cell: 'G3' },
        { sheet: '评分表', cell: 'G18' },
      ]),
    );
    expect(screen.queryByRole('button', { name: /^修改 / })).toBeNull();
  });
});

describe('standalone landing', () => {
  const input = (container: HTMLElement) => container.querySelector('input[type="file"]') as HTMLInputElement;

  it('says why a file cannot be opened, then opens a workbook by the picker', async () => {
    const { container } = render(<App host={undefined} lang="zh-CN" />);
    expect(screen.getByRole('heading', { name: '打开评分工作簿' })).toBeTruthy();
    expect(input(container).accept).toContain('.xls');
    fireEvent.change(input(container), { target: { files: [new File([new Uint8Array([1, 2, 3, 4])], 'bad.xlsx')] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^无法打开“bad\.xlsx”：.+/);
    expect(alert.textContent?.split('\n')).toHaveLength(1);

    fireEvent.change(input(container), { target: { files: [new File([bytes], '评分表.xlsx')] } });
    expect((await screen.findByTestId('total-score')).textContent).toBe('93.36');
    expect(button('下载修复后的文件')).toBeTruthy();
    fireEvent.click(await menuItem('打开其他文件'));
    expect(await screen.findByRole('heading', { name: '打开评分工作簿' })).toBeTruthy();
  });

  it('opens a dropped file', async () => {
    render(<App host={undefined} lang="en-US" />);
    const zone = screen.getByRole('region', { name: 'File drop area' });
    fireEvent.dragOver(zone, { dataTransfer: { files: [], dropEffect: 'none' } });
    fireEvent.drop(zone, { dataTransfer: { files: [new File([bytes], 'dropped.xlsx')] } });
    expect((await screen.findByTestId('total-score')).textContent).toBe('93.36');
    expect(screen.getByText('dropped.xlsx')).toBeTruthy();
  });
});

describe('entry modules', () => {
  function office(host: string | null, displayLanguage = 'zh-CN', onReady?: () => Promise<unknown>) {
    (globalThis as { Office?: unknown }).Office = {
      onReady: onReady ?? (async () => ({ host, platform: 'PC' })),
      context: { displayLanguage },
    };
  }

  it('inside Excel uses the Excel host, in Office’s language', async () => {
    office('Excel', 'en-US');
    const container = document.createElement('div');
    const host = openHost();
    let root: Awaited<ReturnType<typeof startTaskpane>> | undefined;
    await act(async () => {
      root = await startTaskpane(container, { createExcelHost: () => host });
    });
    await waitFor(() => expect(container.querySelector('[data-testid="total-score"]')?.textContent).toBe('93.36'));
    expect(container.textContent).toContain('Fill all');
    expect(document.documentElement.lang).toBe('en-US');
    act(() => root?.unmount());
  });

  it('falls back to the standalone landing outside Excel, or when Office never gets ready', async () => {
    const createExcelHost = jest.fn();
    office(null);
    const first = document.createElement('div');
    await act(async () => {
      await startTaskpane(first, { createExcelHost });
    });
    expect(first.textContent).toContain('打开评分工作簿');

    office('Excel', 'zh-CN', () => new Promise(() => undefined));
    const second = document.createElement('div');
    await act(async () => {
      await startTaskpane(second, { createExcelHost, timeoutMs: 20 });
    });
    expect(second.textContent).toContain('打开评分工作簿');
    expect(createExcelHost).not.toHaveBeenCalled();
  });

  it('the standalone page opens sample.xlsx from its own origin with ?sample=1', async () => {
    const fetched: string[] = [];
    const fetchSample = async (url: string) => {
      fetched.push(url);
      return { ok: true, status: 200, arrayBuffer: async () => new Uint8Array(bytes).buffer } as Response;
    };
    const container = document.createElement('div');
    await act(async () => {
      await startStandalone(container, 'http://localhost:3000/standalone.html?sample=1', fetchSample);
    });
    expect(fetched).toEqual(['http://localhost:3000/sample.xlsx']);
    await waitFor(() => expect(container.querySelector('[data-testid="total-score"]')?.textContent).toBe('93.36'));

    const none = document.createElement('div');
    const failing = jest.fn(
      async () => ({ ok: false, status: 404, arrayBuffer: async () => new ArrayBuffer(0) }) as Response,
    );
    await act(async () => {
      await startStandalone(none, 'http://localhost:3000/standalone.html?sample=1', failing);
    });
    // jsdom's navigator.language is en-US: the standalone page follows the browser.
    expect(none.textContent).toContain('The sample workbook could not be loaded.');
    const plain = document.createElement('div');
    const unused = jest.fn();
    await act(async () => {
      await startStandalone(plain, 'http://localhost:3000/standalone.html', unused);
    });
    expect(unused).not.toHaveBeenCalled();
    expect(plain.textContent).toContain('Open a scoring workbook');
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { ProgressBar } from '../../src/cli/progress';
import { displayWidth } from '../../src/cli/text-width';
import { buildWorkbook, VARIANTS } from '../fixtures/build-workbook';
import { seed003 } from '../fixtures/seeds/seed003';

/** A terminal stand-in that records what is drawn, and each stdout line with the screen line it interrupted. */
function terminal(columns: number) {
  const log: string[] = [];
  return { log, stream: { isTTY: true, columns, write: (text: string) => log.push(text) } };
}

/** What the terminal's current line shows after the writes: `\r\x1b[K` starts it afresh. */
function screenLine(writes: string[]): string {
  const text = writes.join('');
  return text.slice(text.lastIndexOf('\r\x1b[K') + 4);
}

describe('progress bar', () => {
  it('draws one line that fits the terminal, CJK names counted double width, and clears it', () => {
    const { log, stream } = terminal(60);
    const bar = new ProgressBar(stream, 200, 'zh-CN');
    bar.update(50, 'reports/2024/区县/某某项目支出绩效评价评分表（最终稿）.xlsx');
    const line = screenLine(log);
    expect(line).toMatch(/^\[█{5}░{15}\] 已检查 50\/200 {2}25% {2}…/);
    expect(line.endsWith('（最终稿）.xlsx')).toBe(true);
    expect(displayWidth(line)).toBeLessThan(60);
    bar.clear();
    expect(screenLine(log)).toBe('');
    bar.clear();
    expect(log).toHaveLength(2); // a second clear writes nothing
  });

  it('shows control characters of a file name as ?, so a name cannot drive the terminal', () => {
    const { log, stream } = terminal(80);
    new ProgressBar(stream, 1, 'en-US').update(1, 'a\x1b[31mred\r.xlsx');
    expect(screenLine(log)).toMatch(/checked 1\/1 {2}100% {2}a\?\[31mred\?\.xlsx$/);
  });
});

describe('check draws the bar only on a terminal and only for text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'score-audit-progress-'));
  const files = ['a.xlsx', 'b.xlsx', 'c.xlsx'].map((name) => join(dir, name));

  beforeAll(async () => {
    const { bytes } = await buildWorkbook(seed003, VARIANTS[0] as (typeof VARIANTS)[number]);
    for (const file of files) writeFileSync(file, bytes);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function check(format: string, isTTY: boolean) {
    const { log, stream } = terminal(100);
    const out: string[] = [];
    await main(['check', ...files, '--format', format, '--jobs', '1'], {
      out: (text) => out.push(text),
      err: (text) => stream.write(`${text}\n`),
      errStream: { ...stream, isTTY },
    });
    return { log, out };
  }

  it('counts each file and takes the bar off the line before a report is printed and at the end', async () => {
    const drawn: string[] = [];
    const { log: writes, stream } = terminal(100);
    await main(['check', ...files, '--jobs', '1'], {
      out: (text) => drawn.push(screenLine(writes) + '|' + text.split('\n')[0]),
      err: (text) => stream.write(`${text}\n`),
      errStream: stream,
    });
    expect(writes.filter((w) => w.includes('已检查')).map((w) => /已检查 (\d)\/3/.exec(w)?.[1])).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(drawn.every((line) => line.startsWith('|'))).toBe(true); // nothing of the bar left on the line
    expect(screenLine(writes)).toBe('');
  });

  it('stays quiet when stderr is not a terminal or the format is json, csv or html', async () => {
    expect((await check('text', false)).log).toEqual([]);
    for (const format of ['json', 'csv', 'html']) expect((await check(format, true)).log).toEqual([]);
  });
});

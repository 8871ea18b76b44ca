import { fork, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { RULES } from '../../src/core/rules';
import { checkFile, toWire, type FileCheck } from '../../src/cli/check-file';
import { collectFiles } from '../../src/cli/collect-files';
import { csvField } from '../../src/cli/report-csv';
import { EXIT, main } from '../../src/cli/main';
import { checkFiles, type WorkerReply } from '../../src/cli/pool';
import { launchChromium } from '../e2e/harness';
import { loopingXls } from '../fixtures/bad-files';
import {
  BIN,
  BUILT_WORKER,
  buildCli,
  FORMULA_SHEET,
  MARKUP,
  writeBatchFolder,
  type BatchFolder,
} from './batch-fixtures';

// Most tests here run the built command line in child processes, several per test: 5 s is too short on a loaded machine.
jest.setTimeout(60_000);

const work = mkdtempSync(join(tmpdir(), 'score-audit-batch-'));
const dir = join(work, 'reports');
let batch: BatchFolder;
/**
 * `check FOLDER --format json --jobs 1` run once in this process, for the tests that read the folder's report: what
 * the built command line must print with its workers, and what the CSV and HTML reports are held against.
 */
let inProcess: { code: number; out: string; err: string };
let folderReport: ContractEntry[];

/** The folder's workbooks and unreadable files in the order the report must list them: by path segment, by code unit. */
const ORDER = [
  '2023/seed000-merged.xlsx',
  '2023/seed002-labels.xlsx',
  '2023/seed004-filldown.xlsx',
  `2024/${MARKUP}.xlsx`,
  '2024/区县/seed001-filldown.xlsx',
  '2024/区县/seed003-merged.xlsx',
  '2024/宏文件.XLSM',
  '2024/退回/broken.xlsx',
  '2024/退回/locked.xlsx',
  '2024/退回/word.xlsx',
  'empty.xls',
];

interface ContractEntry {
  file: string;
  ok: boolean;
  error?: string;
  summary: { totalScore: number | null; grade: string | null; errors: number; warnings: number; infos: number };
  findings: Array<{ code: string; severity: string; sheet: string; cell: string; message: string }>;
}

/** Runs the built command line (bin/score-audit.js → dist/cli/main.js), as a reviewer would. */
function cli(args: string[], cwd = work): { code: number | null; out: string; err: string } {
  // The language comes from the environment when --lang is not given: these runs pin the default (Chinese).
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function run(
  argv: string[],
  errStream?: { isTTY: boolean; columns: number; write: (text: string) => void },
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), errStream });
  return { code, out, err };
}

/** RFC 4180, as a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (quoted) field += char;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  return rows;
}

beforeAll(async () => {
  buildCli();
  batch = await writeBatchFolder(dir);
  inProcess = await run(['check', dir, '--format', 'json', '--jobs', '1']);
  folderReport = JSON.parse(inProcess.out) as ContractEntry[];
}, 300_000);

describe('collecting files from folders and patterns', () => {
  it('walks a folder for .xlsx/.xls/.xlsm at any depth, in a stable order, skipping lock files and hidden entries', async () => {
    const { files, empty } = await collectFiles([dir]);
    expect(files).toEqual(ORDER.map((relative) => join(dir, relative)));
    expect(empty).toEqual([]);
    for (const skipped of batch.skipped) expect(files).not.toContain(join(dir, skipped));
  });

  it('matches glob patterns, keeps plain files as named and in argument order, and lists each file once', async () => {
    writeFileSync(join(work, '[draft].xlsx'), 'x');
    const named = [join(dir, 'empty.xls'), join(work, '[draft].xlsx'), join(work, 'missing.xlsx')];
    const pattern = join(dir, '2024', '**', '*.xlsx');
    const { files, empty } = await collectFiles([
      ...named,
      pattern,
      join(dir, '2024', '退回'),
      join(dir, 'nothing', '*.xlsx'),
    ]);
    const inPattern = ORDER.filter((f) => f.startsWith('2024/') && f.endsWith('.xlsx')).map((f) => join(dir, f));
    expect(files).toEqual([...named, ...inPattern]);
    expect(empty).toEqual([join(dir, 'nothing', '*.xlsx')]); // 退回 gave only files the pattern had found
  });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('check over a folder with the built command line', () => {
  it('accounts for every file in order, in worker threads or in-process alike, and exits 2 for the unreadable ones', () => {
    const workers = cli(['check', dir, '--format', 'json', '--jobs', '2']);
    expect(workers.out).toBe(inProcess.out);
    expect(workers.code).toBe(EXIT.unusable);
    const report = JSON.parse(workers.out) as ContractEntry[];
    expect(report.map((entry) => entry.file)).toEqual(ORDER.map((relative) => join(dir, relative)));
    const unreadable = new Set(batch.unreadable.map((relative) => join(dir, relative)));
    for (const entry of report) {
      expect(entry.ok).toBe(!unreadable.has(entry.file));
      expect(Object.keys(entry).sort()).toEqual(
        entry.ok ? ['file', 'findings', 'ok', 'summary'] : ['error', 'file', 'findings', 'ok', 'summary'],
      );
    }
    expect(report.find((entry) => entry.file.endsWith('locked.xlsx'))?.error).toContain('密码');
    expect(report.find((entry) => entry.file.endsWith('empty.xls'))?.error).toContain('0 字节');
    expect(
      report
        .filter((entry) => entry.ok)
        .every(
          (entry) => entry.summary.errors + entry.summary.warnings + entry.summary.infos === entry.findings.length,
        ),
    ).toBe(true);
    expect(workers.err.trim().split('\n')).toEqual(
      report.filter((entry) => !entry.ok).map((entry) => `${entry.file}：${entry.error}`),
    );
  });

  it('prints text in the same order, without a progress bar when stderr is not a terminal', () => {
    const { out, err } = cli(['check', dir, '--lang', 'en-US']);
    const headers = out.split('\n').filter((line) => line.startsWith(dir));
    expect(headers.map((line) => line.slice(dir.length + 1).split('  ')[0])).toEqual(
      ORDER.filter((f) => !batch.unreadable.includes(f)),
    );
    expect(err).not.toContain('\r');
    expect(err).not.toContain('\x1b');
  });

  it('selects files by a quoted pattern relative to the working folder', () => {
    const { code, out } = cli(['check', 'reports/2023/**/*.xlsx', '--format', 'json']);
    const files = (JSON.parse(out) as ContractEntry[]).map((entry) => entry.file);
    expect(files).toEqual(ORDER.filter((f) => f.startsWith('2023/')).map((f) => `reports/${f}`));
    expect(code).not.toBe(EXIT.unusable);
    const none = cli(['check', 'reports/**/*.docx']);
    expect(none.code).toBe(EXIT.unusable);
    expect(none.err).toContain('reports/**/*.docx：没有找到工作簿');
  });
});

describe('worker processes', () => {
  it('runs the compiled worker entry and gets the same result as checking in-process', async () => {
    const file = join(dir, '2023', 'seed000-merged.xlsx');
    const worker = fork(BUILT_WORKER, [], { serialization: 'advanced' });
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.send({ setup: { lang: 'en-US', profile: DEFAULT_PROFILE } });
      worker.send({ index: 7, file });
    });
    worker.disconnect();
    expect(reply).toEqual({
      index: 7,
      check: toWire(await checkFile(file, { lang: 'en-US', profile: DEFAULT_PROFILE })),
    });
  }, 60_000);

  it('reports a file whose worker dies as unreadable and finishes the rest with a new worker', async () => {
    const crashing = join(work, 'crashing-worker.js');
    writeFileSync(
      crashing,
      `process.on('message', (job) => { if (job.file?.endsWith('broken.xlsx')) throw new Error('worker fell over'); });\nrequire(${JSON.stringify(BUILT_WORKER)});\n`,
    );
    const files = ORDER.map((relative) => join(dir, relative));
    const results: Array<[number, FileCheck]> = [];
    await checkFiles(files, {
      jobs: 2,
      lang: 'zh-CN',
      profile: DEFAULT_PROFILE,
      workerScript: crashing,
      onResult: (index, check) => results.push([index, check]),
    });
    expect(results.map(([index]) => index).sort((a, b) => a - b)).toEqual(files.map((_, index) => index));
    const crashed = results.find(([, check]) => check.file.endsWith('broken.xlsx'))?.[1];
    expect(crashed).toMatchObject({ ok: false, error: { kind: 'corrupt', detail: 'worker fell over' } });
    const after = results.find(([, check]) => check.file.endsWith('word.xlsx'))?.[1];
    expect(after).toMatchObject({ ok: false, error: { kind: 'not-workbook' } });
    expect(results.filter(([, check]) => check.ok)).toHaveLength(ORDER.length - batch.unreadable.length);
  }, 60_000);

  it('contains a fatal error of the engine (no handler runs) to the file that caused it', async () => {
    // process.abort() ends the process as a V8 fatal error does: no exception, no reply, a signal.
    const aborting = join(work, 'aborting-worker.js');
    writeFileSync(
      aborting,
      `process.on('message', (job) => { if (job.file?.endsWith('broken.xlsx')) process.abort(); });\nrequire(${JSON.stringify(BUILT_WORKER)});\n`,
    );
    const files = ORDER.map((relative) => join(dir, relative));
    const results: Array<[number, FileCheck]> = [];
    await checkFiles(files, {
      jobs: 2,
      lang: 'zh-CN',
      profile: DEFAULT_PROFILE,
      workerScript: aborting,
      onResult: (index, check) => results.push([index, check]),
    });
    expect(results.map(([index]) => index).sort((a, b) => a - b)).toEqual(files.map((_, index) => index));
    const crashed = results.find(([, check]) => check.file.endsWith('broken.xlsx'))?.[1];
    expect(crashed).toMatchObject({ ok: false, error: { kind: 'corrupt', detail: 'worker ended by SIGABRT' } });
    expect(results.filter(([, check]) => check.ok)).toHaveLength(ORDER.length - batch.unreadable.length);
  }, 60_000);

  it('reports the .xls whose sector chain loops unreadable, alone or beside a good file, with the good file intact', () => {
    const loop = join(work, 'loop.xls');
    writeFileSync(loop, loopingXls());
    const good = join(dir, '2023', 'seed000-merged.xlsx');
    const alone = cli(['check', loop]);
    expect(alone.code).toBe(EXIT.unusable);
    expect(alone.err.trim()).toBe(`${loop}：文件已损坏，无法读取`);
    // The good file as checked without the looping one: its entry in the folder's report.
    const goodInFolder = folderReport.find((entry) => entry.file === good);
    expect(goodInFolder).toBeDefined();
    for (const jobs of ['1', '2']) {
      const both = cli(['check', '-j', jobs, loop, good, '--format', 'json']);
      expect(both.code).toBe(EXIT.unusable);
      const report = JSON.parse(both.out) as ContractEntry[];
      expect(report.map((entry) => [entry.file, entry.ok])).toEqual([
        [loop, false],
        [good, true],
      ]);
      expect(report[1]).toEqual(goodInFolder);
    }
  }, 60_000);
});

describe('exit codes', () => {
  it('gives 1 for error findings, 0 when there are none, 2 for an unreadable file or wrong arguments', async () => {
    const readable = ORDER.filter((f) => !batch.unreadable.includes(f)).map((f) => join(dir, f));
    const errors = await run(['check', ...readable, '--format', 'json']);
    const anyError = (JSON.parse(errors.out) as ContractEntry[]).some((entry) => entry.summary.errors > 0);
    expect(anyError).toBe(true);
    expect(errors.code).toBe(EXIT.errors);
    writeFileSync(
      join(work, 'silent.json'),
      JSON.stringify({ rulesOff: RULES.filter((rule) => rule.severity === 'error').map((rule) => rule.code) }),
    );
    expect((await run(['check', ...readable, '--profile', join(work, 'silent.json')])).code).toBe(EXIT.clean);
    expect((await run(['check', dir, '--profile', join(work, 'silent.json')])).code).toBe(EXIT.unusable);
    expect((await run(['check', join(dir, 'nothing-here', '*.xlsx')])).code).toBe(EXIT.unusable);
    expect((await run(['check', dir, '--jobs', '0'])).code).toBe(EXIT.unusable);
    expect((await run(['check', dir, '--format', 'xml'])).err).toContain('text, json, csv, html');
    const overwrite = await run(['check', join(dir, 'empty.xls'), '-o', join(dir, 'empty.xls')]);
    expect(overwrite.code).toBe(EXIT.unusable);
    expect(readFileSync(join(dir, 'empty.xls'))).toHaveLength(0);
  });
});

describe('CSV report', () => {
  it('quotes by RFC 4180 and keeps text that starts like a formula from being evaluated', () => {
    expect(
      ['=SUM(A1)', '+1', '-2+3', '@cmd', '\t=1', 'plain', 'a,b', 'say "hi"', 'two\nlines', '=HYPERLINK("x","y")'].map(
        csvField,
      ),
    ).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-2+3",
      "'@cmd",
      "'\t=1",
      'plain',
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      `"'=HYPERLINK(""x"",""y"")"`,
    ]);
    expect([-3, 0.9143, null, undefined].map(csvField)).toEqual(['-3', '0.9143', '', '']); // numbers are the engine's, not text
  });

  it('has a BOM, a header, a row per finding and per unreadable file, RFC 4180 quoting and no formula-looking text', async () => {
    const output = join(work, 'report.csv');
    const { code, out } = await run(['check', dir, '--format', 'csv', '-o', output]);
    expect(code).toBe(EXIT.unusable);
    expect(out).toContain(output);
    const json = folderReport;
    const text = readFileSync(output, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([
      '文件',
      '状态',
      '总分',
      '等级',
      '级别',
      '规则',
      '代码',
      '工作表',
      '单元格',
      '说明',
      '应为',
      '实为',
    ]);
    expect(rows.every((row) => row.length === header?.length)).toBe(true);
    expect(rows).toHaveLength(json.reduce((n, entry) => n + Math.max(1, entry.findings.length), 0));
    for (const entry of json) {
      const own = rows.filter((row) => row[0] === entry.file);
      if (!entry.ok) expect(own).toEqual([[entry.file, '无法读取', '', '', '', '', '', '', '', entry.error, '', '']]);
      else if (entry.findings.length === 0)
        expect(own.map((row) => row.slice(4))).toEqual([['', '', '', '', '', '未发现问题', '', '']]);
      else
        expect(own.map((row) => [row[6], row[7], row[8], row[9]])).toEqual(
          entry.findings.map((f) => [f.code, f.sheet.startsWith('=') ? `'${f.sheet}` : f.sheet, f.cell, f.message]),
        );
    }
    expect(rows.some((row) => row[7] === `'${FORMULA_SHEET}`)).toBe(true);
    expect(rows.some((row) => row[7] === MARKUP)).toBe(true);
    expect(rows.some((row) => /["“]/.test(row[9] as string))).toBe(true);
  });

  it('writes to stdout without -o', async () => {
    const { out } = await run(['check', join(dir, 'empty.xls'), '--format', 'csv', '--lang', 'en-US']);
    expect(out).toBe(
      `\uFEFFFile,Status,Total score,Grade,Severity,Rule,Code,Sheet,Cell,Message,Expected,Actual\r\n${join(dir, 'empty.xls')},unreadable,,,,,,,,the file is empty (0 bytes),,\n`,
    );
  });
});

describe('HTML report', () => {
  const output = join(work, 'report.html');
  let html = '';
  let json: ContractEntry[] = [];
  let browser: Browser;

  beforeAll(async () => {
    const result = await run(['check', dir, '--format', 'html', '-o', output]);
    expect(result.code).toBe(EXIT.unusable);
    html = readFileSync(output, 'utf8');
    json = folderReport;
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => browser?.close());

  it('is one file that loads nothing, allows only its own script and style, and escapes workbook text', () => {
    expect(json.some((entry) => entry.findings.some((f) => f.sheet === MARKUP))).toBe(true);
    expect(json.some((entry) => entry.findings.some((f) => f.message.includes(MARKUP)))).toBe(true);
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; script-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'none'">/,
    );
    expect(html).not.toMatch(/\b(src|href)="(?!#)/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('shows the text escaped in Chromium, runs no workbook script, sorts by its headers and makes no request', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    const dialogs: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    const url = pathToFileURL(output).href;
    await page.goto(url);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#summary tbody tr').count()).toBe(ORDER.length);
    expect(await page.locator('h3').allTextContents()).toContain(join(dir, '2024', `${MARKUP}.xlsx`));
    expect(await page.locator('td', { hasText: MARKUP }).count()).toBeGreaterThan(0);

    const errorsColumn = () =>
      page.$$eval('#summary tbody tr', (rows) =>
        rows.map((row) => {
          const { cells } = row as HTMLTableRowElement;
          return cells.length === 6 ? Number(cells[3]?.textContent) : null;
        }),
      );
    const unreadableLast = (values: Array<number | null>) =>
      values.slice(values.indexOf(null)).every((v) => v === null);
    await page.getByRole('button', { name: '错误' }).click();
    const ascending = await errorsColumn();
    expect(ascending.filter((v) => v !== null)).toEqual(
      json
        .filter((e) => e.ok)
        .map((e) => e.summary.errors)
        .sort((a, b) => a - b),
    );
    expect(unreadableLast(ascending)).toBe(true);
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toBe('错误');
    await page.getByRole('button', { name: '错误' }).click();
    const descending = await errorsColumn();
    expect(descending.filter((v) => v !== null)).toEqual(
      json
        .filter((e) => e.ok)
        .map((e) => e.summary.errors)
        .sort((a, b) => b - a),
    );
    expect(unreadableLast(descending)).toBe(true);

    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  }, 60_000);

  it('reads the same with scripts off, headers plain', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pathToFileURL(output).href);
    expect(await page.locator('#summary tbody tr').count()).toBe(ORDER.length);
    expect(await page.locator('section').count()).toBe(ORDER.length);
    expect(await page.locator('th button').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    await context.close();
  }, 60_000);
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { checkWorkbook as CheckWorkbook } from '../src/core/check';
import type { sheetFormulas as SheetFormulas } from '../src/core/formula/sheet-formulas';
import type { DEFAULT_PROFILE as DefaultProfile } from '../src/core/profile';
import type { recognizeWorkbook as RecognizeWorkbook } from '../src/core/recognize';
import type { formulaStale as FormulaStale } from '../src/core/rules/formula-stale';
import type { readWorkbook as ReadWorkbook } from '../src/file/read-workbook';
import { generateWorkbook } from './generate';

/**
 * `npm run bench`: read + recognise + check workbooks of 20k, 200k and 400k cells, with the built engine. Each size runs in its own
 * process so peak memory (max RSS) belongs to that size alone. Prints cells/s, the check/parse ratio (goal:
 * ≤ 1.5× at 200k), the whole check against a SheetJS (`@e965/xlsx`) parse of the same file in a fresh process of its own
 * (goal: ≤ 1.0× at 200k) and how cost grows with cells (goal: linear).
 */
const SIZES = [20_000, 200_000, 400_000];
const REPEATS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * The engine as users run it: the tsc build the CLI ships. Under tsx every closure the engine creates also goes
 * through a naming helper, which would time tsx rather than the engine.
 */
function builtEngine(): { readWorkbook: typeof ReadWorkbook; checkWorkbook: typeof CheckWorkbook } {
  const load = createRequire(__filename);
  const { readWorkbook } = load('../dist/file/read-workbook') as { readWorkbook: typeof ReadWorkbook };
  const { checkWorkbook } = load('../dist/core/check') as { checkWorkbook: typeof CheckWorkbook };
  return { readWorkbook, checkWorkbook };
}

/**
 * The evaluator's share of the check: formula/stale evaluates every formula of the workbook. Timed on its own, after
 * the formulas' tokens are read (the other formula rules read them anyway), so this is what evaluation adds.
 */
function evaluatorMs(snapshot: Parameters<typeof CheckWorkbook>[0]): number {
  const load = createRequire(__filename);
  const { recognizeWorkbook } = load('../dist/core/recognize') as { recognizeWorkbook: typeof RecognizeWorkbook };
  const { sheetFormulas } = load('../dist/core/formula/sheet-formulas') as { sheetFormulas: typeof SheetFormulas };
  const { formulaStale } = load('../dist/core/rules/formula-stale') as { formulaStale: typeof FormulaStale };
  const { DEFAULT_PROFILE } = load('../dist/core/profile') as { DEFAULT_PROFILE: typeof DefaultProfile };
  const { model, grids } = recognizeWorkbook(snapshot, DEFAULT_PROFILE);
  for (const grid of grids.values()) sheetFormulas(grid);
  const start = performance.now();
  formulaStale.check({
    snapshot,
    grids,
    model,
    profile: DEFAULT_PROFILE,
    analysis: { rates: [], expectations: [] } as never,
  });
  return performance.now() - start;
}

/** SheetJS (`@e965/xlsx`) reading the same bytes: the bar the whole check is held to (≤ 1.0× its parse). */
function measureSheetJs(file: string): void {
  const load = createRequire(__filename);
  const XLSX = load('@e965/xlsx') as { read(data: Uint8Array, options: { type: 'array' }): unknown };
  const bytes = new Uint8Array(readFileSync(file));
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    XLSX.read(bytes, { type: 'array' });
    times.push(performance.now() - start);
  }
  process.stdout.write(JSON.stringify({ sheetJsMs: median(times) }));
}

function measure(file: string): void {
  const { readWorkbook, checkWorkbook } = builtEngine();
  const bytes = new Uint8Array(readFileSync(file));
  const parse: number[] = [];
  const full: number[] = [];
  const evaluation: number[] = [];
  let cells = 0;
  for (let i = 0; i < REPEATS; i++) {
    let start = performance.now();
    const read = readWorkbook(bytes, file);
    parse.push(performance.now() - start);
    if (!read.ok) throw new Error(read.error.message);
    cells = read.workbook.sheets.reduce((n, s) => n + s.cells.length, 0);
    start = performance.now();
    const again = readWorkbook(bytes, file);
    if (!again.ok) throw new Error(again.error.message);
    checkWorkbook(again.workbook);
    full.push(performance.now() - start);
    const third = readWorkbook(bytes, file);
    if (third.ok) evaluation.push(evaluatorMs(third.workbook));
  }
  process.stdout.write(
    JSON.stringify({
      cells,
      parseMs: median(parse),
      checkMs: median(full),
      evaluatorMs: median(evaluation),
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

async function run(): Promise<void> {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: join(__dirname, '..'), stdio: 'inherit' });
  const dir = join(tmpdir(), 'score-audit-bench');
  mkdirSync(dir, { recursive: true });
  const rows: Array<{
    size: number;
    cells: number;
    parseMs: number;
    checkMs: number;
    evaluatorMs: number;
    maxRssMb: number;
    sheetJsMs: number;
  }> = [];
  for (const size of SIZES) {
    const file = join(dir, `bench-${size}.xlsx`);
    writeFileSync(file, await generateWorkbook(size));
    const output = execFileSync(process.execPath, [...process.execArgv, __filename, '--measure', file], {
      encoding: 'utf8',
    });
    // SheetJS in a fresh process of its own, as the engine is.
    const sheetJs = execFileSync(process.execPath, [...process.execArgv, __filename, '--sheetjs', file], {
      encoding: 'utf8',
    });
    rows.push({
      size,
      ...(JSON.parse(output) as {
        cells: number;
        parseMs: number;
        checkMs: number;
        evaluatorMs: number;
        maxRssMb: number;
      }),
      ...(JSON.parse(sheetJs) as { sheetJsMs: number }),
    });
  }
  console.log(
    'cells      parse ms   check ms   check/parse   evaluator ms   SheetJS ms   check/SheetJS   cells/s (check)   max RSS MB',
  );
  for (const r of rows) {
    console.log(
      `${String(r.cells).padEnd(10)} ${r.parseMs.toFixed(0).padStart(8)}   ${r.checkMs.toFixed(0).padStart(8)}   ${(r.checkMs / r.parseMs).toFixed(2).padStart(11)}   ${r.evaluatorMs.toFixed(0).padStart(12)}   ${r.sheetJsMs.toFixed(0).padStart(10)}   ${(r.checkMs / r.sheetJsMs).toFixed(2).padStart(13)}   ${Math.round(
        r.cells / (r.checkMs / 1000),
      )
        .toLocaleString('en-US')
        .padStart(15)}   ${r.maxRssMb.toFixed(0).padStart(10)}`,
    );
  }
  const at200 = rows.find((r) => r.size === 200_000);
  const [small, , large] = rows;
  if (at200)
    console.log(
      `goal: the whole check ≤ 1.0 × a SheetJS parse at 200k cells: ${(at200.checkMs / at200.sheetJsMs).toFixed(2)}× ${at200.checkMs / at200.sheetJsMs <= 1 ? 'met' : 'NOT met'}`,
    );
  if (small && large) {
    const perCellSmall = small.checkMs / small.cells;
    const perCellLarge = large.checkMs / large.cells;
    console.log(`time per cell, 400k vs 20k: ${(perCellLarge / perCellSmall).toFixed(2)}× (1.00 = linear)`);
  }
}

if (process.argv[2] === '--measure') measure(process.argv[3] as string);
else if (process.argv[2] === '--sheetjs') measureSheetJs(process.argv[3] as string);
else void run();

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkWorkbook } from '../src/core/check';
import { DEFAULT_MAX_CELLS, readWorkbook } from '../src/file/read-workbook';
import { largeWorkbook } from '../test/fixtures/large-workbook';

/**
 * `npm run bench:large`: a 1,000,000-cell sheet read and checked under the default cell limit, and the same file
 * refused by a lower limit. Each case runs in its own process so its peak memory (max RSS) is its own; the refused
 * read shows the reader stopping early instead of building the whole snapshot.
 */
const CELLS = 1_000_000;

interface Measure {
  outcome: string;
  readMs: number;
  checkMs: number;
  maxRssMb: number;
}

function measure(file: string, maxCells: number): void {
  const bytes = new Uint8Array(readFileSync(file));
  const baselineMb = process.resourceUsage().maxRSS / 1024;
  let start = performance.now();
  const read = readWorkbook(bytes, file, { maxCells });
  const readMs = performance.now() - start;
  let outcome: string;
  let checkMs = 0;
  if (read.ok) {
    start = performance.now();
    const { findings } = checkWorkbook(read.workbook);
    checkMs = performance.now() - start;
    outcome = `${read.workbook.sheets.reduce((n, s) => n + s.cells.length, 0).toLocaleString('en-US')} cells, ${findings.length} findings`;
  } else outcome = `refused: ${read.error.message}`;
  const result: Measure & { baselineMb: number } = {
    outcome,
    readMs,
    checkMs,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    baselineMb,
  };
  process.stdout.write(JSON.stringify(result));
}

function run(): void {
  const dir = join(tmpdir(), 'score-audit-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `large-${CELLS}.xlsx`);
  const bytes = largeWorkbook(CELLS);
  writeFileSync(file, bytes);
  console.log(`${file}: ${(bytes.length / 1024 / 1024).toFixed(1)} MB zipped`);
  console.log('max cells     read ms   check ms   max RSS MB   (process before reading)   outcome');
  for (const maxCells of [DEFAULT_MAX_CELLS, 100_000]) {
    const output = execFileSync(
      process.execPath,
      [...process.execArgv, __filename, '--measure', file, String(maxCells)],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    const r = JSON.parse(output) as Measure & { baselineMb: number };
    console.log(
      `${maxCells.toLocaleString('en-US').padEnd(12)} ${r.readMs.toFixed(0).padStart(8)}   ${r.checkMs.toFixed(0).padStart(8)}   ${r.maxRssMb.toFixed(0).padStart(10)}   ${r.baselineMb.toFixed(0).padStart(24)}   ${r.outcome}`,
    );
  }
}

if (process.argv[2] === '--measure') measure(process.argv[3] as string, Number(process.argv[4]));
else run();

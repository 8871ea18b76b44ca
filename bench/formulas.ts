import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkWorkbook } from '../src/core/check';
import type { Finding } from '../src/core/finding';
import { parseCellAddress } from '../src/core/address';
import { readWorkbook } from '../src/file/read-workbook';

/**
 * `npm run bench:formulas`: the formula rules over the ExceLint benchmark (70 EUSES workbooks with annotated
 * formula errors), scored as the ExceLint paper scores (see the benchmark's README): per workbook precision
 * (1 when nothing is flagged, 0 when anything is flagged in a workbook without annotations) and recall (over
 * workbooks with annotations); means, medians and totals. All 70 go through one `score-audit check` call of the
 * built CLI, timed; `--in-process` runs the engine here instead (for development, no build needed).
 */
const BENCHMARK = resolve(__dirname, '../../shared/benchmarks/excelint-70');
const ROOT = resolve(__dirname, '..');
/** The codes that flag formula errors; `value/text-number` is about stored values, which the annotations do not cover. */
const FORMULA_CODES = new Set(['formula/range-omits', 'formula/inconsistent', 'formula/hardcoded']);

type Annotations = Record<string, Record<string, { bugs: Array<[number, number, number]> }>>;
interface FileReport {
  file: string;
  ok: boolean;
  findings: Finding[];
}

/** Cell keys `sheet!A1`; the annotations trim trailing spaces of sheet names, so both sides are trimmed. */
const key = (sheet: string, row: number, col: number) => `${sheet.trim()}!${row},${col}`;

function annotatedCells(annotations: Annotations, workbook: string): Set<string> {
  const cells = new Set<string>();
  for (const [sheet, { bugs }] of Object.entries(annotations[workbook] ?? {})) for (const [col, row] of bugs) cells.add(key(sheet, row - 1, col - 1));
  return cells;
}

function flaggedCells(findings: Finding[]): Set<string> {
  const cells = new Set<string>();
  for (const finding of findings) {
    if (!FORMULA_CODES.has(finding.code)) continue;
    const at = parseCellAddress(finding.cell);
    if (at) cells.add(key(finding.sheet, at.row, at.col));
  }
  return cells;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? (sorted[Math.floor(mid)] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function runCli(files: string[]): { reports: FileReport[]; seconds: number } {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  const start = performance.now();
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/score-audit.js'), 'check', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0 && run.status !== 1) throw new Error(`score-audit check exited ${run.status}: ${run.stderr}`);
  return { reports: JSON.parse(run.stdout) as FileReport[], seconds };
}

function runInProcess(files: string[]): { reports: FileReport[]; seconds: number } {
  const start = performance.now();
  const reports = files.map((file): FileReport => {
    const read = readWorkbook(new Uint8Array(readFileSync(file)), file);
    return read.ok ? { file, ok: true, findings: checkWorkbook(read.workbook).findings } : { file, ok: false, findings: [] };
  });
  return { reports, seconds: (performance.now() - start) / 1000 };
}

function main(): void {
  const annotations = JSON.parse(readFileSync(join(BENCHMARK, 'annotations-processed.json'), 'utf8')) as Annotations;
  const workbooks = readdirSync(BENCHMARK).filter((name) => name.endsWith('.xlsx')).sort();
  const files = workbooks.map((name) => join(BENCHMARK, name));
  const inProcess = process.argv.includes('--in-process');
  const verbose = process.argv.includes('--verbose');
  const { reports, seconds } = inProcess ? runInProcess(files) : runCli(files);

  const precisions: number[] = [];
  const recalls: number[] = [];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let unreadable = 0;
  const byCode = new Map<string, { tp: number; fp: number }>();
  for (const [i, workbook] of workbooks.entries()) {
    const report = reports[i] as FileReport;
    if (!report.ok) unreadable++;
    const truth = annotatedCells(annotations, workbook);
    const flagged = flaggedCells(report.findings);
    const hits = [...flagged].filter((cell) => truth.has(cell)).length;
    for (const finding of report.findings) {
      const at = parseCellAddress(finding.cell);
      if (!FORMULA_CODES.has(finding.code) || !at) continue;
      const tally = byCode.get(finding.code) ?? { tp: 0, fp: 0 };
      if (truth.has(key(finding.sheet, at.row, at.col))) tally.tp++;
      else tally.fp++;
      byCode.set(finding.code, tally);
    }
    tp += hits;
    fp += flagged.size - hits;
    fn += truth.size - hits;
    precisions.push(flagged.size === 0 ? 1 : hits / flagged.size);
    if (truth.size > 0) recalls.push(hits / truth.size);
    if (verbose && (flagged.size > 0 || truth.size > 0)) {
      const misses = [...flagged].filter((cell) => !truth.has(cell)).slice(0, 6).join(' ');
      process.stdout.write(`${workbook.padEnd(44)} annotated ${String(truth.size).padStart(3)} flagged ${String(flagged.size).padStart(3)} hits ${String(hits).padStart(3)}  ${misses}\n`);
    }
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const fixed = (n: number) => n.toFixed(3);
  process.stdout.write(
    [
      `ExceLint benchmark: ${workbooks.length} workbooks (${recalls.length} with annotated errors, ${unreadable} unreadable), ${inProcess ? 'in process' : 'one score-audit check call'}`,
      `precision  mean ${fixed(mean(precisions))}  median ${fixed(median(precisions))}   (goal mean ≥ 0.70; ExceLint 0.641)`,
      `recall     mean ${fixed(mean(recalls))}  median ${fixed(median(recalls))}   (goal mean ≥ 0.65; ExceLint 0.621)`,
      `cells      TP ${tp}  FP ${fp}  FN ${fn}`,
      `by rule    ${[...byCode].map(([code, t]) => `${code} ${t.tp}/${t.tp + t.fp}`).join('  ')}`,
      `time       ${seconds.toFixed(2)} s for all ${workbooks.length}   (goal ≤ 10 s)`,
    ].join('\n') + '\n',
  );
}

main();

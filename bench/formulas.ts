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
/**
 * The codes that judge formulas, as the annotations do (a wrong reference, a range, a typed-over copy). Error values
 * (`formula/error`) and numbers stored as text (`value/text-number`) are facts about cell contents the annotators
 * did not mark; the figures with `formula/error` counted are printed too.
 */
const FORMULA_CODES = new Set(['formula/range-omits', 'formula/inconsistent', 'formula/hardcoded']);
const WITH_ERRORS = new Set([...FORMULA_CODES, 'formula/error']);

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
  for (const [sheet, { bugs }] of Object.entries(annotations[workbook] ?? {}))
    for (const [col, row] of bugs) cells.add(key(sheet, row - 1, col - 1));
  return cells;
}

function flaggedCells(findings: Finding[], codes: ReadonlySet<string>): Set<string> {
  const cells = new Set<string>();
  for (const finding of findings) {
    if (!codes.has(finding.code)) continue;
    const at = parseCellAddress(finding.cell);
    if (at) cells.add(key(finding.sheet, at.row, at.col));
  }
  return cells;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length === 0
    ? NaN
    : sorted.length % 2
      ? (sorted[Math.floor(mid)] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function runCli(files: string[]): { reports: FileReport[]; seconds: number } {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  const start = performance.now();
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/score-audit.js'), 'check', '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0 && run.status !== 1) throw new Error(`score-audit check exited ${run.status}: ${run.stderr}`);
  return { reports: JSON.parse(run.stdout) as FileReport[], seconds };
}

function runInProcess(files: string[]): { reports: FileReport[]; seconds: number } {
  const start = performance.now();
  const reports = files.map((file): FileReport => {
    const read = readWorkbook(new Uint8Array(readFileSync(file)), file);
    return read.ok
      ? { file, ok: true, findings: checkWorkbook(read.workbook).findings }
      : { file, ok: false, findings: [] };
  });
  return { reports, seconds: (performance.now() - start) / 1000 };
}

interface Score {
  precisions: number[];
  recalls: number[];
  tp: number;
  fp: number;
  fn: number;
  byCode: Map<string, { tp: number; fp: number }>;
}

/** The paper's scoring over the findings of the given codes. */
function score(
  annotations: Annotations,
  workbooks: string[],
  reports: FileReport[],
  codes: ReadonlySet<string>,
  verbose: boolean,
): Score {
  const result: Score = { precisions: [], recalls: [], tp: 0, fp: 0, fn: 0, byCode: new Map() };
  for (const [i, workbook] of workbooks.entries()) {
    const report = reports[i] as FileReport;
    const truth = annotatedCells(annotations, workbook);
    const flagged = flaggedCells(report.findings, codes);
    const hits = [...flagged].filter((cell) => truth.has(cell)).length;
    for (const finding of report.findings) {
      const at = parseCellAddress(finding.cell);
      if (!codes.has(finding.code) || !at) continue;
      const tally = result.byCode.get(finding.code) ?? { tp: 0, fp: 0 };
      if (truth.has(key(finding.sheet, at.row, at.col))) tally.tp++;
      else tally.fp++;
      result.byCode.set(finding.code, tally);
    }
    result.tp += hits;
    result.fp += flagged.size - hits;
    result.fn += truth.size - hits;
    result.precisions.push(flagged.size === 0 ? 1 : hits / flagged.size);
    if (truth.size > 0) result.recalls.push(hits / truth.size);
    if (verbose && (flagged.size > 0 || truth.size > 0)) {
      const misses = [...flagged]
        .filter((cell) => !truth.has(cell))
        .slice(0, 6)
        .join(' ');
      process.stdout.write(
        `${workbook.padEnd(44)} annotated ${String(truth.size).padStart(3)} flagged ${String(flagged.size).padStart(3)} hits ${String(hits).padStart(3)}  ${misses}\n`,
      );
    }
  }
  return result;
}

function main(): void {
  const annotations = JSON.parse(readFileSync(join(BENCHMARK, 'annotations-processed.json'), 'utf8')) as Annotations;
  const workbooks = readdirSync(BENCHMARK)
    .filter((name) => name.endsWith('.xlsx'))
    .sort();
  const files = workbooks.map((name) => join(BENCHMARK, name));
  const inProcess = process.argv.includes('--in-process');
  const { reports, seconds } = inProcess ? runInProcess(files) : runCli(files);
  const unreadable = reports.filter((r) => !r.ok).length;
  const judged = score(annotations, workbooks, reports, FORMULA_CODES, process.argv.includes('--verbose'));
  const withErrors = score(annotations, workbooks, reports, WITH_ERRORS, false);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const fixed = (n: number) => n.toFixed(3);
  process.stdout.write(
    [
      `ExceLint benchmark: ${workbooks.length} workbooks (${judged.recalls.length} with annotated errors, ${unreadable} unreadable), ${inProcess ? 'in process' : 'one score-audit check call'}`,
      `precision  mean ${fixed(mean(judged.precisions))}  median ${fixed(median(judged.precisions))}   (goal mean ≥ 0.70; ExceLint 0.641)`,
      `recall     mean ${fixed(mean(judged.recalls))}  median ${fixed(median(judged.recalls))}   (goal mean ≥ 0.65; ExceLint 0.621)`,
      `cells      TP ${judged.tp}  FP ${judged.fp}  FN ${judged.fn}`,
      `by rule    ${[...judged.byCode].map(([code, t]) => `${code} ${t.tp}/${t.tp + t.fp}`).join('  ')}`,
      `with formula/error: precision mean ${fixed(mean(withErrors.precisions))}, recall mean ${fixed(mean(withErrors.recalls))}, TP ${withErrors.tp} FP ${withErrors.fp}`,
      `time       ${seconds.toFixed(2)} s for all ${workbooks.length}   (goal ≤ 10 s)`,
    ].join('\n') + '\n',
  );
}

main();

import { execFileSync, execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseRangeAddress } from '../src/core/address';
import { checkWorkbook } from '../src/core/check';
import type { Finding } from '../src/core/finding';
import { readWorkbook } from '../src/file/read-workbook';

const HELP = `npm run bench:formulas [-- options]

The formula rules over the ExceLint benchmark (70 EUSES workbooks with annotated formula errors), scored as the
ExceLint paper scores (see the benchmark's README), for this tree and for a previous release of the rules, in
one run. Each engine checks all 70 workbooks in one built \`score-audit check --format json\` call, timed.

  --benchmark DIR   the benchmark folder (default: the EXCELINT_BENCHMARK environment variable, else the
                    folder beside the repository the bench has always read)
  --baseline REF    the git revision whose rules are the previous release (default: the tag rules-v1, made with
                    \`git tag rules-v1 <commit>\` on the main commit the formula regions started from; else the
                    merge base with main). The revision is extracted with \`git archive\` into a temporary folder,
                    built with this tree's TypeScript and node_modules, and kept there for the next run.
  --no-baseline     score this tree only
  --in-process      run this tree's engine in this process instead of the built CLI (development; no build)
  --verbose         one line per workbook: annotated, flagged and true cells, and the first false ones
`;

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

/**
 * How findings become flagged cells. `named`: the cells of each finding's `cell` (a range counts all its cells).
 * `withRelated`: for a region finding (one that carries `count`: its cell is the suspicious region and `related`
 * the region it would match), also the cells of its `related` on the same sheet, as ExceLint counts a proposed
 * fix (both the suspicious rectangle and the one it would merge into); other findings count their cell only.
 */
type Convention = 'named' | 'withRelated';

/** Cell keys `sheet!row,col`; the annotations trim trailing spaces of sheet names, so both sides are trimmed. */
const key = (sheet: string, row: number, col: number) => `${sheet.trim()}!${row},${col}`;

function annotatedCells(annotations: Annotations, workbook: string): Set<string> {
  const cells = new Set<string>();
  for (const [sheet, { bugs }] of Object.entries(annotations[workbook] ?? {}))
    for (const [col, row] of bugs) cells.add(key(sheet, row - 1, col - 1));
  return cells;
}

function cellsOf(sheet: string, address: string): string[] {
  const range = parseRangeAddress(address);
  if (!range) return [];
  const cells: string[] = [];
  for (let row = range.top; row <= range.bottom; row++)
    for (let col = range.left; col <= range.right; col++) cells.push(key(sheet, row, col));
  return cells;
}

function findingCells(finding: Finding, convention: Convention): string[] {
  const cells = cellsOf(finding.sheet, finding.cell);
  if (convention === 'withRelated' && finding.count !== undefined)
    for (const ref of finding.related ?? [])
      if (ref.sheet === finding.sheet) cells.push(...cellsOf(ref.sheet, ref.cell));
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

function runCli(root: string, files: string[]): { reports: FileReport[]; seconds: number } {
  const start = performance.now();
  const run = spawnSync(process.execPath, [join(root, 'bin/score-audit.js'), 'check', '--format', 'json', ...files], {
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

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

function defaultBaseline(): string {
  try {
    return git('rev-parse', '--verify', '--quiet', 'rules-v1^{commit}');
  } catch {
    return git('merge-base', 'HEAD', 'main');
  }
}

/** The CLI of a revision, extracted and built once into the temporary folder; returns its root. */
function buildRevision(ref: string): string {
  const commit = git('rev-parse', '--verify', `${ref}^{commit}`);
  const dir = join(tmpdir(), `score-audit-rules-${commit.slice(0, 12)}`);
  if (existsSync(join(dir, 'dist/cli/main.js'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execSync(`git archive ${commit} | tar -x -C "${dir}"`, { cwd: ROOT, stdio: 'inherit' });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: dir,
    stdio: 'inherit',
  });
  return dir;
}

interface Score {
  precisions: number[];
  recalls: number[];
  tp: number;
  fp: number;
  fn: number;
  /** Per code: flagged cells, and those annotated. */
  byCode: Map<string, { tp: number; flagged: number }>;
  /** Workbooks without annotations that get a flag (each scores precision 0). */
  flaggedClean: string[];
  /** Workbooks with annotations and recall 0. */
  missed: string[];
}

/** The paper's scoring over the findings of the given codes. */
function score(
  annotations: Annotations,
  workbooks: string[],
  reports: FileReport[],
  codes: ReadonlySet<string>,
  convention: Convention,
  verbose = false,
): Score {
  const result: Score = {
    precisions: [],
    recalls: [],
    tp: 0,
    fp: 0,
    fn: 0,
    byCode: new Map(),
    flaggedClean: [],
    missed: [],
  };
  for (const [i, workbook] of workbooks.entries()) {
    const report = reports[i] as FileReport;
    const truth = annotatedCells(annotations, workbook);
    const flagged = new Set<string>();
    const perCode = new Map<string, Set<string>>();
    for (const finding of report.findings) {
      if (!codes.has(finding.code)) continue;
      const set = perCode.get(finding.code) ?? new Set<string>();
      for (const cell of findingCells(finding, convention)) {
        flagged.add(cell);
        set.add(cell);
      }
      perCode.set(finding.code, set);
    }
    for (const [code, set] of perCode) {
      const tally = result.byCode.get(code) ?? { tp: 0, flagged: 0 };
      tally.flagged += set.size;
      tally.tp += [...set].filter((c) => truth.has(c)).length;
      result.byCode.set(code, tally);
    }
    const hits = [...flagged].filter((cell) => truth.has(cell)).length;
    result.tp += hits;
    result.fp += flagged.size - hits;
    result.fn += truth.size - hits;
    result.precisions.push(flagged.size === 0 ? 1 : hits / flagged.size);
    if (truth.size > 0) result.recalls.push(hits / truth.size);
    if (truth.size === 0 && flagged.size > 0) result.flaggedClean.push(workbook);
    if (truth.size > 0 && hits === 0) result.missed.push(workbook);
    if (verbose && (flagged.size > 0 || truth.size > 0)) {
      const misses = [...flagged]
        .filter((cell) => !truth.has(cell))
        .slice(0, 5)
        .join(' ');
      process.stdout.write(
        `  ${workbook.slice(0, 42).padEnd(42)} annotated ${String(truth.size).padStart(3)} flagged ${String(flagged.size).padStart(3)} true ${String(hits).padStart(3)}  ${misses}\n`,
      );
    }
  }
  return result;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const fixed = (n: number) => n.toFixed(3);

function line(label: string, s: Score, seconds?: number): string {
  return (
    `${label.padEnd(30)} ${fixed(mean(s.precisions))} (${fixed(median(s.precisions))})   ` +
    `${fixed(mean(s.recalls))} (${fixed(median(s.recalls))})   ${String(s.tp).padStart(4)} ${String(s.fp).padStart(5)} ${String(s.fn).padStart(4)}` +
    (seconds === undefined ? '' : `   ${seconds.toFixed(2)} s`)
  );
}

const byRule = (s: Score) =>
  [...s.byCode]
    .sort()
    .map(([code, t]) => `${code} ${t.tp}/${t.flagged}`)
    .join('  ');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  if (process.argv.includes('--help')) {
    process.stdout.write(HELP);
    return;
  }
  const benchmark = resolve(
    option('--benchmark') ?? process.env.EXCELINT_BENCHMARK ?? join(ROOT, '../shared/benchmarks/excelint-70'),
  );
  const annotations = JSON.parse(readFileSync(join(benchmark, 'annotations-processed.json'), 'utf8')) as Annotations;
  const workbooks = readdirSync(benchmark)
    .filter((name) => name.endsWith('.xlsx'))
    .sort();
  const files = workbooks.map((name) => join(benchmark, name));
  const verbose = process.argv.includes('--verbose');
  const inProcess = process.argv.includes('--in-process');

  if (!inProcess) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  const baselineRef = process.argv.includes('--no-baseline') ? undefined : (option('--baseline') ?? defaultBaseline());
  const baselineRoot = baselineRef ? buildRevision(baselineRef) : undefined;

  const current = inProcess ? runInProcess(files) : runCli(ROOT, files);
  const previous = baselineRoot ? runCli(baselineRoot, files) : undefined;
  const unreadable = current.reports.filter((r) => !r.ok).length;

  const out: string[] = [
    `ExceLint benchmark: ${workbooks.length} workbooks (${Object.values(annotations).filter((s) => Object.values(s).some((x) => x.bugs.length > 0)).length} with annotations, ${unreadable} unreadable), ${inProcess ? 'this tree in process' : 'one score-audit check call per engine'}`,
    `scored codes: ${[...FORMULA_CODES].join(', ')}`,
    `cells flagged: "named" = the cells of each finding's cell (ranges expanded); "+ related" = for region findings`,
    `(with count) also their related cells on the sheet, as ExceLint counts a proposed fix (both rectangles).`,
    '',
    `${''.padEnd(30)} precision mean (median)   recall mean (median)   TP    FP   FN   time`,
  ];
  const engines: Array<[string, { reports: FileReport[]; seconds: number }]> = [['this tree', current]];
  if (previous && baselineRef) engines.push([`previous (${baselineRef.slice(0, 12)})`, previous]);
  const named: Score[] = [];
  for (const [label, run] of engines) {
    const a = score(annotations, workbooks, run.reports, FORMULA_CODES, 'named');
    const b = score(annotations, workbooks, run.reports, FORMULA_CODES, 'withRelated');
    named.push(a);
    out.push(line(`${label}, named`, a, run.seconds), line(`${label}, + related`, b));
  }
  out.push('');
  for (const [i, [label, run]] of engines.entries()) {
    const a = named[i] as Score;
    const errors = score(annotations, workbooks, run.reports, WITH_ERRORS, 'named');
    out.push(
      `${label}: by rule (true/flagged cells, named)  ${byRule(a)}`,
      `${label}: with formula/error counted: precision ${fixed(mean(errors.precisions))}, recall ${fixed(mean(errors.recalls))}`,
      `${label}: ${a.flaggedClean.length} of ${workbooks.length - a.recalls.length} workbooks without annotations flagged: ${a.flaggedClean.join(' ')}`,
      `${label}: ${a.missed.length} of ${a.recalls.length} annotated workbooks with recall 0: ${a.missed.join(' ')}`,
    );
  }
  out.push(
    '',
    `times are wall clock; load average during the run: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (a busy machine slows every engine alike)`,
    'goals: mean precision ≥ 0.70 and mean recall ≥ 0.40, all 70 in one call ≤ 10 s; ExceLint (paper): precision 0.641, recall 0.621',
  );
  process.stdout.write(`${out.join('\n')}\n`);
  if (verbose) {
    process.stdout.write('\nthis tree, named:\n');
    score(annotations, workbooks, current.reports, FORMULA_CODES, 'named', true);
    process.stdout.write('\nthis tree, + related:\n');
    score(annotations, workbooks, current.reports, FORMULA_CODES, 'withRelated', true);
  }
}

main();

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as CheckModule from '../src/core/check';
import type * as ReadWorkbookModule from '../src/file/read-workbook';
import { VARIANTS, type Variant } from '../test/fixtures/build-workbook';
import { SEEDS } from '../test/fixtures/seeds';
import { BIN, buildCli, ROOT } from '../test/batch/batch-fixtures';
import { generateWorkbook } from './generate';

/**
 * `npm run bench:batch`: `score-audit check FOLDER` over 200 generated scoring workbooks (every seed and layout, a
 * payment list of 1k–150k cells: most small, some large, as a season's inbox), against merely parsing them, with
 * 1 and 2 workers, and the peak memory of the process (main thread and workers share it).
 * Goals: check ≤ 1.25 × parse; 2 workers ≥ 1.6 × faster than 1.
 */
const COUNT = 200;
const DIR = join(tmpdir(), 'score-audit-bench-batch');

/** A fixed pseudo-random sequence, so every run checks the same workbooks. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function sizeOf(next: () => number): number {
  const draw = next();
  if (draw < 0.75) return 1_000 + Math.round(next() * 4_000);
  if (draw < 0.95) return 10_000 + Math.round(next() * 30_000);
  return 60_000 + Math.round(next() * 90_000);
}

async function generate(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  if (readdirSync(DIR).filter((name) => name.endsWith('.xlsx')).length === COUNT) return;
  const next = random(20_240_601);
  for (let i = 0; i < COUNT; i++) {
    const seed = SEEDS[i % SEEDS.length] as (typeof SEEDS)[number];
    const variant = VARIANTS[Math.floor(i / SEEDS.length) % VARIANTS.length] as Variant;
    const bytes = await generateWorkbook(sizeOf(next), seed, variant);
    writeFileSync(join(DIR, `${String(i).padStart(3, '0')}-seed${seed.id}-${variant.name}.xlsx`), bytes);
  }
}

/**
 * Reads and parses every file in this thread with the built code `check` runs, timing the parse alone and the engine
 * after it (recognise + analyse + rules), file by file so that load from elsewhere falls on both alike.
 */
async function parseAndCheckInProcess(files: string[]): Promise<{ parseMs: number; engineMs: number; cells: number }> {
  const load = async <T>(path: string) => (await import(pathToFileURL(join(ROOT, 'dist', path)).href)) as T;
  const { readWorkbook } = await load<typeof ReadWorkbookModule>('file/read-workbook.js');
  const { checkWorkbook } = await load<typeof CheckModule>('core/check.js');
  let [parseMs, engineMs, cells] = [0, 0, 0];
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    const start = performance.now();
    const read = readWorkbook(bytes, file);
    const parsed = performance.now();
    if (!read.ok) throw new Error(`${file}: ${read.error.message}`);
    checkWorkbook(read.workbook);
    parseMs += parsed - start;
    engineMs += performance.now() - parsed;
    cells += read.workbook.sheets.reduce((n, sheet) => n + sheet.cells.length, 0);
  }
  return { parseMs, engineMs, cells };
}

/** The resident memory of a process (VmRSS, kB), 0 once it has gone. */
function rssKb(pid: number | string): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Peak memory and CPU time of the command and its worker processes, read until it exits. Memory: the highest sum of
 * the resident memory of the command and its children over the samples. CPU: the command's own time plus its
 * children's (counted in cutime and cstime as each worker exits); CPU time over wall time shows how many cores it had.
 */
function sampleProcess(pid: number, into: { kb: number; cpuMs: number }): NodeJS.Timeout {
  return setInterval(() => {
    try {
      const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
      into.kb = Math.max(into.kb, rssKb(pid) + children.reduce((total, child) => total + rssKb(child), 0));
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      // utime, stime, cutime, cstime in 100 Hz ticks
      into.cpuMs = (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 10;
    } catch {
      // the process has just exited; the last reading stands
    }
  }, 20);
}

/** The built command line over the folder, as a reviewer runs it (JSON to a discarded stdout). */
async function checkAll(jobs: number): Promise<{ ms: number; peakMb: number; cores: number; exit: number | null }> {
  const start = performance.now();
  const child = spawn(process.execPath, [BIN, 'check', DIR, '--format', 'json', '--jobs', String(jobs)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const sample = { kb: 0, cpuMs: 0 };
  const timer = sampleProcess(child.pid as number, sample);
  const exit = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  const ms = performance.now() - start;
  return { ms, peakMb: sample.kb / 1024, cores: sample.cpuMs / ms, exit };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  buildCli();
  await generate();
  const files = readdirSync(DIR)
    .filter((name) => name.endsWith('.xlsx'))
    .sort()
    .map((name) => join(DIR, name));
  console.log(
    `${files.length} workbooks in ${DIR}; ${availableParallelism()} cores; load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const inProcess = await parseAndCheckInProcess(files);
  const parse = { ms: inProcess.parseMs };
  console.log(
    `parse only (1 thread):      ${seconds(parse.ms)}  (${inProcess.cells.toLocaleString('en-US')} cells, ${Math.round(inProcess.cells / (parse.ms / 1000)).toLocaleString('en-US')} cells/s)`,
  );
  console.log(
    `engine after the parse:     ${seconds(inProcess.engineMs)}  (recognise + rules; read + check in one thread: ${((parse.ms + inProcess.engineMs) / parse.ms).toFixed(2)}× parse)`,
  );
  const one = await checkAll(1);
  const two = await checkAll(2);
  if (!existsSync(join(ROOT, 'dist', 'cli', 'check-worker.js'))) throw new Error('the worker entry was not built');
  console.log(
    `check --jobs 1:             ${seconds(one.ms)}  peak RSS ${one.peakMb.toFixed(0)} MB  CPU/wall ${one.cores.toFixed(2)}  exit ${one.exit}`,
  );
  console.log(
    `check --jobs 2:             ${seconds(two.ms)}  peak RSS ${two.peakMb.toFixed(0)} MB (command + 2 worker processes)  CPU/wall ${two.cores.toFixed(2)}  exit ${two.exit}`,
  );
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
  console.log(
    `check / parse, 1 worker:    ${(one.ms / parse.ms).toFixed(2)}×  (goal ≤ 1.25×: ${verdict(one.ms / parse.ms <= 1.25)})`,
  );
  console.log(
    `check / parse, 2 workers:   ${(two.ms / parse.ms).toFixed(2)}×  (goal ≤ 1.25×: ${verdict(two.ms / parse.ms <= 1.25)})`,
  );
  console.log(
    `batch cost, --jobs 1:       ${(one.ms / (parse.ms + inProcess.engineMs)).toFixed(2)}× the in-process read + check (start-up, file walk, report)`,
  );
  console.log(
    `speed-up of 2 workers over 1: ${(one.ms / two.ms).toFixed(2)}×  (goal ≥ 1.6×: ${verdict(one.ms / two.ms >= 1.6)})`,
  );
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (other work on the machine slows the figures)`,
  );
}

void main();

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { encryptedWorkbook, notAWorkbook, truncatedZip } from '../fixtures/bad-files';
import { buildWorkbook, VARIANTS } from '../fixtures/build-workbook';
import { SEEDS } from '../fixtures/seeds';
import { seed003 } from '../fixtures/seeds/seed003';

export const ROOT = join(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'score-audit.js');
export const BUILT_WORKER = join(ROOT, 'dist', 'cli', 'check-worker.js');

/** Text a reviewer's workbook may carry that must stay text in every report. */
export const MARKUP = '<img src=x onerror=alert(1)>';
export const FORMULA_SHEET = '=1+1';

/** The batch folder: what `check FOLDER` must report, what it must skip, and what is unreadable. */
export interface BatchFolder {
  dir: string;
  /** Paths relative to dir, in the order the report lists them. */
  workbooks: string[];
  unreadable: string[];
  skipped: string[];
}

/** The latest change among the build's inputs: every file and folder under src/, and the configs it reads. */
function newestInput(): number {
  let newest = 0;
  const walk = (path: string) => {
    const stat = statSync(path);
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  for (const input of ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json']) walk(join(ROOT, input));
  return newest;
}

/**
 * Builds the CLI (dist/), as `npm run build` does, so the worker entry exists as compiled JavaScript. In build mode
 * (-b) tsc does nothing when no input is newer than the last build (it then updates that build's timestamps); the
 * same test made here first spares starting tsc at all (a Node process and the compiler: most of a second of CPU).
 */
export function buildCli(): void {
  const built = statSync(join(ROOT, 'dist', 'tsconfig.build.tsbuildinfo'), { throwIfNoEntry: false });
  const outputs = [BUILT_WORKER, join(ROOT, 'dist', 'cli', 'main.js')];
  if (built && outputs.every((output) => existsSync(output)) && built.mtimeMs >= newestInput()) return;
  // tsc still writes every file when another module has a type error; the type check is `npm run typecheck`'s job.
  spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', join(ROOT, 'tsconfig.build.json')],
    { cwd: ROOT, stdio: 'ignore', timeout: 300_000 },
  );
}

/** Seed 003 with a sheet and an indicator named like markup, and a sheet named like a formula. */
export async function hostileWorkbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    (await buildWorkbook(seed003, VARIANTS[2] as (typeof VARIANTS)[number])).bytes as unknown as ArrayBuffer,
  );
  const scores = book.getWorksheet('评分表') as ExcelJS.Worksheet;
  scores.name = MARKUP;
  scores.getCell('C8').value = `预算执行率${MARKUP}`;
  const notes = book.addWorksheet(FORMULA_SHEET);
  notes.getCell('A1').value = '备注："引号", 逗号';
  // A figure, so the sheet is one with figures and nothing recognised (a sheet of text alone is left quiet).
  notes.getCell('A2').value = 3;
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function put(dir: string, relative: string, bytes: Uint8Array | string): void {
  mkdirSync(join(dir, relative, '..'), { recursive: true });
  writeFileSync(join(dir, relative), bytes);
}

/** Every seed in one layout per year folder, the hostile workbook, and the bad files reviewers receive, nested. */
export async function writeBatchFolder(dir: string): Promise<BatchFolder> {
  const workbooks: string[] = [];
  for (const [i, seed] of SEEDS.entries()) {
    const variant = VARIANTS[i % VARIANTS.length] as (typeof VARIANTS)[number];
    const { bytes } = await buildWorkbook(seed, variant);
    const relative = join(i % 2 === 0 ? '2023' : join('2024', '区县'), `seed${seed.id}-${variant.name}.xlsx`);
    put(dir, relative, bytes);
    workbooks.push(relative);
  }
  const sample = (await buildWorkbook(seed003, VARIANTS[0] as (typeof VARIANTS)[number])).bytes;
  put(dir, join('2024', '宏文件.XLSM'), sample);
  put(dir, join('2024', `${MARKUP}.xlsx`), await hostileWorkbook());
  const unreadable = [
    join('2024', '退回', 'broken.xlsx'),
    join('2024', '退回', 'word.xlsx'),
    join('2024', '退回', 'locked.xlsx'),
    'empty.xls',
  ];
  put(dir, unreadable[0] as string, truncatedZip(sample));
  put(dir, unreadable[1] as string, notAWorkbook());
  put(dir, unreadable[2] as string, encryptedWorkbook(sample));
  put(dir, unreadable[3] as string, new Uint8Array());
  const skipped = [
    join('2023', '~$seed000-merged.xlsx'),
    join('.backup', 'seed000.xlsx'),
    join('2024', '.hidden.xlsx'),
    join('2024', 'notes.txt'),
  ];
  for (const relative of skipped) put(dir, relative, sample);
  return {
    dir,
    workbooks: [...workbooks, join('2024', '宏文件.XLSM'), join('2024', `${MARKUP}.xlsx`)],
    unreadable,
    skipped,
  };
}

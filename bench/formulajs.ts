import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Evaluate from '../src/core/formula/evaluate';
import type * as Functions from '../src/core/formula/functions';
import type * as Values from '../src/core/formula/values';
import type * as WorkbookEvaluatorModule from '../src/core/formula/workbook-evaluator';
import type * as ReadWorkbookModule from '../src/file/read-workbook';
import type { FormulaNode } from '../src/core/formula/parse';
import { formulaCorpus } from '../test/fixtures/formula-corpus';
import { convertWithLibreOffice } from '../test/fixtures/libreoffice';
import { writeXlsx } from '../src/file/xlsx/write-xlsx';

/**
 * `npm run bench:formulajs`: the evaluation of the corpus of test/evaluator-libreoffice.test.ts with the functions taken
 * from @formulajs/formulajs (installed into a temporary folder, not a dependency) instead of our own, against
 * LibreOffice: the evidence behind the dependency choice in the README. References, ranges, operators and blanks stay
 * ours (formulajs has none of them); only the function calls go to the library.
 */
const VERSION = '4.6.1';
const PREFIX = join(tmpdir(), 'score-audit-formulajs');

type FormulaJs = Record<string, (...args: unknown[]) => unknown>;

function install(): FormulaJs {
  const entry = join(PREFIX, 'node_modules', '@formulajs', 'formulajs');
  if (!existsSync(entry)) {
    mkdirSync(PREFIX, { recursive: true });
    execFileSync('npm', ['install', '--prefix', PREFIX, '--no-save', `@formulajs/formulajs@${VERSION}`], {
      stdio: 'inherit',
    });
  }
  return createRequire(join(PREFIX, 'index.js'))('@formulajs/formulajs') as FormulaJs;
}

function main(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: join(__dirname, '..'), stdio: 'inherit' });
  const load = createRequire(__filename);
  const functions = load('../dist/core/formula/functions') as typeof Functions & Record<string, unknown>;
  const { RangeRef } = load('../dist/core/formula/evaluate') as typeof Evaluate;
  const values = load('../dist/core/formula/values') as typeof Values;
  const { WorkbookEvaluator } = load('../dist/core/formula/workbook-evaluator') as typeof WorkbookEvaluatorModule;
  const { readWorkbook } = load('../dist/file/read-workbook') as typeof ReadWorkbookModule;
  const F = install();

  const corpus = formulaCorpus(5000);
  const [recalculated] = convertWithLibreOffice([{ name: 'corpus.xlsx', bytes: writeXlsx(corpus.snapshot) }], 'xlsx');
  const read = readWorkbook(recalculated as Uint8Array, 'corpus.xlsx');
  if (!read.ok) throw new Error(read.error.message);
  const cells = new Map(
    read.workbook.sheets.flatMap((sheet) => sheet.cells.map((cell) => [`${sheet.name}!${cell.row}:${cell.col}`, cell])),
  );

  // The library's values ↔ ours: blanks null, errors its Error objects by message, ranges 2-D arrays.
  const toLibrary = (value: unknown, ev: Evaluate.Evaluation): unknown => {
    // A one-cell reference as its value (the library's scalar functions want one), a larger one as a 2-D array.
    if (value instanceof RangeRef && value.rows === 1 && value.cols === 1)
      return toLibrary(ev.reader.value(value.sheet, value.top, value.left), ev);
    if (value instanceof RangeRef) {
      const matrix = ev.matrix(value);
      if (matrix instanceof values.Unknown) throw matrix;
      const rows: unknown[][] = [];
      for (let r = 0; r < matrix.rows; r++)
        rows.push(Array.from({ length: matrix.cols }, (_, c) => toLibrary(matrix.at(r, c), ev)));
      return rows;
    }
    if (value instanceof values.Matrix) {
      const rows: unknown[][] = [];
      for (let r = 0; r < value.rows; r++)
        rows.push(Array.from({ length: value.cols }, (_, c) => toLibrary(value.at(r, c), ev)));
      return rows;
    }
    if (value instanceof values.ErrorValue) return new Error(value.code);
    if (value instanceof values.Unknown) throw value;
    return value;
  };
  const fromLibrary = (result: unknown): unknown => {
    if (result instanceof Error)
      return values.ErrorValue.of(result.message.startsWith('#') ? result.message : '#VALUE!');
    if (Array.isArray(result)) return fromLibrary(Array.isArray(result[0]) ? result[0][0] : result[0]);
    if (typeof result === 'number' && !Number.isFinite(result)) return values.ErrorValue.of('#NUM!');
    if (result === undefined) return null;
    return result as never;
  };
  const ours = functions.callFunction;
  let delegated = 0;
  functions.callFunction = (name: string, args: FormulaNode[], ev: Evaluate.Evaluation) => {
    const fn = F[name];
    if (typeof fn !== 'function' || ['IF', 'IFS', 'IFERROR', 'IFNA', 'CHOOSE'].includes(name))
      return ours(name, args, ev);
    delegated++;
    try {
      return fromLibrary(fn(...args.map((node) => toLibrary(ev.evaluate(node), ev)))) as never;
    } catch (error) {
      if (error instanceof values.Unknown) return error;
      return values.ErrorValue.of('#VALUE!');
    }
  };

  const evaluator = new WorkbookEvaluator(read.workbook);
  let agree = 0;
  let disagree = 0;
  let unknown = 0;
  const samples = new Map<string, string>();
  for (const formula of corpus.formulas) {
    const theirs = cells.get(`${formula.sheet}!${formula.row}:${formula.col}`)?.value ?? { type: 'empty' };
    const result = evaluator.evaluateText(formula.sheet, formula, formula.formula, formula.array);
    if (result.type === 'unknown') {
      unknown++;
      continue;
    }
    const same =
      result.type === theirs.type &&
      (result.type === 'number' && theirs.type === 'number'
        ? Number(result.value.toPrecision(15)) === theirs.value ||
          Math.abs(result.value - theirs.value) <= 1e-14 * Math.abs(theirs.value)
        : (result as { value?: unknown }).value === (theirs as { value?: unknown }).value);
    if (same) agree++;
    else {
      disagree++;
      if (!samples.has(formula.template))
        samples.set(
          formula.template,
          `=${formula.formula}: formulajs ${JSON.stringify(result)}, LibreOffice ${JSON.stringify(theirs)}`,
        );
    }
  }
  console.log(
    `@formulajs/formulajs ${VERSION} for the function calls (${delegated} calls), ${corpus.formulas.length} formulas:`,
  );
  console.log(`  ${agree} agree with LibreOffice, ${disagree} disagree, ${unknown} unknown`);
  console.log(`  disagreeing templates (${samples.size}), one example each:`);
  for (const [template, example] of samples) console.log(`  [${template}] ${example}`);
}

main();

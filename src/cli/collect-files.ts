import { stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** Extensions a folder or pattern contributes; a file named on its own is read whatever its name (by content). */
const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xls', '.xlsm']);

export interface CollectedFiles {
  /** Each file once: arguments in the order given, the files of a folder or pattern in sorted order. */
  files: string[];
  /** Folders and patterns that gave no workbook. */
  empty: string[];
}

/** Excel's lock file (`~$name.xlsx`, left while a workbook is open) is not a workbook. */
function isWorkbookName(path: string): boolean {
  return !basename(path).startsWith('~$') && WORKBOOK_EXTENSIONS.has(extname(path).toLowerCase());
}

/** Orders by path segments, by code unit, so the order is the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  const left = a.split(/[\\/]/);
  const right = b.split(/[\\/]/);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const [x, y] = [left[i] as string, right[i] as string];
    if (x !== y) return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

async function kindOf(path: string): Promise<'file' | 'folder' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/** Workbooks under a folder, at any depth, hidden entries (`.name`) skipped. */
async function walk(folder: string): Promise<string[]> {
  const found = await glob('**/*', { cwd: folder, dot: false, onlyFiles: true, followSymbolicLinks: false });
  return found.filter(isWorkbookName).map((relative) => join(folder, relative));
}

/** Workbooks a glob pattern matches (relative to the working folder, or absolute), hidden entries skipped. */
async function expand(pattern: string): Promise<string[]> {
  const found = await glob(pattern, {
    dot: false,
    onlyFiles: true,
    expandDirectories: false,
    absolute: isAbsolute(pattern),
  });
  return found.filter(isWorkbookName);
}

/**
 * The files `check` reads from its arguments: a folder is walked for .xlsx/.xls/.xlsm, a glob pattern
 * (`reports/**\/*.xlsx`, quoted so the shell leaves it) is matched, and anything else is a file, read as given (a file
 * whose name looks like a pattern, `[2024].xlsx`, is still that file when it exists).
 */
export async function collectFiles(args: readonly string[]): Promise<CollectedFiles> {
  const files: string[] = [];
  const empty: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = resolve(file); // the same file named twice, or found by a folder and a pattern, is checked once
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const arg of args) {
    const kind = await kindOf(arg);
    if (kind === 'file' || (kind === 'missing' && !isDynamicPattern(arg))) {
      add(arg);
      continue;
    }
    const found = (kind === 'folder' ? await walk(arg) : await expand(arg)).sort(comparePaths);
    if (found.length === 0) empty.push(arg);
    found.forEach(add);
  }
  return { files, empty };
}

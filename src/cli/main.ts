import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkWorkbook } from '../core/check';
import { formatMessage, LangSchema, type Lang } from '../core/finding';
import { readErrorMessage, WorkbookReadError } from '../file/read-error';
import { readWorkbook, type ReadResult } from '../file/read-workbook';
import { fixWorkbook, revertWorkbook } from '../file/fix-workbook';
import { formatCheckText, formatModelText } from './format';
import { CLI_TEXT, SEVERITY_TEXT } from './strings';
import { DEFAULT_PROFILE, parseProfile, type Profile } from '../core/profile';
import { RULES } from '../core/rules';

/** Exit codes fixed by CONTRACT.md. */
export const EXIT = { clean: 0, errors: 1, unusable: 2 } as const;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const NODE_IO: Io = { out: (text) => process.stdout.write(`${text}\n`), err: (text) => process.stderr.write(`${text}\n`) };

async function readFileAsWorkbook(path: string): Promise<ReadResult> {
  const bytes = await readBytes(path);
  return bytes instanceof WorkbookReadError ? { ok: false, error: bytes } : readWorkbook(bytes, path);
}

function guessLang(): Lang {
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return env.startsWith('en') ? 'en-US' : 'zh-CN';
}

/** Runs the command line; returns the exit code. Never throws for bad input. */
export async function main(argv: string[], io: Io = NODE_IO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'text' }, lang: { type: 'string' }, profile: { type: 'string' }, output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    const lang = guessLang();
    io.err(formatMessage(CLI_TEXT.badOption[lang], { detail: error instanceof Error ? error.message : String(error) }));
    return EXIT.unusable;
  }
  const { values, positionals } = parsed;
  const langResult = LangSchema.safeParse(values.lang ?? 'zh-CN');
  const lang: Lang = langResult.success ? langResult.data : guessLang();
  if (!langResult.success) {
    io.err(CLI_TEXT.badLang[lang]);
    return EXIT.unusable;
  }
  const [command, ...files] = positionals;
  if (values.help || !command) {
    (values.help ? io.out : io.err)(CLI_TEXT.usage[lang]);
    return values.help ? EXIT.clean : EXIT.unusable;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'json') {
    io.err(formatMessage(CLI_TEXT.badFormat[lang], { allowed: 'text, json' }));
    return EXIT.unusable;
  }
  if (command === 'rules') return listRules(format, lang, io);
  if (command !== 'check' && command !== 'inspect' && command !== 'fix' && command !== 'revert') {
    io.err(formatMessage(CLI_TEXT.unknownCommand[lang], { command }));
    io.err(CLI_TEXT.usage[lang]);
    return EXIT.unusable;
  }
  if (files.length === 0) {
    io.err(CLI_TEXT.noFiles[lang]);
    return EXIT.unusable;
  }
  const profile = values.profile === undefined ? DEFAULT_PROFILE : await loadProfile(values.profile, lang, io);
  if (!profile) return EXIT.unusable;
  if (command === 'fix' || command === 'revert') {
    const [file] = files;
    const output = values.output;
    if (files.length !== 1 || !file || !output) {
      io.err(CLI_TEXT.fixUsage[lang]);
      return EXIT.unusable;
    }
    if (resolve(output) === resolve(file)) {
      io.err(CLI_TEXT.sameOutput[lang]);
      return EXIT.unusable;
    }
    return command === 'fix' ? fix(file, output, format, lang, profile, io) : revert(file, output, format, lang, io);
  }
  return command === 'check' ? check(files, format, lang, profile, io) : inspect(files, format, lang, profile, io);
}

async function readBytes(path: string): Promise<Uint8Array | WorkbookReadError> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return new WorkbookReadError(code === 'ENOENT' ? 'not-found' : 'corrupt', code === 'ENOENT' ? undefined : String(code));
  }
}

async function fix(file: string, output: string, format: 'text' | 'json', lang: Lang, profile: Profile, io: Io): Promise<number> {
  const bytes = await readBytes(file);
  const result = bytes instanceof WorkbookReadError ? { ok: false as const, error: bytes } : fixWorkbook(bytes, file, { lang, profile });
  if (!result.ok) {
    io.err(formatMessage(CLI_TEXT.unreadable[lang], { file, message: readErrorMessage(result.error, lang) }));
    return EXIT.unusable;
  }
  await writeFile(output, result.bytes);
  if (format === 'json') {
    io.out(JSON.stringify({ file, output, convertedFromXls: result.convertedFromXls, changes: result.changes.map(({ sheet, cell, formula, value, code, reason, old }) => ({ sheet, cell, formula: `=${formula}`, value, code, reason, old })) }, null, 2));
  } else {
    if (result.convertedFromXls) io.out(formatMessage(CLI_TEXT.convertedFromXls[lang], { output }));
    io.out(formatMessage(CLI_TEXT.fixed[lang], { output, count: result.changes.length }));
    for (const change of result.changes) io.out(`  ${change.sheet}!${change.cell}  =${change.formula}  → ${change.value}  ${change.code}`);
  }
  return EXIT.clean;
}

async function revert(file: string, output: string, format: 'text' | 'json', lang: Lang, io: Io): Promise<number> {
  const bytes = await readBytes(file);
  const result = bytes instanceof WorkbookReadError ? { ok: false as const, error: bytes } : revertWorkbook(bytes, file);
  if (!result.ok) {
    io.err(formatMessage(CLI_TEXT.unreadable[lang], { file, message: readErrorMessage(result.error, lang) }));
    return EXIT.unusable;
  }
  await writeFile(output, result.bytes);
  if (format === 'json') io.out(JSON.stringify({ file, output, restored: result.restored }, null, 2));
  else io.out(formatMessage(CLI_TEXT.reverted[lang], { output, count: result.restored }));
  return EXIT.clean;
}

async function loadProfile(path: string, lang: Lang, io: Io): Promise<Profile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    io.err(formatMessage(CLI_TEXT.badProfile[lang], { file: path, message: CLI_TEXT.profileNotFound[lang] }));
    return undefined;
  }
  const result = parseProfile(text, lang);
  if (result.ok) return result.profile;
  io.err(formatMessage(CLI_TEXT.badProfile[lang], { file: path, message: result.message }));
  return undefined;
}

function listRules(format: 'text' | 'json', lang: Lang, io: Io): number {
  const rules = RULES.map((rule) => ({ code: rule.code, severity: rule.severity, description: rule.description[lang] }));
  if (format === 'json') io.out(JSON.stringify(rules, null, 2));
  else io.out(rules.map((r) => `${r.code.padEnd(22)} ${SEVERITY_TEXT[r.severity][lang].padEnd(8)} ${r.description}`).join('\n'));
  return EXIT.clean;
}

async function check(files: string[], format: 'text' | 'json', lang: Lang, profile: Profile, io: Io): Promise<number> {
  let exit: number = EXIT.clean;
  const reports: unknown[] = [];
  for (const file of files) {
    const read = await readFileAsWorkbook(file);
    if (!read.ok) {
      const message = readErrorMessage(read.error, lang);
      io.err(formatMessage(CLI_TEXT.unreadable[lang], { file, message }));
      reports.push({ file, ok: false, error: message, summary: { totalScore: null, grade: null, errors: 0, warnings: 0, infos: 0 }, findings: [] });
      exit = EXIT.unusable;
      continue;
    }
    const result = checkWorkbook(read.workbook, { lang, profile });
    if (result.summary.errors > 0 && exit === EXIT.clean) exit = EXIT.errors;
    if (format === 'json') reports.push({ file, ok: true, summary: result.summary, findings: result.findings });
    else io.out(formatCheckText(file, result, lang));
  }
  if (format === 'json') io.out(JSON.stringify(reports, null, 2));
  return exit;
}

async function inspect(files: string[], format: 'text' | 'json', lang: Lang, profile: Profile, io: Io): Promise<number> {
  let exit: number = EXIT.clean;
  const models: unknown[] = [];
  for (const file of files) {
    const read = await readFileAsWorkbook(file);
    if (!read.ok) {
      io.err(formatMessage(CLI_TEXT.unreadable[lang], { file, message: readErrorMessage(read.error, lang) }));
      exit = EXIT.unusable;
      continue;
    }
    const { model } = checkWorkbook(read.workbook, { lang, profile });
    if (format === 'json') models.push({ file, model });
    else io.out(formatModelText(file, model));
  }
  if (format === 'json') io.out(JSON.stringify(models, null, 2));
  return exit;
}

import { readFile, writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkWorkbook } from '../core/check';
import { formatMessage, LangSchema, type Lang, type Severity } from '../core/finding';
import { readErrorMessage, WorkbookReadError } from '../file/read-error';
import { fixWorkbook, revertWorkbook } from '../file/fix-workbook';
import type { ReadOptions } from '../file/read-workbook';
import { formatModelText } from './format';
import { readBytes, readFileAsWorkbook } from './check-file';
import { CHECK_FORMATS, runCheck } from './check-command';
import { EXIT } from './exit';
import { compare } from './compare';
import { NODE_IO, type Io } from './io';
import { CLI_TEXT, SEVERITY_TEXT } from './strings';
import { DEFAULT_PROFILE, parseProfile, type Profile } from '../core/profile';
import { RULES, severityOf } from '../core/rules';
import { alignColumns } from './text-width';

export { EXIT };

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
      options: {
        format: { type: 'string', default: 'text' },
        lang: { type: 'string' },
        profile: { type: 'string' },
        output: { type: 'string', short: 'o' },
        jobs: { type: 'string', short: 'j' },
        'max-cells': { type: 'string' },
        correct: { type: 'boolean', default: false },
        together: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
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
  const read = readOptions(values['max-cells']);
  if (!read) {
    io.err(CLI_TEXT.badMaxCells[lang]);
    return EXIT.unusable;
  }
  // check also writes CSV and HTML reports; every other command prints text or JSON.
  const allowed: readonly string[] = command === 'check' ? CHECK_FORMATS : ['text', 'json'];
  const format = CHECK_FORMATS.find((known) => known === values.format && allowed.includes(known));
  if (!format) {
    io.err(formatMessage(CLI_TEXT.badFormat[lang], { allowed: allowed.join(', ') }));
    return EXIT.unusable;
  }
  const printed = format === 'json' ? 'json' : 'text';
  if (
    command !== 'rules' &&
    command !== 'check' &&
    command !== 'inspect' &&
    command !== 'fix' &&
    command !== 'revert' &&
    command !== 'compare'
  ) {
    io.err(formatMessage(CLI_TEXT.unknownCommand[lang], { command }));
    io.err(CLI_TEXT.usage[lang]);
    return EXIT.unusable;
  }
  if (files.length === 0 && command !== 'rules') {
    io.err(CLI_TEXT.noFiles[lang]);
    return EXIT.unusable;
  }
  const profile = await loadProfile(values.profile, lang, io);
  if (!profile) return EXIT.unusable;
  if (command === 'rules') return listRules(printed, lang, profile, io);
  // Folders, patterns, worker threads and the CSV and HTML reports: src/cli/check-command.ts.
  if (command === 'check')
    return runCheck(
      files,
      { format, lang, profile, jobs: values.jobs, output: values.output, read, together: values.together ?? false },
      io,
    );
  if (command === 'fix' || command === 'revert') {
    const [file] = files;
    const target = values.output;
    if (files.length !== 1 || !file || !target) {
      io.err(CLI_TEXT.fixUsage[lang]);
      return EXIT.unusable;
    }
    if (resolve(target) === resolve(file)) {
      io.err(CLI_TEXT.sameOutput[lang]);
      return EXIT.unusable;
    }
    // What is written is always an .xlsx package: another name would make Excel refuse or misread it.
    if (extname(target).toLowerCase() !== '.xlsx') {
      const suggestion = target.slice(0, target.length - extname(target).length) + '.xlsx';
      io.err(formatMessage(CLI_TEXT.outputNotXlsx[lang], { command, suggestion }));
      return EXIT.unusable;
    }
    return command === 'fix'
      ? fix(file, target, { format: printed, lang, profile, correct: values.correct ?? false, read }, io)
      : revert(file, target, printed, lang, io);
  }
  if (command === 'compare') return compare(files, printed, lang, profile, io, read);
  return inspect(files, printed, lang, profile, io, read);
}

/** `--max-cells N`: a positive whole number, or the reader's default without it. */
function readOptions(maxCells: string | undefined): ReadOptions | undefined {
  if (maxCells === undefined) return {};
  return /^[1-9]\d*$/.test(maxCells) ? { maxCells: Number(maxCells) } : undefined;
}

interface FixCommandOptions {
  format: 'text' | 'json';
  lang: Lang;
  profile: Profile;
  /** `--correct`: also replace wrong derived values by their formulas. */
  correct: boolean;
  read: ReadOptions;
}

async function fix(file: string, output: string, options: FixCommandOptions, io: Io): Promise<number> {
  const { format, lang, profile, correct, read } = options;
  const bytes = await readBytes(file);
  const result =
    bytes instanceof WorkbookReadError
      ? { ok: false as const, error: bytes }
      : fixWorkbook(bytes, file, { lang, profile, correct, ...read });
  if (!result.ok) {
    io.err(formatMessage(CLI_TEXT.unreadable[lang], { file, message: readErrorMessage(result.error, lang) }));
    return EXIT.unusable;
  }
  await writeFile(output, result.bytes);
  if (format === 'json') {
    io.out(
      JSON.stringify(
        {
          file,
          output,
          convertedFromXls: result.convertedFromXls,
          changes: result.changes.map(({ sheet, cell, formula, value, code, reason, old }) => ({
            sheet,
            cell,
            formula: `=${formula}`,
            value,
            code,
            reason,
            old,
          })),
          recomputed: result.recomputed.map(({ sheet, cell, formula, old, value }) => ({
            sheet,
            cell,
            formula: `=${formula}`,
            old,
            value,
          })),
          notRecomputed: result.notRecomputed.map(({ sheet, cell, formula }) => ({
            sheet,
            cell,
            formula: `=${formula}`,
          })),
        },
        null,
        2,
      ),
    );
  } else {
    if (result.convertedFromXls) io.out(formatMessage(CLI_TEXT.convertedFromXls[lang], { output }));
    io.out(formatMessage(CLI_TEXT.fixed[lang], { output, count: result.changes.length }));
    for (const change of result.changes)
      io.out(`  ${change.sheet}!${change.cell}  =${change.formula}  → ${change.value}  ${change.code}`);
    if (result.recomputed.length > 0)
      io.out(formatMessage(CLI_TEXT.recomputed[lang], { count: result.recomputed.length }));
    const [first] = result.notRecomputed;
    if (first)
      io.out(
        formatMessage(CLI_TEXT.notRecomputed[lang], {
          count: result.notRecomputed.length,
          first: `${first.sheet}!${first.cell}`,
        }),
      );
  }
  return EXIT.clean;
}

async function revert(file: string, output: string, format: 'text' | 'json', lang: Lang, io: Io): Promise<number> {
  const bytes = await readBytes(file);
  const result =
    bytes instanceof WorkbookReadError ? { ok: false as const, error: bytes } : revertWorkbook(bytes, file);
  if (!result.ok) {
    io.err(formatMessage(CLI_TEXT.unreadable[lang], { file, message: readErrorMessage(result.error, lang) }));
    return EXIT.unusable;
  }
  await writeFile(output, result.bytes);
  if (format === 'json') io.out(JSON.stringify({ file, output, restored: result.restored }, null, 2));
  else io.out(formatMessage(CLI_TEXT.reverted[lang], { output, count: result.restored }));
  return EXIT.clean;
}

/** The profile `--profile` names, or the default one without it. */
async function loadProfile(path: string | undefined, lang: Lang, io: Io): Promise<Profile | undefined> {
  if (path === undefined) return DEFAULT_PROFILE;
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

/** Every rule with its name, the severity it carries under the profile (or off) and what it checks. */
function listRules(format: 'text' | 'json', lang: Lang, profile: Profile, io: Io): number {
  const rules = RULES.map((rule) => {
    const severity: Severity | 'off' = severityOf(rule, profile) ?? 'off';
    return {
      code: rule.code,
      name: rule.name[lang],
      severity,
      description: rule.description[lang],
    };
  });
  if (format === 'json') io.out(JSON.stringify(rules, null, 2));
  else
    io.out(
      alignColumns(
        rules.map((r) => [
          r.code,
          r.severity === 'off' ? CLI_TEXT.ruleOff[lang] : SEVERITY_TEXT[r.severity][lang],
          r.name,
          r.description,
        ]),
      ),
    );
  return EXIT.clean;
}

async function inspect(
  files: string[],
  format: 'text' | 'json',
  lang: Lang,
  profile: Profile,
  io: Io,
  read: ReadOptions,
): Promise<number> {
  let exit: number = EXIT.clean;
  const models: unknown[] = [];
  for (const file of files) {
    const workbook = await readFileAsWorkbook(file, read);
    if (!workbook.ok) {
      io.err(formatMessage(CLI_TEXT.unreadable[lang], { file, message: readErrorMessage(workbook.error, lang) }));
      exit = EXIT.unusable;
      continue;
    }
    const { model, analysis } = checkWorkbook(workbook.workbook, { lang, profile });
    if (format === 'json') models.push({ file, model, facts: analysis.facts });
    else io.out(formatModelText(file, model, analysis.facts));
  }
  if (format === 'json') io.out(JSON.stringify(models, null, 2));
  return exit;
}

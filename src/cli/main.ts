import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkWorkbook } from '../core/check';
import { LangSchema, type Lang, type Severity } from '../core/finding';
import { coreText } from '../core/i18n';
import { readErrorMessage } from '../file/read-error';
import { fixWorkbook, revertWorkbook } from '../file/fix-workbook';
import type { ReadOptions } from '../file/read-workbook';
import { formatModelText } from './format';
import { readBytes, readFileAsWorkbook } from './check-file';
import { CHECK_FORMATS, runCheck } from './check-command';
import { EXIT } from './exit';
import { compare } from './compare';
import { NODE_IO, type Io } from './io';
import { cliText, type CliCatalog } from './i18n';
import { writeOutput } from './write-output';
import { DEFAULT_PROFILE, parseProfile, type Profile } from '../core/profile';
import { RULES, severityOf } from '../core/rules';
import { ruleName } from '../core/rule-names';
import { shownNumber } from '../core/shown';
import { alignColumns } from './text-width';

export { EXIT };

const OPTIONS = {
  format: { type: 'string', default: 'text' },
  lang: { type: 'string' },
  profile: { type: 'string' },
  output: { type: 'string', short: 'o' },
  jobs: { type: 'string', short: 'j' },
  'max-cells': { type: 'string' },
  correct: { type: 'boolean', default: false },
  together: { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const COMMANDS = ['check', 'fix', 'revert', 'compare', 'inspect', 'rules'] as const;
type Command = (typeof COMMANDS)[number];

/** The language of the environment: LC_ALL, LC_MESSAGES, then LANG (POSIX order); Chinese unless it says English. */
export function languageOf(env: Readonly<Record<string, string | undefined>>): Lang {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en(\b|[-_.]|$)/i.test(tag) ? 'en-US' : 'zh-CN';
}

/** The version in package.json (two folders up from src/cli and from dist/cli alike). */
export function packageVersion(): string {
  try {
    const text = readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}

/** The help: usage, then the commands and the options as two tables aligned by display width (CJK is two columns). */
export function helpText(lang: Lang): string {
  const h = cliText(lang).help;
  const table = (rows: ReadonlyArray<readonly [string, string]>) =>
    alignColumns(rows.map(([synopsis, what]) => [`  ${synopsis}`, what]));
  const commands = h.commands.map(([synopsis, what]) => [`score-audit ${synopsis}`, what] as const);
  return [h.usage, '', h.commandsHeading, table(commands), '', h.optionsHeading, table(h.options), '', ...h.notes].join(
    '\n',
  );
}

interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** The first thing wrong with the arguments, worded once the language is known. */
  problem?: (t: CliCatalog) => string;
}

/** Reads the arguments without Node's own (English) parser errors: every problem is one of ours. */
function parseArguments(argv: string[]): Parsed {
  const values: Record<string, string | boolean | undefined> = {};
  const positionals: string[] = [];
  let problem: Parsed['problem'];
  const note = (found: (t: CliCatalog) => string) => (problem ??= found);
  let tokens;
  try {
    ({ tokens } = parseArgs({ args: argv, allowPositionals: true, strict: false, tokens: true, options: OPTIONS }));
  } catch {
    return { values, positionals, problem: (t) => t.unknownOption(argv.join(' ')) };
  }
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const option = (OPTIONS as Record<string, { type: 'string' | 'boolean' }>)[token.name];
    if (!option) note((t) => t.unknownOption(token.rawName));
    else if (option.type === 'string') {
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-') && token.value.length > 1))
        note((t) => t.missingValue(token.rawName));
      else values[token.name] = token.value;
    } else if (token.inlineValue) note((t) => t.unexpectedValue(token.rawName));
    else values[token.name] = true;
  }
  return { values, positionals, problem };
}

/** Runs the command line; returns the exit code. Never throws for bad input. */
export async function main(argv: string[], io: Io = NODE_IO): Promise<number> {
  const envLang = languageOf(io.env ?? {});
  const { values, positionals, problem } = parseArguments(argv);
  // An argument error: one line saying what is wrong, then the usage line, in the user's language.
  const refuse = (lang: Lang, problem: (t: CliCatalog) => string, usage = true): number => {
    io.err(problem(cliText(lang)));
    if (usage) io.err(cliText(lang).usageLine);
    return EXIT.unusable;
  };
  const string = (name: keyof typeof OPTIONS) => (typeof values[name] === 'string' ? values[name] : undefined);
  const flag = (name: keyof typeof OPTIONS) => values[name] === true;
  const langOption = string('lang');
  const langResult = LangSchema.safeParse(langOption ?? envLang);
  if (!langResult.success) return refuse(envLang, (t) => t.badLang);
  const lang: Lang = langResult.data;
  if (problem) return refuse(lang, problem);
  const t = cliText(lang);
  if (flag('version')) {
    io.out(t.version(packageVersion()));
    return EXIT.clean;
  }
  const [command, ...files] = positionals;
  if (flag('help')) {
    io.out(helpText(lang));
    return EXIT.clean;
  }
  if (!command) return refuse(lang, (c) => c.noCommand);
  if (!(COMMANDS as readonly string[]).includes(command)) return refuse(lang, (c) => c.unknownCommand(command));
  const read = readOptions(string('max-cells'));
  if (!read) return refuse(lang, (c) => c.badMaxCells);
  // check also writes CSV and HTML reports; every other command prints text or JSON.
  const allowed: readonly string[] = command === 'check' ? CHECK_FORMATS : ['text', 'json'];
  const format = CHECK_FORMATS.find((known) => known === (string('format') ?? 'text') && allowed.includes(known));
  if (!format) return refuse(lang, (c) => c.badFormat(allowed.join(', ')));
  const printed = format === 'json' ? 'json' : 'text';
  if (files.length === 0 && command !== 'rules') return refuse(lang, (c) => c.noFiles);
  const profile = await loadProfile(string('profile'), lang, io);
  if (!profile) return EXIT.unusable;
  switch (command as Command) {
    case 'rules':
      return listRules(printed, lang, profile, io);
    case 'check':
      // Folders, patterns, worker threads and the CSV and HTML reports: src/cli/check-command.ts.
      return runCheck(
        files,
        { format, lang, profile, jobs: string('jobs'), output: string('output'), read, together: flag('together') },
        io,
      );
    case 'fix':
    case 'revert': {
      const [file] = files;
      const target = string('output');
      if (files.length !== 1 || !file || !target)
        return refuse(lang, (c) => (command === 'fix' ? c.fixUsage : c.revertUsage), false);
      if (resolve(target) === resolve(file)) {
        io.err(t.sameOutput);
        return EXIT.unusable;
      }
      // What is written is always an .xlsx package: another name would make Excel refuse or misread it.
      if (extname(target).toLowerCase() !== '.xlsx') {
        io.err(t.outputNotXlsx(command, target.slice(0, target.length - extname(target).length) + '.xlsx'));
        return EXIT.unusable;
      }
      if (!flag('force') && existsSync(target)) {
        io.err(t.outputExists(target));
        return EXIT.unusable;
      }
      return command === 'fix'
        ? fix(file, target, { format: printed, lang, profile, correct: flag('correct'), read }, io)
        : revert(file, target, printed, lang, io);
    }
    case 'compare':
      if (files.length !== 2) return refuse(lang, (c) => c.compareUsage, false);
      return compare(files, printed, lang, profile, io, read);
    case 'inspect':
      return inspect(files, printed, lang, profile, io, read);
  }
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
  const t = cliText(lang);
  const bytes = await readBytes(file);
  const result = bytes.ok ? fixWorkbook(bytes.bytes, file, { lang, profile, correct, ...read }) : bytes;
  if (!result.ok) {
    io.err(t.unreadable(file, readErrorMessage(result.error, lang)));
    return EXIT.unusable;
  }
  // Nothing to change: say so and write nothing (not even an .xls converted to .xlsx).
  const written = result.changes.length > 0;
  if (written && !(await writeOutput(output, result.bytes, lang, io))) return EXIT.unusable;
  if (format === 'json') {
    io.out(
      JSON.stringify(
        {
          file,
          output,
          written,
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
  } else if (!written) io.out(t.nothingToFix(file, correct));
  else {
    if (result.convertedFromXls) io.out(t.convertedFromXls(output));
    io.out(t.fixed(output, result.changes.length));
    io.out(
      alignColumns(
        result.changes.map((change) => [
          `  ${change.sheet}!${change.cell}`,
          `=${change.formula}`,
          `→ ${typeof change.value === 'number' ? shownNumber(change.value, change.format ?? change.old.format, { exact: true }) : change.value}`,
          ruleName(change.code, lang),
        ]),
      ),
    );
    if (result.recomputed.length > 0) io.out(t.recomputed(result.recomputed.length));
    const [first] = result.notRecomputed;
    if (first) io.out(t.notRecomputed(result.notRecomputed.length, `${first.sheet}!${first.cell}`));
  }
  return EXIT.clean;
}

async function revert(file: string, output: string, format: 'text' | 'json', lang: Lang, io: Io): Promise<number> {
  const t = cliText(lang);
  const bytes = await readBytes(file);
  const result = bytes.ok ? revertWorkbook(bytes.bytes, file) : bytes;
  if (!result.ok) {
    io.err(t.unreadable(file, readErrorMessage(result.error, lang)));
    return EXIT.unusable;
  }
  if (!result.audited) {
    io.err(t.noAuditSheet(file));
    return EXIT.unusable;
  }
  if (!(await writeOutput(output, result.bytes, lang, io))) return EXIT.unusable;
  if (format === 'json') io.out(JSON.stringify({ file, output, restored: result.restored }, null, 2));
  else io.out(t.reverted(output, result.restored));
  return EXIT.clean;
}

/** The profile `--profile` names, or the default one without it. */
async function loadProfile(path: string | undefined, lang: Lang, io: Io): Promise<Profile | undefined> {
  if (path === undefined) return DEFAULT_PROFILE;
  const t = cliText(lang);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    io.err(t.badProfile(path, t.profileNotFound));
    return undefined;
  }
  const result = parseProfile(text, lang);
  if (result.ok) return result.profile;
  io.err(t.badProfile(path, result.error));
  return undefined;
}

/** Every rule with its code, name, the severity it carries under the profile (or off) and what it checks. */
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
  const words = coreText(lang);
  if (format === 'json') io.out(JSON.stringify(rules, null, 2));
  else
    io.out(
      alignColumns([
        cliText(lang).rulesHeadings,
        ...rules.map((r) => [
          r.code,
          r.severity === 'off' ? words.off : words.severity[r.severity],
          r.name,
          r.description,
        ]),
      ]),
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
      io.err(cliText(lang).unreadable(file, readErrorMessage(workbook.error, lang)));
      exit = EXIT.unusable;
      continue;
    }
    const { model, analysis } = checkWorkbook(workbook.workbook, { lang, profile });
    if (format === 'json') models.push({ file, model, facts: analysis.facts });
    else io.out(formatModelText(file, model, analysis.facts, lang));
  }
  if (format === 'json') io.out(JSON.stringify(models, null, 2));
  return exit;
}

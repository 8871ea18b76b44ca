import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Lang } from '../core/finding';
import { coreText } from '../core/i18n';
import type { Profile } from '../core/profile';
import { readErrorMessage } from '../file/read-error';
import type { ReadOptions } from '../file/read-workbook';
import { readFileAsWorkbook, type FileCheck } from './check-file';
import { basename } from 'node:path';
import { checkSubmission } from '../core/submission';
import { reportedFinding } from '../core/finding';
import { WorkbookReadError } from '../file/read-error';
import { collectFiles } from './collect-files';
import { EXIT, type ExitCode } from './exit';
import { formatCheckText } from './format';
import { checkFiles } from './pool';
import { ProgressBar } from './progress';
import { formatCsvReport } from './report-csv';
import { formatHtmlReport } from './report-html';
import { cliText } from './i18n';
import { batchTotals } from './report-text';
import { writeOutput } from './write-output';
import type { Io } from './io';

export const CHECK_FORMATS = ['text', 'json', 'csv', 'html'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface CheckCommandOptions {
  format: CheckFormat;
  lang: Lang;
  profile: Profile;
  /** `--jobs` as typed; the default is one worker per core. */
  jobs?: string;
  /** `-o`: the report goes to this file instead of stdout. */
  output?: string;
  read?: ReadOptions;
  /** `--together`: the files are one submission (the forms of one project), reconciled as one workbook. */
  together?: boolean;
}

/**
 * `check --together`: every file read, the readable ones checked as one submission. Each file keeps its own report
 * element with the findings located in it; a finding resting on a cell of another file names that cell's sheet as
 * `[file]sheet` in `related`. Files are named as given on the command line.
 */
async function checkTogether(files: readonly string[], options: CheckCommandOptions): Promise<FileCheck[]> {
  const read = await Promise.all(files.map((file) => readFileAsWorkbook(file, options.read)));
  const readable = files.flatMap((file, i) => {
    const result = read[i];
    return result?.ok ? [{ name: basename(file), file, snapshot: result.workbook }] : [];
  });
  // Two files of one name in different folders are told apart by their path.
  const names = new Set<string>();
  for (const r of readable) {
    if (names.has(r.name)) r.name = r.file;
    names.add(r.name);
  }
  const checked = new Map(
    checkSubmission(readable, { lang: options.lang, profile: options.profile }).map((c, i) => [readable[i]?.file, c]),
  );
  return files.map((file, i): FileCheck => {
    const result = read[i];
    if (!result?.ok) return { file, ok: false, error: result?.error ?? new WorkbookReadError('corrupt') };
    const own = checked.get(file);
    return {
      file,
      ok: true,
      summary: own?.summary ?? { totalScore: null, grade: null, errors: 0, warnings: 0, infos: 0 },
      findings: (own?.findings ?? []).map(reportedFinding),
    };
  });
}

/** The report element CONTRACT.md fixes: `{ file, ok, error?, summary, findings }`. */
export function contractEntry(check: FileCheck, lang: Lang): object {
  if (check.ok) return { file: check.file, ok: true, summary: check.summary, findings: check.findings };
  return {
    file: check.file,
    ok: false,
    error: readErrorMessage(check.error, lang),
    summary: { totalScore: null, grade: null, errors: 0, warnings: 0, infos: 0 },
    findings: [],
  };
}

function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return availableParallelism();
  return /^[1-9]\d*$/.test(value) ? Number(value) : undefined;
}

function formatReport(checks: readonly FileCheck[], format: Exclude<CheckFormat, 'text'>, lang: Lang): string {
  switch (format) {
    case 'json':
      return JSON.stringify(
        checks.map((check) => contractEntry(check, lang)),
        null,
        2,
      );
    case 'csv':
      return formatCsvReport(checks, lang);
    case 'html':
      return formatHtmlReport(checks, lang);
  }
}

/**
 * `check FILE|FOLDER|PATTERN...`: collects the workbooks, checks them in worker threads and reports them in the order
 * collected, whichever finishes first. Text streams out file by file; the other formats are written once, at the end.
 */
export async function runCheck(args: readonly string[], options: CheckCommandOptions, io: Io): Promise<ExitCode> {
  const { format, lang, profile, output } = options;
  const jobs = parseJobs(options.jobs);
  if (jobs === undefined) {
    io.err(cliText(lang).badJobs);
    io.err(cliText(lang).usageLine);
    return EXIT.unusable;
  }
  const { files, empty } = await collectFiles(args);
  for (const arg of empty) io.err(cliText(lang).noWorkbooks(arg));
  if (files.length === 0) return EXIT.unusable;
  if (output !== undefined && files.some((file) => resolve(file) === resolve(output))) {
    io.err(cliText(lang).sameOutput);
    return EXIT.unusable;
  }

  const progress =
    format === 'text' && io.errStream?.isTTY ? new ProgressBar(io.errStream, files.length, lang) : undefined;
  const results: Array<FileCheck | undefined> = new Array(files.length);
  if (options.together) {
    const checks = await checkTogether(files, options);
    checks.forEach((check, index) => {
      results[index] = check;
    });
  }
  const text: string[] = [];
  let reported = 0;
  let finished = 0;
  // Results arrive in any order; each is printed once every file before it has been.
  const reportReady = () => {
    for (let check = results[reported]; check; check = results[++reported]) {
      progress?.clear();
      if (!check.ok) io.err(cliText(lang).unreadable(check.file, readErrorMessage(check.error, lang)));
      else if (format === 'text')
        (output === undefined ? io.out : (line: string) => text.push(line))(formatCheckText(check.file, check, lang));
    }
  };
  if (options.together) reportReady();
  else
    await checkFiles(files, {
      jobs,
      lang,
      profile,
      read: options.read,
      onResult: (index, check) => {
        results[index] = check;
        reportReady();
        progress?.update(++finished, check.file);
      },
    });
  progress?.clear();

  const checks = results as FileCheck[];
  // A batch ends with one line of totals (files, errors, warnings, infos, unreadable), for people: text or a written report.
  const total = checks.length > 1 ? coreText(lang).report.overview(batchTotals(checks)) : undefined;
  if (output !== undefined || format !== 'text') {
    const report =
      format === 'text' ? `${[...text, ...(total ? [total] : [])].join('\n')}\n` : formatReport(checks, format, lang);
    if (output === undefined) io.out(report.replace(/\r?\n$/, ''));
    else if (await writeOutput(output, report, lang, io)) {
      io.out(cliText(lang).reportWritten(output, checks.length));
      if (total) io.out(total);
    } else return EXIT.unusable;
  } else if (total) io.out(total);
  if (empty.length > 0 || checks.some((check) => !check.ok)) return EXIT.unusable;
  return checks.some((check) => check.ok && check.summary.errors > 0) ? EXIT.errors : EXIT.clean;
}

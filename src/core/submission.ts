import { checkWorkbook, type CheckOptions, type CheckResult, type CheckSummary } from './check';
import type { CellRef, Finding } from './finding';
import type { WorkbookSnapshot } from './snapshot';

/**
 * Several files checked as one submission (the national forms of one project exported separately): their sheets are
 * put in one snapshot under names qualified by file, `[自评表.xls]项目支出绩效自评表` (the way Excel names a sheet of
 * another workbook), checked once, and the findings handed back to the file each is located in. A finding keeps the
 * plain sheet name of its own file; a related cell in another file keeps the qualified name, so it says which file.
 */

export interface SubmissionFile {
  name: string;
  snapshot: WorkbookSnapshot;
}

export interface FileFindings {
  name: string;
  summary: CheckSummary;
  findings: Finding[];
}

/** The qualified name of a sheet of a file in a submission. */
export function qualifiedSheet(file: string, sheet: string): string {
  return `[${file}]${sheet}`;
}

/** One snapshot of every file's sheets, names qualified by file. */
export function combineSnapshots(files: readonly SubmissionFile[]): WorkbookSnapshot {
  return {
    sheets: files.flatMap((file) =>
      file.snapshot.sheets.map((sheet) => ({ ...sheet, name: qualifiedSheet(file.name, sheet.name) })),
    ),
  };
}

function unqualify(ref: CellRef, prefix: string): CellRef {
  return ref.sheet.startsWith(prefix) ? { ...ref, sheet: ref.sheet.slice(prefix.length) } : ref;
}

/** Checks the files as one submission; each file gets the findings located in it and its own summary. */
export function checkSubmission(files: readonly SubmissionFile[], options: CheckOptions = {}): FileFindings[] {
  if (files.length === 1) {
    const [file] = files as [SubmissionFile];
    const { summary, findings } = checkWorkbook(file.snapshot, options);
    return [{ name: file.name, summary, findings }];
  }
  const combined: CheckResult = checkWorkbook(combineSnapshots(files), options);
  return files.map((file) => {
    const prefix = `[${file.name}]`;
    const own = checkWorkbook(file.snapshot, options);
    const findings = combined.findings
      .filter((f) => f.sheet.startsWith(prefix))
      .map((f) => {
        const located: Finding = { ...f, sheet: f.sheet.slice(prefix.length) };
        if (f.related) located.related = f.related.map((r) => unqualify(r, prefix));
        if (f.fix) located.fix = { ...f.fix, writes: f.fix.writes.map((w) => ({ ...w, ...unqualify(w, prefix) })) };
        return located;
      });
    const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
    return {
      name: file.name,
      summary: {
        totalScore: own.summary.totalScore,
        grade: own.summary.grade,
        errors: count('error'),
        warnings: count('warning'),
        infos: count('info'),
      },
      findings,
    };
  });
}

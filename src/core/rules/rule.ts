import type { CellRef, Lang, Localized, Severity } from '../finding';
import type { SheetGrid } from '../grid';
import type { WorkbookModel } from '../model';
import type { Profile } from '../profile';
import type { WorkbookSnapshot } from '../snapshot';
import type { Analysis } from '../analysis';

/** What every rule sees: the snapshot, its grids, the recognised model and the profile. */
export interface RuleContext {
  snapshot: WorkbookSnapshot;
  grids: ReadonlyMap<string, SheetGrid>;
  model: WorkbookModel;
  profile: Profile;
  /** Values computed once for all rules: derived rates, scores from standards. */
  analysis: Analysis;
}

/** A message argument: a number, data from the workbook, or a word the rule says in both languages. */
export type MessageArgument = string | number | Localized;

/** One problem a rule reports, before its message is put in the user's language. */
export interface RuleReport {
  messageId: string;
  data: Readonly<Record<string, MessageArgument>>;
  sheet: string;
  cell: string;
  expected?: number | string;
  actual?: number | string | null;
  related?: CellRef[];
  /** Cells covered when `cell` is a range. */
  count?: number;
}

/** A rule, kept the ESLint way: code, severity, messages in both languages, a description, and its check. */
export interface Rule {
  code: string;
  severity: Severity;
  description: Localized;
  messages: Readonly<Record<string, Localized>>;
  check(context: RuleContext): RuleReport[];
}

export type { Lang };

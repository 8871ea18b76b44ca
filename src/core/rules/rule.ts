import type { CellRef, FindingCode, FixWrite, Lang, Localized, Severity } from '../finding';
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

/** A cell a rule's fix writes, with its reason in both languages (put in the user's language with the message). */
export type ProposedWrite = Omit<FixWrite, 'reason'> & { reason: Localized };

/** The fix a rule attaches to its report: the writes that answer it, and whether they fill blanks or correct. */
export interface ProposedFix {
  kind: 'fill' | 'correct';
  writes: ProposedWrite[];
}

/** One problem a rule reports, before its message is put in the user's language. */
export interface RuleReport<MessageId extends string = string> {
  messageId: MessageId;
  data: Readonly<Record<string, MessageArgument>>;
  sheet: string;
  cell: string;
  expected?: number | string;
  actual?: number | string | null;
  /** `expected` and `actual` as the cell displays them. */
  expectedText?: string;
  actualText?: string;
  related?: CellRef[];
  /** Cells covered when `cell` is a range. */
  count?: number;
  fix?: ProposedFix;
}

/** A rule, kept the ESLint way: code, severity, names and messages in both languages, and its check. */
export interface RuleDefinition<MessageId extends string> {
  code: FindingCode;
  /** The severity unless the profile sets another. */
  severity: Severity;
  /** A short name, the title of its findings. */
  name: Localized;
  description: Localized;
  messages: Readonly<Record<MessageId, Localized>>;
  /** Reports may use only the message ids above: a wrong id fails the build. */
  check(context: RuleContext): Array<RuleReport<NoInfer<MessageId>>>;
}

export type Rule = RuleDefinition<string>;

/** Declares a rule; its message ids are inferred from `messages` and checked against every report. */
export function defineRule<const MessageId extends string>(rule: RuleDefinition<MessageId>): Rule {
  return rule;
}

export type { Lang };

import type { SheetGrid } from '../grid';
import type { Table } from '../model';
import type { Profile } from '../profile';
import { normalizeLabel } from '../text';
import { headerColumns, type HeaderColumn } from './header-row';
import { headerRole } from './vocabulary';

/** Longest text that can be a header or label; longer texts are prose (standards, explanations). */
const MAX_LABEL_LENGTH = 30;

/** A table read from the rows it starts at, and the last row it claims. */
export interface Found<T extends Table = Table> {
  table: T;
  lastRow: number;
}

/**
 * What a recognizer is shown of a row that may open a table. Computed once per row and shared, so no recognizer
 * depends on another having looked first: the header roles and the row's short texts are the same for all.
 */
export class RowView {
  private header: HeaderColumn[] | undefined;
  private shortTexts: string[] | undefined;
  private headerWord: boolean | undefined;

  constructor(
    readonly grid: SheetGrid,
    readonly row: number,
    readonly profile: Profile,
  ) {}

  /** The row's short texts (headers, labels), normalised; prose is left out. */
  get texts(): string[] {
    this.shortTexts ??= this.grid
      .cellsInRow(this.row)
      .flatMap((cell) =>
        cell.value.type === 'text' && cell.value.value.length <= MAX_LABEL_LENGTH
          ? [normalizeLabel(cell.value.value)]
          : [],
      );
    return this.shortTexts;
  }

  /** True when one of the row's own texts is a header word (the header-led layouts start only there). */
  get namesHeaderRole(): boolean {
    this.headerWord ??= this.texts.some((text) => headerRole(text) !== undefined);
    return this.headerWord;
  }

  /** The header roles (一级指标, 分值, 得分, 年初预算数 …) the row's cells name, left to right. */
  get headerColumns(): HeaderColumn[] {
    this.header ??= headerColumns(this.grid, this.row);
    return this.header;
  }
}

/**
 * One layout the engine reads, kept the way rules are: a kind, a cheap test of where it may start, and its reader.
 * A new layout is one new file with its recognizer and tests, added to RECOGNIZERS (src/core/recognize/registry.ts).
 */
export interface Recognizer {
  /** The kind of table it reads. */
  kind: Table['kind'];
  /** A short name for inspect and tests. */
  name: string;
  /** A cheap test: may a table of this kind start at this row? (Only then is `read` called.) */
  startsAt(view: RowView): boolean;
  /** Reads the table starting at the row, or undefined when the rows below do not make one. */
  read(view: RowView): Found | undefined;
}

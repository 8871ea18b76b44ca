import { tooManyCells } from './read-error';

/** Counts cells as a reader adds them and stops the read as soon as the workbook passes its limit. */
export class CellBudget {
  private remaining: number;

  constructor(readonly maxCells: number) {
    this.remaining = maxCells;
  }

  /** Call once per cell added to the snapshot; throws the typed 'too-large' error past the limit. */
  take(): void {
    if (--this.remaining < 0) throw tooManyCells(this.maxCells);
  }
}

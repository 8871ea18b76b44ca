import { WorkbookReadError } from '../read-error';

/** BIFF5/BIFF8 record ids used by the reader. */
export const Rec = {
  BOF: 0x0809,
  EOF: 0x000a,
  CONTINUE: 0x003c,
  FILEPASS: 0x002f,
  CODEPAGE: 0x0042,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  FORMAT: 0x041e,
  XF: 0x00e0,
  NAME: 0x0018,
  SUPBOOK: 0x01ae,
  EXTERNNAME: 0x0023,
  EXTERNSHEET: 0x0017,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
  SHRFMLA: 0x04bc,
  ARRAY: 0x0221,
  MERGEDCELLS: 0x00e5,
} as const;

/** BOF substream types (BOF.dt). */
export const Substream = { globals: 0x0005, worksheet: 0x0010, chart: 0x0020, macro: 0x0040 } as const;

export function corrupt(detail: string): WorkbookReadError {
  return new WorkbookReadError('corrupt', detail);
}

/** Fails unless a record carries at least `min` bytes; cell records shorter than their fixed part are garbled. */
export function requireLength(cursor: RecordCursor, min: number): void {
  if (cursor.length < min) {
    throw corrupt(`record 0x${cursor.id.toString(16)} at ${cursor.start - 4} is ${cursor.length} bytes, needs ${min}`);
  }
}

/**
 * Walks the records of a BIFF stream without allocating per record: `id`, `start` (first data byte) and
 * `length` describe the current record.
 */
export class RecordCursor {
  id = -1;
  start = 0;
  length = 0;
  private nextPosition: number;

  constructor(
    readonly bytes: Uint8Array,
    readonly view: DataView,
    position = 0,
  ) {
    this.nextPosition = position;
  }

  get end(): number {
    return this.start + this.length;
  }

  /** Moves to the record whose header starts at `position`. */
  seek(position: number): void {
    this.nextPosition = position;
  }

  /** Advances to the next record; false at the end of the stream. A record cut off by the stream end is corrupt. */
  next(): boolean {
    const position = this.nextPosition;
    const size = this.bytes.length;
    if (position >= size) return false;
    if (position + 4 > size) throw corrupt(`record header cut off at ${position}`);
    this.id = this.view.getUint16(position, true);
    this.length = this.view.getUint16(position + 2, true);
    this.start = position + 4;
    this.nextPosition = this.start + this.length;
    if (this.nextPosition > size)
      throw corrupt(`record 0x${this.id.toString(16)} at ${position} runs past the end of the stream`);
    return true;
  }

  /** Id of the record after the current one, without moving; -1 at the end of the stream. */
  peekId(): number {
    const position = this.nextPosition;
    return position + 4 <= this.bytes.length ? this.view.getUint16(position, true) : -1;
  }

  /**
   * A reader over the current record's data and the CONTINUE records that follow it (records over 8224 bytes
   * are split that way). Leaves the cursor on the last CONTINUE.
   */
  readContinued(): ContinuedReader {
    const segments = [this.start, this.end];
    while (this.peekId() === Rec.CONTINUE) {
      this.next();
      segments.push(this.start, this.end);
    }
    return new ContinuedReader(this.bytes, this.view, segments);
  }
}

/**
 * Reads the data of a record that may continue into CONTINUE records. Plain reads cross segment boundaries
 * transparently; `chars` handles the string rule that a CONTINUE splitting character data restates the
 * high-byte flag in its first byte.
 */
export class ContinuedReader {
  private segment = 0;
  private position: number;
  private segmentEnd: number;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly view: DataView,
    /** Flat [start, end, start, end, …] byte ranges of the record and its CONTINUE records. */
    private readonly segments: number[],
  ) {
    this.position = segments[0] ?? 0;
    this.segmentEnd = segments[1] ?? 0;
  }

  /** True when every segment has been consumed. */
  get atEnd(): boolean {
    return this.position >= this.segmentEnd && this.segment + 2 >= this.segments.length;
  }

  /** Bytes left in the current segment. */
  get leftInSegment(): number {
    return this.segmentEnd - this.position;
  }

  /** Moves to the start of the next segment; fails when there is none. */
  private enterNextSegment(): void {
    this.segment += 2;
    const start = this.segments[this.segment];
    const end = this.segments[this.segment + 1];
    if (start === undefined || end === undefined) throw corrupt('record data ends early');
    this.position = start;
    this.segmentEnd = end;
  }

  u8(): number {
    while (this.position >= this.segmentEnd) this.enterNextSegment();
    return this.bytes[this.position++] as number;
  }

  u16(): number {
    if (this.position + 2 <= this.segmentEnd) {
      const value = this.view.getUint16(this.position, true);
      this.position += 2;
      return value;
    }
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    if (this.position + 4 <= this.segmentEnd) {
      const value = this.view.getUint32(this.position, true);
      this.position += 4;
      return value;
    }
    return (this.u16() + this.u16() * 0x10000) >>> 0;
  }

  skip(count: number): void {
    let left = count;
    while (left > 0) {
      while (this.position >= this.segmentEnd) this.enterNextSegment();
      const step = Math.min(left, this.segmentEnd - this.position);
      this.position += step;
      left -= step;
    }
  }

  /**
   * `count` characters, 1 or 2 bytes each as `highByte` says at first; every CONTINUE boundary inside the
   * characters starts with a fresh flag byte.
   */
  chars(
    count: number,
    highByte: boolean,
    decode: (bytes: Uint8Array, start: number, end: number, wide: boolean) => string,
  ): string {
    let wide = highByte;
    let left = count;
    let text = '';
    while (left > 0) {
      if (this.position >= this.segmentEnd) {
        this.enterNextSegment();
        if (this.position < this.segmentEnd) wide = ((this.bytes[this.position++] as number) & 0x01) !== 0;
        continue;
      }
      const width = wide ? 2 : 1;
      const take = Math.min(left, Math.floor((this.segmentEnd - this.position) / width));
      if (take === 0) throw corrupt('string character split across records');
      const end = this.position + take * width;
      text += decode(this.bytes, this.position, end, wide);
      this.position = end;
      left -= take;
    }
    return text;
  }
}

/** BIFF error codes (BOOLERR, FORMULA results, PtgErr) as the error text Excel shows. */
const ERROR_TEXTS: Readonly<Record<number, string>> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

export function errorText(code: number): string | undefined {
  return ERROR_TEXTS[code];
}

import * as CFB from 'cfb';
import type { Cell, Sheet } from '../../core/snapshot';
import { WorkbookReadError } from '../read-error';
import { readXls } from './read-xls';

/*
 * Hand-built BIFF streams, for records and tokens LibreOffice never writes: BOOLERR, MULRK, RK forms, RSTRING,
 * SST strings split with a changed high-byte flag, tAttrChoose, array constants, add-in functions, 3D
 * references through EXTERNSHEET (also inside shared formulas), ARRAY formulas, embedded chart substreams,
 * BIFF5 with code-page 936 strings, and FILEPASS.
 */

type Bytes = number[];

const u8 = (n: number): Bytes => [n & 0xff];
const u16 = (n: number): Bytes => [n & 0xff, (n >> 8) & 0xff];
const u32 = (n: number): Bytes => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const f64 = (n: number): Bytes => {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n, true);
  return [...new Uint8Array(view.buffer)];
};
const utf16 = (text: string): Bytes => [...text].flatMap((ch) => u16(ch.charCodeAt(0)));
const isCompressible = (text: string): boolean => [...text].every((ch) => ch.charCodeAt(0) < 0x100);
/** Characters with their BIFF8 flags byte, compressed when every character fits in one byte. */
const chars = (text: string): Bytes =>
  isCompressible(text) ? [0, ...[...text].map((ch) => ch.charCodeAt(0))] : [1, ...utf16(text)];
/** XLUnicodeString (16-bit count) and ShortXLUnicodeString (8-bit count). */
const str16 = (text: string): Bytes => [...u16(text.length), ...chars(text)];
const str8 = (text: string): Bytes => [...u8(text.length), ...chars(text)];

const GBK: Record<string, Bytes> = {
  得: [0xb5, 0xc3],
  分: [0xb7, 0xd6],
  项: [0xcf, 0xee],
  目: [0xc4, 0xbf],
  优: [0xd3, 0xc5],
  秀: [0xd0, 0xe3],
  表: [0xb1, 0xed],
  说: [0xcb, 0xb5],
  明: [0xc3, 0xf7],
};
const gbk = (text: string): Bytes => [...text].flatMap((ch) => GBK[ch] ?? [ch.charCodeAt(0)]);

const record = (id: number, ...fields: Bytes[]): Bytes => {
  const data = fields.flat();
  return [...u16(id), ...u16(data.length), ...data];
};

const BOF8 = (type: number): Bytes => record(0x0809, u16(0x0600), u16(type), u16(0x0dbb), u16(0x07cc), u32(0), u32(6));
const BOF5 = (type: number): Bytes => record(0x0809, u16(0x0500), u16(type), u16(0x0dbb), u16(0x07cc));
const EOF: Bytes = record(0x000a);
const GLOBALS = 0x0005;
const WORKSHEET = 0x0010;
const CHART = 0x0020;

interface SheetPart {
  name: Bytes;
  state: number;
  type: number;
  records: Bytes[];
}

/** A Workbook/Book stream: globals with BOUNDSHEETs pointing at the sheet substreams that follow. */
function stream(biff: 5 | 8, before: Bytes[], after: Bytes[], sheets: SheetPart[]): Uint8Array {
  const bof = biff === 8 ? BOF8 : BOF5;
  const globals = (offsets: number[]): Bytes =>
    [
      bof(GLOBALS),
      ...before,
      ...sheets.map((sheet, i) => record(0x0085, u32(offsets[i] ?? 0), u8(sheet.state), u8(sheet.type), sheet.name)),
      ...after,
      EOF,
    ].flat();
  const bodies = sheets.map((sheet) => [bof(sheet.type === 2 ? CHART : WORKSHEET), ...sheet.records, EOF].flat());
  const offsets: number[] = [];
  let position = globals([]).length;
  for (const body of bodies) {
    offsets.push(position);
    position += body.length;
  }
  return new Uint8Array([...globals(offsets), ...bodies.flat()]);
}

function oleFile(streams: Record<string, Uint8Array>): Uint8Array {
  const container = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(container, name, content);
  return Uint8Array.from(CFB.write(container, { type: 'array' }) as ArrayLike<number>);
}

// Cell records.
const cellHeader = (row: number, col: number, xf = 0): Bytes => [...u16(row), ...u16(col), ...u16(xf)];
const LABELSST = (row: number, col: number, index: number, xf = 0): Bytes =>
  record(0x00fd, cellHeader(row, col, xf), u32(index));
const NUMBER = (row: number, col: number, value: number, xf = 0): Bytes =>
  record(0x0203, cellHeader(row, col, xf), f64(value));
const RK = (row: number, col: number, rk: number, xf = 0): Bytes => record(0x027e, cellHeader(row, col, xf), u32(rk));
const BOOLERR = (row: number, col: number, value: number, isError: boolean): Bytes =>
  record(0x0205, cellHeader(row, col), u8(value), u8(isError ? 1 : 0));
const rkInteger = (n: number): number => ((n << 2) | 0x02) >>> 0;
/** The top 32 bits of the double, which must have zero low bits. */
const rkFloat = (n: number): number => new DataView(new Uint8Array(f64(n)).buffer).getUint32(4, true);

// FORMULA cached results.
const numberResult = (n: number): Bytes => f64(n);
const tagged = (type: number, value = 0): Bytes => [type, 0, value, 0, 0, 0, 0xff, 0xff];
const stringResult = tagged(0);
const FORMULA = (row: number, col: number, result: Bytes, rgce: Bytes, extra: Bytes = [], xf = 0): Bytes =>
  record(0x0006, cellHeader(row, col, xf), result, u16(0), u32(0), u16(rgce.length), rgce, extra);
const STRING8 = (text: string): Bytes => record(0x0207, str16(text));
const SHRFMLA = (r1: number, r2: number, c1: number, c2: number, rgce: Bytes): Bytes =>
  record(0x04bc, u16(r1), u16(r2), u8(c1), u8(c2), u8(0), u8(r2 - r1 + 1), u16(rgce.length), rgce);
const ARRAY = (r1: number, r2: number, c1: number, c2: number, rgce: Bytes): Bytes =>
  record(0x0221, u16(r1), u16(r2), u8(c1), u8(c2), u16(0), u32(0), u16(rgce.length), rgce);

// Formula tokens (BIFF8).
const flags = (rowRelative: boolean, colRelative: boolean): number =>
  (rowRelative ? 0x8000 : 0) | (colRelative ? 0x4000 : 0);
const ref = (row: number, col: number, rowRel = true, colRel = true): Bytes => [
  0x44,
  ...u16(row),
  ...u16(col | flags(rowRel, colRel)),
];
const area = (r1: number, c1: number, r2: number, c2: number, rel = true): Bytes => [
  0x25,
  ...u16(r1),
  ...u16(r2),
  ...u16(c1 | flags(rel, rel)),
  ...u16(c2 | flags(rel, rel)),
];
const refN = (rowOffset: number, colOffset: number): Bytes => [
  0x4c,
  ...u16(rowOffset & 0xffff),
  ...u16((colOffset & 0xff) | 0xc000),
];
const ref3d = (xti: number, row: number, col: number, rowRel = false, colRel = false): Bytes => [
  0x5a,
  ...u16(xti),
  ...u16(row & 0xffff),
  ...u16((col & 0xff) | flags(rowRel, colRel)),
];
const area3d = (xti: number, r1: number, c1: number, r2: number, c2: number): Bytes => [
  0x3b,
  ...u16(xti),
  ...u16(r1),
  ...u16(r2),
  ...u16(c1 | 0xc000),
  ...u16(c2 | 0xc000),
];
const int = (n: number): Bytes => [0x1e, ...u16(n)];
const num = (n: number): Bytes => [0x1f, ...f64(n)];
const str = (text: string): Bytes => [0x17, ...str8(text)];
const func = (id: number): Bytes => [0x41, ...u16(id)];
const funcVar = (argc: number, id: number): Bytes => [0x42, argc, ...u16(id)];
const attr = (bits: number, data: number, ...rest: number[]): Bytes => [0x19, bits, ...u16(data), ...rest.flatMap(u16)];
const name = (index: number): Bytes => [0x43, ...u32(index)];
const nameX = (xti: number, index: number): Bytes => [0x59, ...u16(xti), ...u32(index)];
const arrayToken: Bytes = [0x60, 0, 0, 0, 0, 0, 0, 0];
const ADD = [0x03],
  SUB = [0x04],
  MUL = [0x05],
  DIV = [0x06],
  POW = [0x07],
  CONCAT = [0x08],
  LT = [0x09],
  GT = [0x0d],
  NE = [0x0e],
  RANGE = [0x11];
const UMINUS = [0x13],
  PERCENT = [0x14],
  PAREN = [0x15],
  MISSING = [0x16];
const SUM = 4,
  IF = 1,
  ROUND = 27,
  LOOKUP = 28,
  CHOOSE = 100,
  USER = 255;

/** PtgExtraArray: the values of an array constant, row by row. */
const arrayValues = (rows: Array<Array<number | string>>): Bytes => [
  ...u8((rows[0]?.length ?? 1) - 1),
  ...u16(rows.length - 1),
  ...rows.flat().flatMap((value) => (typeof value === 'number' ? [0x01, ...f64(value)] : [0x02, ...str16(value)])),
];

function readError(bytes: Uint8Array): WorkbookReadError {
  try {
    readXls(bytes);
  } catch (error) {
    if (error instanceof WorkbookReadError) return error;
    throw new Error(`expected a WorkbookReadError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a WorkbookReadError, the read succeeded');
}

const cell = (
  row: number,
  col: number,
  value: Cell['value'],
  extra: { formula?: string; format?: string } = {},
): Cell => ({ row, col, value, ...extra });
const n = (value: number): Cell['value'] => ({ type: 'number', value });
const t = (value: string): Cell['value'] => ({ type: 'text', value });
const b = (value: boolean): Cell['value'] => ({ type: 'boolean', value });
const e = (value: string): Cell['value'] => ({ type: 'error', value });

describe('readXls on hand-built BIFF8', () => {
  const longWide = '长'.repeat(20);
  // SST: an ASCII string whose first half is compressed in the SST record and whose rest continues wide in a
  // CONTINUE record (restated flag 1), then a string that starts exactly at the next CONTINUE (no flag byte),
  // a rich string whose runs straddle the boundary, and one with East Asian phonetic data.
  const sstStrings = ['abc', '中文', 'split-me', longWide, 'rich', 'phonetic'];
  const sstBody = [
    ...u32(10),
    ...u32(sstStrings.length),
    ...str16('abc'),
    ...str16('中文'),
    ...u16(8),
    0,
    ...[...'spli'].map((ch) => ch.charCodeAt(0)),
  ];
  const sstContinue1 = [1, ...utf16('t-me')];
  const sstContinue2 = [
    ...str16(longWide),
    ...u16(4),
    0x08,
    ...u16(2),
    ...[...'rich'].map((ch) => ch.charCodeAt(0)),
    ...u32(0x00010000),
  ];
  const sstContinue3 = [
    ...u32(0x00000002),
    ...u16(8),
    0x04,
    ...u32(6),
    ...[...'phonetic'].map((ch) => ch.charCodeAt(0)),
    1,
    2,
    3,
    4,
    5,
    6,
  ];
  const globalsBefore: Bytes[] = [
    record(0x0042, u16(1200)),
    record(0x041e, u16(164), str16('0.0"分"')),
    record(0x00e0, u16(0), u16(0), new Array(16).fill(0)),
    record(0x00e0, u16(0), u16(164), new Array(16).fill(0)),
    record(0x00e0, u16(0), u16(10), new Array(16).fill(0)),
    record(0x00e0, u16(0), u16(9), new Array(16).fill(0)),
  ];
  /** An encoded path (MS-XLS VirtualPath): volume C, then directories separated by 0x03. */
  const EXTERNAL_PATH = '\u0001C\u0003data\u0003book.xls';
  const globalsAfter: Bytes[] = [
    record(0x01ae, u16(4), u16(0x0401)), // this workbook
    record(0x01ae, u16(1), u16(0x3a01)), // add-in functions
    record(0x0023, u16(0), u32(0), str8('MYADDIN')),
    record(0x01ae, u16(1), u16(EXTERNAL_PATH.length), chars(EXTERNAL_PATH), str16('外部表')), // another workbook
    // XTIs: 0 → sheet 1, 1 → sheets 0..1, 2 → add-ins, 3 → deleted sheet, 4 → sheet 3 (after the chart sheet),
    // 5 → the other workbook's first sheet
    record(
      0x0017,
      u16(6),
      [
        [0, 1, 1],
        [0, 0, 1],
        [1, 0xfffe, 0xfffe],
        [0, 0xffff, 0xffff],
        [0, 3, 3],
        [2, 0, 0],
      ]
        .flat()
        .flatMap(u16),
    ),
    record(0x0018, u16(0), u8(0), u8(3), u16(11), u16(0), u16(0), [0, 0, 0, 0], chars('分值区'), area3d(0, 0, 0, 1, 0)),
    record(0x0018, u16(0x000b), u8(0), u8(13), u16(0), u16(0), u16(0), [0, 0, 0, 0], chars('_xlfn.IFERROR')),
    record(0x00fc, sstBody),
    record(0x003c, sstContinue1),
    record(0x003c, sstContinue2),
    record(0x003c, sstContinue3),
  ];

  const sheet0: Bytes[] = [
    LABELSST(0, 0, 0),
    LABELSST(0, 1, 1),
    LABELSST(0, 2, 2),
    LABELSST(0, 3, 3),
    LABELSST(0, 4, 4),
    LABELSST(0, 5, 5),
    NUMBER(1, 0, 1.25, 1),
    RK(1, 1, rkInteger(42)),
    RK(1, 2, rkInteger(7) | 0x01), // 7 / 100
    RK(1, 3, rkFloat(0.5), 2),
    RK(1, 4, rkFloat(1.5) | 0x01), // 1.5 / 100
    record(
      0x00bd,
      u16(1),
      u16(5),
      u16(0),
      u32(rkInteger(1)),
      u16(3),
      u32(rkFloat(2.5)),
      u16(0),
      u32(rkInteger(-3)),
      u16(7),
    ),
    BOOLERR(2, 0, 1, false),
    BOOLERR(2, 1, 0, false),
    BOOLERR(2, 2, 0x2a, true),
    BOOLERR(2, 3, 0x07, true),
    record(0x0204, cellHeader(3, 0), str16('label 标签')),
    record(0x00d6, cellHeader(3, 1), str16('rich 富文本'), u16(1), u16(0), u16(1)),
    record(0x0204, cellHeader(3, 2), str16('')),
    NUMBER(3, 3, 9, 99), // an XF index past the table: no format
    // Row 5: formulas.
    FORMULA(4, 0, numberResult(3.82), [...area(1, 0, 1, 4), ...attr(0x10, 0)]),
    FORMULA(4, 1, stringResult, [
      ...ref(1, 0),
      ...int(1),
      ...GT,
      ...attr(0x02, 7),
      ...str('yes'),
      ...attr(0x08, 10),
      ...str('no'),
      ...attr(0x08, 3),
      ...funcVar(3, IF),
    ]),
    STRING8('yes'),
    FORMULA(4, 2, stringResult, [
      ...int(2),
      ...attr(0x04, 3, 4, 9, 14, 19),
      ...str('a'),
      ...attr(0x08, 1),
      ...str('b'),
      ...attr(0x08, 1),
      ...str('c'),
      ...attr(0x08, 1),
      ...funcVar(4, CHOOSE),
    ]),
    STRING8('b'),
    FORMULA(4, 3, numberResult(125), [
      ...attr(0x40, 0x0100),
      ...ref(1, 0),
      ...int(100),
      ...MUL,
      ...int(1),
      ...func(ROUND),
    ]),
    FORMULA(
      4,
      4,
      stringResult,
      [...int(85), ...arrayToken, ...arrayToken, ...funcVar(3, LOOKUP)],
      [...arrayValues([[0, 60, 80]]), ...arrayValues([['差'], ['中'], ['优']])],
    ),
    STRING8('优'),
    FORMULA(4, 5, tagged(1, 1), [...ref(1, 0), ...int(1), ...GT]),
    FORMULA(4, 6, tagged(2, 0x07), [...int(1), ...int(0), ...DIV]),
    FORMULA(4, 7, tagged(3), [...str('')]),
    FORMULA(4, 8, numberResult(2.5), [...name(1), ...attr(0x10, 0)]),
    FORMULA(4, 9, numberResult(1.25), [...name(2), ...ref(1, 0), ...int(0), ...funcVar(3, USER)]),
    FORMULA(4, 10, tagged(2, 0x1d), [...nameX(2, 1), ...int(1), ...int(2), ...funcVar(3, USER)]),
    FORMULA(4, 11, numberResult(0), [
      ...ref3d(0, 2, 1),
      ...area3d(1, 0, 0, 1, 1),
      ...attr(0x10, 0),
      ...ADD,
      ...ref3d(3, 0, 0),
      ...ADD,
    ]),
    FORMULA(4, 12, numberResult(0), [...ref3d(4, 0, 0, true, true)]),
    FORMULA(4, 13, numberResult(0), [...area(0, 0, 0xffff, 0, false), ...area(1, 0, 2, 0xff), ...funcVar(2, SUM)]),
    FORMULA(4, 14, numberResult(0), [
      ...ref(1, 0),
      ...UMINUS,
      ...PERCENT,
      ...ref(1, 1),
      ...ref(1, 2),
      ...SUB,
      ...PAREN,
      ...int(2),
      ...POW,
      ...ADD,
      ...str('x'),
      ...CONCAT,
      ...str('y'),
      ...NE,
    ]),
    FORMULA(4, 15, numberResult(0), [...ref(1, 0), ...MISSING, ...int(1), ...funcVar(3, IF), ...num(0.25), ...LT]),
    FORMULA(4, 16, numberResult(0), [0x2a, 0, 0, 0, 0, 0x2b, 0, 0, 0, 0, 0, 0, 0, 0, ...funcVar(2, SUM)]),
    FORMULA(4, 17, numberResult(0), [0x29, ...u16(11), ...ref(1, 0), ...ref(1, 1), ...RANGE, ...attr(0x10, 0)]),
    FORMULA(4, 18, numberResult(6), [...int(1), ...funcVar(1, 0x7ff0)]), // no such function: the value stays
    FORMULA(4, 19, numberResult(7), [0x02, ...u16(4), ...u16(19)]), // data table
    FORMULA(4, 20, numberResult(8), ref3d(5, 0, 0)),
    // Rows 7–9: a shared formula in B (with a 3D reference moving along), one with a negative row offset in C,
    // and an array formula over D7:D8. Row 9 comes before row 8 in the stream.
    FORMULA(6, 1, numberResult(1), [0x01, ...u16(6), ...u16(1)]),
    SHRFMLA(6, 8, 1, 1, [...refN(0, -1), ...int(2), ...MUL, ...ref3d(0, 0, 1, true, false), ...ADD]),
    FORMULA(6, 2, numberResult(1), [0x01, ...u16(6), ...u16(2)]),
    SHRFMLA(6, 8, 2, 2, refN(-1, 0)),
    FORMULA(6, 3, numberResult(2), [0x01, ...u16(6), ...u16(3)]),
    ARRAY(6, 7, 3, 3, [...area(6, 0, 7, 0), ...int(2), ...MUL, ...funcVar(1, SUM)]),
    FORMULA(8, 1, numberResult(3), [0x01, ...u16(6), ...u16(1)]),
    FORMULA(8, 2, numberResult(3), [0x01, ...u16(6), ...u16(2)]),
    FORMULA(7, 1, numberResult(2), [0x01, ...u16(6), ...u16(1)]),
    FORMULA(7, 2, numberResult(2), [0x01, ...u16(6), ...u16(2)]),
    FORMULA(7, 3, numberResult(2), [0x01, ...u16(6), ...u16(3)]),
    // An embedded chart's substream: nothing in it belongs to the sheet.
    BOF8(CHART),
    NUMBER(0, 0, 999),
    EOF,
    record(0x00e5, u16(2), u16(10), u16(11), u16(0), u16(2), u16(12), u16(12), u16(0), u16(1)),
    record(0x00e5, u16(1), u16(13), u16(13), u16(0), u16(0)),
  ];

  const sheets: SheetPart[] = [
    { name: str8('评分'), state: 0, type: 0, records: sheet0 },
    { name: str8('数据 2'), state: 1, type: 0, records: [NUMBER(2, 1, 7)] },
    { name: str8('图表'), state: 0, type: 2, records: [] },
    { name: str8('Hidden2'), state: 2, type: 0, records: [LABELSST(0, 0, 0)] },
  ];

  test('cells, formulas, formats, merges and sheets', () => {
    const snapshot = readXls(oleFile({ Workbook: stream(8, globalsBefore, globalsAfter, sheets) }));
    const expected: Sheet[] = [
      {
        name: '评分',
        visibility: 'visible',
        merges: [
          { top: 10, bottom: 11, left: 0, right: 2 },
          { top: 12, bottom: 12, left: 0, right: 1 },
          { top: 13, bottom: 13, left: 0, right: 0 },
        ],
        cells: [
          ...sstStrings.map((text, col) => cell(0, col, t(text))),
          cell(1, 0, n(1.25), { format: '0.0"分"' }),
          cell(1, 1, n(42)),
          cell(1, 2, n(0.07)),
          cell(1, 3, n(0.5), { format: '0.00%' }),
          cell(1, 4, n(0.015)),
          cell(1, 5, n(1)),
          cell(1, 6, n(2.5), { format: '0%' }),
          cell(1, 7, n(-3)),
          cell(2, 0, b(true)),
          cell(2, 1, b(false)),
          cell(2, 2, e('#N/A')),
          cell(2, 3, e('#DIV/0!')),
          cell(3, 0, t('label 标签')),
          cell(3, 1, t('rich 富文本')),
          cell(3, 3, n(9)),
          cell(4, 0, n(3.82), { formula: 'SUM(A2:E2)' }),
          cell(4, 1, t('yes'), { formula: 'IF(A2>1,"yes","no")' }),
          cell(4, 2, t('b'), { formula: 'CHOOSE(2,"a","b","c")' }),
          cell(4, 3, n(125), { formula: 'ROUND(A2*100,1)' }),
          cell(4, 4, t('优'), { formula: 'LOOKUP(85,{0,60,80},{"差";"中";"优"})' }),
          cell(4, 5, b(true), { formula: 'A2>1' }),
          cell(4, 6, e('#DIV/0!'), { formula: '1/0' }),
          cell(4, 7, t(''), { formula: '""' }),
          cell(4, 8, n(2.5), { formula: 'SUM(分值区)' }),
          cell(4, 9, n(1.25), { formula: 'IFERROR(A2,0)' }),
          cell(4, 10, e('#NAME?'), { formula: 'MYADDIN(1,2)' }),
          cell(4, 11, n(0), { formula: "'数据 2'!$B$3+SUM('评分:数据 2'!A1:B2)+#REF!$A$1" }),
          cell(4, 12, n(0), { formula: 'Hidden2!A1' }),
          cell(4, 13, n(0), { formula: 'SUM($A:$A,2:3)' }),
          cell(4, 14, n(0), { formula: '-A2%+(B2-C2)^2&"x"<>"y"' }),
          cell(4, 15, n(0), { formula: 'IF(A2,,1)<0.25' }),
          cell(4, 16, n(0), { formula: 'SUM(#REF!,#REF!)' }),
          cell(4, 17, n(0), { formula: 'SUM(A2:B2)' }),
          cell(4, 18, n(6)),
          cell(4, 19, n(7)),
          cell(4, 20, n(8), { formula: "'[book.xls]外部表'!$A$1" }),
          cell(6, 1, n(1), { formula: "A7*2+'数据 2'!$B7" }),
          cell(6, 2, n(1), { formula: 'C6' }),
          cell(6, 3, n(2), { formula: 'SUM(A7:A8*2)' }),
          cell(7, 1, n(2), { formula: "A8*2+'数据 2'!$B8" }),
          cell(7, 2, n(2), { formula: 'C7' }),
          cell(7, 3, n(2), { formula: 'SUM(A7:A8*2)' }),
          cell(8, 1, n(3), { formula: "A9*2+'数据 2'!$B9" }),
          cell(8, 2, n(3), { formula: 'C8' }),
        ],
      },
      { name: '数据 2', visibility: 'hidden', merges: [], cells: [cell(2, 1, n(7))] },
      { name: 'Hidden2', visibility: 'veryHidden', merges: [], cells: [cell(0, 0, t('abc'))] },
    ];
    expect(snapshot.sheets).toEqual(expected);
  });

  test('FILEPASS means encrypted', () => {
    const encrypted = stream(
      8,
      [record(0x002f, u16(1), u16(1), u16(1), new Array(48).fill(0x5a))],
      [],
      [{ name: str8('a'), state: 0, type: 0, records: [] }],
    );
    expect(readError(oleFile({ Workbook: encrypted })).kind).toBe('encrypted');
  });

  test('an encrypted .xlsx (EncryptionInfo + EncryptedPackage compound file) is encrypted', () => {
    expect(
      readError(oleFile({ EncryptionInfo: new Uint8Array(200), EncryptedPackage: new Uint8Array(5000) })).kind,
    ).toBe('encrypted');
  });

  test('a compound file whose sector chain loops is corrupt (cfb alone would exhaust memory and abort the process)', () => {
    const file = oleFile({ A: new Uint8Array(5000).fill(1), Workbook: new Uint8Array(5000).fill(2) });
    const view = new DataView(file.buffer);
    const fat = (view.getUint32(76, true) + 1) * 512;
    const chain = (start: number): number[] => {
      const sectors: number[] = [];
      for (let s = start; s < 0xfffffffa && sectors.length < 100; s = view.getUint32(fat + s * 4, true))
        sectors.push(s);
      return sectors;
    };
    const container = CFB.read(file, { type: 'array' });
    const first = chain(CFB.find(container, '/A')?.start ?? -1);
    const second = chain(CFB.find(container, '/Workbook')?.start ?? -1);
    // The first stream runs into the second, whose last sector links back to its first.
    view.setUint32(fat + (first.at(-1) ?? 0) * 4, second[0] ?? 0, true);
    view.setUint32(fat + (second.at(-1) ?? 0) * 4, second[0] ?? 0, true);
    expect(readError(file).kind).toBe('corrupt');
  });

  test('garbled structure is corrupt', () => {
    const oneSheet = (records: Bytes[]): SheetPart[] => [{ name: str8('a'), state: 0, type: 0, records }];
    // A shared string index past the table.
    expect(readError(oleFile({ Workbook: stream(8, [], [], oneSheet([LABELSST(0, 0, 5)])) })).kind).toBe('corrupt');
    // A NUMBER record too short for its value.
    expect(
      readError(oleFile({ Workbook: stream(8, [], [], oneSheet([record(0x0203, cellHeader(0, 0), [1, 2])])) })).kind,
    ).toBe('corrupt');
    // A sheet offset that does not point at a BOF.
    const misplaced = stream(8, [], [], oneSheet([]));
    const view = new DataView(misplaced.buffer);
    const boundSheet = 20; // right after the 20-byte globals BOF
    view.setUint32(boundSheet + 4, view.getUint32(boundSheet + 4, true) + 4, true);
    expect(readError(oleFile({ Workbook: misplaced })).kind).toBe('corrupt');
    // Not a BOF first.
    expect(readError(oleFile({ Workbook: new Uint8Array(EOF) })).kind).toBe('corrupt');
  });
});

describe('readXls on hand-built BIFF5 (Excel 5/95, code page 936)', () => {
  const ref5 = (row: number, col: number, rowRel = true, colRel = true): Bytes => [
    0x44,
    ...u16(row | flags(rowRel, colRel)),
    col,
  ];
  const area5 = (r1: number, c1: number, r2: number, c2: number): Bytes => [0x25, ...u16(r1), ...u16(r2), c1, c2];
  const refN5 = (rowOffset: number, colOffset: number): Bytes => [
    0x4c,
    ...u16((rowOffset & 0x3fff) | 0xc000),
    colOffset & 0xff,
  ];
  const ref3d5 = (sheet: number, row: number, col: number): Bytes => [
    0x5a,
    ...u16(0xffff),
    ...new Array(8).fill(0),
    ...u16(sheet),
    ...u16(sheet),
    ...u16(row),
    col,
  ];
  const str5 = (text: string): Bytes => [0x17, gbk(text).length, ...gbk(text)];
  const label5 = (row: number, col: number, text: string, xf = 0): Bytes =>
    record(0x0204, cellHeader(row, col, xf), u16(gbk(text).length), gbk(text));

  test('code-page strings, BIFF5 references, shared formulas and formats', () => {
    const format = gbk('0.0"分"');
    const globals: Bytes[] = [
      record(0x0042, u16(936)),
      record(0x041e, u16(164), u8(format.length), format),
      record(0x00e0, u16(0), u16(0), new Array(12).fill(0)),
      record(0x00e0, u16(0), u16(164), new Array(12).fill(0)),
    ];
    const sheets: SheetPart[] = [
      {
        name: [gbk('得分').length, ...gbk('得分')],
        state: 0,
        type: 0,
        records: [
          label5(0, 0, '得分表说明'),
          NUMBER(1, 0, 85.5, 1),
          RK(1, 1, rkInteger(90)),
          FORMULA(2, 0, numberResult(175.5), [...ref5(1, 0), ...ref5(1, 1, false, false), ...ADD]),
          FORMULA(2, 1, stringResult, [...str5('优'), ...str5('秀'), ...CONCAT]),
          record(0x0207, u16(gbk('优秀').length), gbk('优秀')),
          FORMULA(2, 2, numberResult(175.5), [...area5(1, 0, 1, 1), ...attr(0x10, 0)]), // no relative flags: absolute
          FORMULA(2, 3, numberResult(1), [...ref3d5(1, 1 | flags(true, true), 0), ...int(0), ...ADD]),
          FORMULA(3, 0, numberResult(85.5), [0x01, ...u16(3), ...u16(0)]),
          SHRFMLA(3, 4, 0, 0, refN5(-2, 0)),
          FORMULA(4, 0, numberResult(175.5), [0x01, ...u16(3), ...u16(0)]),
        ],
      },
      { name: [gbk('项目').length, ...gbk('项目')], state: 1, type: 0, records: [label5(1, 0, '项目')] },
    ];
    const snapshot = readXls(oleFile({ Book: stream(5, globals, [], sheets) }));
    expect(snapshot.sheets).toEqual([
      {
        name: '得分',
        visibility: 'visible',
        merges: [],
        cells: [
          cell(0, 0, t('得分表说明')),
          cell(1, 0, n(85.5), { format: '0.0"分"' }),
          cell(1, 1, n(90)),
          cell(2, 0, n(175.5), { formula: 'A2+$B$2' }),
          cell(2, 1, t('优秀'), { formula: '"优"&"秀"' }),
          cell(2, 2, n(175.5), { formula: 'SUM($A$2:$B$2)' }),
          cell(2, 3, n(1), { formula: '项目!A2+0' }),
          cell(3, 0, n(85.5), { formula: 'A2' }),
          cell(4, 0, n(175.5), { formula: 'A3' }),
        ],
      },
      { name: '项目', visibility: 'hidden', merges: [], cells: [cell(1, 0, t('项目'))] },
    ]);
  });
});

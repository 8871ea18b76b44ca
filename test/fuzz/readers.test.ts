import * as CFB from 'cfb';
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { WorkbookReadError } from '../../src/file/read-error';
import { readWorkbook } from '../../src/file/read-workbook';
import { buildWorkbook, VARIANTS } from '../fixtures/build-workbook';
import { convertWithLibreOffice } from '../fixtures/libreoffice';
import { seed003 } from '../fixtures/seeds/seed003';
import { fuzzRuns } from './limits';
import { checkProblems } from './properties';

/**
 * Property: readWorkbook on damaged bytes returns a snapshot or a typed error and never throws; a snapshot it
 * returns passes checkProblems (properties.ts), so a damaged file cannot break the check either. Inputs: random
 * bytes (also behind a zip or OLE signature), and real .xlsx/.xls bytes with bits flipped, cut short, zip entries
 * swapped, bytes flipped inside a part's XML (rezipped, so the damage reaches the XML reader past the CRC) and
 * inside the BIFF stream of an .xls (the compound file kept valid, so it reaches the record reader).
 */
/** A tenth of the snapshot runs: each case reads a whole file. */
const RUNS = Math.max(1, Math.round(fuzzRuns(1000) / 10));
const TIMEOUT_MS = 60_000 + RUNS * 500;

let xlsx: Uint8Array;
let xls: Uint8Array;

beforeAll(async () => {
  // A plain copy: ExcelJS hands out a Node Buffer, whose slice() is a view, so a flip would damage the original.
  xlsx = Uint8Array.from((await buildWorkbook(seed003, VARIANTS[0] as (typeof VARIANTS)[number])).bytes);
  [xls] = convertWithLibreOffice([{ name: 'seed003.xlsx', bytes: xlsx }], 'xls') as [Uint8Array];
}, 300_000);

function readProblems(bytes: Uint8Array): string[] {
  const before = Uint8Array.from(bytes);
  let result;
  try {
    result = readWorkbook(bytes, 'fuzz.xlsx');
  } catch (error) {
    return [`readWorkbook threw ${String(error)}`];
  }
  if (Buffer.compare(before, bytes) !== 0) return ['readWorkbook changed its input'];
  if (!result.ok) return result.error instanceof WorkbookReadError ? [] : ['the error is not a WorkbookReadError'];
  return checkProblems(result.workbook, 'zh-CN');
}

/** Positions and masks of bit flips, applied to a copy. */
const flips = fc.array(
  fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.integer({ min: 1, max: 255 })),
  { minLength: 1, maxLength: 8 },
);

function flipped(bytes: Uint8Array, at: Array<[number, number]>, from = 0): Uint8Array {
  const copy = Uint8Array.from(bytes);
  for (const [where, mask] of at) {
    const i = from + Math.floor(where * (copy.length - from));
    copy[i] = (copy[i] as number) ^ mask;
  }
  return copy;
}

function assertReads(arbitrary: fc.Arbitrary<Uint8Array>): void {
  fc.assert(
    fc.property(arbitrary, (bytes) => {
      expect(readProblems(bytes)).toEqual([]);
    }),
    { numRuns: RUNS },
  );
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe(`fuzzing the file readers (${RUNS} cases each)`, () => {
  it(
    'random bytes, bare or behind a zip or OLE signature',
    () => {
      const random = fc
        .tuple(fc.constantFrom([], ZIP, OLE), fc.uint8Array({ maxLength: 4096 }))
        .map(([magic, rest]) => new Uint8Array([...magic, ...rest]));
      assertReads(random);
    },
    TIMEOUT_MS,
  );

  it.each([
    ['.xlsx', () => xlsx],
    ['.xls', () => xls],
  ])(
    '%s with bits flipped or cut short',
    (_kind, bytes) => {
      const damaged = fc.oneof(
        flips.map((at) => flipped(bytes(), at)),
        fc
          .double({ min: 0, max: 1, maxExcluded: true, noNaN: true })
          .map((cut) => bytes().slice(0, Math.floor(cut * bytes().length))),
      );
      assertReads(damaged);
    },
    TIMEOUT_MS,
  );

  it(
    '.xlsx with zip entries swapped or their XML damaged',
    () => {
      const entries = unzipSync(xlsx);
      const names = Object.keys(entries);
      const swapped = fc
        .tuple(fc.constantFrom(...names), fc.constantFrom(...names))
        .map(([a, b]) => zipSync({ ...entries, [a]: entries[b] as Uint8Array, [b]: entries[a] as Uint8Array }));
      const damagedXml = fc
        .tuple(fc.constantFrom(...names.filter((n) => n.startsWith('xl/'))), flips)
        .map(([name, at]) => zipSync({ ...entries, [name]: flipped(entries[name] as Uint8Array, at) }));
      assertReads(fc.oneof(swapped, damagedXml));
    },
    TIMEOUT_MS,
  );

  it(
    '.xls with its BIFF records damaged inside a valid compound file',
    () => {
      const container = CFB.read(xls, { type: 'array' });
      const stream = CFB.find(container, 'Workbook');
      const original = new Uint8Array(stream?.content as ArrayLike<number>);
      const damaged = flips.map((at) => {
        const copy = CFB.read(xls, { type: 'array' });
        CFB.utils.cfb_del(copy, 'Workbook');
        // Past the first BOF header (4 bytes), so the reader gets into the records rather than failing at once.
        CFB.utils.cfb_add(copy, 'Workbook', flipped(original, at, 4));
        return new Uint8Array(CFB.write(copy, { type: 'array' }) as number[]);
      });
      assertReads(damaged);
    },
    TIMEOUT_MS,
  );
});

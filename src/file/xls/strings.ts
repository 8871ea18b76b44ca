import { corrupt, type ContinuedReader } from './records';

const utf16Decoder = new TextDecoder('utf-16le');

/**
 * Characters of a BIFF8 string: UTF-16LE when `wide`, otherwise "compressed" bytes that are the low halves of
 * U+0000–U+00FF. (TextDecoder('latin1') is windows-1252 and would remap 0x80–0x9F, so it is not used.)
 */
export function decodeUnicodeChars(bytes: Uint8Array, start: number, end: number, wide: boolean): string {
  if (wide) return utf16Decoder.decode(bytes.subarray(start, end));
  if (end - start < 64) {
    let text = '';
    for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i] as number);
    return text;
  }
  let text = '';
  for (let i = start; i < end; i += 8192) {
    text += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(end, i + 8192)) as unknown as number[]);
  }
  return text;
}

/** WHATWG encoding labels for the Windows code pages a CODEPAGE record can name. */
const CODEPAGE_LABELS: Readonly<Record<number, string>> = {
  874: 'windows-874',
  932: 'shift_jis',
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
  1250: 'windows-1250',
  1251: 'windows-1251',
  1252: 'windows-1252',
  1253: 'windows-1253',
  1254: 'windows-1254',
  1255: 'windows-1255',
  1256: 'windows-1256',
  1257: 'windows-1257',
  1258: 'windows-1258',
  10000: 'macintosh',
  32768: 'macintosh',
  32769: 'windows-1252',
  367: 'windows-1252',
  65001: 'utf-8',
};

/**
 * BIFF5 files without a CODEPAGE record were written in the system code page; for the Chinese government
 * files this tool reads that is GBK (936), which also decodes plain ASCII unchanged.
 */
const DEFAULT_CODEPAGE = 936;

function decoderForCodepage(codepage: number): TextDecoder {
  const label = CODEPAGE_LABELS[codepage] ?? 'windows-1252';
  try {
    return new TextDecoder(label);
  } catch {
    // A runtime without full ICU may lack the CJK decoders; readable Latin text beats failing the file.
    return new TextDecoder('windows-1252');
  }
}

/** A decoded string and the offset just past it. */
export interface DecodedString {
  text: string;
  end: number;
}

/** String decoding that depends on the BIFF version (BIFF8 Unicode vs BIFF5 code-page bytes). */
export class BiffText {
  private eightBit: TextDecoder | undefined;
  private codepage = DEFAULT_CODEPAGE;

  constructor(readonly biff: 5 | 8) {}

  setCodepage(codepage: number): void {
    if (codepage === this.codepage) return;
    this.codepage = codepage;
    this.eightBit = undefined;
  }

  /** Bytes in the workbook's code page (BIFF5 strings). */
  decode8bit(bytes: Uint8Array, start: number, end: number): string {
    this.eightBit ??= decoderForCodepage(this.codepage);
    return this.eightBit.decode(bytes.subarray(start, end));
  }

  /**
   * A string with a `lengthSize`-byte character count at `position`: XLUnicodeString / ShortXLUnicodeString in
   * BIFF8 (count, flags, characters), count plus code-page bytes in BIFF5. Only the high-byte flag is honoured;
   * callers that know of rich-text runs skip them themselves.
   */
  read(bytes: Uint8Array, position: number, limit: number, lengthSize: 1 | 2): DecodedString {
    if (position + lengthSize > limit) throw corrupt(`string length cut off at ${position}`);
    const count =
      lengthSize === 1
        ? (bytes[position] as number)
        : (bytes[position] as number) | ((bytes[position + 1] as number) << 8);
    return this.readChars(bytes, position + lengthSize, limit, count);
  }

  /** `count` characters at `position` (in BIFF8 preceded by their flags byte, as in XLUnicodeStringNoCch). */
  readChars(bytes: Uint8Array, position: number, limit: number, count: number): DecodedString {
    if (this.biff === 5) {
      const end = position + count;
      if (end > limit) throw corrupt(`string runs past its record at ${position}`);
      return { text: this.decode8bit(bytes, position, end), end };
    }
    if (position >= limit) {
      if (count === 0) return { text: '', end: position };
      throw corrupt(`string flags cut off at ${position}`);
    }
    const wide = ((bytes[position] as number) & 0x01) !== 0;
    const start = position + 1;
    const end = start + count * (wide ? 2 : 1);
    if (end > limit) throw corrupt(`string runs past its record at ${position}`);
    return { text: decodeUnicodeChars(bytes, start, end, wide), end };
  }
}

/** XLUnicodeString (BIFF8) that may continue into CONTINUE records, as in STRING and SST. */
export function readContinuedString(reader: ContinuedReader): string {
  const count = reader.u16();
  const flags = reader.u8();
  return reader.chars(count, (flags & 0x01) !== 0, decodeUnicodeChars);
}

/** The shared string table: XLUnicodeRichExtendedString entries spread over SST and CONTINUE records. */
export function readSharedStrings(reader: ContinuedReader): string[] {
  reader.u32(); // total references to the table, not needed
  const uniqueCount = reader.u32();
  const strings: string[] = [];
  for (let i = 0; i < uniqueCount && !reader.atEnd; i++) {
    const count = reader.u16();
    const flags = reader.u8();
    const runCount = flags & 0x08 ? reader.u16() : 0;
    const phoneticSize = flags & 0x04 ? reader.u32() : 0;
    strings.push(reader.chars(count, (flags & 0x01) !== 0, decodeUnicodeChars));
    // Formatting runs and East Asian phonetic data follow the characters; neither restates a flag byte.
    reader.skip(runCount * 4 + phoneticSize);
  }
  return strings;
}

import * as CFB from 'cfb';
import { WorkbookReadError } from '../read-error';
import { corrupt } from './records';

/** The BIFF stream of an .xls: "Workbook" (BIFF8) or "Book" (BIFF5). */
export interface WorkbookStream {
  bytes: Uint8Array;
  name: 'Workbook' | 'Book';
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const STREAM_ENTRY = 2;
/** FAT entries from here up are markers (DIFAT/FAT sector, end of chain, free), not links. */
const FIRST_MARKER = 0xfffffffa;
const HEADER_DIFAT_ENTRIES = 109;

/**
 * Opens the OLE compound file once, behind the loop guard, and returns its workbook stream. A password-protected
 * OOXML package (EncryptionInfo + EncryptedPackage streams) is reported as encrypted from the same read: the
 * container is never opened before the guard has run.
 */
export function openWorkbookStream(bytes: Uint8Array): WorkbookStream {
  if (bytes.length === 0) throw new WorkbookReadError('empty-file');
  // Checked here because cfb would also accept a zip (an .xlsx) as a container.
  if (bytes.length < OLE_SIGNATURE.length || OLE_SIGNATURE.some((byte, i) => bytes[i] !== byte)) {
    throw new WorkbookReadError('not-workbook');
  }
  assertSectorChainsEnd(bytes);
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'array' });
  } catch (error) {
    throw corrupt(`compound file: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Office encrypts .xlsx files into a compound file with these streams.
  if (CFB.find(container, 'EncryptedPackage') !== null) throw new WorkbookReadError('encrypted');
  const workbook = findRootStream(container, 'Workbook');
  const entry = workbook ?? findRootStream(container, 'Book');
  if (!entry) {
    if (findRootStream(container, 'EncryptionInfo')) throw new WorkbookReadError('encrypted');
    throw new WorkbookReadError('not-workbook');
  }
  if (!entry.content || entry.content.length < entry.size) throw corrupt('workbook stream is cut short');
  return { bytes: toBytes(entry.content, entry.size), name: workbook ? 'Workbook' : 'Book' };
}

/** A stream directly under the root storage (embedded objects carry their own "Workbook" streams deeper down). */
function findRootStream(container: CFB.CFB$Container, name: string): CFB.CFB$Entry | undefined {
  const root = container.FullPaths[0] ?? '';
  const wanted = (root + name).toUpperCase();
  const index = container.FullPaths.findIndex((path) => path.toUpperCase() === wanted);
  const entry = container.FileIndex[index];
  return entry && entry.type === STREAM_ENTRY ? entry : undefined;
}

/** cfb hands out stream content as a plain number array unless it was given a Node Buffer. */
function toBytes(content: CFB.CFB$Blob, size: number): Uint8Array {
  if (content instanceof Uint8Array) return content.subarray(0, size);
  // A plain loop: `new Uint8Array(array)` and `set(array)` fall off their fast paths when the array comes from
  // another realm (as under jest) and then take ~50× longer on a multi-megabyte stream.
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = content[i] as number;
  return bytes;
}

/**
 * Rejects a FAT whose sector chains loop. cfb follows some chains without a cycle check and would grow an
 * array until the JavaScript engine aborts the whole process, so a crafted file must not reach it.
 */
function assertSectorChainsEnd(bytes: Uint8Array): void {
  if (bytes.length < 512) return; // cfb reports the short header itself
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorShift = view.getUint16(30, true);
  if (sectorShift !== 9 && sectorShift !== 12) return; // likewise
  const sectorSize = 1 << sectorShift;
  const sectorOffset = (sector: number): number => (sector + 1) * sectorSize;
  const sectorInFile = (sector: number): boolean =>
    sector < FIRST_MARKER && sectorOffset(sector) + sectorSize <= bytes.length;

  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES; i++) {
    const sector = view.getUint32(76 + i * 4, true);
    if (sector >= FIRST_MARKER) break;
    fatSectors.push(sector);
  }
  const perDifatSector = sectorSize / 4 - 1;
  const seenDifat = new Set<number>();
  for (let sector = view.getUint32(68, true); sectorInFile(sector) && !seenDifat.has(sector); ) {
    seenDifat.add(sector);
    const base = sectorOffset(sector);
    for (let i = 0; i < perDifatSector; i++) {
      const fat = view.getUint32(base + i * 4, true);
      if (fat < FIRST_MARKER) fatSectors.push(fat);
    }
    sector = view.getUint32(base + perDifatSector * 4, true);
  }

  // Only sectors inside the file can be on a chain cfb follows; links past it end the walk.
  const perFatSector = sectorSize / 4;
  const sectorCount = Math.min(fatSectors.length * perFatSector, Math.ceil(bytes.length / sectorSize) - 1);
  const next = new Uint32Array(Math.max(0, sectorCount)).fill(0xffffffff);
  fatSectors.forEach((fat, index) => {
    if (!sectorInFile(fat)) return; // a FAT sector past the end: cfb fails on the short file
    const base = sectorOffset(fat);
    const count = Math.min(perFatSector, next.length - index * perFatSector);
    for (let i = 0; i < count; i++) next[index * perFatSector + i] = view.getUint32(base + i * 4, true);
  });

  // Each sector has one successor, so a loop shows up as a walk that meets a sector still on its own path.
  const ON_PATH = 1;
  const DONE = 2;
  const state = new Uint8Array(next.length);
  const path: number[] = [];
  for (let start = 0; start < next.length; start++) {
    let sector = start;
    while (sector < next.length && state[sector] === 0) {
      state[sector] = ON_PATH;
      path.push(sector);
      sector = next[sector] as number;
    }
    if (sector < next.length && state[sector] === ON_PATH) throw corrupt(`sector chain loops at sector ${sector}`);
    for (const visited of path) state[visited] = DONE;
    path.length = 0;
  }
}

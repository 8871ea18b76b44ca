import type { Sheet } from '../../core/snapshot';
import { attribute, XmlScanner } from './xml-scanner';

/** The parts of an .xlsx package that say which sheets there are and where they live. */

export interface SheetEntry {
  name: string;
  relationshipId: string;
  visibility: Sheet['visibility'];
}

export function readSheetEntries(xml: string): SheetEntry[] {
  const entries: SheetEntry[] = [];
  const scanner = new XmlScanner(xml);
  for (let event = scanner.next(); event; event = scanner.next()) {
    if (event.kind !== 'open' || event.name !== 'sheet') continue;
    const state = attribute(event.attrs, 'state');
    entries.push({
      name: attribute(event.attrs, 'name') ?? `Sheet${entries.length + 1}`,
      relationshipId: attribute(event.attrs, 'id') ?? '',
      visibility: state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible',
    });
  }
  return entries;
}

export function readRelationships(xml: string): Map<string, { path: string; isWorksheet: boolean }> {
  const targets = new Map<string, { path: string; isWorksheet: boolean }>();
  const scanner = new XmlScanner(xml);
  for (let event = scanner.next(); event; event = scanner.next()) {
    if (event.kind !== 'open' || event.name !== 'Relationship') continue;
    const id = attribute(event.attrs, 'Id');
    const target = attribute(event.attrs, 'Target');
    if (!id || !target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    targets.set(id, {
      path: normalizePath(path),
      isWorksheet: (attribute(event.attrs, 'Type') ?? '').endsWith('/worksheet'),
    });
  }
  return targets;
}

export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

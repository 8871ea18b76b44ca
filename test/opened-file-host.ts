import type { CellRef, Lang } from '../src/core/finding';
import { FileHost } from '../src/hosts/file/file-host';

/** A FileHost over workbook bytes the test knows are readable: an unreadable one fails the test with its reason. */
export function openedFileHost(
  name: string,
  bytes: Uint8Array,
  lang: Lang,
  onSelect?: (target: CellRef, related: readonly CellRef[]) => void,
): FileHost {
  const opened = FileHost.open(name, bytes, lang, onSelect);
  if (!opened.ok) throw new Error(opened.error);
  return opened.host;
}

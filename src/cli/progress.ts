import type { Lang } from '../core/finding';
import { cliText } from './i18n';
import { displayWidth } from './text-width';

/** The part of a terminal stream the bar uses (process.stderr, or a stand-in in tests). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const BAR_WIDTH = 20;
const CLEAR_LINE = '\r\x1b[K';

function isControl(codePoint: number): boolean {
  return codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0);
}

/** Keeps the end of a path (its file name) within `width` columns. */
function fitFromEnd(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const chars = [...text];
  let kept = '';
  let used = 1; // the leading ellipsis
  for (let i = chars.length - 1; i >= 0; i--) {
    const char = chars[i] as string;
    used += displayWidth(char);
    if (used > width) break;
    kept = char + kept;
  }
  return width > 0 ? `…${kept}` : '';
}

/** One redrawn line on a terminal: `[████░░░░] 37/200  18%  reports/a/b.xlsx`. */
export class ProgressBar {
  private shown = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly lang: Lang,
  ) {}

  /** Draws the bar after `done` files, naming the last one finished. */
  update(done: number, file: string): void {
    const filled = Math.round((done / this.total) * BAR_WIDTH);
    const head = `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${cliText(this.lang).progress(done, this.total)}  ${Math.floor((done / this.total) * 100)}%  `;
    // A file name is the user's text: control characters would move the cursor or restyle the terminal.
    const name = [...file].map((char) => (isControl(char.codePointAt(0) as number) ? '?' : char)).join('');
    const room = (this.stream.columns ?? 80) - 1 - displayWidth(head);
    this.stream.write(`${CLEAR_LINE}${head}${fitFromEnd(name, room)}`);
    this.shown = true;
  }

  /** Removes the bar so a line can be printed; the next update draws it again. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write(CLEAR_LINE);
    this.shown = false;
  }
}

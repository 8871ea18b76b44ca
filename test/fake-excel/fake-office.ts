/**
 * A fake Excel host: the subset of office.js the add-in's adapter uses, over an in-memory workbook. Loads are
 * deferred until `context.sync()` as in Office; each sync is counted, and a sync whose response would exceed
 * Excel on the web's 5 MB limit is rejected. It runs in Node (adapter tests) and, transpiled as one script, in the
 * browser in place of office.js (end-to-end tests). Self-contained on purpose: no imports.
 */

export interface FakeCell {
  value: number | string | boolean | null;
  formula?: string;
  format?: string;
  error?: string;
}

export interface FakeSheetData {
  name: string;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Cells by A1 address. */
  cells: Record<string, FakeCell>;
  merges?: string[];
  /** Column letters hidden with Range.columnHidden. */
  hiddenColumns?: string[];
}

export interface FakeOptions {
  /** Largest response a sync may carry, in bytes (Excel on the web: 5 MB). */
  payloadLimit?: number;
  displayLanguage?: string;
  /** The highest ExcelApi minor version supported: 13 means ExcelApi 1.13. */
  excelApiMinor?: number;
  /**
   * The fake does not calculate. Results of formulas a test expects to be written, by "Sheet!A1", stand in for
   * Excel's calculation (LibreOffice verifies the same formulas for real in the fix tests); others show 0.
   */
  results?: Record<string, number | string>;
}

const PAYLOAD_LIMIT = 5 * 1024 * 1024;

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}
function colName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
function parseCell(address: string): { row: number; col: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.trim());
  if (!match) throw new Error(`fake Excel: bad address ${address}`);
  return { row: Number(match[2]) - 1, col: colIndex(match[1] as string) };
}
function parseRange(address: string): { top: number; left: number; bottom: number; right: number } {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b] = local.split(':');
  const start = parseCell(a as string);
  const end = b ? parseCell(b) : start;
  return { top: start.row, left: start.col, bottom: end.row, right: end.col };
}
function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export class FakeWorkbook {
  sheets: Array<FakeSheetData & { id: string }>;
  syncs = 0;
  /** Response sizes of every sync, in bytes. */
  payloads: number[] = [];
  settings = new Map<string, string>();
  selection: { sheet: string; address: string } | undefined;
  calculationSuspensions = 0;
  charts: Array<{ sheet: string; type: string; source: string }> = [];
  readonly listeners = new Map<string, Array<(args: { worksheetId: string; address: string }) => void>>();
  private nextId = 1;

  constructor(
    sheets: FakeSheetData[],
    readonly options: FakeOptions = {},
  ) {
    this.sheets = sheets.map((s) => ({ ...s, cells: { ...s.cells }, id: `{sheet-${this.nextId++}}` }));
  }

  sheet(name: string): (FakeSheetData & { id: string }) | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  addSheet(name: string): FakeSheetData & { id: string } {
    const sheet = { name, cells: {}, id: `{sheet-${this.nextId++}}` };
    this.sheets.push(sheet);
    return sheet;
  }

  /** What the user does in Excel: edits a cell, and the sheet's onChanged handlers fire. */
  edit(sheetName: string, address: string, cell: FakeCell): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`fake Excel: no sheet ${sheetName}`);
    sheet.cells[address] = cell;
    for (const listener of this.listeners.get(sheet.id) ?? []) listener({ worksheetId: sheet.id, address });
  }

  usedBounds(sheet: FakeSheetData): { top: number; left: number; bottom: number; right: number } | undefined {
    const points = Object.keys(sheet.cells).map(parseCell);
    for (const merge of sheet.merges ?? []) {
      const r = parseRange(merge);
      points.push({ row: r.top, col: r.left }, { row: r.bottom, col: r.right });
    }
    if (points.length === 0) return undefined;
    // A loop, not Math.min(...points): large sheets have more cells than a call may take arguments.
    const bounds = { top: Infinity, left: Infinity, bottom: -Infinity, right: -Infinity };
    for (const p of points) {
      bounds.top = Math.min(bounds.top, p.row);
      bounds.left = Math.min(bounds.left, p.col);
      bounds.bottom = Math.max(bounds.bottom, p.row);
      bounds.right = Math.max(bounds.right, p.col);
    }
    return bounds;
  }
}

type Loader = () => unknown;

class RequestContext {
  private readonly pending: Array<{ target: Record<string, unknown>; loaders: Record<string, Loader> }> = [];
  private readonly actions: Array<() => void> = [];
  readonly workbook: FakeWorkbookProxy;
  readonly application: { suspendApiCalculationUntilNextSync: () => void };

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
    this.application = { suspendApiCalculationUntilNextSync: () => this.queue(() => book.calculationSuspensions++) };
  }

  queue(action: () => void): void {
    this.actions.push(action);
  }

  queueLoad(target: Record<string, unknown>, loaders: Record<string, Loader>): void {
    this.pending.push({ target, loaders });
  }

  async sync(): Promise<void> {
    this.book.syncs++;
    const actions = this.actions.splice(0);
    const loads = this.pending.splice(0);
    for (const action of actions) action();
    const results = loads.map(({ loaders }) =>
      Object.fromEntries(Object.entries(loaders).map(([key, load]) => [key, load()])),
    );
    const size = new TextEncoder().encode(JSON.stringify(results)).length;
    this.book.payloads.push(size);
    if (size > (this.book.options.payloadLimit ?? PAYLOAD_LIMIT)) {
      const error = new Error('The request payload size has exceeded the limit.') as Error & { code: string };
      error.code = 'RequestPayloadSizeLimitExceeded';
      throw error;
    }
    // Loaded values land through the same properties a script assigns to; the flag tells setters they are data.
    loads.forEach(({ target }, i) => {
      target.__loading = true;
      Object.assign(target, results[i]);
      target.__loading = false;
    });
  }
}

function propertyList(spec: string | string[] | undefined): string[] {
  if (!spec) return [];
  return (Array.isArray(spec) ? spec : spec.split(',')).map((p) => p.trim()).filter((p) => p.length > 0);
}

class FakeWorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly settings: SettingsProxy;
  constructor(readonly context: RequestContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.settings = new SettingsProxy(context);
  }
}

class SettingsProxy {
  constructor(private readonly context: RequestContext) {}
  getItemOrNullObject(key: string): Record<string, unknown> {
    const item: Record<string, unknown> = {
      load: (props?: string) => {
        this.context.queueLoad(item, {
          isNullObject: () => !this.context.book.settings.has(key),
          ...(propertyList(props).includes('value')
            ? {
                value: () =>
                  this.context.book.settings.has(key)
                    ? JSON.parse(this.context.book.settings.get(key) as string)
                    : null,
              }
            : {}),
        });
        return item;
      },
    };
    return item;
  }
  add(key: string, value: unknown): void {
    this.context.queue(() => this.context.book.settings.set(key, JSON.stringify(value)));
  }
}

class WorksheetCollectionProxy {
  private loaded: WorksheetProxy[] = [];
  constructor(private readonly context: RequestContext) {}
  /** Loaded items arrive as data in the response and become worksheet proxies, as in office.js. */
  get items(): WorksheetProxy[] {
    return this.loaded;
  }
  set items(data: Array<{ name: string; visibility: string; id: string }>) {
    this.loaded = data.map((d) =>
      Object.assign(new WorksheetProxy(this.context, d.name), { visibility: d.visibility, id: d.id }),
    );
  }
  load(_props?: string): this {
    const book = this.context.book;
    this.context.queueLoad(this as unknown as Record<string, unknown>, {
      items: () => book.sheets.map((s) => ({ name: s.name, visibility: s.visibility ?? 'Visible', id: s.id })),
    });
    return this;
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, name);
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, name, true);
  }
  add(name: string): WorksheetProxy {
    this.context.queue(() => {
      if (!this.context.book.sheet(name)) this.context.book.addSheet(name);
    });
    return new WorksheetProxy(this.context, name);
  }
}

class WorksheetProxy {
  visibility = 'Visible';
  id = '';
  readonly charts: { add: (type: string, source: RangeProxy) => void };
  readonly onChanged: { add: (handler: (args: { worksheetId: string; address: string }) => void) => void };
  isNullObject = false;
  constructor(
    private readonly context: RequestContext,
    readonly name: string,
    private readonly orNull = false,
  ) {
    this.charts = {
      add: (type, source) =>
        this.context.queue(() =>
          this.context.book.charts.push({ sheet: this.name, type, source: source.fullAddress() }),
        ),
    };
    this.onChanged = {
      add: (handler) =>
        this.context.queue(() => {
          const sheet = this.data();
          this.context.book.listeners.set(sheet.id, [...(this.context.book.listeners.get(sheet.id) ?? []), handler]);
        }),
    };
  }
  data(): FakeSheetData & { id: string } {
    const sheet = this.context.book.sheet(this.name);
    if (!sheet) throw Object.assign(new Error(`ItemNotFound: ${this.name}`), { code: 'ItemNotFound' });
    return sheet;
  }
  load(props?: string): this {
    this.context.queueLoad(this as unknown as Record<string, unknown>, {
      ...(this.orNull ? { isNullObject: () => !this.context.book.sheet(this.name) } : {}),
      ...Object.fromEntries(
        propertyList(props).map((p) => [
          p,
          () => (p === 'id' ? this.data().id : p === 'visibility' ? (this.data().visibility ?? 'Visible') : this.name),
        ]),
      ),
    });
    return this;
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, this, address);
  }
  getRanges(addresses: string): { select: () => void } {
    return {
      select: () => this.context.queue(() => (this.context.book.selection = { sheet: this.name, address: addresses })),
    };
  }
  getUsedRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.context, this, undefined, true);
  }
  activate(): void {
    this.context.queue(() => this.data());
  }
  delete(): void {
    this.context.queue(() => {
      this.context.book.sheets = this.context.book.sheets.filter((s) => s.name !== this.name);
    });
  }
}

class RangeProxy {
  isNullObject = false;
  address = '';
  __loading = false;
  private readonly loaded: Record<string, unknown[][]> = {};
  constructor(
    private readonly context: RequestContext,
    private readonly sheet: WorksheetProxy,
    private readonly localAddress: string | undefined,
    private readonly used = false,
  ) {}

  fullAddress(): string {
    return `${quoteSheet(this.sheet.name)}!${this.localAddress ?? ''}`;
  }

  private bounds(): { top: number; left: number; bottom: number; right: number } | undefined {
    if (this.localAddress) return parseRange(this.localAddress);
    const data = this.sheet.data();
    if (this.used) return this.context.book.usedBounds(data);
    return { top: 0, left: 0, bottom: 1048575, right: 16383 };
  }

  private grid<T>(read: (cell: FakeCell | undefined) => T): T[][] {
    const b = this.bounds() as { top: number; left: number; bottom: number; right: number };
    const cells = this.sheet.data().cells;
    const rows: T[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row: T[] = [];
      for (let c = b.left; c <= b.right; c++) row.push(read(cells[`${colName(c)}${r + 1}`]));
      rows.push(row);
    }
    return rows;
  }

  load(props?: string | string[]): this {
    const loaders: Record<string, Loader> = {};
    for (const p of propertyList(props)) {
      const b = () => this.bounds() as { top: number; left: number; bottom: number; right: number };
      if (p === 'address')
        loaders.address = () =>
          this.bounds()
            ? `${quoteSheet(this.sheet.name)}!${colName(b().left)}${b().top + 1}:${colName(b().right)}${b().bottom + 1}`
            : '';
      else if (p === 'rowIndex') loaders.rowIndex = () => b().top;
      else if (p === 'columnIndex') loaders.columnIndex = () => b().left;
      else if (p === 'rowCount') loaders.rowCount = () => b().bottom - b().top + 1;
      else if (p === 'columnCount') loaders.columnCount = () => b().right - b().left + 1;
      else if (p === 'values') loaders.values = () => this.grid((cell) => cell?.error ?? cell?.value ?? '');
      else if (p === 'formulas')
        loaders.formulas = () =>
          this.grid((cell) => (cell?.formula !== undefined ? `=${cell.formula}` : (cell?.error ?? cell?.value ?? '')));
      else if (p === 'numberFormat') loaders.numberFormat = () => this.grid((cell) => cell?.format ?? 'General');
      else if (p === 'valueTypes')
        loaders.valueTypes = () =>
          this.grid((cell) =>
            !cell || cell.value === null || cell.value === ''
              ? cell?.error
                ? 'Error'
                : 'Empty'
              : cell.error
                ? 'Error'
                : typeof cell.value === 'number'
                  ? 'Double'
                  : typeof cell.value === 'boolean'
                    ? 'Boolean'
                    : 'String',
          );
      else throw new Error(`fake Excel: Range.${p} is not part of the fake`);
    }
    if (this.used) loaders.isNullObject = () => this.bounds() === undefined;
    this.context.queueLoad(this as unknown as Record<string, unknown>, loaders);
    return this;
  }

  getMergedAreasOrNullObject(): {
    load: (props: string) => { address: string; isNullObject: boolean };
    address: string;
    isNullObject: boolean;
  } {
    const target = { address: '', isNullObject: false, load: (_props: string) => target };
    target.load = () => {
      this.context.queueLoad(target as unknown as Record<string, unknown>, {
        isNullObject: () => (this.sheet.data().merges ?? []).length === 0,
        address: () => (this.sheet.data().merges ?? []).map((m) => `${quoteSheet(this.sheet.name)}!${m}`).join(', '),
      });
      return target;
    };
    return target;
  }

  private write(apply: (cell: FakeCell, value: unknown, address: string) => void, rows: unknown[][]): void {
    const b = this.bounds() as { top: number; left: number; bottom: number; right: number };
    this.context.queue(() => {
      const cells = this.sheet.data().cells;
      rows.forEach((row, i) =>
        row.forEach((value, j) => {
          const address = `${colName(b.left + j)}${b.top + i + 1}`;
          const cell: FakeCell = cells[address] ?? { value: null };
          apply(cell, value, address);
          cells[address] = cell;
        }),
      );
    });
  }

  get formulas(): unknown[][] {
    return this.loaded.formulas as unknown[][];
  }
  get values(): unknown[][] {
    return this.loaded.values as unknown[][];
  }
  get numberFormat(): unknown[][] {
    return this.loaded.numberFormat as unknown[][];
  }

  set formulas(rows: unknown[][]) {
    if (this.__loading) {
      this.loaded.formulas = rows;
      return;
    }
    this.write((cell, value, address) => {
      const text = String(value);
      if (text.startsWith('=')) {
        cell.formula = text.slice(1);
        cell.value = this.context.book.options.results?.[`${this.sheet.name}!${address}`] ?? 0;
      } else {
        delete cell.formula;
        cell.value = text === '' ? null : text;
      }
    }, rows);
  }

  set values(rows: unknown[][]) {
    if (this.__loading) {
      this.loaded.values = rows;
      return;
    }
    this.write((cell, value) => {
      const text = typeof value === 'string' ? value : undefined;
      // Like Excel: text starting with '=' becomes a formula unless the cell is formatted as text (@).
      if (text !== undefined && text.startsWith('=') && cell.format !== '@') {
        cell.formula = text.slice(1);
        cell.value = 0;
        return;
      }
      delete cell.formula;
      cell.value = value === '' ? null : (value as FakeCell['value']);
    }, rows);
  }

  set numberFormat(rows: unknown[][]) {
    if (this.__loading) {
      this.loaded.numberFormat = rows;
      return;
    }
    this.write((cell, value) => {
      cell.format = String(value);
    }, rows);
  }

  select(): void {
    this.context.queue(
      () => (this.context.book.selection = { sheet: this.sheet.name, address: this.localAddress ?? '' }),
    );
  }

  /** Whole columns only (`J:J`), as the adapter hides them. */
  set columnHidden(hidden: boolean) {
    const match = /^([A-Z]+):([A-Z]+)$/.exec(this.localAddress ?? '');
    if (!match) throw new Error(`fake Excel: columnHidden on ${this.localAddress} is not part of the fake`);
    this.context.queue(() => {
      const data = this.sheet.data();
      const columns = new Set(data.hiddenColumns ?? []);
      for (let c = colIndex(match[1] as string); c <= colIndex(match[2] as string); c++)
        if (hidden) columns.add(colName(c));
        else columns.delete(colName(c));
      data.hiddenColumns = [...columns];
    });
  }

  clear(): void {
    const b = this.bounds() as { top: number; left: number; bottom: number; right: number };
    this.context.queue(() => {
      const cells = this.sheet.data().cells;
      for (let r = b.top; r <= b.bottom; r++)
        for (let c = b.left; c <= b.right; c++) delete cells[`${colName(c)}${r + 1}`];
    });
  }
}

/** Installs `Excel` and `Office` globals over a fake workbook (in Node tests or in the browser). */
export function installFakeOffice(
  book: FakeWorkbook,
  scope: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
): void {
  scope.Excel = {
    run: async <T>(batch: (context: RequestContext) => Promise<T>): Promise<T> => batch(new RequestContext(book)),
    ChartType: { columnClustered: 'ColumnClustered', barClustered: 'BarClustered' },
  };
  scope.Office = {
    HostType: { Excel: 'Excel' },
    onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
    context: {
      displayLanguage: book.options.displayLanguage ?? 'zh-CN',
      officeTheme: { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#000000' },
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          name === 'ExcelApi' &&
          Number(String(version ?? '1.1').split('.')[1] ?? 1) <= (book.options.excelApiMinor ?? 13),
      },
    },
  };
}

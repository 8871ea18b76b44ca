/**
 * A minimal forward-only XML scanner for the SpreadsheetML parts we read. The parts are machine-written,
 * so we only need elements, attributes, text and the five predefined entities plus character references;
 * DTDs are never expanded (nothing in a workbook can make the reader fetch or inflate anything).
 */

export type XmlEvent =
  | { kind: 'open'; name: string; attrs: string; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

export class XmlScanner {
  private pos = 0;
  constructor(private readonly xml: string) {}

  /** The next event, or undefined at the end. Comments, processing instructions and doctype are skipped. */
  next(): XmlEvent | undefined {
    const xml = this.xml;
    while (this.pos < xml.length) {
      const lt = xml.indexOf('<', this.pos);
      if (lt !== this.pos) {
        const end = lt < 0 ? xml.length : lt;
        const raw = xml.slice(this.pos, end);
        this.pos = end;
        return { kind: 'text', text: decodeXmlText(raw) };
      }
      const next = xml.charCodeAt(lt + 1);
      if (next === 33 /* ! */) {
        if (xml.startsWith('<![CDATA[', lt)) {
          const close = xml.indexOf(']]>', lt);
          const end = close < 0 ? xml.length : close;
          this.pos = close < 0 ? xml.length : close + 3;
          return { kind: 'text', text: xml.slice(lt + 9, end) };
        }
        const terminator = xml.startsWith('<!--', lt) ? '-->' : '>';
        const close = xml.indexOf(terminator, lt);
        this.pos = close < 0 ? xml.length : close + terminator.length;
        continue;
      }
      if (next === 63 /* ? */) {
        const close = xml.indexOf('?>', lt);
        this.pos = close < 0 ? xml.length : close + 2;
        continue;
      }
      const gt = findTagEnd(xml, lt);
      this.pos = gt + 1;
      if (next === 47 /* / */) return { kind: 'close', name: localName(xml.slice(lt + 2, gt).trim()) };
      const selfClosing = xml.charCodeAt(gt - 1) === 47;
      const body = xml.slice(lt + 1, selfClosing ? gt - 1 : gt);
      const space = firstWhitespace(body);
      const name = localName(space < 0 ? body : body.slice(0, space));
      return { kind: 'open', name, attrs: space < 0 ? '' : body.slice(space), selfClosing };
    }
    return undefined;
  }

  /** Text up to the close tag of the element just opened (for leaf elements such as <v>, <f>, <t>). */
  readText(name: string): string {
    let text = '';
    for (let event = this.next(); event; event = this.next()) {
      if (event.kind === 'text') text += event.text;
      else if (event.kind === 'close' && event.name === name) break;
    }
    return text;
  }

  /** Skips to the close tag of the element just opened, nested elements included. */
  skip(name: string): void {
    let depth = 1;
    for (let event = this.next(); event; event = this.next()) {
      if (event.kind === 'open' && event.name === name && !event.selfClosing) depth++;
      else if (event.kind === 'close' && event.name === name && --depth === 0) return;
    }
  }
}

function findTagEnd(xml: string, lt: number): number {
  // Attribute values may contain '>', so skip quoted spans.
  let quote = 0;
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return xml.length - 1;
}

function firstWhitespace(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) return i;
  }
  return -1;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** The value of attribute `name` (namespace prefix ignored) in an attribute string, decoded, or undefined. */
export function attribute(attrs: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = attrs.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    const before = attrs.charCodeAt(at - 1);
    const boundary = before === 32 || before === 9 || before === 10 || before === 13 || before === 58; /* : */
    let i = from;
    while (attrs.charCodeAt(i) === 32) i++;
    if (!boundary || attrs.charCodeAt(i) !== 61 /* = */) continue;
    i++;
    while (attrs.charCodeAt(i) === 32) i++;
    const quote = attrs[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = attrs.indexOf(quote, i + 1);
    return decodeXmlText(attrs.slice(i + 1, end < 0 ? attrs.length : end));
  }
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXmlText(raw: string): string {
  if (raw.indexOf('&') < 0 && raw.indexOf('_x') < 0) return raw;
  let out = raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return safeCodePoint(parseInt(entity.slice(2), 16)) ?? whole;
    if (entity.startsWith('#')) return safeCodePoint(parseInt(entity.slice(1), 10)) ?? whole;
    return NAMED_ENTITIES[entity] ?? whole;
  });
  // OOXML escapes control characters as _xHHHH_ (ECMA-376 22.9.2.19).
  out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

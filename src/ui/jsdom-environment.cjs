'use strict';
/**
 * jsdom for the pane's component tests (`@jest-environment ./src/ui/jsdom-environment.cjs`), with the browser
 * APIs that jsdom lacks and the pane or Fluent UI use: TextDecoder/TextEncoder (the file reader), Blob.arrayBuffer
 * (opening a picked file), matchMedia, ResizeObserver and scrollIntoView.
 */
/**
 * getComputedStyle, which Testing Library's role queries call for every element they consider (and again for its
 * ancestors and the nodes that name it), tests the element against every rule of every style sheet: jsdom's default
 * sheet (a hundred rules, most of them tag lists) and the near thousand Fluent UI (Griffel) inserts. Here the rules
 * are indexed instead. An alternative of a selector list can match an element only if the element has the tag and
 * every class its subject (the compound right of the last combinator) names, so each rule is filed under the first
 * class or else the tag of each alternative's subject, and an element is tested, by jsdom's selector engine as
 * before and in the sheets' order, only against the rules filed under its classes and tag and those the reading
 * below does not follow (no class or tag in some subject, escapes, namespaces). The index of a sheet is rebuilt
 * whenever its rules are not those it was built from. (Must be patched before jsdom's window code loads, which takes
 * its own reference to getDeclarationForElement.)
 */
const { createRequire } = require('node:module');

const jsdomRequire = createRequire(require.resolve('jsdom/lib/jsdom/living/helpers/style-rules'));
const selectors = jsdomRequire('./selectors');
const styleRules = jsdomRequire('./style-rules');
const cssom = jsdomRequire('rrweb-cssom');
const { CSSStyleDeclaration } = jsdomRequire('cssstyle');
const defaultStyleSheet = jsdomRequire('../../browser/default-stylesheet');
const { forEach, indexOf } = Array.prototype;

/**
 * The selector's alternatives as the tag (lower case) and classes of their subjects, or null when not followed. Only
 * printable ASCII without escapes or namespaces is read, so a name ends where [\w-] ends.
 */
function subjectsOf(selector) {
  if (typeof selector !== 'string' || !/^[\x20-\x7e\t\n\f\r]*$/.test(selector) || /[\\|]/.test(selector)) return null;
  const alternatives = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  let last = 0; // where the current alternative's subject starts
  const close = (end) => {
    const subject = selector.slice(last, end).trim();
    const tag = /^[a-zA-Z][\w-]*/.exec(subject)?.[0]?.toLowerCase();
    const classes = [];
    let d = 0;
    let q = '';
    for (let i = 0; i < subject.length; i++) {
      const c = subject[i];
      if (q) {
        if (c === q) q = '';
      } else if (c === '"' || c === "'") q = c;
      else if (c === '(' || c === '[') d++;
      else if (c === ')' || c === ']') d--;
      else if (c === '.' && d === 0) classes.push(/^[\w-]+/.exec(subject.slice(i + 1))?.[0] ?? '');
    }
    if (classes.includes('') || selector.slice(start, end).trim() === '') return false;
    alternatives.push({ tag, classes });
    return true;
  };
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && c === ',') {
      if (!close(i)) return null;
      start = last = i + 1;
    } else if (depth === 0 && (c === '>' || c === '+' || c === '~' || /\s/.test(c))) last = i + 1;
  }
  if (depth !== 0 || quote || !close(selector.length)) return null;
  return alternatives;
}

const subjects = new Map();
function subjectsOfCached(selector) {
  let alternatives = subjects.get(selector);
  if (alternatives === undefined) {
    alternatives = subjectsOf(selector);
    subjects.set(selector, alternatives);
  }
  return alternatives;
}

const ALWAYS = '\u0000always';

/** One sheet's rules in order (those of its media rules for screen in place), filed by class and tag. */
function buildIndex(sheet) {
  const rules = [];
  const shape = []; // what the index was built from: each top-level rule, its selector, and a media rule's rules
  forEach.call(sheet.cssRules, (rule) => {
    shape.push(rule, rule.selectorText);
    if (rule.media) {
      const screen = indexOf.call(rule.media, 'screen') !== -1;
      shape.push(screen, rule.cssRules.length);
      forEach.call(rule.cssRules, (inner) => {
        shape.push(inner, inner.selectorText);
        if (screen) rules.push(inner);
      });
    } else rules.push(rule);
  });
  const buckets = new Map();
  const file = (key, index) => {
    const bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, [index]);
    else if (bucket[bucket.length - 1] !== index) bucket.push(index);
  };
  rules.forEach((rule, index) => {
    const alternatives = subjectsOfCached(rule.selectorText);
    if (alternatives === null) file(ALWAYS, index);
    else for (const { tag, classes } of alternatives) file(classes[0] ?? tag ?? ALWAYS, index);
  });
  return { shape, rules, buckets };
}

function sameShape(sheet, shape) {
  let at = 0;
  const { cssRules } = sheet;
  for (let i = 0; i < cssRules.length; i++) {
    const rule = cssRules[i];
    if (shape[at++] !== rule || shape[at++] !== rule.selectorText) return false;
    if (rule.media) {
      const inners = rule.cssRules;
      if (shape[at++] !== (indexOf.call(rule.media, 'screen') !== -1) || shape[at++] !== inners.length) return false;
      for (let j = 0; j < inners.length; j++)
        if (shape[at++] !== inners[j] || shape[at++] !== inners[j].selectorText) return false;
    }
  }
  return at === shape.length;
}

const indexes = new WeakMap();
function indexFor(sheet) {
  let index = indexes.get(sheet);
  if (index === undefined || !sameShape(sheet, index.shape)) {
    index = buildIndex(sheet);
    indexes.set(sheet, index);
  }
  return index;
}

const WHITESPACE = /[\t\n\f\r ]+/;
let parsedDefaultStyleSheet;

/** jsdom's forEachMatchingSheetRuleOfElement, over the rules filed under the element's classes and tag. */
function forEachMatchingSheetRuleOfElement(elementImpl, handleRule) {
  const standards = elementImpl._ownerDocument.compatMode === 'CSS1Compat';
  const keys = [ALWAYS, elementImpl._localName.toLowerCase()];
  if (standards) keys.push(...(elementImpl.getAttributeNS(null, 'class') ?? '').split(WHITESPACE).filter(Boolean));
  const handleSheet = (sheet) => {
    const { rules, buckets } = indexFor(sheet);
    let candidates;
    if (standards) {
      const found = new Set();
      for (const key of keys) for (const index of buckets.get(key) ?? []) found.add(index);
      candidates = [...found].sort((a, b) => a - b);
    } else candidates = rules.keys();
    for (const index of candidates) {
      const rule = rules[index];
      if (selectors.matchesDontThrow(elementImpl, rule.selectorText)) handleRule(rule);
    }
  };
  parsedDefaultStyleSheet ??= cssom.parse(defaultStyleSheet);
  handleSheet(parsedDefaultStyleSheet);
  forEach.call(elementImpl._ownerDocument.styleSheets._list, handleSheet);
}

/**
 * jsdom's getDeclarationForElement, with the rule lookup above: a copy of jsdom 26.1's, so it replaces only that
 * version's (known by the digest of its style-rules.js); another jsdom keeps its own, slower but as it is.
 */
const STYLE_RULES_SHA1 = 'c8ce899b528c0d4311931af0c7e2437fd5900781';
const styleRulesText = require('node:fs').readFileSync(jsdomRequire.resolve('./style-rules'));
if (require('node:crypto').createHash('sha1').update(styleRulesText).digest('hex') === STYLE_RULES_SHA1)
  styleRules.getDeclarationForElement = getDeclarationForElement;

function getDeclarationForElement(elementImpl) {
  let styleCache = elementImpl._ownerDocument._styleCache;
  if (!styleCache) styleCache = elementImpl._ownerDocument._styleCache = new WeakMap();
  const cachedDeclaration = styleCache.get(elementImpl);
  if (cachedDeclaration) return cachedDeclaration;

  const declaration = new CSSStyleDeclaration();
  function handleProperty(style, property) {
    const value = style.getPropertyValue(property);
    // https://drafts.csswg.org/css-cascade-4/#valdef-all-unset
    if (value === 'unset') declaration.removeProperty(property);
    else declaration.setProperty(property, value, style.getPropertyPriority(property));
  }
  forEachMatchingSheetRuleOfElement(elementImpl, (rule) => {
    forEach.call(rule.style, (property) => handleProperty(rule.style, property));
  });
  forEach.call(elementImpl.style, (property) => handleProperty(elementImpl.style, property));
  styleCache.set(elementImpl, declaration);
  return declaration;
}

const { TestEnvironment } = require('jest-environment-jsdom');
const { TextDecoder, TextEncoder } = require('node:util');

class PaneEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const g = this.global;
    if (!g.TextDecoder) g.TextDecoder = TextDecoder;
    if (!g.TextEncoder) g.TextEncoder = TextEncoder;
    if (!g.matchMedia) {
      g.matchMedia = (query) => ({
        matches: false,
        media: query,
        onchange: null,
        addListener() {},
        removeListener() {},
        addEventListener() {},
        removeEventListener() {},
        dispatchEvent: () => false,
      });
    }
    if (!g.ResizeObserver) {
      g.ResizeObserver = class {
        observe() {}
        unobserve() {}
        disconnect() {}
      };
    }
    if (!g.Blob.prototype.arrayBuffer) {
      g.Blob.prototype.arrayBuffer = function arrayBuffer() {
        return new Promise((resolve, reject) => {
          const reader = new g.FileReader();
          reader.onload = () => resolve(reader.result);
          reader.onerror = () => reject(reader.error);
          reader.readAsArrayBuffer(this);
        });
      };
    }
    if (!g.Element.prototype.scrollIntoView) g.Element.prototype.scrollIntoView = function scrollIntoView() {};
  }
}

module.exports = PaneEnvironment;

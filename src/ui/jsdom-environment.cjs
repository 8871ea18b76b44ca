'use strict';
/**
 * jsdom for the pane's component tests (`@jest-environment ./src/ui/jsdom-environment.cjs`), with the browser
 * APIs that jsdom lacks and the pane or Fluent UI use: TextDecoder/TextEncoder (the file reader), Blob.arrayBuffer
 * (opening a picked file), matchMedia, ResizeObserver and scrollIntoView.
 */
const selectors = require('jsdom/lib/jsdom/living/helpers/selectors');

/**
 * getComputedStyle, which Testing Library's role queries call for every element they consider, tests each element
 * against every rule of every style sheet, and Fluent UI (Griffel) inserts thousands of one-class rules. A selector
 * without combinators that starts with a class cannot match an element whose class attribute lacks that name, so
 * those are answered false before the selector engine runs; every other case goes to it as before. (Must be patched
 * before jsdom's style code loads, which takes its own reference to matchesDontThrow.)
 */
const LEADING_CLASS = /^\.([\w-]+)(?=$|[.:#[])/;
const COMBINATOR = /[\s>+~,]/;
const leadingClass = new Map();
const matchesDontThrow = selectors.matchesDontThrow;
selectors.matchesDontThrow = (elImpl, selector) => {
  let name = leadingClass.get(selector);
  if (name === undefined) {
    name = (!COMBINATOR.test(selector) && LEADING_CLASS.exec(selector)?.[1]) || null;
    leadingClass.set(selector, name);
  }
  if (name !== null && elImpl._ownerDocument.compatMode === 'CSS1Compat') {
    const classes = elImpl.getAttributeNS(null, 'class');
    if (classes === null || !classes.includes(name)) return false;
  }
  return matchesDontThrow(elImpl, selector);
};

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

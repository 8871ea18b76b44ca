'use strict';
/**
 * jsdom for the pane's component tests (`@jest-environment ./src/ui/jsdom-environment.cjs`), with the browser
 * APIs that jsdom lacks and the pane or Fluent UI use: TextDecoder/TextEncoder (the file reader), Blob.arrayBuffer
 * (opening a picked file), matchMedia, ResizeObserver and scrollIntoView.
 */
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

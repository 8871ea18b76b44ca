'use strict';
/**
 * @fluentui/react-components as jest loads it (jest.config.js maps the package's name here): each export from the
 * package of Fluent UI it comes from (@fluentui/react-button, …), that package loaded when first asked for, instead
 * of the index, which loads all 58 of them before its first export; the pane uses about 20 (the others cost about
 * half a second of CPU in every file that loads Fluent UI, and most of what theme.test.ts loads). Which package an
 * export comes from is read from the index itself (its `get Button () { return _reactbutton.Button; }` and
 * `const _reactbutton = require("@fluentui/react-button")`); a name it does not list, and any listing of the
 * exports, is answered by the index as before.
 */
const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

// The package's name resolves to this file here: its index is found from its package.json.
const manifest = require.resolve('@fluentui/react-components/package.json');
const indexPath = join(dirname(manifest), require(manifest).main);
let index;
const wholeIndex = () => {
  index ??= require(indexPath);
  return index;
};

const text = readFileSync(indexPath, 'utf8');
const packages = new Map(
  [...text.matchAll(/^const (_\w+) = require\("([^"]+)"\);$/gm)].map(([, variable, name]) => [variable, name]),
);
/** Export → [package, its name there]. */
const sources = new Map(
  [...text.matchAll(/get (\w+) \(\) \{\s*return (_\w+)\.(\w+);\s*\}/g)]
    .filter(([, , variable]) => packages.has(variable))
    .map(([, name, variable, property]) => [name, [packages.get(variable), property]]),
);

const from = [dirname(manifest)];
function exported(name) {
  if (name === '__esModule') return true;
  const source = typeof name === 'string' ? sources.get(name) : undefined;
  if (!source) return wholeIndex()[name];
  const [pkg, property] = source;
  return require(require.resolve(pkg, { paths: from }))[property];
}

module.exports = new Proxy(
  {},
  {
    get: (_, name) => exported(name),
    has: (_, name) => name in wholeIndex(),
    ownKeys: () => Reflect.ownKeys(wholeIndex()),
    getOwnPropertyDescriptor: (_, name) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(wholeIndex(), name);
      return descriptor && { ...descriptor, configurable: true };
    },
  },
);

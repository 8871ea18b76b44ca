'use strict';
/**
 * @fluentui/react-icons as jest loads it (jest.config.js maps the package's name here): each icon from its own module
 * (`@fluentui/react-icons/svg/<name>`, the package's per-icon entry points), loaded when first asked for, instead of the
 * package's index, which loads all of its 27,000 icons (4 MB of CommonJS) before Fluent UI's first component. Fluent
 * UI's own packages ask the index for their few icons, so every component test paid that load (about 1.5 s of CPU).
 * The icons and helpers are the package's own modules; a name this file cannot place, and any listing of the
 * exports, is answered by the package's index as before.
 */
const { existsSync } = require('node:fs');
const { dirname, join } = require('node:path');

const root = join(dirname(require.resolve('@fluentui/react-icons/package.json')), 'lib-cjs');
let index;
const wholeIndex = () => {
  index ??= require(join(root, 'index.cjs'));
  return index;
};

/** What the index exports besides icons, from the modules it takes them from. */
const helpers = {
  ...require(join(root, 'utils/wrapIcon.cjs')),
  ...require(join(root, 'utils/bundleIcon.cjs')),
  ...require(join(root, 'utils/createFluentIcon.cjs')),
  ...require(join(root, 'utils/useIconState.cjs')),
  ...require(join(root, 'utils/constants.cjs')),
  ...require(join(root, 'contexts/index.cjs')),
};

/** `ArrowClockwise20Regular` → `atoms/svg/arrow-clockwise.cjs`, `Calendar3DayFilled` → `calendar-3-day`. */
function atomOf(name) {
  const icon = /^(.+?)\d*(Regular|Filled|Color|Light)$/.exec(name);
  if (!icon) return undefined;
  const file = icon[1]
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([a-zA-Z])(\d)/g, '$1-$2')
    .toLowerCase();
  const path = join(root, 'atoms/svg', `${file}.cjs`);
  return existsSync(path) ? require(path) : undefined;
}

const found = new Map();
function exported(name) {
  if (name === '__esModule') return true;
  if (typeof name !== 'string') return wholeIndex()[name];
  if (!found.has(name)) {
    const value = Object.hasOwn(helpers, name) ? helpers[name] : atomOf(name)?.[name];
    found.set(name, value !== undefined ? value : wholeIndex()[name]);
  }
  return found.get(name);
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

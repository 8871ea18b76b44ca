import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { XmlScanner, decodeXmlText } from '../src/file/xlsx/xml-scanner';

/**
 * The add-in manifest, checked offline (Microsoft's validator, `npm run validate:manifest`, needs its service).
 * Each check is a function from the manifest to a list of problems; the real manifest must give none, and every check is
 * also run on a manifest broken on purpose, which it must catch, so no check can pass by accident.
 */

const root = join(__dirname, '..');
const MANIFEST = join(root, 'manifest.xml');
/** The lowest ExcelApi set the add-in needs (README, "Requirement sets"). */
const EXCEL_API = '1.7';
const NS_OFFICEAPP = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const NS_OVERRIDES = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';

interface XmlElement {
  /** Local name (namespace prefix dropped, as XmlScanner reports it). */
  name: string;
  /** Attributes by their qualified name (`xsi:type`, `DefaultValue`). */
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function parseAttributes(raw: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const match of raw.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = match[1] ?? '';
    if (name in attrs) throw new Error(`attribute ${name} given twice`);
    attrs[name] = decodeXmlText(match[2] ?? match[3] ?? '');
  }
  return attrs;
}

/** A tree of the document; throws when it is not well-formed (mismatched or unclosed tags, two roots). */
function parseXml(xml: string): XmlElement {
  const scanner = new XmlScanner(xml);
  const stack: XmlElement[] = [];
  let rootElement: XmlElement | undefined;
  for (let event = scanner.next(); event; event = scanner.next()) {
    const top = stack[stack.length - 1];
    if (event.kind === 'open') {
      const element: XmlElement = { name: event.name, attrs: parseAttributes(event.attrs), children: [], text: '' };
      if (top) top.children.push(element);
      else if (rootElement) throw new Error(`a second root element <${event.name}>`);
      else rootElement = element;
      if (!event.selfClosing) stack.push(element);
    } else if (event.kind === 'close') {
      if (!top || top.name !== event.name) throw new Error(`</${event.name}> closes <${top?.name ?? 'nothing'}>`);
      stack.pop();
    } else if (top) top.text += event.text;
    else if (event.text.trim()) throw new Error('text outside the root element');
  }
  const open = stack[stack.length - 1];
  if (open) throw new Error(`<${open.name}> is never closed`);
  if (!rootElement) throw new Error('no root element');
  return rootElement;
}

function children(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((child) => child.name === name) : [];
}

function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return children(element, name)[0];
}

/** Every descendant (and the element itself) with its ancestors' names. */
function walk(element: XmlElement, ancestors: string[] = []): Array<{ element: XmlElement; ancestors: string[] }> {
  const here = { element, ancestors };
  return [here, ...element.children.flatMap((c) => walk(c, [...ancestors, element.name]))];
}

function pngSize(file: string): { width: number; height: number } | undefined {
  const bytes = readFileSync(file);
  const signature = '89504e470d0a1a0a';
  if (
    bytes.length < 24 ||
    bytes.subarray(0, 8).toString('hex') !== signature ||
    bytes.toString('ascii', 12, 16) !== 'IHDR'
  )
    return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function isHttpsUrl(url: string | undefined): boolean {
  try {
    return new URL(url ?? '').protocol === 'https:';
  } catch {
    return false;
  }
}

interface Context {
  xml: string;
  officeApp: XmlElement;
  /** Pages the webpack build writes (HtmlWebpackPlugin file names). */
  pages: string[];
  packageVersion: string;
}

/** The page names webpack.config.js builds. */
function builtPages(): string[] {
  const load = createRequire(__filename);
  const config = (
    load(join(root, 'webpack.config.js')) as (env: unknown, argv: { mode: string }) => { plugins: object[] }
  )({}, { mode: 'production' });
  return config.plugins
    .filter((plugin) => plugin.constructor.name === 'HtmlWebpackPlugin')
    .map((plugin) => String((plugin as { userOptions: { filename?: string } }).userOptions.filename));
}

function versionOverrides(ctx: Context): XmlElement | undefined {
  return child(ctx.officeApp, 'VersionOverrides');
}

function resources(ctx: Context): XmlElement | undefined {
  return child(versionOverrides(ctx), 'Resources');
}

/** Resource ids by kind: Images, Urls, ShortStrings, LongStrings. */
function resourceIds(ctx: Context): Map<string, { kind: string; element: XmlElement }> {
  const ids = new Map<string, { kind: string; element: XmlElement }>();
  for (const group of resources(ctx)?.children ?? []) {
    for (const element of group.children) ids.set(element.attrs.id ?? '', { kind: group.name, element });
  }
  return ids;
}

/** Every URL the manifest gives (attribute values and texts that are absolute URLs; namespace declarations excepted). */
function urls(ctx: Context): Array<{ where: string; url: string }> {
  const found: Array<{ where: string; url: string }> = [];
  for (const { element } of walk(ctx.officeApp)) {
    for (const [name, value] of Object.entries(element.attrs)) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim()))
        found.push({ where: `${element.name}@${name}`, url: value.trim() });
    }
    const text = element.text.trim();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) found.push({ where: element.name, url: text });
  }
  return found;
}

function orderProblems(ctx: Context): string[] {
  // The OfficeApp sequence of the schema (TaskPaneApp), with the elements this add-in uses; AppDomains is optional.
  const schema: Array<{ name: string; optional?: boolean }> = [
    { name: 'Id' },
    { name: 'Version' },
    { name: 'ProviderName' },
    { name: 'DefaultLocale' },
    { name: 'DisplayName' },
    { name: 'Description' },
    { name: 'IconUrl' },
    { name: 'HighResolutionIconUrl' },
    { name: 'SupportUrl' },
    { name: 'AppDomains', optional: true },
    { name: 'Hosts' },
    { name: 'Requirements' },
    { name: 'DefaultSettings' },
    { name: 'Permissions' },
    { name: 'VersionOverrides' },
  ];
  const actual = ctx.officeApp.children.map((c) => c.name);
  let at = 0;
  for (const expected of schema) {
    if (actual[at] === expected.name) at++;
    else if (!expected.optional)
      return [
        `order: expected <${expected.name}> at position ${at + 1}, found <${actual[at] ?? 'end'}> (children: ${actual.join(', ')})`,
      ];
  }
  return at < actual.length ? [`order: unexpected <${actual[at]}> after <${actual[at - 1] ?? 'start'}>`] : [];
}

const CHECKS: Record<string, (ctx: Context) => string[]> = {
  root(ctx) {
    const problems: string[] = [];
    if (ctx.officeApp.name !== 'OfficeApp') problems.push(`root: the root element is <${ctx.officeApp.name}>`);
    if (ctx.officeApp.attrs['xsi:type'] !== 'TaskPaneApp')
      problems.push(`root: xsi:type is ${ctx.officeApp.attrs['xsi:type']}, not TaskPaneApp`);
    if (ctx.officeApp.attrs.xmlns !== NS_OFFICEAPP) problems.push(`root: namespace ${ctx.officeApp.attrs.xmlns}`);
    return problems;
  },

  order: orderProblems,

  id(ctx) {
    const id = child(ctx.officeApp, 'Id')?.text.trim() ?? '';
    return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
      ? []
      : [`id: "${id}" is not a GUID`];
  },

  version(ctx) {
    const version = child(ctx.officeApp, 'Version')?.text.trim() ?? '';
    if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version)) return [`version: "${version}" is not n.n.n.n`];
    const [major, minor, patch] = version.split('.');
    const expected = ctx.packageVersion.split('.');
    return major === expected[0] && minor === expected[1] && (patch ?? '0') === expected[2]
      ? []
      : [`version: ${version} does not match package.json ${ctx.packageVersion}`];
  },

  locales(ctx) {
    const problems: string[] = [];
    const locale = child(ctx.officeApp, 'DefaultLocale')?.text.trim();
    if (locale !== 'en-US') problems.push(`locales: DefaultLocale is ${locale}, not en-US`);
    const localized = [
      ...['DisplayName', 'Description'].map((name) => ({ label: name, element: child(ctx.officeApp, name) })),
      ...[...resourceIds(ctx).entries()]
        .filter(([, r]) => r.kind === 'ShortStrings' || r.kind === 'LongStrings')
        .map(([id, r]) => ({ label: `string ${id}`, element: r.element as XmlElement | undefined })),
    ];
    for (const { label, element } of localized) {
      if (!element?.attrs.DefaultValue?.trim()) problems.push(`locales: ${label} has no DefaultValue`);
      const zh = children(element, 'Override').filter((o) => o.attrs.Locale === 'zh-CN');
      if (zh.length !== 1 || !zh[0]?.attrs.Value?.trim())
        problems.push(`locales: ${label} needs one zh-CN Override with a Value`);
      else if (!/[\u4e00-\u9fff]/.test(zh[0].attrs.Value))
        problems.push(`locales: ${label}'s zh-CN Override has no Chinese`);
    }
    if (!localized.some((l) => l.label.startsWith('string'))) problems.push('locales: no string resources');
    return problems;
  },

  lengths(ctx) {
    // Schema limits: short strings and the display name 125 characters, long strings and the description 250.
    const problems: string[] = [];
    const limit = (label: string, element: XmlElement | undefined, max: number): void => {
      for (const value of [element?.attrs.DefaultValue, ...children(element, 'Override').map((o) => o.attrs.Value)]) {
        if (value !== undefined && [...value].length > max)
          problems.push(`lengths: ${label} is longer than ${max} characters`);
      }
    };
    limit('DisplayName', child(ctx.officeApp, 'DisplayName'), 125);
    limit('Description', child(ctx.officeApp, 'Description'), 250);
    for (const [id, r] of resourceIds(ctx)) {
      if (r.kind === 'ShortStrings') limit(id, r.element, 125);
      if (r.kind === 'LongStrings') limit(id, r.element, 250);
    }
    return problems;
  },

  https(ctx) {
    const found = urls(ctx);
    const problems = found
      .filter(({ url }) => !url.startsWith('https://'))
      .map(({ where, url }) => `https: ${where} is ${url}`);
    const required = ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl'].map(
      (name) => child(ctx.officeApp, name)?.attrs.DefaultValue,
    );
    required.push(child(child(ctx.officeApp, 'DefaultSettings'), 'SourceLocation')?.attrs.DefaultValue);
    for (const r of resourceIds(ctx).values())
      if (r.kind === 'Images' || r.kind === 'Urls') required.push(r.element.attrs.DefaultValue);
    for (const url of required) if (!isHttpsUrl(url)) problems.push(`https: "${url}" is not an absolute https URL`);
    return problems;
  },

  origin(ctx) {
    // One origin everywhere, so deploying means replacing it once.
    const origins = new Set(urls(ctx).map(({ url }) => new URL(url).origin));
    return origins.size === 1 ? [] : [`origin: the URLs use ${origins.size} origins: ${[...origins].join(', ')}`];
  },

  icons(ctx) {
    const problems: string[] = [];
    const icons: Array<{ label: string; url: string | undefined; size: number }> = [
      { label: 'IconUrl', url: child(ctx.officeApp, 'IconUrl')?.attrs.DefaultValue, size: 32 },
      {
        label: 'HighResolutionIconUrl',
        url: child(ctx.officeApp, 'HighResolutionIconUrl')?.attrs.DefaultValue,
        size: 64,
      },
    ];
    const ids = resourceIds(ctx);
    for (const { element, ancestors } of walk(versionOverrides(ctx) ?? ctx.officeApp)) {
      if (element.name === 'Image' && ancestors[ancestors.length - 1] === 'Icon') {
        const image = ids.get(element.attrs.resid ?? '');
        icons.push({
          label: `Icon image ${element.attrs.resid} (size ${element.attrs.size})`,
          url: image?.element.attrs.DefaultValue,
          size: Number(element.attrs.size),
        });
      }
    }
    for (const { label, url, size } of icons) {
      if (!url) {
        problems.push(`icons: ${label} has no URL`);
        continue;
      }
      // The build copies assets/*.png to assets/ at the site root: /assets/icon-32.png is assets/icon-32.png here.
      const file = resolve(root, `.${decodeURIComponent(new URL(url).pathname)}`);
      const inAssets = relative(join(root, 'assets'), file);
      if (inAssets.startsWith('..') || inAssets.includes(sep))
        problems.push(`icons: ${label} (${url}) is not a file in assets/`);
      else if (!existsSync(file)) problems.push(`icons: ${label}: ${relative(root, file)} does not exist`);
      else {
        const png = pngSize(file);
        if (!png) problems.push(`icons: ${label}: ${relative(root, file)} is not a PNG`);
        else if (png.width !== size || png.height !== size)
          problems.push(`icons: ${label}: ${relative(root, file)} is ${png.width}×${png.height}, not ${size}×${size}`);
      }
    }
    return [...new Set(problems)];
  },

  resources(ctx) {
    const problems: string[] = [];
    const expectedKind: Record<string, string> = {
      Image: 'Images',
      SourceLocation: 'Urls',
      LearnMoreUrl: 'Urls',
      FunctionFile: 'Urls',
      Label: 'ShortStrings',
      Title: 'ShortStrings',
      Description: 'LongStrings',
    };
    const defined = new Map<string, string>();
    for (const group of resources(ctx)?.children ?? []) {
      if (!['Images', 'Urls', 'ShortStrings', 'LongStrings'].includes(group.name))
        problems.push(`resources: unknown resource group <${group.name}>`);
      for (const element of group.children) {
        const id = element.attrs.id ?? '';
        if (!id) problems.push(`resources: a resource in ${group.name} has no id`);
        else if (defined.has(id)) problems.push(`resources: id ${id} is defined twice`);
        if (id.length > 32) problems.push(`resources: id ${id} is longer than 32 characters`);
        if (!element.attrs.DefaultValue) problems.push(`resources: ${id} has no DefaultValue`);
        defined.set(id, group.name);
      }
    }
    const used = new Set<string>();
    for (const { element } of walk(versionOverrides(ctx) ?? ctx.officeApp)) {
      const resid = element.attrs.resid;
      if (resid === undefined) continue;
      used.add(resid);
      const kind = defined.get(resid);
      if (!kind) problems.push(`resources: <${element.name} resid="${resid}"> names no resource`);
      else if (expectedKind[element.name] === undefined)
        problems.push(`resources: <${element.name}> is not expected to carry a resid`);
      else if (expectedKind[element.name] !== kind)
        problems.push(
          `resources: <${element.name} resid="${resid}"> needs one of ${expectedKind[element.name]}, ${resid} is in ${kind}`,
        );
    }
    for (const id of defined.keys()) if (!used.has(id)) problems.push(`resources: ${id} is defined but never used`);
    return problems;
  },

  permissions(ctx) {
    const permissions = child(ctx.officeApp, 'Permissions')?.text.trim();
    return permissions === 'ReadWriteDocument' ? [] : [`permissions: ${permissions}, not ReadWriteDocument`];
  },

  hosts(ctx) {
    const problems: string[] = [];
    const hosts = children(child(ctx.officeApp, 'Hosts'), 'Host').map((h) => h.attrs.Name);
    if (hosts.join() !== 'Workbook') problems.push(`hosts: Hosts are [${hosts.join(', ')}], not [Workbook]`);
    const overrideHosts = children(child(versionOverrides(ctx), 'Hosts'), 'Host').map((h) => h.attrs['xsi:type']);
    if (overrideHosts.join() !== 'Workbook')
      problems.push(`hosts: VersionOverrides hosts are [${overrideHosts.join(', ')}], not [Workbook]`);
    return problems;
  },

  requirements(ctx) {
    const sets = children(child(child(ctx.officeApp, 'Requirements'), 'Sets'), 'Set');
    const excel = sets.filter((s) => s.attrs.Name === 'ExcelApi');
    if (excel.length !== 1) return [`requirements: ${excel.length} ExcelApi sets, expected one`];
    const min = excel[0]?.attrs.MinVersion;
    return min === EXCEL_API ? [] : [`requirements: ExcelApi MinVersion is ${min}, expected ${EXCEL_API}`];
  },

  ribbon(ctx) {
    const problems: string[] = [];
    const overrides = versionOverrides(ctx);
    if (overrides?.attrs.xmlns !== NS_OVERRIDES || overrides.attrs['xsi:type'] !== 'VersionOverridesV1_0')
      problems.push('ribbon: VersionOverrides is not the task-pane VersionOverridesV1_0');
    const host = child(child(overrides, 'Hosts'), 'Host');
    const surface = children(child(host, 'DesktopFormFactor'), 'ExtensionPoint').find(
      (e) => e.attrs['xsi:type'] === 'PrimaryCommandSurface',
    );
    const tab = child(surface, 'OfficeTab');
    if (tab?.attrs.id !== 'TabHome') problems.push(`ribbon: the group is on ${tab?.attrs.id ?? 'no tab'}, not TabHome`);
    const group = child(tab, 'Group');
    const buttons = children(group, 'Control').filter((c) => c.attrs['xsi:type'] === 'Button');
    if (buttons.length !== 1) problems.push(`ribbon: ${buttons.length} buttons in the group, expected 1`);
    for (const owner of [group, ...buttons]) {
      const sizes = children(child(owner, 'Icon'), 'Image')
        .map((i) => i.attrs.size)
        .join();
      if (sizes !== '16,32,80')
        problems.push(`ribbon: <${owner?.name ?? 'Group'}> icon sizes are [${sizes}], expected [16,32,80]`);
    }
    const action = child(buttons[0], 'Action');
    if (action?.attrs['xsi:type'] !== 'ShowTaskpane')
      problems.push(`ribbon: the button's action is ${action?.attrs['xsi:type']}, not ShowTaskpane`);
    const paneUrl = resourceIds(ctx).get(child(action, 'SourceLocation')?.attrs.resid ?? '')?.element.attrs
      .DefaultValue;
    const defaultUrl = child(child(ctx.officeApp, 'DefaultSettings'), 'SourceLocation')?.attrs.DefaultValue;
    if (!paneUrl || paneUrl !== defaultUrl)
      problems.push(`ribbon: the button opens ${paneUrl}, DefaultSettings opens ${defaultUrl}`);
    return problems;
  },

  pages(ctx) {
    // Every page the manifest opens is one the build writes.
    const problems: string[] = [];
    for (const { where, url } of urls(ctx)) {
      const page = new URL(url).pathname.replace(/^\//, '');
      if (page.endsWith('.html') && !ctx.pages.includes(page))
        problems.push(
          `pages: ${where} opens ${page}, which webpack.config.js does not build (${ctx.pages.join(', ')})`,
        );
    }
    return problems;
  },
};

function context(xml: string): Context {
  const packageVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  return { xml, officeApp: parseXml(xml), pages: builtPages(), packageVersion };
}

/** Edits that break the manifest, each aimed at one check; `from` must occur in manifest.xml. */
interface Breakage {
  check: keyof typeof CHECKS | 'xml';
  what: string;
  from: string | RegExp;
  to: string;
}

const BREAKAGES: Breakage[] = [
  { check: 'xml', what: 'a tag left open', from: '</Hosts>\n  <Requirements>', to: '\n  <Requirements>' },
  { check: 'xml', what: 'mismatched tags', from: '</ProviderName>', to: '</Provider>' },
  { check: 'root', what: 'a mail add-in', from: 'xsi:type="TaskPaneApp"', to: 'xsi:type="MailApp"' },
  {
    check: 'order',
    what: 'Permissions before DefaultSettings',
    from: /(\s*<DefaultSettings>[\s\S]*?<\/DefaultSettings>)(\s*<Permissions>.*<\/Permissions>)/,
    to: '$2$1',
  },
  { check: 'order', what: 'Requirements missing', from: /\s*<Requirements>\s*<Sets[\s\S]*?<\/Requirements>/, to: '' },
  {
    check: 'order',
    what: 'an unknown element',
    from: '</ProviderName>',
    to: '</ProviderName>\n  <Provider>x</Provider>',
  },
  { check: 'id', what: 'an Id that is no GUID', from: /<Id>[^<]*<\/Id>/, to: '<Id>score-audit</Id>' },
  {
    check: 'version',
    what: 'a version ahead of package.json',
    from: /<Version>[^<]*<\/Version>/,
    to: '<Version>9.9.0.0</Version>',
  },
  {
    check: 'version',
    what: 'a malformed version',
    from: /<Version>[^<]*<\/Version>/,
    to: '<Version>0.1.0-beta</Version>',
  },
  {
    check: 'locales',
    what: 'DefaultLocale zh-CN',
    from: '<DefaultLocale>en-US</DefaultLocale>',
    to: '<DefaultLocale>zh-CN</DefaultLocale>',
  },
  { check: 'locales', what: 'DisplayName without zh-CN', from: /(<DisplayName[^>]*>)\s*<Override[^>]*\/>/, to: '$1' },
  {
    check: 'locales',
    what: 'a ribbon string without zh-CN',
    from: /(<bt:String id="Button.Label"[^>]*>)\s*<bt:Override[^>]*\/>/,
    to: '$1',
  },
  {
    check: 'locales',
    what: 'a zh-CN override in English',
    from: 'Value="绩效评分表审核助手"',
    to: 'Value="Score Audit"',
  },
  {
    check: 'lengths',
    what: 'a 126-character label',
    from: /(<bt:String id="Group.Label" DefaultValue=")[^"]*"/,
    to: `$1${'x'.repeat(126)}"`,
  },
  {
    check: 'https',
    what: 'the task pane over http',
    from: '<SourceLocation DefaultValue="https://',
    to: '<SourceLocation DefaultValue="http://',
  },
  {
    check: 'https',
    what: 'a relative icon URL',
    from: /<IconUrl DefaultValue="[^"]*"/,
    to: '<IconUrl DefaultValue="assets/icon-32.png"',
  },
  {
    check: 'origin',
    what: 'a support URL elsewhere',
    from: /<SupportUrl DefaultValue="[^"]*"/,
    to: '<SupportUrl DefaultValue="https://example.com/help"',
  },
  { check: 'icons', what: 'a missing icon file', from: 'assets/icon-80.png', to: 'assets/icon-81.png' },
  { check: 'icons', what: 'an icon outside assets/', from: 'assets/icon-16.png', to: 'manifest.xml' },
  {
    check: 'icons',
    what: 'a 32-pixel image for the 16 slot',
    from: 'size="16" resid="Icon.16"',
    to: 'size="16" resid="Icon.32"',
  },
  {
    check: 'icons',
    what: 'a 32-pixel high-resolution icon',
    from: /<HighResolutionIconUrl DefaultValue="([^"]*)icon-64.png"/,
    to: '<HighResolutionIconUrl DefaultValue="$1icon-32.png"',
  },
  {
    check: 'resources',
    what: 'a resid with no resource',
    from: '<Label resid="Group.Label"/>',
    to: '<Label resid="Group.Missing"/>',
  },
  {
    check: 'resources',
    what: 'a label from the long strings',
    from: '<Label resid="Group.Label"/>',
    to: '<Label resid="Button.Tooltip"/>',
  },
  {
    check: 'resources',
    what: 'a resource never used',
    from: '</bt:ShortStrings>',
    to: '<bt:String id="Unused" DefaultValue="x"><bt:Override Locale="zh-CN" Value="无"/></bt:String></bt:ShortStrings>',
  },
  {
    check: 'resources',
    what: 'an id over 32 characters',
    from: /"Group\.Label"/g,
    to: '"Group.Label.ThatIsFarTooLongForOffice"',
  },
  {
    check: 'permissions',
    what: 'read-only',
    from: '<Permissions>ReadWriteDocument</Permissions>',
    to: '<Permissions>ReadDocument</Permissions>',
  },
  { check: 'hosts', what: 'Word instead of Excel', from: '<Host Name="Workbook"/>', to: '<Host Name="Document"/>' },
  { check: 'hosts', what: 'ribbon for Word', from: '<Host xsi:type="Workbook">', to: '<Host xsi:type="Document">' },
  {
    check: 'requirements',
    what: 'no ExcelApi set',
    from: /<Set Name="ExcelApi"[^>]*\/>/,
    to: '<Set Name="SharedRuntime" MinVersion="1.1"/>',
  },
  {
    check: 'requirements',
    what: 'a higher set than needed',
    from: `MinVersion="${EXCEL_API}"`,
    to: 'MinVersion="1.13"',
  },
  {
    check: 'ribbon',
    what: 'the group on the Data tab',
    from: '<OfficeTab id="TabHome">',
    to: '<OfficeTab id="TabData">',
  },
  {
    check: 'ribbon',
    what: 'a function instead of the task pane',
    from: /<Action xsi:type="ShowTaskpane">[\s\S]*?<\/Action>/,
    to: '<Action xsi:type="ExecuteFunction"><FunctionName>audit</FunctionName></Action>',
  },
  {
    check: 'ribbon',
    what: 'a button without the 80-pixel icon',
    from: /(<Control[\s\S]*?)\s*<bt:Image size="80"[^>]*\/>/,
    to: '$1',
  },
  {
    check: 'ribbon',
    what: 'the button opening another page than DefaultSettings',
    from: /(<bt:Url id="Taskpane.Url" DefaultValue="[^"]*)taskpane.html"/,
    to: '$1standalone.html"',
  },
  { check: 'pages', what: 'a page the build does not make', from: /taskpane\.html/g, to: 'pane.html' },
];

function apply(xml: string, breakage: Breakage): string {
  const hits =
    typeof breakage.from === 'string'
      ? xml.split(breakage.from).length - 1
      : (
          xml.match(
            new RegExp(
              breakage.from.source,
              breakage.from.flags.includes('g') ? breakage.from.flags : `${breakage.from.flags}g`,
            ),
          ) ?? []
        ).length;
  if (hits === 0) throw new Error(`"${String(breakage.from)}" does not occur in manifest.xml`);
  return typeof breakage.from === 'string'
    ? xml.replace(breakage.from, breakage.to)
    : xml.replace(breakage.from, breakage.to);
}

describe('manifest.xml', () => {
  const xml = readFileSync(MANIFEST, 'utf8');
  const ctx = context(xml);

  it('is well-formed XML', () => {
    expect(() => parseXml(xml)).not.toThrow();
  });

  it.each(Object.keys(CHECKS))('%s: no problems', (name) => {
    expect(CHECKS[name]?.(ctx)).toEqual([]);
  });

  it.each(BREAKAGES.map((b) => [b.check, b.what, b] as const))('%s catches %s', (_check, _what, breakage) => {
    const broken = apply(xml, breakage);
    expect(broken).not.toBe(xml);
    if (breakage.check === 'xml') {
      expect(() => parseXml(broken)).toThrow();
      return;
    }
    const problems = CHECKS[breakage.check]?.(context(broken)) ?? [];
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${breakage.check}: `))]));
  });

  it('every check is shown to fail on a broken manifest', () => {
    const broken = new Set(BREAKAGES.map((b) => b.check));
    expect(Object.keys(CHECKS).filter((name) => !broken.has(name))).toEqual([]);
  });

  it('names the add-in and its ribbon button in English and Chinese', () => {
    const displayName = child(ctx.officeApp, 'DisplayName');
    expect([displayName?.attrs.DefaultValue, child(displayName, 'Override')?.attrs.Value]).toEqual([
      'Score Audit',
      '绩效评分表审核助手',
    ]);
    const label = resourceIds(ctx).get('Button.Label')?.element;
    expect([label?.attrs.DefaultValue, child(label, 'Override')?.attrs.Value]).toEqual([
      'Score Audit',
      '绩效评分表审核',
    ]);
  });

  it('is copied into the build with the icons', () => {
    const load = createRequire(__filename);
    const config = (
      load(join(root, 'webpack.config.js')) as (env: unknown, argv: { mode: string }) => { plugins: object[] }
    )({}, { mode: 'production' });
    const copy = config.plugins.find((plugin) => plugin.constructor.name === 'CopyPlugin') as
      | { patterns: Array<{ from: string; to: string }> }
      | undefined;
    expect(copy?.patterns).toEqual(
      expect.arrayContaining([
        { from: 'manifest.xml', to: 'manifest.xml' },
        { from: 'assets/*.png', to: 'assets/[name][ext]' },
      ]),
    );
  });
});

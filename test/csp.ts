/**
 * The pages' Content-Security-Policy, read from their HTML and judged: only the page's own origin, office.js's
 * origin for scripts on the task pane, inline styles (Fluent UI inserts them at run time) and data: images. Anything
 * else (eval, a remote origin, inline scripts, plugins) is a problem.
 */
export const OFFICE_ORIGIN = 'https://appsforoffice.microsoft.com';

/** Sources each directive may list beyond 'self' and 'none'. */
const EXTRA_SOURCES: Readonly<Record<string, readonly string[]>> = {
  'style-src': ["'unsafe-inline'"],
  'img-src': ['data:'],
};

const REQUIRED: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
};

export function cspOf(html: string): string | undefined {
  return /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i
    .exec(html)?.[1]
    ?.replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

export function cspProblems(csp: string | undefined, page: { office: boolean }): string[] {
  if (!csp) return ['no Content-Security-Policy'];
  const directives = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  const problems: string[] = [];
  for (const [name, source] of Object.entries(REQUIRED)) {
    if (!directives.get(name)?.includes(source)) problems.push(`${name} must be ${source}`);
  }
  if (!directives.has('script-src')) problems.push('no script-src');
  for (const [name, sources] of directives) {
    const allowed = new Set([
      "'self'",
      "'none'",
      ...(EXTRA_SOURCES[name] ?? []),
      ...(page.office && name === 'script-src' ? [OFFICE_ORIGIN] : []),
    ]);
    for (const source of sources) if (!allowed.has(source)) problems.push(`${name} allows ${source}`);
  }
  return problems;
}

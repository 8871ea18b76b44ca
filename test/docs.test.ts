import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { FINDING_CODES } from '../src/core/finding';
import { coreText } from '../src/core/i18n';
import { RULES } from '../src/core/rules';

/**
 * The documentation as the repository's front door (issue 13): a short Chinese-first README, a section per rule, links
 * that resolve inside the repository, and nothing that describes one machine or keeps score of goals.
 */
const root = join(__dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

function markdownFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}
const DOCUMENTS = ['README.md', ...markdownFiles('docs')];

/** The sections of docs/rules.md by the code in their heading: `## \`score/missing\` 未填得分`. */
function ruleSections(): Map<string, string> {
  const sections = new Map<string, string>();
  for (const part of read('docs/rules.md').split(/^(?=## )/m)) {
    const code = /^## `([a-z-]+\/[a-z-]+)`/.exec(part)?.[1];
    if (code) sections.set(code, part);
  }
  return sections;
}

describe('docs/rules.md', () => {
  it('has a section for every rule, with its name, its severity and an example finding', () => {
    const sections = ruleSections();
    const zh = coreText('zh-CN').severity;
    const problems = RULES.flatMap((rule) => {
      const section = sections.get(rule.code);
      if (!section) return [`${rule.code}: no section (add “## \`${rule.code}\` ${rule.name['zh-CN']}”)`];
      const wrong: string[] = [];
      if (!section.split('\n')[0]?.includes(rule.name['zh-CN']))
        wrong.push(`${rule.code}: heading lacks ${rule.name['zh-CN']}`);
      if (!section.includes(`级别：${zh[rule.severity]}`))
        wrong.push(`${rule.code}: severity is not ${zh[rule.severity]}`);
      if (!/示例：\n\n\s+> /.test(section)) wrong.push(`${rule.code}: no example finding`);
      return wrong;
    });
    expect(problems).toEqual([]);
  });

  it('documents every code of the contract, and no code that is not one', () => {
    const sections = ruleSections();
    expect(FINDING_CODES.filter((code) => !sections.has(code))).toEqual([]);
    expect([...sections.keys()].filter((code) => !(FINDING_CODES as readonly string[]).includes(code))).toEqual([]);
  });
});

describe('README.md', () => {
  const readme = read('README.md');

  it('is a short front door, Chinese first', () => {
    expect(Buffer.byteLength(readme, 'utf8')).toBeLessThan(15 * 1024);
    const firstParagraph = readme.split('\n\n')[1] ?? '';
    expect(firstParagraph).toMatch(/[\u4e00-\u9fff]/);
    expect(readme.indexOf('## English')).toBeGreaterThan(readme.length / 2);
  });

  it('shows a screenshot, the set-up, the main job, the test command and how to get a plain command', () => {
    expect(readme).toMatch(/!\[[^\]]*\]\(docs\/images\/[^)]+\.png\)/);
    for (const text of ['npm ci', 'npm link', 'score-audit check', 'npm test', 'npx']) expect(readme).toContain(text);
    expect(readme).toContain('docs/使用指南.md');
    expect(readme).toContain('(LICENSE)');
  });
});

describe('README.md and docs/', () => {
  /** Relative links and images of a Markdown file: [text](target) and ![alt](target), not http(s) or mail. */
  function links(path: string): string[] {
    const text = read(path).replace(/```[\s\S]*?```/g, '');
    return [...text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
      .map((m) => m[1] as string)
      .filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith('#'));
  }

  it('link only to files that exist inside the repository', () => {
    const broken = DOCUMENTS.flatMap((doc) =>
      links(doc).flatMap((target) => {
        const file = resolve(root, dirname(doc), decodeURIComponent(target.split('#')[0] as string));
        const inside = !relative(root, file).startsWith(`..${sep}`) && relative(root, file) !== '..';
        return inside && existsSync(file) ? [] : [`${doc} → ${target}`];
      }),
    );
    expect(broken).toEqual([]);
    expect(DOCUMENTS.flatMap(links).length).toBeGreaterThan(20);
  });

  it('describe no single machine and keep no score of goals', () => {
    const forbidden = [/this machine/i, /本机镜像/, /\bnot met\b/i, /\.\.\/shared/, /HTTP 405/];
    const found = DOCUMENTS.flatMap((doc) =>
      forbidden.filter((pattern) => pattern.test(read(doc))).map((pattern) => `${doc}: ${pattern}`),
    );
    expect(found).toEqual([]);
  });

  it('show the screenshots the end-to-end tests save', () => {
    const images = DOCUMENTS.flatMap(links).filter((target) => target.includes('images/'));
    for (const name of ['pane-zh-CN.png', 'pane-preview-zh-CN.png', 'standalone-zh-CN.png'])
      expect(images.some((target) => target.endsWith(name))).toBe(true);
  });
});

describe('LICENSE', () => {
  it('is the MIT licence package.json names', () => {
    expect((JSON.parse(read('package.json')) as { license: string }).license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License\n/);
  });
});

import { cellAddress, parseCellAddress } from '../src/core/address';
import { reportedFinding, type Finding, type Lang, type ReportedFinding } from '../src/core/finding';
import { analyze } from '../src/core/analysis';
import { ProfileSchema, type Profile } from '../src/core/profile';
import { recognizeWorkbook } from '../src/core/recognize';
import { runRules } from '../src/core/rules';
import type { Rule } from '../src/core/rules/rule';
import type { WorkbookSnapshot } from '../src/core/snapshot';
import { readWorkbook } from '../src/file/read-workbook';
import { buildWorkbook, VARIANTS, type Layout, type Placed } from './fixtures/build-workbook';
import type { SeedIndicator, SeedReport } from './fixtures/seed-model';
import { SEEDS } from './fixtures/seeds';

/** Runs one rule on a snapshot, as the engine does, and returns its findings with their fixes. */
export function runRuleWithFixes(
  rule: Rule,
  snapshot: WorkbookSnapshot,
  options: { profile?: Partial<Profile>; lang?: Lang } = {},
): Finding[] {
  const profile = ProfileSchema.parse(options.profile ?? {});
  const { model, grids } = recognizeWorkbook(snapshot, profile);
  return runRules(
    { snapshot, grids, model, profile, analysis: analyze(model, profile, grids) },
    options.lang ?? 'zh-CN',
    [rule],
  );
}

/** Runs one rule and returns its findings as the JSON report carries them (fixes are asserted on their own). */
export function runRule(
  rule: Rule,
  snapshot: WorkbookSnapshot,
  options: { profile?: Partial<Profile>; lang?: Lang } = {},
): ReportedFinding[] {
  return runRuleWithFixes(rule, snapshot, options).map(reportedFinding);
}

/**
 * A seed report written as a workbook (one of the builder's layouts) and read back, optionally with a fault
 * planted in its data first: `plant` receives a deep copy of the seed to change.
 */
export async function seedWorkbook(
  seed: SeedReport,
  plant?: (copy: SeedReport) => void,
  variant = 'merged',
): Promise<{ snapshot: WorkbookSnapshot; layout: Layout }> {
  const copy = structuredClone(seed);
  plant?.(copy);
  const chosen = VARIANTS.find((v) => v.name === variant);
  if (!chosen) throw new Error(`no variant ${variant}`);
  const { bytes, layout } = await buildWorkbook(copy, chosen);
  const read = readWorkbook(bytes, `seed${seed.id}.xlsx`);
  if (!read.ok) throw new Error(read.error.message);
  return { snapshot: read.workbook, layout };
}

/** One seed written by the builder in one variant and read back. */
export interface SeedFixture {
  seed: SeedReport;
  variant: string;
  snapshot: WorkbookSnapshot;
  layout: Layout;
}

/** `[seed id, variant]` for every seed in every builder variant: the faithful-fixture cases of a rule's test. */
export const SEED_VARIANTS: ReadonlyArray<[string, string]> = SEEDS.flatMap((seed) =>
  VARIANTS.map((variant): [string, string] => [seed.id, variant.name]),
);

/** Every seed written faithfully (nothing planted) in every variant, keyed by `fixtureKey(seed id, variant)`. */
export async function faithfulFixtures(): Promise<Map<string, SeedFixture>> {
  const fixtures = new Map<string, SeedFixture>();
  for (const [id, variant] of SEED_VARIANTS) {
    const seed = SEEDS.find((s) => s.id === id) as SeedReport;
    fixtures.set(fixtureKey(id, variant), { seed, variant, ...(await seedWorkbook(seed, undefined, variant)) });
  }
  return fixtures;
}

export function fixtureKey(seedId: string, variant: string): string {
  return `${seedId} ${variant}`;
}

/** The fixture of `faithfulFixtures()` for a case, failing loudly when it was not built. */
export function fixtureOf(fixtures: ReadonlyMap<string, SeedFixture>, seedId: string, variant: string): SeedFixture {
  const fixture = fixtures.get(fixtureKey(seedId, variant));
  if (!fixture) throw new Error(`no fixture ${seedId} ${variant}`);
  return fixture;
}

/** An indicator of a seed tree by name (depth first; `level` picks among namesakes, e.g. 003's two 受益群体满意度). */
export function indicatorNamed(nodes: SeedIndicator[], name: string, level?: number): SeedIndicator {
  const walk = (list: SeedIndicator[], depth: number): SeedIndicator | undefined => {
    for (const node of list) {
      if (node.name === name && (level === undefined || level === depth)) return node;
      const found = walk(node.children ?? [], depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  const found = walk(nodes, 1);
  if (!found) throw new Error(`no indicator ${name}`);
  return found;
}

/** Where the builder put an indicator, by the name it was written under (and its level among namesakes). */
export function placedIndicator(layout: Layout, name: string, level?: number): Layout['indicators'][number] {
  const found = layout.indicators.find(
    (i) => i.path[i.path.length - 1] === name && (level === undefined || i.level === level),
  );
  if (!found) throw new Error(`indicator ${name} not in the layout`);
  return found;
}

/** Where the builder put a key-value entry's value (`occurrence` counts repeated labels from 0). */
export function placedKeyValue(layout: Layout, label: string, occurrence = 0): Placed {
  const found = layout.keyValues.filter((k) => k.label === label)[occurrence];
  if (!found) throw new Error(`key-value ${label} #${occurrence} not in the layout`);
  return found.value;
}

/** The address `rows` down and `cols` right of `cell`. */
export function cellOffset(cell: string, rows: number, cols: number): string {
  const at = parseCellAddress(cell);
  if (!at) throw new Error(`not a cell address: ${cell}`);
  return cellAddress(at.row + rows, at.col + cols);
}

/** A `{ sheet, cell }` pair as a finding's `related` lists it (failing loudly when the builder placed nothing). */
export function ref(placed: { sheet: string; cell: string } | undefined): { sheet: string; cell: string } {
  if (!placed) throw new Error('nothing placed there');
  return { sheet: placed.sheet, cell: placed.cell };
}

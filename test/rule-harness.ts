import type { Finding, Lang } from '../src/core/finding';
import { analyze } from '../src/core/analysis';
import { ProfileSchema, type Profile } from '../src/core/profile';
import { recognizeWorkbook } from '../src/core/recognize';
import { runRules } from '../src/core/rules';
import type { Rule } from '../src/core/rules/rule';
import type { WorkbookSnapshot } from '../src/core/snapshot';
import { readWorkbook } from '../src/file/read-workbook';
import { buildWorkbook, VARIANTS, type Layout } from './fixtures/build-workbook';
import type { SeedReport } from './fixtures/seed-model';

/** Runs one rule on a snapshot, as the engine does, and returns its findings. */
export function runRule(rule: Rule, snapshot: WorkbookSnapshot, options: { profile?: Partial<Profile>; lang?: Lang } = {}): Finding[] {
  const profile = ProfileSchema.parse(options.profile ?? {});
  const { model, grids } = recognizeWorkbook(snapshot, profile);
  return runRules({ snapshot, grids, model, profile, analysis: analyze(model, profile) }, options.lang ?? 'zh-CN', [rule]);
}

/**
 * A seed report written as a workbook (one of the builder's layouts) and read back, optionally with a fault
 * planted in its data first: `plant` receives a deep copy of the seed to change.
 */
export async function seedWorkbook(seed: SeedReport, plant?: (copy: SeedReport) => void, variant = 'merged'): Promise<{ snapshot: WorkbookSnapshot; layout: Layout }> {
  const copy = structuredClone(seed);
  plant?.(copy);
  const chosen = VARIANTS.find((v) => v.name === variant);
  if (!chosen) throw new Error(`no variant ${variant}`);
  const { bytes, layout } = await buildWorkbook(copy, chosen);
  const read = readWorkbook(bytes, `seed${seed.id}.xlsx`);
  if (!read.ok) throw new Error(read.error.message);
  return { snapshot: read.workbook, layout };
}

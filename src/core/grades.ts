import type { Profile } from './profile';
import { normalizeLabel } from './text';

/** The grade a total earns under the profile's thresholds (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below, by default). */
export function gradeFor(total: number, profile: Profile): string {
  const grades = profile.grades;
  return (grades.find((g) => total >= g.min) ?? (grades[grades.length - 1] as { grade: string })).grade;
}

/** The canonical grade a text names (良好 → 良), or undefined for text that names no grade. */
export function gradeNamed(text: string, profile: Profile): string | undefined {
  const normalized = normalizeLabel(text)
    .replace(/^(等级|评价等级)[:：]?/, '')
    .replace(/[级等]$/, '');
  for (const g of profile.grades) {
    if ([g.grade, ...g.aliases].some((name) => normalizeLabel(name) === normalized)) return g.grade;
  }
  return undefined;
}

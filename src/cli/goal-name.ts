/**
 * `--goal NAME`: a goal's title, then its vault path (with or without `.md`), then its basename,
 * compared without case; more than one match is ambiguous.
 */
import type { GoalReport } from '../engine/types';

export type GoalMatch = { goal: GoalReport } | { error: string };

export function matchGoal(reports: readonly GoalReport[], name: string): GoalMatch {
  const n = name.trim().toLowerCase();
  const base = (p: string): string => (p.split('/').pop() ?? p).replace(/\.md$/i, '').toLowerCase();
  const tiers: ((r: GoalReport) => boolean)[] = [
    (r) => r.title.toLowerCase() === n,
    (r) => r.path.toLowerCase() === n || r.path.toLowerCase() === `${n}.md`,
    (r) => base(r.path) === n,
  ];
  for (const tier of tiers) {
    const found = reports.filter(tier);
    if (found.length === 1 && found[0] !== undefined) return { goal: found[0] };
    if (found.length > 1) return { error: `"${name}" matches several goals: ${found.map((r) => r.path).join(', ')}` };
  }
  return { error: `no goal matches "${name}"` };
}

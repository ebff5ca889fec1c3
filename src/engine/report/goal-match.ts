/**
 * Which goal a name means, one rule for the command line's `--goal`, the `action-plan` code block
 * and the API: the goal's title, then its vault path (with or without `.md`), then its file name,
 * compared without case; the first rule that finds any goal decides, and more than one goal found
 * by it is ambiguous. A name that finds none comes with the nearest titles.
 */
import { closestNames } from './closest';

export interface NamedGoal {
  title: string;
  path: string;
}

export type GoalMatch<T extends NamedGoal> = { goal: T } | { ambiguous: T[] } | { none: string[] };

function stem(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.toLowerCase().endsWith('.md') ? base.slice(0, -3) : base;
}

export function matchGoalName<T extends NamedGoal>(goals: readonly T[], name: string): GoalMatch<T> {
  const n = name.trim().toLowerCase();
  const rules: ((g: T) => boolean)[] = [
    (g) => g.title.trim().toLowerCase() === n,
    (g) => g.path.toLowerCase() === n || g.path.toLowerCase() === `${n}.md`,
    (g) => stem(g.path).toLowerCase() === n,
  ];
  for (const rule of rules) {
    const found = goals.filter(rule);
    if (found.length === 1 && found[0] !== undefined) return { goal: found[0] };
    if (found.length > 1) return { ambiguous: found };
  }
  return { none: closestNames([...new Set(goals.map((g) => g.title))], name) };
}

/** The one-line refusal of a name that found no single goal, as the command line prints it. */
export function goalMatchError(name: string, match: { ambiguous: NamedGoal[] } | { none: string[] }): string {
  if ('ambiguous' in match) return `"${name}" matches several goals: ${match.ambiguous.map((g) => g.path).join(', ')}`;
  return match.none.length === 0 ? `no goal "${name}"` : `no goal "${name}"; did you mean: ${match.none.join(', ')}?`;
}

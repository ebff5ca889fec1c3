/** Problems found while reading a note that are not about its YAML or its dates. */
import { NO_DAY } from '../days/dates';
import type { RawFrontmatter } from './frontmatter';
import { MAX_WEIGHT } from './numbers';
import type { GoalMeta, Problem } from '../types';

export function badWeightProblem(path: string, line: number, value: string): Problem {
  const shown = value.length > 40 ? value.slice(0, 40) + '…' : value;
  return {
    path,
    line,
    severity: 'error',
    code: 'bad-weight',
    message: `weight "${shown}" is not a number above 0 and at most ${MAX_WEIGHT}; the step counts 1.`,
  };
}

/**
 * The would-be frontmatter of a note whose first line is `---` and which has no closing `---`
 * line: everything after the first line. Null when the note does not open a block.
 */
export function unclosedFrontmatter(text: string): RawFrontmatter | null {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', bom)) return null;
  const eol = text.indexOf('\n');
  if (eol === -1) return null;
  const first = text.slice(bom + 3, eol).trim();
  if (first !== '') return null;
  return { source: text.slice(eol + 1), firstLine: 1 };
}

/** The goal of a note whose frontmatter never closes: its name, no dates, and the problem. */
export function unclosedGoal(path: string, basename: string, problems: Problem[]): GoalMeta {
  problems.push({
    path,
    line: 0,
    severity: 'error',
    code: 'bad-frontmatter',
    message: 'The frontmatter opened by the first line "---" never closes with a "---" line; its dates and checkpoints cannot be read.',
  });
  return { title: basename, status: 'active', start: NO_DAY, target: NO_DAY, checkpoints: [] };
}

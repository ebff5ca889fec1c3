/** A goal note `G.md` (and the notes it links) read on Monday 2027-01-04, for the schedule's tests. */
import { indexTexts } from '../../../src/cli/load';
import { DEFAULT_ENGINE_OPTIONS, type GoalReport } from '../../../src/engine/types';
import { day } from '../helpers';

const TODAY = day('2027-01-04');

export function goalOf(body: string, frontmatter = 'start: 2027-01-01', more: Record<string, string> = {}, today = TODAY): GoalReport {
  const texts = new Map<string, string>([['G.md', `---\ntype: goal\n${frontmatter}\n---\n${body}`], ...Object.entries(more)]);
  const { index } = indexTexts([...texts.keys()], texts, DEFAULT_ENGINE_OPTIONS);
  const r = index.reports(today).find((g) => g.path === 'G.md');
  if (r === undefined) throw new Error('no goal');
  return r;
}

import { formatDay } from '../../src/engine/days/dates';
import { find, goalOf, sketch } from './helpers';

describe('the implementation tree of a goal that spans notes', () => {
  const goal = goalOf('plan', 'Launch podcast.md');

  it('turns headings into phases, tasks into steps, and expands linked notes after nested steps', () => {
    expect(sketch(goal.tree)).toEqual([
      'goal Launch a podcast 5/15',
      '  phase Launch a podcast 5/15',
      '    phase Prepare 3/7',
      '      step Pick a name 1/1',
      '      step Record the pilot 1/3',
      '        step Write the script 1/1',
      '        step Book the studio #help 0/1',
      '        step Bring the microphone 0/1',
      '      step Design artwork [[Artwork]] 1/3',
      '        phase Artwork 1/3',
      '          step Sketch three ideas 1/1',
      '          step Ask a designer friend 0/1',
      '          step Tell the goal owner [[Launch podcast]] 0/1',
      '    phase Publish 2/8',
      '      step Weekly routine [[Weekly routine]] 1/2',
      '        phase Weekly routine 1/2',
      '          phase Every week 1/2',
      '            step Record an episode 0/1',
      '            step Publish the last one 1/1',
      '      step Buy ads 0/0',
      '        step Compare prices 0/1',
      '      step Edit episodes 0/3',
      '      step Announce on social media 1/1',
      '        step Post on the forum 0/1',
      '      step Review routine again [[Weekly routine]] 0/1',
      '        ref Weekly routine 1/2',
      '      step Missing piece [[Does not exist]] 0/1',
    ]);
  });

  it('leaves out a heading whose section holds no task', () => {
    expect(() => find(goal.tree, 'Why')).toThrow();
  });

  it('makes a plain bullet between two tasks transparent', () => {
    const pilot = find(goal.tree, 'Record the pilot');
    expect(pilot.children.map((c) => c.text)).toContain('Bring the microphone');
  });

  it('records where a linked step leads', () => {
    expect(find(goal.tree, 'Design artwork [[Artwork]]').link).toBe('Steps/Artwork.md');
    expect(find(goal.tree, 'Review routine again [[Weekly routine]]').children[0]).toMatchObject({ kind: 'ref', path: 'Shared/Weekly routine.md', line: 0 });
  });

  it('reads each step with its 0-based line, status and fields', () => {
    const studio = find(goal.tree, 'Book the studio #help');
    expect(studio).toMatchObject({ path: 'Launch podcast.md', line: 30, status: 'todo', help: true });
    expect(formatDay(studio.due)).toBe('2026-11-18');
    expect(find(goal.tree, 'Edit episodes')).toMatchObject({ status: 'doing', weight: 3 });
    expect(find(goal.tree, 'Buy ads')).toMatchObject({ status: 'cancelled' });
  });

  it('lists every note the tree reads, the goal first', () => {
    expect(goal.notes).toEqual(['Launch podcast.md', 'Steps/Artwork.md', 'Shared/Weekly routine.md']);
  });
});

describe('problems', () => {
  const goal = goalOf('plan', 'Launch podcast.md');
  it('are collected from every note of the tree, ordered by path and line', () => {
    expect(goal.problems.map((p) => `${p.path}:${p.line} ${p.severity} ${p.code}`)).toEqual([
      'Launch podcast.md:40 warning done-with-open-steps',
      'Launch podcast.md:43 warning unresolved-link',
      'Steps/Artwork.md:8 warning due-after-parent',
      'Steps/Artwork.md:9 warning link-cycle',
    ]);
  });
});

describe('a link given twice on one line', () => {
  it('is reported once when it leads nowhere', () => {
    const goal = goalOf('statuses', 'twice.md');
    expect(goal.problems.map((p) => `${p.line} ${p.code}`)).toEqual(['4 unresolved-link']);
  });
});

/** How a step's links shape the tree: sections, same-note links, attachments, Markdown links. */
import { find, goalOf, sketch } from './helpers';

describe('links in a plan', () => {
  const goal = goalOf('links', 'Goal.md');

  it('expands only the linked section, then the rest of the note with that section as a reference', () => {
    expect(sketch(goal.tree)).toEqual([
      'goal Goal 2/7',
      '  phase Move to a new city 2/7',
      '    phase Decide 1/6',
      '      step Shortlist two neighbourhoods [[Neighbourhoods#Shortlist]] 0/2',
      '        step Compare rents 0/1',
      '        step Compare the commute 0/1',
      '      step Jump back to the plan [[#Decide]] 0/1',
      '      step Look at the floor plan [[floorplan.pdf]] 0/1',
      '      step Read my [packing notes](Notes/Packing.md) 1/2',
      '        step Buy boxes 0/1',
      '        step Sell the sofa 1/1',
      '    phase Move 1/1',
      '      step Everything about neighbourhoods [[Neighbourhoods]] 1/1',
      '        phase Neighbourhoods 1/1',
      '          phase Research 1/1',
      '            step Walk around on a Saturday 1/1',
      '          ref Neighbourhoods › Shortlist 0/2',
    ]);
  });

  it('treats a link to a heading of the same note as navigation, and an attachment as no plan', () => {
    expect(goal.problems).toEqual([]);
    expect(find(goal.tree, 'Jump back to the plan [[#Decide]]').children).toEqual([]);
    expect(find(goal.tree, 'Look at the floor plan [[floorplan.pdf]]').link).toBeNull();
  });

  it('follows Markdown links to notes', () => {
    expect(find(goal.tree, 'Read my [packing notes](Notes/Packing.md)').link).toBe('Notes/Packing.md');
  });
});

describe('regression: a phase that only refers to a section expanded earlier', () => {
  it('does not stop the linking step from being a leaf, in the tree as in the evaluation', () => {
    const goal = goalOf('links', 'Refs only.md');
    expect(goal.progress).toEqual({ done: 0, total: 2, percent: 0 });
    expect(goal.tree.progress).toEqual(goal.progress);
  });
});

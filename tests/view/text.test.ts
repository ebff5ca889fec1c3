/** How the view words a step's text. */
import { displayText } from '../../src/view/text';

describe('displayText', () => {
  it.each([
    ['Outline every chapter [[Outline chapters]]', null, false, 'Outline every chapter Outline chapters'],
    ['Sunday check-in [[Weekly review|weekly review]]', null, false, 'Sunday check-in weekly review'],
    ['Read [[Notes/Packing#Kitchen]] first', null, false, 'Read Packing › Kitchen first'],
    ['See [[#Budget]]', null, false, 'See Budget'],
    ['Talk to four designers [my notes](Talk%20to%20UX%20designers.md)', null, false, 'Talk to four designers my notes'],
    ['Find a running buddy #help', '#help', false, 'Find a running buddy'],
    ['Find a running buddy #helpful', '#help', false, 'Find a running buddy #helpful'],
    ['Outline every chapter [[Outline chapters]]', null, true, 'Outline every chapter'],
    ['[[Couch to 5K]]', null, true, 'Couch to 5K'],
    ['#help', '#help', false, '#help'],
  ])('%s', (text, helpTag, dropLinks, shown) => {
    expect(displayText(text, helpTag, dropLinks)).toBe(shown);
  });
});

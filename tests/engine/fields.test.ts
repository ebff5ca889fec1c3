import { fieldDates } from '../../src/engine/present/outline';
import { parseEstimate, readFields } from '../../src/engine/read/fields';

function read(line: string, helpTag = '#help') {
  const f = readFields(line, 0, line.length, helpTag);
  return {
    text: f.text,
    ...fieldDates(f),
    estimate: f.estimate,
    weight: f.weight,
    help: f.help,
    badDates: f.badDates,
    links: f.links,
  };
}

describe('task fields', () => {
  it.each([
    ['Write 📅 2026-12-01', { text: 'Write', due: '2026-12-01' }],
    ['Write 📆 2026-12-01 and 🗓️ 2026-12-09', { text: 'Write and', due: '2026-12-01' }],
    ['Plan ⏳ 2026-11-01 🛫 2026-10-30 ➕ 2026-10-01', { text: 'Plan', scheduled: '2026-11-01', start: '2026-10-30', created: '2026-10-01' }],
    ['Ship ✅ 2026-11-20 ❌ 2026-11-21', { text: 'Ship', done: '2026-11-20', cancelled: '2026-11-21' }],
    ['Ship [due:: 2026-12-01] (completion:: 2026-11-30)', { text: 'Ship', due: '2026-12-01', done: '2026-11-30' }],
    ['Ship [scheduled::2026-12-01] [start:: 2026-11-01T09:00] [created:: 2026-10-01] [cancelled:: 2026-10-02]', { text: 'Ship', scheduled: '2026-12-01', start: '2026-11-01', created: '2026-10-01', cancelled: '2026-10-02' }],
    ['📅 2026-12-01 fields anywhere after the box', { text: 'fields anywhere after the box', due: '2026-12-01' }],
    ['Draft ⏱ 3d 🔼 🔁 every week 🆔 abc ⛔ x1,x2 ^block-1', { text: 'Draft', estimate: 1440 }],
    ['Draft [estimate:: 2h] [priority:: high] [weight:: 3] [repeat:: every day]', { text: 'Draft', estimate: 120, weight: 3 }],
    ['Call the lawyer #help and #helpful', { text: 'Call the lawyer #help and #helpful', help: true }],
    ['Call #helpful people', { text: 'Call #helpful people', help: false }],
    ['Ask #Help/legal', { text: 'Ask #Help/legal', help: true }],
    ['See [[Outline chapters|the outline]] and [[Query#Agents]]', { links: ['Outline chapters', 'Query#Agents'] }],
    ['See [notes](Folder/My%20note.md) and [site](https://example.com)', { links: ['Folder/My note.md'] }],
    ['Keep [unknown:: value] and 📅 2026-2-1', { text: 'Keep [unknown:: value] and 📅 2026-2-1', due: null }],
    ['Impossible 📅 2026-02-30', { text: 'Impossible', due: null, badDates: ['due'] }],
    ['Impossible [due:: next week]', { text: 'Impossible', due: null, badDates: ['due'] }],
    ['Twice 📅 2026-12-01 📅 2026-12-05', { due: '2026-12-01' }],
  ])('%s', (line, expected) => {
    expect(read(line)).toMatchObject(expected);
  });

  it.each([
    ['30m', 30],
    ['2h', 120],
    ['1.5h', 90],
    ['3d', 1440],
    ['1w', 2400],
    ['3x', 0],
    ['h', 0],
    ['-2h', 0],
  ])('estimate %s is %d minutes', (value, minutes) => {
    expect(parseEstimate(value)).toBe(minutes);
  });
});

describe('inline fields named like properties every object has', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('[%s:: x] stays in the text and sets no date', (key) => {
    const f = read(`Talk to the team [${key}:: x] today`);
    expect(f.text).toBe(`Talk to the team [${key}:: x] today`);
    expect({ due: f.due, scheduled: f.scheduled, start: f.start, done: f.done, badDates: f.badDates }).toEqual({ due: null, scheduled: null, start: null, done: null, badDates: null });
  });
});

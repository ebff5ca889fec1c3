#!/usr/bin/env node
/**
 * Deterministic generator of synthetic Obsidian vaults in the Action Plan note format
 * (SPEC.md section 1), for the benchmark. No dependencies; Node 20.
 *
 *   import { generateVault } from './generate.mjs';
 *   generateVault(dir, { notes: 6000, targetBytes: 10_000_000, seed: 20261125 })
 *     // -> { files, bytes, listItems, goals }
 *
 *   node bench/generate.mjs <dir> <small|medium|large> [seed]
 *
 * The same options give byte-identical files. Files are written (overwritten) into `dir`;
 * nothing is deleted, so pass an empty or fresh folder for a clean vault.
 *
 * Mix: ~8% goal notes (frontmatter, checkpoints, phases as headings, 10-60 nested steps in
 * Tasks emoji format (~70%) or Dataview inline fields), ~30% action-step notes (`type: action`,
 * `goal: "[[...]]"`, 5-30 steps), ~2% shared checklists, and ordinary notes: daily notes,
 * meeting notes and reference notes with prose, code blocks holding `- [ ] not a task`,
 * `%% comments %%`, block quotes, callouts, tables, bullet and numbered lists. Goal steps link
 * action notes (~20% of steps), sometimes a heading (`[[Note#Heading]]`) or an alias, rarely a
 * missing note, rarely a link back onto the plan (a cycle). Step dates lie in 2026-06..2027-06.
 *
 * Size: the notes are first built with their structure only; the rest of the byte budget is
 * then spread as prose (and other ordinary blocks) over the notes with heavy-tailed weights,
 * so a few notes run to hundreds of lines, and the total lands within about 1% of the target.
 * When the structure alone would exceed the budget, the number of steps per note is scaled down.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SIZES = {
  small: { notes: 600, targetBytes: 1_000_000 },
  medium: { notes: 6_000, targetBytes: 10_000_000 },
  large: { notes: 30_000, targetBytes: 50_000_000 },
};
export const DEFAULT_SEED = 20261125;

// ---------------------------------------------------------------------------------------------
// PRNG

function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  /** Integer in [a, b]. */
  int(a, b) {
    return a + Math.floor(this.next() * (b - a + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(arr) {
    return arr[Math.floor(this.next() * arr.length)];
  }
  /** Index chosen by weights. */
  weighted(weights) {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
  shuffle(arr) {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = arr[i];
      arr[i] = arr[j];
      arr[j] = t;
    }
    return arr;
  }
}

// ---------------------------------------------------------------------------------------------
// Dates (day numbers since 1970-01-01, UTC)

const DAY_MS = 86_400_000;
const day = (y, m, d) => Date.UTC(y, m - 1, d) / DAY_MS;
const dateCache = new Map();
function fmt(n) {
  let s = dateCache.get(n);
  if (s === undefined) {
    s = new Date(n * DAY_MS).toISOString().slice(0, 10);
    dateCache.set(n, s);
  }
  return s;
}
const RANGE_START = day(2026, 6, 1);
const RANGE_END = day(2027, 6, 30);
/** The benchmark's "today": before it most steps are done, after it most are open. */
const CUTOFF = day(2026, 11, 25);

// ---------------------------------------------------------------------------------------------
// Vocabulary (ASCII only, except the Tasks emoji on task lines)

const GOALS = [
  'Run a marathon', 'Learn Portuguese', 'Move to Lisbon', 'Change careers into UX design', 'Write a novel',
  'Launch a podcast', 'Pay off the car loan', 'Renovate the kitchen', 'Get a pilot licence',
  'Build an emergency fund', 'Finish the PhD thesis', 'Start a vegetable garden', 'Learn to play piano',
  'Get promoted to senior engineer', 'Open an online shop', 'Climb Kilimanjaro', 'Read 40 books',
  'Publish a research paper', 'Adopt a dog', 'Buy a house', 'Plan the wedding', 'Cycle across France',
  'Learn to swim properly', 'Launch the newsletter', 'Sell the old flat', 'Sleep eight hours a night',
  'Get fit for hiking season', 'Learn watercolour painting', 'Build a side business', 'Take a sabbatical',
  'Stay in the current job another year', 'Pass the driving test', 'Organise the family reunion',
  'Release the open-source library', 'Record an album', 'Run a half marathon', 'Learn Japanese',
  'Start freelancing', 'Reduce screen time', 'Digitise the photo archive', 'Apply to grad school',
  'Get a data science certificate', 'Restore the old bike', 'Write a cookbook', 'Learn to sail',
  'Volunteer at the food bank', 'Build a standing desk', 'Switch to a plant-based diet',
  'Save for a trip to Japan', 'Teach an evening class', 'Get the garage organised', 'Hire a first employee',
  'Raise a seed round', 'Ship the mobile app', 'Learn to code in Rust', 'Run for the school board',
  'Finish the triathlon', 'Write a weekly blog', 'Build a home lab', 'Renew the passport and visas',
  'Declutter the apartment', 'Improve public speaking', 'Start a book club', 'Learn to bake sourdough',
  'Get the house energy certificate', 'Prepare for parental leave', 'Plan the move back home',
];
const GOAL_QUALIFIERS = [
  '2027', 'by summer', 'this year', 'round 2', 'for real', 'by spring', 'before 40', 'with Sam',
  'on a budget', 'step by step', 'part 2', 'in autumn',
];
const VERBS = [
  'Draft', 'Review', 'Research', 'Book', 'Call about', 'Email about', 'Compare options for', 'Finish',
  'Outline', 'Prepare', 'Schedule', 'Update', 'Clean up', 'Buy supplies for', 'Ask for feedback on',
  'Set up', 'Test', 'Write up', 'Plan', 'Sort out', 'Fix', 'Measure', 'Print', 'Sign', 'Pay for',
  'Practise', 'Decide on', 'Submit', 'Read up on', 'Collect quotes for', 'Rehearse', 'Sketch',
  'Estimate', 'Price', 'List options for', 'Try out', 'Simplify', 'Archive', 'Document', 'Share',
];
const OBJECTS = [
  'the budget spreadsheet', 'the visa application', 'the training plan', 'the portfolio site',
  'the kitchen layout', 'the grant proposal', 'the vocabulary deck', 'the moving boxes', 'the client pitch',
  'the thesis outline', 'the tax return', 'the morning routine', 'the savings plan', 'the garden beds',
  'the pilot episode', 'the insurance policy', 'the bank appointment', 'the rental contract',
  'the reading list', 'the interview questions', 'the cover letter', 'the long run route',
  'the meal plan', 'the equipment list', 'the landing page', 'the mailing list', 'the chapter draft',
  'the lab results', 'the literature review', 'the mortgage offer', 'the renovation quote',
  'the flight tickets', 'the packing list', 'the weekly review', 'the sponsor deck', 'the release notes',
  'the test suite', 'the onboarding guide', 'the storage unit', 'the guest list', 'the venue shortlist',
  'the paint samples', 'the tiling plan', 'the recipe index', 'the practice schedule', 'the sheet music',
  'the exam registration', 'the medical check-up', 'the running shoes', 'the bike fitting',
  'the photo backup', 'the family calendar', 'the pension statement', 'the notice letter',
  'the reference letters', 'the application essay', 'the demo video', 'the pricing page',
  'the invoice template', 'the workshop slides', 'the hiring brief', 'the compost bin',
  'the language exchange', 'the flat viewing', 'the furniture list', 'the electricity contract',
];
const SUFFIXES = [
  ' with Sam', ' before the checkpoint', ' (second pass)', ' - keep it small', ' for next week',
  ' with Priya', ' over the weekend', ' (30 min)', ' and note the blockers', ' after work',
  ' with the accountant', ' - just the first page',
];
const LINK_VERBS = ['Work through', 'Complete', 'Do', 'Finish', 'Follow', 'Go through', 'Tick off', 'Start'];
const PHASES = [
  'Research', 'Preparation', 'Foundations', 'Build', 'Practice', 'Launch', 'Review', 'Wrap-up', 'Setup',
  'Execution', 'Groundwork', 'Momentum', 'Polish', 'Handover', 'Base building', 'First draft',
  'Second draft', 'Paperwork', 'Money', 'Logistics', 'Testing', 'Outreach', 'Consolidation', 'Taper',
];
const CHECKPOINT_LABELS = [
  'Kick-off done', 'First results', 'Halfway', 'Past the hard part', 'Final stretch', 'Ready',
];
const ACTION_HEADINGS = [
  'Preparation', 'Execution', 'Follow-up', 'Week 1', 'Week 2', 'Week 3', 'Paperwork', 'Shopping',
  'Calls', 'Writing', 'Checks', 'Open questions', 'Done when',
];
const PEOPLE = [
  'Sam', 'Priya', 'Jonas', 'Ana', 'Mei', 'Tomas', 'Leah', 'Kofi', 'Ingrid', 'Ravi', 'my coach',
  'the landlord', 'the accountant', 'my manager', 'Mum', 'the tutor', 'Noor', 'Felix',
];
const FEELINGS = [
  'calm', 'tired but hopeful', 'behind', 'good', 'anxious', 'excited', 'flat', 'confident', 'scattered',
  'proud', 'unsure', 'steady',
];
const SENTENCES = [
  'Talked to {p} about {o} today.',
  'The hardest part of {o} is getting started.',
  '{P} suggested breaking {o} into smaller steps.',
  'I keep postponing {o}, which is a signal worth noticing.',
  'Feeling {f} about the pace so far.',
  'Next week the focus moves to {o}.',
  'Budget for {o} is about {n} euros, maybe less if I reuse what I have.',
  'Read a chapter on {o}; main takeaway: start before you feel ready.',
  'Spent {n} minutes on {o} and it was less scary than it looked.',
  'If {o} slips again, I will cut scope rather than move the date.',
  'Need outside help with {o}; {p} might know someone.',
  'The smaller the steps, the better - {o} is still too big as a single item.',
  'Decided to leave {o} as it is for now, and that is a decision too.',
  'Noticed that mornings work better than evenings for {o}.',
  'Checked {o} against the plan: roughly where I expected.',
  'Waiting on {p} before I can move on with {o}.',
  'There is a cheaper way to handle {o} that I had not considered.',
  'Wrote down three risks for {o}: time, money and my own energy.',
  'A quick win today: {o} is finally out of the way.',
  'I underestimated {o} by about {n} percent.',
  'Asked {p} for feedback; the answer was kinder than I feared.',
  'The deadline for {o} is realistic if I protect two evenings a week.',
  'Moved {o} to next month after the review.',
  'It helps to write the next action on a sticky note and leave it on the desk.',
  'Energy was low this week, so I kept to the minimum version of the plan.',
  'Looking back, the last checkpoint was too optimistic.',
  'The plan still makes sense; the timeline needed a nudge.',
  '{P} reminded me why I started this in the first place.',
  'Small progress on {o}, but progress.',
  'Found an old note about {o} from last year with useful links.',
];
const TAGS = ['#idea', '#followup', '#later', '#question', '#reading', '#money', '#health', '#work'];
const TOPICS = [
  'Finance', 'Health', 'Career', 'Home', 'Learning', 'Travel', 'Writing', 'Software', 'Garden', 'Music',
  'Family', 'Admin',
];
const REF_KINDS = [
  'Notes on {o}', 'How to handle {o}', 'Reading list for {t}', '{T} glossary', 'Ideas for {o}',
  'Lessons from {o}', '{T} resources', 'Questions about {o}', '{T} principles', 'Template for {o}',
];
const MEETING_KINDS = ['sync', 'one-on-one', 'planning', 'retro', 'kickoff', 'check-in', 'call'];
const CODE_LANGS = ['js', 'python', 'bash', 'json', 'yaml', 'sql'];
const CODE_SNIPPETS = [
  'const total = items.reduce((sum, x) => sum + x.amount, 0);\nconsole.log(total);',
  'for row in rows:\n    if row["status"] == "open":\n        print(row["title"])',
  'rsync -av --delete ~/Photos/ /mnt/backup/photos/\ndate >> ~/backup.log',
  '{\n  "budget": 1200,\n  "months": 6,\n  "currency": "EUR"\n}',
  'plan:\n  start: 2026-07-01\n  weeks: 16\n  long_run_km: [12, 14, 16, 18]',
  'SELECT title, due FROM tasks WHERE done = 0 ORDER BY due;',
];

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const noThe = (s) => (s.startsWith('the ') ? s.slice(4) : s);

// ---------------------------------------------------------------------------------------------
// Note builder: text with "slots" where filler blocks go later.

const PROSE = 0; // paragraphs and the odd quote
const RICH = 1; // any ordinary block

class Doc {
  constructor() {
    this.parts = [];
    this.cur = '';
    this.items = 0;
  }
  line(s) {
    this.cur += s + '\n';
  }
  item(s) {
    this.cur += s + '\n';
    this.items++;
  }
  blank() {
    this.cur += '\n';
  }
  slot(kind) {
    if (this.cur.length > 0 && !this.cur.endsWith('\n\n')) this.cur += '\n';
    this.parts.push(this.cur, kind);
    this.cur = '';
  }
  done() {
    this.parts.push(this.cur);
    return this.parts;
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Writes a synthetic vault into `dir`.
 * @param {string} dir
 * @param {{ notes?: number, targetBytes?: number, seed?: number }} [options]
 * @returns {{ files: number, bytes: number, listItems: number, goals: number }}
 */
export function generateVault(dir, { notes = 600, targetBytes = 1_000_000, seed = DEFAULT_SEED } = {}) {
  const count = Math.max(1, Math.floor(notes));
  let scale = 1;
  let vault = buildVault(count, seed, scale);
  // Structure alone too big for the budget: fewer steps per note.
  for (let i = 0; i < 4 && vault.baseBytes > targetBytes * 0.9 && scale > 0.05; i++) {
    scale = Math.max(0.05, scale * ((targetBytes * 0.8) / vault.baseBytes));
    vault = buildVault(count, seed, scale);
  }
  fill(vault, targetBytes, seed);

  const made = new Set();
  let bytes = 0;
  let listItems = 0;
  for (const note of vault.notes) {
    const folder = note.folder;
    if (!made.has(folder)) {
      mkdirSync(join(dir, folder), { recursive: true });
      made.add(folder);
    }
    let text = note.text;
    if (note.crlf) text = text.replace(/\n/g, '\r\n');
    const buf = Buffer.from(text, 'utf8');
    bytes += buf.length;
    listItems += note.items;
    writeFileSync(join(dir, folder, note.name + '.md'), buf);
  }
  return { files: vault.notes.length, bytes, listItems, goals: vault.goalCount };
}

function buildVault(count, seed, scale) {
  const rng = new Rng(seed);
  const used = new Set();
  const unique = (base) => {
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base} ${k}`;
    used.add(name.toLowerCase());
    return name;
  };

  // How many of each kind.
  const nGoals = Math.max(1, Math.round(count * 0.08));
  const nActions = Math.min(count - nGoals, Math.round(count * 0.3));
  const nChecklists = Math.min(count - nGoals - nActions, Math.max(1, Math.round(count * 0.02)));
  let rest = count - nGoals - nActions - nChecklists;
  const nDaily = Math.min(Math.round(count * 0.15), rest, 2900);
  rest -= nDaily;
  const nMeetings = Math.round(rest * 0.35);
  const nRefs = rest - nMeetings;

  const nAreas = Math.max(3, Math.round(nGoals / 10));

  // --- Goals: names, folders, dates.
  const goals = [];
  for (let i = 0; i < nGoals; i++) {
    const base = rng.pick(GOALS);
    let name = base;
    if (used.has(name.toLowerCase())) name = `${base} ${rng.pick(GOAL_QUALIFIERS)}`;
    name = unique(name);
    const folder = rng.chance(0.7) ? `Projects/Area ${rng.int(1, nAreas)}` : `Goals/${rng.pick(TOPICS)}`;
    const status = ['active', 'paused', 'staying', 'done'][rng.weighted([78, 9, 6, 7])];
    let start, target;
    if (status === 'done') {
      start = RANGE_START + rng.int(0, 30);
      target = start + rng.int(60, 150);
    } else {
      start = RANGE_START + rng.int(0, 120);
      target = Math.min(RANGE_END, start + rng.int(90, 365));
    }
    goals.push({ name, folder, status, start, target, actions: [], emoji: rng.chance(0.7) });
  }

  // --- Action notes, assigned to goals.
  const actions = [];
  for (let i = 0; i < nActions; i++) {
    const goal = i < nGoals ? goals[i] : goals[rng.int(0, nGoals - 1)];
    const name = unique(cap(`${rng.pick(VERBS)} ${noThe(rng.pick(OBJECTS))}`));
    const folder = rng.chance(0.75) ? `${goal.folder}/${goal.name}` : `Actions/${rng.pick(TOPICS)}`;
    const nh = rng.int(1, 3);
    const headings = rng.shuffle(ACTION_HEADINGS.slice()).slice(0, nh);
    const a = { name, folder, goal, headings };
    goal.actions.push(a);
    actions.push(a);
  }

  // --- Shared checklists.
  const checklists = [];
  for (let i = 0; i < nChecklists; i++) {
    const topic = rng.pick(TOPICS);
    const name = unique(`${topic} ${rng.pick(['checklist', 'routine', 'prep list', 'review checklist'])}`);
    const headings = rng.shuffle(ACTION_HEADINGS.slice()).slice(0, rng.int(1, 3));
    checklists.push({ name, folder: `Resources/Checklists/${topic}`, headings });
  }

  // --- Ordinary notes: names and folders.
  const dailies = [];
  for (let i = 0; i < nDaily; i++) {
    // One per day, counting back from the end of the range, then skipping a few days now and then.
    const d = RANGE_END - i - Math.floor(i / 5);
    const s = fmt(d);
    dailies.push({ name: unique(s), folder: `Daily/${s.slice(0, 4)}/${s.slice(5, 7)}`, date: d });
  }
  const meetings = [];
  for (let i = 0; i < nMeetings; i++) {
    const d = RANGE_START - 60 + rng.int(0, RANGE_END - RANGE_START + 60);
    const s = fmt(d);
    const topic = rng.chance(0.5) ? rng.pick(PEOPLE.slice(0, 10).concat(PEOPLE.slice(16))) : rng.pick(TOPICS);
    const name = unique(`${s} ${topic} ${rng.pick(MEETING_KINDS)}`);
    meetings.push({ name, folder: `Meetings/${s.slice(0, 4)}/${s.slice(5, 7)}`, date: d });
  }
  const refs = [];
  for (let i = 0; i < nRefs; i++) {
    const t = rng.pick(TOPICS);
    const title = rng
      .pick(REF_KINDS)
      .replace('{o}', noThe(rng.pick(OBJECTS)))
      .replace('{t}', t.toLowerCase())
      .replace('{T}', t);
    const depth = rng.int(1, 3);
    let folder = `Reference/${t}`;
    if (depth >= 2) folder += `/${rng.pick(TOPICS)} ${rng.int(1, 6)}`;
    if (depth >= 3) folder += `/${rng.pick(['Archive', 'Inbox', 'Sources', 'Drafts'])}`;
    refs.push({ name: unique(cap(title)), folder });
  }

  const allNames = [];
  for (const g of goals) allNames.push(g.name);
  for (const a of actions) allNames.push(a.name);
  for (const r of refs) allNames.push(r.name);
  let missing = 0;
  const missingName = () => {
    let name;
    do name = `Someday ${noThe(rng.pick(OBJECTS))} ${++missing}`;
    while (used.has(name.toLowerCase()));
    return name;
  };

  // --- Text helpers bound to this rng.
  const fill1 = (tpl) =>
    tpl
      .replace('{o}', rng.pick(OBJECTS))
      .replace('{p}', rng.pick(PEOPLE))
      .replace('{P}', cap(rng.pick(PEOPLE)))
      .replace('{f}', rng.pick(FEELINGS))
      .replace('{n}', String(rng.int(2, 90) * 5));
  const sentence = () => fill1(rng.pick(SENTENCES));
  const desc = () => {
    let s = `${rng.pick(VERBS)} ${rng.pick(OBJECTS)}`;
    if (rng.chance(0.2)) s += rng.pick(SUFFIXES);
    return s;
  };

  /** List style of one note: indentation unit, bullet marker, whether numbered lists occur. */
  const listStyle = () => {
    const r = rng.next();
    const unit = r < 0.45 ? '\t' : r < 0.75 ? '  ' : '    ';
    const marker = ['-', '-', '-', '-', '-', '-', '-', '*', '*', '+'][rng.int(0, 9)];
    // A child under `1. ` needs at least three columns of indentation.
    return { unit, marker, numbered: unit !== '  ' && rng.chance(0.1) };
  };

  /**
   * Writes a list of steps. `specs` is an array of { depth, status, due, done, link, plain }.
   * `fmtEmoji`: Tasks emoji fields, else Dataview fields.
   */
  const writeSteps = (doc, specs, fmtEmoji, style) => {
    const numbered = style.numbered && rng.chance(0.4);
    const { marker, unit } = style;
    let n = 0;
    let blockSeq = 0;
    for (const s of specs) {
      const ind = unit.repeat(s.depth);
      const m = s.depth === 0 && numbered ? `${++n}.` : marker;
      if (s.plain) {
        doc.item(`${ind}${m} ${s.plain}`);
        continue;
      }
      let line = `${ind}${m} [${s.status}] ${s.text}`;
      if (s.help) line += ' #help';
      if (fmtEmoji) {
        if (s.priority) line += ' ' + s.priority;
        if (s.recur) line += ' 🔁 ' + s.recur;
        if (s.created != null) line += ' ➕ ' + fmt(s.created);
        if (s.start != null) line += ' 🛫 ' + fmt(s.start);
        if (s.scheduled != null) line += ' ⏳ ' + fmt(s.scheduled);
        if (s.due != null) line += ' 📅 ' + fmt(s.due);
        if (s.estimate) line += ' ⏱ ' + s.estimate;
        if (s.weight) line += ` [weight:: ${s.weight}]`;
        if (s.doneDate != null) line += ' ✅ ' + fmt(s.doneDate);
      } else {
        const paren = rng.chance(0.1);
        const f = (k, v) => (paren ? ` (${k}:: ${v})` : ` [${k}:: ${v}]`);
        if (s.due != null) line += f('due', fmt(s.due));
        if (s.start != null) line += f('start', fmt(s.start));
        if (s.scheduled != null) line += f('scheduled', fmt(s.scheduled));
        if (s.created != null) line += f('created', fmt(s.created));
        if (s.priority) line += f('priority', { '⏫': 'high', '🔼': 'medium', '🔽': 'low' }[s.priority]);
        if (s.estimate) line += f('estimate', s.estimate);
        if (s.weight) line += f('weight', s.weight);
        if (s.doneDate != null) line += f('completion', fmt(s.doneDate));
      }
      if (s.blockId) line += ` ^${s.blockId}${++blockSeq}`;
      doc.item(line);
    }
  };

  const linkText = (name, headings) => {
    const r = rng.next();
    if (headings && headings.length > 0 && r < 0.12) return `[[${name}#${rng.pick(headings)}]]`;
    if (r < 0.2) return `[[${name}|${noThe(rng.pick(OBJECTS))}]]`;
    if (r < 0.22) return `[${name}](${encodeURI(name)}.md)`;
    return `[[${name}]]`;
  };

  /**
   * Builds the steps of one plan (a list of phases, each a list of step specs) over
   * [from, to], nested 1-3 levels. `links` are link texts to put on leaves.
   */
  const planSteps = (total, phases, from, to, goalStatus, maxDepth) => {
    const out = [];
    const per = [];
    let left = total;
    for (let p = 0; p < phases; p++) {
      const k = p === phases - 1 ? left : Math.max(1, Math.round((left / (phases - p)) * (0.6 + rng.next() * 0.8)));
      per.push(Math.min(k, left - (phases - p - 1)));
      left -= per[p];
    }
    const span = Math.max(7, to - from);
    for (let p = 0; p < phases; p++) {
      const segFrom = from + Math.floor((span * p) / phases);
      const segLen = Math.max(3, Math.floor(span / phases));
      const specs = [];
      let depth = 0;
      for (let i = 0; i < per[p]; i++) {
        if (i > 0) {
          const r = rng.next();
          if (r < 0.3 && depth < maxDepth - 1) depth++;
          else if (r > 0.75 && depth > 0) depth = rng.int(0, depth - 1);
        }
        specs.push({ depth, status: ' ', text: '', children: 0, parent: -1, t: 0 });
      }
      // Parents.
      const stack = [];
      for (let i = 0; i < specs.length; i++) {
        while (stack.length > specs[i].depth) stack.pop();
        const parent = stack.length > 0 ? stack[stack.length - 1] : -1;
        specs[i].parent = parent;
        if (parent >= 0) specs[parent].children++;
        stack.push(i);
      }
      // Dates: leaves in order through the segment, parents after their last child.
      let leaves = 0;
      for (const s of specs) if (s.children === 0) leaves++;
      let li = 0;
      for (const s of specs) {
        if (s.children === 0) {
          s.t = Math.min(to, segFrom + Math.floor(((li + 1) * segLen) / (leaves + 1)) + rng.int(-3, 3));
          li++;
        }
      }
      for (let i = specs.length - 1; i >= 0; i--) {
        const s = specs[i];
        if (s.children > 0) s.t = Math.min(to, s.t + rng.int(0, 3));
        if (s.parent >= 0) specs[s.parent].t = Math.max(specs[s.parent].t, s.t);
      }
      // Statuses: leaves by date, parents by children.
      for (const s of specs) {
        if (s.children > 0) continue;
        if (goalStatus === 'done') s.status = rng.chance(0.95) ? 'x' : '-';
        else if (s.t < CUTOFF) s.status = ['x', '/', '-', '>', ' '][rng.weighted([72, 6, 5, 3, 14])];
        else s.status = [' ', '/', '>', '-', 'x'][rng.weighted([82, 7, 4, 3, 4])];
      }
      const open = new Array(specs.length).fill(0);
      const closed = new Array(specs.length).fill(0);
      for (let i = specs.length - 1; i >= 0; i--) {
        const s = specs[i];
        if (s.children > 0) {
          if (closed[i] === s.children) s.status = rng.chance(0.9) ? 'x' : '/';
          else s.status = rng.chance(0.03) ? 'x' : rng.chance(0.2) ? '/' : ' ';
          if (rng.chance(0.02)) s.status = '-';
        }
        if (s.parent >= 0) {
          if (s.status === 'x' || s.status === '-') closed[s.parent]++;
          else open[s.parent]++;
        }
      }
      // Fields.
      for (let i = 0; i < specs.length; i++) {
        const s = specs[i];
        s.text = desc();
        if (rng.chance(0.75) || s.children > 0) s.due = s.t;
        if (s.due != null && s.parent >= 0 && rng.chance(0.01)) s.due += rng.int(5, 20); // due after parent
        if (rng.chance(0.1)) s.start = s.t - rng.int(3, 20);
        if (rng.chance(0.1)) s.scheduled = s.t - rng.int(0, 5);
        if (rng.chance(0.15)) s.created = Math.max(RANGE_START - 20, from - rng.int(0, 20));
        if (rng.chance(0.2)) s.estimate = rng.pick(['30m', '45m', '1h', '2h', '3h', '1d', '2d', '3d', '1w']);
        if (rng.chance(0.2)) s.priority = rng.pick(['🔼', '🔼', '⏫', '🔽']);
        if (rng.chance(0.03) && s.children === 0) s.recur = rng.pick(['every week', 'every day', 'every month', 'every 2 weeks']);
        if (rng.chance(0.06) && s.children === 0) s.weight = rng.int(2, 5);
        if (rng.chance(0.05)) s.blockId = rng.int(0, 1e6).toString(36);
        if (rng.chance(0.03)) s.help = true;
        if (s.status === 'x') s.doneDate = Math.min(CUTOFF - 1, s.t + rng.int(-6, 2));
        if (s.created != null && s.doneDate != null && s.created >= s.doneDate) s.created = s.doneDate - rng.int(1, 10);
      }
      // A plain bullet now and then: a note under a step (transparent between tasks).
      const withPlain = [];
      for (let i = 0; i < specs.length; i++) {
        const s = specs[i];
        withPlain.push(s);
        if (rng.chance(0.04) && s.depth < maxDepth) {
          withPlain.push({ depth: s.depth + 1, plain: rng.chance(0.5) ? `note: ${sentence()}` : `idea - ${desc().toLowerCase()}` });
        }
      }
      out.push(withPlain);
    }
    return out;
  };

  /**
   * Puts links on leaves of the given phases: each a link text, or a function of the leaf
   * that returns one. Returns the leaves used.
   */
  const placeLinks = (phases, links) => {
    const leaves = [];
    for (const specs of phases) {
      for (let i = 0; i < specs.length; i++) {
        const s = specs[i];
        if (s.plain) continue;
        let j = i + 1;
        while (j < specs.length && specs[j].plain) j++;
        const next = specs[j];
        const isLeaf = !next || next.depth <= s.depth;
        if (isLeaf) leaves.push(s);
      }
    }
    rng.shuffle(leaves);
    const n = Math.min(links.length, leaves.length);
    const chosen = leaves.slice(0, n);
    for (let i = 0; i < n; i++) {
      const link = typeof links[i] === 'function' ? links[i](chosen[i]) : links[i];
      chosen[i].text = `${rng.pick(LINK_VERBS)} ${link}`;
    }
    return chosen;
  };

  const notesOut = [];
  const push = (meta, kind, weight, doc) => {
    const parts = doc.done();
    let bytes = 0;
    for (const p of parts) if (typeof p === 'string') bytes += Buffer.byteLength(p, 'utf8');
    notesOut.push({ name: meta.name, folder: meta.folder, kind, weight, parts, items: doc.items, baseBytes: bytes, crlf: false, text: '' });
  };

  const heavy = () => (rng.chance(0.03) ? 10 + rng.next() * 25 : 0.3 + rng.next() * 1.4);

  // --- Goal notes.
  for (const g of goals) {
    const doc = new Doc();
    doc.line('---');
    const tagStyle = rng.next();
    if (tagStyle < 0.6) doc.line('type: goal');
    if (rng.chance(0.8)) doc.line(`title: ${g.name}`);
    if (g.status !== 'active' || rng.chance(0.85)) doc.line(`status: ${g.status}`);
    doc.line(`start: ${fmt(g.start)}`);
    doc.line(`target: ${fmt(g.target)}`);
    if (tagStyle >= 0.6) {
      if (rng.chance(0.5)) doc.line(`tags: [goal, ${rng.pick(TOPICS).toLowerCase()}]`);
      else doc.line(`tags:\n  - goal\n  - ${rng.pick(TOPICS).toLowerCase()}`);
    } else if (rng.chance(0.3)) doc.line(`tags: [${rng.pick(TOPICS).toLowerCase()}]`);
    const nCp = rng.int(2, 6);
    doc.line('checkpoints:');
    const reviews = [];
    for (let c = 1; c <= nCp; c++) {
      const d = g.start + Math.round(((g.target - g.start) * c) / (nCp + 1));
      const expect = Math.max(1, Math.min(99, Math.round((100 * c) / (nCp + 1)) + rng.int(-5, 5)));
      doc.line(`  - date: ${fmt(d)}`);
      if (rng.chance(0.9)) doc.line(`    label: ${CHECKPOINT_LABELS[Math.min(5, Math.floor((6 * c) / (nCp + 1)))]}`);
      doc.line(`    expect: ${expect}`);
      if (d < CUTOFF && (g.status === 'done' || rng.chance(0.75))) {
        const progress = Math.max(0, Math.min(100, expect + rng.int(-25, 15)));
        const feeling = rng.int(1, 5);
        const reviewed = Math.min(CUTOFF - 1, d + rng.int(0, 5));
        doc.line(`    progress: ${progress}`);
        doc.line(`    feeling: ${feeling}`);
        if (rng.chance(0.6)) doc.line(`    note: "${sentence().replace(/"/g, "'")}"`);
        doc.line(`    reviewed: ${fmt(reviewed)}`);
        reviews.push({ reviewed, progress, feeling });
      }
    }
    doc.line('---');
    if (rng.chance(0.5)) {
      doc.line(`# ${g.name}`);
      doc.blank();
    }
    doc.line('## Why');
    doc.blank();
    doc.slot(PROSE);

    // Steps.
    const total = Math.max(3, Math.round(rng.int(10, 60) * scale));
    const nPhases = Math.max(1, Math.min(total, rng.int(2, 5)));
    const phases = planSteps(total, nPhases, g.start, g.target, g.status, 3);
    // Links, resolved once the step that carries each is known: a plan linked from a step ends
    // by that step's date, so the linked steps are not due after it.
    const checklistLink = () => {
      if (checklists.length === 0) return noThe(rng.pick(OBJECTS)); // tiny vaults: no link
      const c = rng.pick(checklists); // shared checklists: no dates
      return linkText(c.name, c.headings);
    };
    /** A random note from `pool` that ends by `t` (a few tries), else a checklist. */
    const endingBy = (pool, endOf, t) => {
      for (let k = 0; k < 12 && pool.length > 0; k++) {
        const x = rng.pick(pool);
        const end = endOf(x);
        if (x !== g && end != null && end <= t) return x;
      }
      return null;
    };
    const own = g.actions.slice();
    const links = own.map((a) => (leaf) => {
      // The action note ends when the step that links it is due, and is finished when that
      // step is ticked.
      const end = Math.max(g.start + 7, leaf.t);
      a.window = [Math.max(g.start, end - rng.int(14, 75)), end];
      a.allDone = leaf.status === 'x' || g.status === 'done';
      return linkText(a.name, a.headings);
    });
    const wanted = Math.max(links.length, Math.round(total * 0.2));
    const extra = [];
    while (links.length + extra.length < wanted) {
      const r = rng.next();
      if (r < 0.4 || r >= 0.95) extra.push(checklistLink);
      else if (r < 0.65 && own.length > 0) {
        extra.push((leaf) => {
          // Again (a reference node, or its first occurrence in document order).
          const a = endingBy(own, (x) => x.window?.[1], leaf.t);
          return a ? linkText(a.name, a.headings) : checklistLink();
        });
      } else if (r < 0.77) {
        extra.push((leaf) => {
          const a = endingBy(actions, (x) => x.window?.[1], leaf.t); // another goal's action note
          return a ? linkText(a.name, a.headings) : checklistLink();
        });
      } else if (r < 0.85) {
        extra.push((leaf) => {
          const sub = endingBy(goals, (x) => x.target, leaf.t); // a sub-goal
          return sub ? `[[${sub.name}]]` : checklistLink();
        });
      } else if (r < 0.92) {
        extra.push(`[[${missingName()}]]`);
      } else {
        extra.push(`[[${g.name}]]`); // straight back onto the goal: a cycle
      }
    }
    // Own action notes first (so they get dated by their step); the others in random order.
    placeLinks(phases, links.concat(rng.shuffle(extra)));

    const wrap = rng.chance(0.4);
    if (wrap) {
      doc.line('## Plan');
      doc.blank();
    }
    const lvl = wrap ? '###' : '##';
    const phaseNames = rng.shuffle(PHASES.slice());
    const nameStyle = rng.int(0, 2);
    const style = listStyle();
    for (let p = 0; p < phases.length; p++) {
      const pn = phaseNames[p % phaseNames.length];
      doc.line(`${lvl} ${nameStyle === 0 ? `Phase ${p + 1}: ${pn}` : nameStyle === 1 ? `${p + 1}. ${pn}` : pn}`);
      doc.blank();
      if (rng.chance(0.25)) {
        doc.line(sentence());
        doc.blank();
      }
      const specs = phases[p];
      if (specs.length > 8 && rng.chance(0.3)) {
        // A sub-phase heading part-way through.
        let cut = Math.floor(specs.length / 2);
        while (cut < specs.length && (specs[cut].depth !== 0 || specs[cut].plain)) cut++;
        writeSteps(doc, specs.slice(0, cut), g.emoji, style);
        if (cut < specs.length) {
          doc.blank();
          doc.line(`${lvl}# ${rng.pick(ACTION_HEADINGS)}`);
          doc.blank();
          writeSteps(doc, specs.slice(cut), g.emoji, style);
        }
      } else writeSteps(doc, specs, g.emoji, style);
      doc.blank();
    }
    doc.line('## Checkpoints');
    doc.blank();
    doc.line('What counts as progress at each checkpoint, and how I want to feel by then.');
    doc.blank();
    if (reviews.length > 0) {
      doc.line('## Reviews');
      doc.blank();
      for (const r of reviews) {
        doc.item(`- ${fmt(r.reviewed)}: progress ${r.progress}%, feeling ${r.feeling}/5. ${sentence()}`);
      }
      doc.blank();
    }
    if (g.status !== 'active') {
      doc.line(`Status changed to **${g.status}**: ${sentence()}`);
      doc.blank();
    }
    doc.line('## Notes');
    doc.blank();
    doc.slot(RICH);
    push(g, 'goal', 1.4 * heavy(), doc);
  }

  // --- Action-step notes.
  for (const a of actions) {
    const g = a.goal;
    const doc = new Doc();
    let from, to;
    if (a.window) [from, to] = a.window;
    else {
      from = g.start + rng.int(0, Math.max(1, Math.floor((g.target - g.start) / 2)));
      to = Math.min(g.target, from + rng.int(14, 90));
    }
    doc.line('---');
    doc.line('type: action');
    doc.line(`goal: "[[${g.name}]]"`);
    if (rng.chance(0.8)) doc.line(`due: ${fmt(to)}`);
    if (rng.chance(0.3)) doc.line(`tags: [action, ${rng.pick(TOPICS).toLowerCase()}]`);
    doc.line('---');
    if (rng.chance(0.4)) {
      doc.line(`# ${a.name}`);
      doc.blank();
    }
    doc.line(`Part of [[${g.name}]]. ${sentence()}`);
    doc.blank();
    doc.slot(PROSE);
    const total = Math.max(a.headings.length, Math.round(rng.int(5, 30) * scale));
    const phases = planSteps(total, a.headings.length, from, to, a.allDone ? 'done' : g.status, rng.chance(0.5) ? 2 : 3);
    const links = [];
    if (rng.chance(0.03)) links.push(`[[${g.name}]]`); // back to its goal: a cycle
    if (rng.chance(0.05) && g.actions.length > 1) {
      const b = rng.pick(g.actions); // a sibling action note that ends by this step
      links.push((leaf) => (b !== a && b.window && b.window[1] <= leaf.t ? linkText(b.name, b.headings) : `${noThe(rng.pick(OBJECTS))} first`));
    }
    if (rng.chance(0.05) && checklists.length > 0) links.push(linkText(rng.pick(checklists).name, null));
    if (rng.chance(0.01)) links.push(`[[${missingName()}]]`);
    placeLinks(phases, links);
    const fmtEmoji = rng.chance(0.9) ? g.emoji : !g.emoji;
    const style = listStyle();
    for (let p = 0; p < phases.length; p++) {
      doc.line(`## ${a.headings[p]}`);
      doc.blank();
      writeSteps(doc, phases[p], fmtEmoji, style);
      doc.blank();
    }
    doc.line('## Notes');
    doc.blank();
    doc.slot(PROSE);
    push(a, 'action', 0.6 * heavy(), doc);
  }

  // --- Checklists.
  for (const c of checklists) {
    const doc = new Doc();
    if (rng.chance(0.5)) {
      doc.line('---');
      doc.line('tags: [checklist]');
      doc.line('---');
    }
    doc.line(`# ${c.name}`);
    doc.blank();
    doc.slot(PROSE);
    for (const h of c.headings) {
      doc.line(`## ${h}`);
      doc.blank();
      const n = Math.max(1, Math.round(rng.int(3, 8) * scale));
      const unit = listStyle().unit;
      for (let i = 0; i < n; i++) {
        const d = i > 0 && rng.chance(0.25) ? 1 : 0;
        doc.item(`${unit.repeat(d)}- [${rng.chance(0.8) ? ' ' : 'x'}] ${desc()}`);
      }
      doc.blank();
    }
    push(c, 'checklist', 0.4 * heavy(), doc);
  }

  // --- Daily notes.
  for (const d of dailies) {
    const doc = new Doc();
    if (rng.chance(0.4)) {
      doc.line('---');
      doc.line('tags: [daily]');
      if (rng.chance(0.5)) doc.line(`mood: ${rng.int(1, 5)}`);
      doc.line('---');
    }
    doc.line(`# ${d.name}`);
    doc.blank();
    doc.line('## Log');
    doc.blank();
    doc.slot(PROSE);
    doc.line('## Tasks');
    doc.blank();
    const n = Math.max(1, Math.round(rng.int(1, 6) * scale));
    for (let i = 0; i < n; i++) {
      let text = desc();
      if (rng.chance(0.15)) text += ` for [[${rng.pick(allNames)}]]`;
      const st = d.date < CUTOFF ? (rng.chance(0.7) ? 'x' : ' ') : ' ';
      let line = `- [${st}] ${text}`;
      if (rng.chance(0.4)) line += ` 📅 ${fmt(d.date + rng.int(0, 7))}`;
      if (st === 'x' && rng.chance(0.5)) line += ` ✅ ${fmt(Math.min(d.date, CUTOFF - 1))}`;
      doc.item(line);
    }
    doc.blank();
    doc.line('## Notes');
    doc.blank();
    doc.slot(RICH);
    push(d, 'daily', 0.8 * heavy(), doc);
  }

  // --- Meeting notes.
  for (const m of meetings) {
    const doc = new Doc();
    doc.line('---');
    doc.line(`date: ${fmt(m.date)}`);
    doc.line('attendees:');
    const na = rng.int(1, 4);
    for (let i = 0; i < na; i++) doc.line(`  - ${rng.pick(PEOPLE)}`);
    doc.line('---');
    doc.line(`# ${m.name}`);
    doc.blank();
    doc.line('## Agenda');
    doc.blank();
    const nAg = rng.int(2, 5);
    for (let i = 1; i <= nAg; i++) doc.item(`${i}. ${cap(noThe(rng.pick(OBJECTS)))}`);
    doc.blank();
    doc.line('## Notes');
    doc.blank();
    doc.slot(RICH);
    doc.line('## Action items');
    doc.blank();
    const n = Math.max(1, Math.round(rng.int(1, 5) * scale));
    for (let i = 0; i < n; i++) {
      doc.item(`- [${m.date < CUTOFF && rng.chance(0.6) ? 'x' : ' '}] ${cap(rng.pick(PEOPLE))}: ${desc().toLowerCase()}`);
    }
    doc.blank();
    push(m, 'meeting', 1.0 * heavy(), doc);
  }

  // --- Reference notes.
  for (const r of refs) {
    const doc = new Doc();
    if (rng.chance(0.3)) {
      doc.line('---');
      doc.line(`tags: [reference, ${rng.pick(TOPICS).toLowerCase()}]`);
      if (rng.chance(0.5)) doc.line(`aliases: ["${noThe(rng.pick(OBJECTS))}"]`);
      doc.line('---');
    }
    doc.line(`# ${r.name}`);
    doc.blank();
    doc.slot(PROSE);
    const ns = rng.int(1, 4);
    for (let i = 0; i < ns; i++) {
      doc.line(`## ${cap(noThe(rng.pick(OBJECTS)))}`);
      doc.blank();
      doc.slot(RICH);
    }
    push(r, 'reference', 2.5 * heavy(), doc);
  }

  let baseBytes = 0;
  for (const n of notesOut) {
    baseBytes += n.baseBytes;
    n.crlf = rng.chance(0.01);
  }
  return { notes: notesOut, baseBytes, goalCount: goals.length, allNames };
}

// ---------------------------------------------------------------------------------------------
// Filler: prose and ordinary blocks, spread to reach the byte budget.

function fill(vault, targetBytes, seed) {
  const rng = new Rng((seed ^ 0x5bd1e995) >>> 0);
  const names = vault.allNames;
  // A pool of sentences, so filler costs little per byte.
  const pool = [];
  for (let i = 0; i < 4096; i++) {
    let s = SENTENCES[rng.int(0, SENTENCES.length - 1)]
      .replace('{o}', OBJECTS[rng.int(0, OBJECTS.length - 1)])
      .replace('{p}', PEOPLE[rng.int(0, PEOPLE.length - 1)])
      .replace('{P}', cap(PEOPLE[rng.int(0, PEOPLE.length - 1)]))
      .replace('{f}', FEELINGS[rng.int(0, FEELINGS.length - 1)])
      .replace('{n}', String(rng.int(2, 90) * 5));
    if (rng.chance(0.04)) s += ` ${rng.pick(TAGS)}`;
    if (rng.chance(0.03)) s = `**${s}**`;
    if (rng.chance(0.02)) s += ' %% revisit this %%';
    pool.push(s);
  }
  const para = () => {
    const k = rng.int(2, 6);
    let s = pool[rng.int(0, 4095)];
    for (let i = 1; i < k; i++) s += ' ' + pool[rng.int(0, 4095)];
    if (rng.chance(0.12)) s += ` See [[${rng.pick(names)}]].`;
    return s;
  };
  const phrase = () => cap(noThe(rng.pick(OBJECTS))) + (rng.chance(0.5) ? ` - ${pool[rng.int(0, 4095)]}` : '');

  /** One block (ends with a blank line) and the number of list items it adds. */
  let blockItems = 0;
  const block = (kind) => {
    blockItems = 0;
    const r = rng.next();
    if (kind === PROSE) {
      if (r < 0.93) return para() + '\n\n';
      return `> ${pool[rng.int(0, 4095)]}\n> ${pool[rng.int(0, 4095)]}\n\n`;
    }
    if (r < 0.64) return para() + '\n\n';
    if (r < 0.72) {
      const n = rng.int(2, 6);
      let s = '';
      for (let i = 0; i < n; i++) {
        s += `- ${phrase()}\n`;
        if (rng.chance(0.2)) {
          s += `\t- ${phrase()}\n`;
          blockItems++;
        }
      }
      blockItems += n;
      return s + '\n';
    }
    if (r < 0.78) {
      const n = rng.int(2, 6);
      let s = '';
      for (let i = 1; i <= n; i++) s += `${i}. ${phrase()}\n`;
      blockItems = n;
      return s + '\n';
    }
    if (r < 0.83) return `> ${pool[rng.int(0, 4095)]}\n> ${pool[rng.int(0, 4095)]}\n>\n> -- ${cap(rng.pick(PEOPLE))}\n\n`;
    if (r < 0.86) {
      const t = rng.pick(['note', 'tip', 'warning', 'info', 'example']);
      if (rng.chance(0.4)) {
        return `> [!${t}]- Old version\n> \`\`\`md\n> - [ ] not a task (inside a callout's code)\n> - [x] ${desc(rng)}\n> \`\`\`\n\n`;
      }
      return `> [!${t}] ${cap(noThe(rng.pick(OBJECTS)))}\n> ${pool[rng.int(0, 4095)]}\n\n`;
    }
    if (r < 0.92) {
      if (rng.chance(0.5)) {
        return '```md\n- [ ] not a task\n- [x] also not a task 📅 2026-12-01\n  - [ ] nested, still not a task\n```\n\n';
      }
      const i = rng.int(0, CODE_LANGS.length - 1);
      return '```' + CODE_LANGS[i] + '\n' + CODE_SNIPPETS[i] + '\n```\n\n';
    }
    if (r < 0.96) {
      if (rng.chance(0.5)) return `%%\n- [ ] hidden draft step, in a comment\n${pool[rng.int(0, 4095)]}\n%%\n\n`;
      return `${pool[rng.int(0, 4095)]} %% private: ${pool[rng.int(0, 4095)]} %%\n\n`;
    }
    if (r < 0.98) {
      let s = '| Item | Cost | Status |\n| --- | ---: | --- |\n';
      const n = rng.int(2, 6);
      for (let i = 0; i < n; i++) s += `| ${cap(noThe(rng.pick(OBJECTS)))} | ${rng.int(5, 900)} | ${rng.pick(['open', 'done', 'waiting'])} |\n`;
      return s + '\n';
    }
    return `### ${cap(noThe(rng.pick(OBJECTS)))}\n\n${para()}\n\n`;
  };
  function desc() {
    return `${rng.pick(VERBS)} ${rng.pick(OBJECTS)}`;
  }

  let weightSum = 0;
  for (const n of vault.notes) weightSum += n.weight;
  const deficit = Math.max(0, targetBytes - vault.baseBytes);
  let carry = 0;
  for (const note of vault.notes) {
    let budget = (deficit * note.weight) / weightSum + carry;
    const parts = note.parts;
    const slots = [];
    for (let i = 0; i < parts.length; i++) if (typeof parts[i] === 'number') slots.push(i);
    const fills = slots.map(() => '');
    while (budget > 0) {
      const si = rng.int(0, slots.length - 1);
      const b = block(parts[slots[si]]);
      if (b.length > budget * 2) break;
      fills[si] += b;
      note.items += blockItems;
      budget -= b.length;
    }
    carry = budget;
    let text = '';
    let k = 0;
    for (const p of parts) text += typeof p === 'number' ? fills[k++] : p;
    note.text = text.endsWith('\n\n') ? text.slice(0, -1) : text;
    note.parts = null;
  }
}

// ---------------------------------------------------------------------------------------------
// Command line

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, size, seedArg] = process.argv.slice(2);
  const preset = SIZES[size];
  if (!dir || !preset) {
    console.error('usage: node bench/generate.mjs <dir> <small|medium|large> [seed]');
    process.exit(2);
  }
  const t0 = performance.now();
  const stats = generateVault(dir, { ...preset, seed: seedArg ? Number(seedArg) : DEFAULT_SEED });
  console.error(`generated in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  console.log(JSON.stringify(stats));
}

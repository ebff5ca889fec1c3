// `npm run bench -- view`: the plan view in headless Chromium (Debian's, through playwright-core):
// opening it over the medium vault's goals and over one goal of 5,000 steps, a search to its first
// matching step, a tick to the card drawn again, and the size of the production main.js.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pluginOptions } from '../esbuild.config.mjs';
import { buildPage, CHROMIUM, measurePage, writePage } from './chromium-page.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'out', 'view');
const TODAY = '2026-11-25';

function readNotes(dir) {
  const notes = {};
  const walk = (abs) => {
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = join(abs, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) notes[relative(dir, p).split('\\').join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return notes;
}

/** One goal of 5,000 steps: 50 phases of 100 steps, every tenth with two sub-steps. */
function bigGoal() {
  const lines = ['---', 'type: goal', 'title: Five thousand steps', 'start: 2026-09-01', 'target: 2027-12-31', '---', '# Five thousand steps'];
  let n = 0;
  for (let p = 1; n < 5000; p++) {
    lines.push('', `## Phase ${p}`);
    for (let s = 0; s < 100 && n < 5000; s++) {
      const day = String(1 + (n % 28)).padStart(2, '0');
      const done = n % 3 === 0;
      lines.push(`- [${done ? 'x' : ' '}] Step ${++n} 📅 2027-0${1 + (p % 9)}-${day}${done ? ' ✅ 2026-11-0' + (1 + (n % 9)) : ''}`);
      if (s % 10 === 9 && n < 4999) {
        lines.push(`    - [ ] Step ${++n}`, `    - [ ] Step ${++n}`);
      }
    }
  }
  return { 'Goals/Five thousand steps.md': lines.join('\n') + '\n' };
}

function page(name, notes, ticks, queries) {
  return writePage(out, name, 'view-bench', 'view-bench-data', { today: TODAY, notes, ticks, queries });
}

const measure = (file) => measurePage(file, { width: 420, height: 900 }, 'viewBench');

function mainJsKb() {
  const file = join(out, 'main.js');
  // The production build's own options, written elsewhere.
  return build({ ...pluginOptions(true), outfile: file, logLevel: 'warning' }).then(() => statSync(file).size / 1024);
}

const f = (x) => (x < 10 ? x.toFixed(1) : x.toFixed(0));

export async function benchView() {
  await buildPage('view-page.ts', out, 'view-bench');
  const medium = join('/tmp', 'action-plan-bench-medium-20261125');
  if (!existsSync(join(medium, '.generated.json'))) {
    const { generateVault } = await import(join(here, 'generate.mjs'));
    mkdirSync(medium, { recursive: true });
    writeFileSync(join(medium, '.generated.json'), JSON.stringify(await generateVault(medium, { notes: 6000, targetBytes: 10_000_000, seed: 20261125 })));
  }
  const lines = [`Plan view in Chromium (${CHROMIUM}), 420 px wide, as of ${TODAY}:`];
  const results = {};
  const vaults = [
    ['medium', readNotes(medium), ['compost bin', 'invoice template', 'sheet music', 'visa application', 'bike fitting']],
    ['5000-steps', bigGoal(), ['step 4321', 'step 250', 'step 4999', 'step 17', 'step 3000']],
  ];
  for (const [name, notes, queries] of vaults) {
    const r = await measure(page(name, notes, Number(process.env.TICKS ?? 30), queries));
    results[name] = r;
    lines.push(
      `  ${name}: ${r.goals} goals (index ${f(r.buildMs)} ms)\n` +
        `    open, first time: first slice laid out ${f(r.openMs)} ms, painted ${f(r.paintMs)} ms | opened again (median of 4): laid out ${f(r.warmOpenMs)} ms, painted ${f(r.warmPaintMs)} ms | ${r.rowsAtPaint} rows in ${r.cardsAtPaint} cards at the first paint; every card drawn ${f(r.allCardsMs)} ms (${r.rows} rows)\n` +
        `    tick to the card drawn again and laid out: p50 ${f(r.tickP50)} ms, p95 ${f(r.tickP95)} ms, max ${f(r.tickMax)} ms over ${r.ticks}; of which from the index's change to the card: p50 ${f(r.drawP50)} ms, p95 ${f(r.drawP95)} ms\n` +
        `    search to the first matching step laid out: p50 ${f(r.searchP50)} ms, max ${f(r.searchMax)} ms (${r.search.map((q) => `"${q.query}" ${f(q.ms)} ms, ${q.matches} matches`).join('; ')})`,
    );
  }
  const kb = await mainJsKb();
  results.mainJsKb = kb;
  lines.push(`  main.js (production): ${kb.toFixed(1)} KB`);
  return { results, summary: lines.join('\n') };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { results, summary } = await benchView();
  console.error(summary);
  process.stdout.write(JSON.stringify(results, null, 2) + '\n');
}

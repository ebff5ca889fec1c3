import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, frontmatterOf } from '../src/cli/load';
import { readNote } from '../src/engine/note';
import { PlanIndex } from '../src/engine/plan-index';
import { LinkResolver } from '../src/engine/links';
import { isGoalNote } from '../src/engine/frontmatter';
import { DEFAULT_ENGINE_OPTIONS as options } from '../src/engine/types';
const root = '/tmp/action-plan-bench-medium-20261125';
const paths = listFiles(root);
const md = paths.filter(p => p.endsWith('.md'));
const fm = new Map(md.map(p => [p, frontmatterOf(readFileSync(join(root, p), 'utf8'))] as const));
const texts = new Map(md.map(p => [p, readFileSync(join(root, p), 'utf8')] as const));
const ps: number[] = [];
for (let r = 0; r < 25; r++) {
  const t1 = performance.now();
  const resolver = new LinkResolver(paths);
  const index = new PlanIndex(resolver, options, null);
  const queue = [...texts.keys()].filter(p => isGoalNote(p, fm.get(p) ?? null, null, options));
  const queued = new Set(queue);
  for (let i = 0; i < queue.length; i++) {
    const p = queue[i]!;
    const note = readNote(p, texts.get(p)!, fm.get(p) ?? null, options);
    index.setNote(note);
    for (const s of note.steps) if (s.links) for (const l of s.links) { const t = resolver.resolve(l, p); if (t && !queued.has(t) && texts.has(t)) { queued.add(t); queue.push(t); } }
  }
  ps.push(performance.now() - t1);
}
const b = [...ps].sort((x, y) => x - y);
console.log(`parse min ${b[0]!.toFixed(1)} med ${b[12]!.toFixed(1)}`);

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, frontmatterOf } from '../src/cli/load';
import { readNote } from '../src/engine/note';
import { PlanIndex } from '../src/engine/plan-index';
import { LinkResolver } from '../src/engine/links';
import { DEFAULT_ENGINE_OPTIONS as options } from '../src/engine/types';
const root = '/tmp/action-plan-bench-medium-20261125';
const paths = listFiles(root);
const md = paths.filter(p => p.endsWith('.md'));
const fm = new Map(md.map(p => [p, frontmatterOf(readFileSync(join(root, p), 'utf8'))] as const));
const times: number[] = [];
for (let r = 0; r < 9; r++) {
  const texts = md.map(p => [p, readFileSync(join(root, p), 'utf8')] as const);
  const index = new PlanIndex(new LinkResolver(paths), options, null);
  const t0 = performance.now();
  for (const [p, t] of texts) index.setNote(readNote(p, t, fm.get(p) ?? null, options));
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log('parse all + keep: median', times[4]!.toFixed(1), 'min', times[0]!.toFixed(1));

// The baseline of the benchmark as a process: list a vault's notes (hidden folders skipped),
// read each and split it into lines. `action-plan check` is compared with this.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let lines = 0;
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.md')) lines += readFileSync(p, 'utf8').split('\n').length;
  }
};
walk(process.argv[2]);
process.stdout.write(`${lines} lines\n`);

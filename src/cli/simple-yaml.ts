/**
 * A fast reader for the plain frontmatter people write (`key: value`, flow lists `[a, b]`,
 * block lists of scalars or of flat maps, like `checkpoints:`). It gives exactly what the
 * YAML library gives under the core schema, or `undefined` as soon as it meets anything else
 * (quotes with escapes, anchors, block scalars, nested maps, …), and the caller then uses the
 * library. Parsing every goal's frontmatter with the full library costs more than reading the
 * vault; this keeps `check` close to the time of reading the files.
 */

type Scalar = string | number | boolean | null;
type Value = Scalar | Scalar[] | Record<string, Scalar>[] | (Scalar | Record<string, Scalar>)[];

const KEY = /^([A-Za-z_][A-Za-z0-9_ -]*?)[ \t]*:(?:[ \t]+(.*))?$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** A plain, single- or double-quoted scalar in the core schema; undefined when unsure. */
export function scalar(raw: string): Scalar | undefined {
  let s = raw.trim();
  const hash = s.search(/[ \t]#/);
  if (s.startsWith('#')) s = '';
  else if (hash !== -1 && !s.startsWith('"') && !s.startsWith("'")) s = s.slice(0, hash).trim();
  if (s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
  const c = s.charAt(0);
  if (c === '"') {
    if (s.length < 2 || !s.endsWith('"') || s.includes('\\') || s.slice(1, -1).includes('"')) return undefined;
    return s.slice(1, -1);
  }
  if (c === "'") {
    if (s.length < 2 || !s.endsWith("'")) return undefined;
    const inner = s.slice(1, -1);
    if (inner.replace(/''/g, '').includes("'")) return undefined;
    return inner.replace(/''/g, "'");
  }
  if ('[]{}&*!|>%@`,?:'.includes(c) || (c === '-' && (s.length === 1 || s.charAt(1) === ' '))) return undefined;
  if (s.includes(': ') || s.endsWith(':') || s.includes(' #')) return undefined;
  if (s === 'true' || s === 'True' || s === 'TRUE') return true;
  if (s === 'false' || s === 'False' || s === 'FALSE') return false;
  if (INT.test(s)) {
    const n = Number(s);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  if (FLOAT.test(s)) return Number(s);
  if (/^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/.test(s) || /^0[xo]/.test(s)) return undefined;
  return s;
}

function flowList(raw: string): Scalar[] | undefined {
  const s = raw.trim();
  if (!s.startsWith('[') || !s.endsWith(']')) return undefined;
  const inner = s.slice(1, -1);
  if (/[[\]{}"'#]/.test(inner)) return undefined;
  if (inner.trim() === '') return [];
  const out: Scalar[] = [];
  const parts = inner.split(',');
  for (let i = 0; i < parts.length; i++) {
    const part = (parts[i] ?? '').trim();
    if (part === '') {
      if (i === parts.length - 1) break; // a trailing comma
      return undefined;
    }
    const v = scalar(part);
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out;
}

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 32) i++;
  return i;
}

/** A blank or comment line, which YAML skips. */
function skippable(l: string): boolean {
  return l.trim() === '' || l.trimStart().startsWith('#');
}

/** The next line that is neither blank nor a comment, with the cursor on it; null at the end. */
function nextContent(c: Cursor): string | null {
  while (c.i < c.lines.length && skippable(c.lines[c.i] ?? '')) c.i++;
  return c.i < c.lines.length ? (c.lines[c.i] ?? '') : null;
}

/** The lines being read, and the next one. */
interface Cursor {
  lines: string[];
  i: number;
}

/** The frontmatter as the YAML library would read it, or undefined when it is not simple. */
export function parseSimpleYaml(source: string): Record<string, unknown> | null | undefined {
  const c: Cursor = { lines: source.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)), i: 0 };
  const { lines } = c;
  const out: Record<string, unknown> = {};
  let any = false;
  for (let line = nextContent(c); line !== null; line = nextContent(c)) {
    if (line.includes('\t') || indentOf(line) !== 0) return undefined;
    const m = KEY.exec(line);
    if (!m) return undefined;
    const key = m[1] ?? '';
    if (key === '<<' || Object.prototype.hasOwnProperty.call(out, key)) return undefined;
    const rest = m[2];
    c.i++;
    any = true;
    if (rest !== undefined && rest.trim() !== '' && !rest.trim().startsWith('#')) {
      const t = rest.trim();
      const v: Value | undefined = t.startsWith('[') ? flowList(t) : scalar(t);
      if (v === undefined) return undefined;
      // A plain scalar must not continue on the next lines.
      if (c.i < lines.length && !skippable(lines[c.i] ?? '') && indentOf(lines[c.i] ?? '') > 0) return undefined;
      out[key] = v;
      continue;
    }
    const block = blockBelow(c);
    if (block === undefined) return undefined;
    out[key] = block;
  }
  return any ? out : null;
}

/** A block below a key: a list (null when there is nothing), or undefined when it is not simple. */
function blockBelow(c: Cursor): (Scalar | Record<string, Scalar>)[] | null | undefined {
  const items: (Scalar | Record<string, Scalar>)[] = [];
  let dash = -1;
  for (let l = nextContent(c); l !== null; l = nextContent(c)) {
    const ind = indentOf(l);
    if (ind === 0 && !l.startsWith('-')) break;
    if (l.includes('\t')) return undefined;
    const body = l.slice(ind);
    if (body !== '-' && !body.startsWith('- ')) return undefined;
    if (dash === -1) dash = ind;
    if (ind !== dash) return undefined;
    const item = listItem(c, body.slice(1).trim(), dash);
    if (item === undefined) return undefined;
    items.push(item);
  }
  return dash === -1 ? null : items;
}

/** One `- item` of a block list at column `dash`: a scalar, or a map entry and the keys aligned below it. */
function listItem(c: Cursor, item: string, dash: number): Scalar | Record<string, Scalar> | undefined {
  const km = KEY.exec(item);
  if (!km || item.startsWith('"') || item.startsWith("'")) {
    const v = item.startsWith('[') ? undefined : scalar(item);
    if (v !== undefined) c.i++;
    return v;
  }
  // A map entry: `- key: value` and then `key: value` lines, aligned.
  const map: Record<string, Scalar> = {};
  const col = dash + 2;
  const first = scalar(km[2] ?? '');
  if (first === undefined) return undefined;
  map[km[1] ?? ''] = first;
  c.i++;
  for (let ml = nextContent(c); ml !== null; ml = nextContent(c)) {
    const mind = indentOf(ml);
    if (mind <= dash) break;
    if (mind !== col || ml.includes('\t')) return undefined;
    const mm = KEY.exec(ml.slice(col));
    if (!mm) return undefined;
    const k = mm[1] ?? '';
    if (Object.prototype.hasOwnProperty.call(map, k)) return undefined;
    const v = scalar(mm[2] ?? '');
    if (v === undefined) return undefined;
    map[k] = v;
    c.i++;
  }
  return map;
}

/**
 * JSON text of plain data, as `JSON.stringify(value, null, indent)` writes it, without
 * recursion: a plan nested thousands of levels deep (or a chain of thousands of linked notes)
 * overflows `JSON.stringify`'s stack, not this loop's. Output goes out in chunks, so a large
 * report is never one giant string. Containers nested deeper than `PRETTY_DEPTH` are written
 * without line breaks: indenting each line by its depth would make the text of a deep plan grow
 * with the square of its depth (gigabytes for 5,000 levels). Non-finite numbers are written as `null`, as JSON.stringify
 * does; `undefined` members are left out.
 */

interface Frame {
  /** The array, or the object's keys. */
  items: readonly unknown[];
  object: Record<string, unknown> | null;
  next: number;
  /** Indentation of the members; null when written on one line. */
  pad: string | null;
}

const CHUNK = 1 << 16;
/** Containers deeper than this are written on one line (a plan node is two or three levels). */
export const PRETTY_DEPTH = 200;

/** Writes `value` as JSON text through `write`, in chunks of about 64 KB. */
function writeJson(value: unknown, write: (chunk: string) => void, indent = 2): void {
  const unit = ' '.repeat(indent);
  let buffer = '';
  const emit = (s: string): void => {
    buffer += s;
    if (buffer.length >= CHUNK) {
      write(buffer);
      buffer = '';
    }
  };
  const stack: Frame[] = [];
  /** Writes a scalar, or opens a container (pushing its frame); `pad` is the current line's. */
  const open = (v: unknown, outer: string | null): void => {
    const pad = outer === null || indent === 0 || stack.length >= PRETTY_DEPTH ? null : outer + unit;
    if (v === null || typeof v !== 'object') {
      emit(scalar(v));
      return;
    }
    const toJson = (v as { toJSON?: unknown }).toJSON;
    if (typeof toJson === 'function') {
      emit(scalar((toJson as () => unknown).call(v)));
      return;
    }
    if (Array.isArray(v)) {
      if (v.length === 0) return emit('[]');
      emit('[');
      stack.push({ items: v, object: null, next: 0, pad });
      return;
    }
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined && typeof o[k] !== 'function');
    if (keys.length === 0) return emit('{}');
    emit('{');
    stack.push({ items: keys, object: o, next: 0, pad });
  };
  open(value, '');
  while (stack.length > 0) {
    const f = stack[stack.length - 1] as Frame;
    if (f.next === f.items.length) {
      stack.pop();
      if (f.pad !== null) emit('\n' + f.pad.slice(indent));
      emit(f.object === null ? ']' : '}');
      continue;
    }
    const i = f.next++;
    emit(i > 0 ? ',' : '');
    if (f.pad !== null) emit('\n' + f.pad);
    if (f.object === null) {
      const item = f.items[i];
      // As JSON.stringify: an undefined or function item in an array is null.
      open(item === undefined || typeof item === 'function' ? null : item, f.pad);
    } else {
      const key = f.items[i] as string;
      emit(JSON.stringify(key) + (f.pad !== null ? ': ' : ':'));
      open(f.object[key], f.pad);
    }
  }
  if (buffer !== '') write(buffer);
}

function scalar(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
  if (typeof v === 'bigint') return v.toString();
  return 'null';
}

/** The whole JSON text of `value` (for tests and small outputs). */
export function jsonText(value: unknown, indent = 2): string {
  const parts: string[] = [];
  writeJson(value, (s) => parts.push(s), indent);
  return parts.join('');
}

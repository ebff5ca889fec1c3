/** Driving the goal commands' forms as a person would, and the diff of a whole vault. */
import { Setting, type ButtonComponent, type DropdownComponent, type TextComponent, type ToggleComponent } from '../host';

/** The changed lines of every note that changed: `-` old, `+` new, in order. */
export function vaultDiff(before: Record<string, string>, after: Record<string, string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const path of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const a = before[path];
    const b = after[path];
    if (a === b) continue;
    if (a === undefined) out[path] = ['(new)', ...(b ?? '').split('\n').map((l) => '+' + l)];
    else if (b === undefined) out[path] = ['(deleted)'];
    else out[path] = lineDiff(lines(a), lines(b));
  }
  return out;
}

/** Lines without their endings; a final line ending adds no empty line. */
function lines(text: string): string[] {
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

/** A longest-common-subsequence diff of lines, the lines kept left out. */
function lineDiff(a: string[], b: string[]): string[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      (lcs[i] as number[])[j] = a[i] === b[j] ? ((lcs[i + 1] as number[])[j + 1] ?? 0) + 1 : Math.max((lcs[i + 1] as number[])[j] ?? 0, (lcs[i] as number[])[j + 1] ?? 0);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      i++;
      j++;
    } else if (i < n && (j === m || ((lcs[i + 1] as number[])[j] ?? 0) >= ((lcs[i] as number[])[j + 1] ?? 0))) out.push('-' + (a[i++] ?? ''));
    else out.push('+' + (b[j++] ?? ''));
  }
  return out;
}

export function fill(name: string, value: string): void {
  const row = Setting.named(name);
  const kind = row.controls.some((c) => c.kind === 'textarea') ? 'textarea' : 'text';
  void row.control<TextComponent>(kind).input(value);
}

export function pick(name: string, value: string): void {
  void Setting.named(name).control<DropdownComponent>('dropdown').input(value);
}

export function toggle(name: string): void {
  void Setting.named(name).control<ToggleComponent>('toggle').click();
}

/** Clicks the form's button (the last row built with one) and waits for the write. */
export async function submit(): Promise<void> {
  const rows = Setting.all.filter((s) => s.controls.some((c) => c.kind === 'button'));
  const row = rows[rows.length - 1];
  if (row === undefined) throw new Error('no button');
  await row.control<ButtonComponent>('button').click();
}

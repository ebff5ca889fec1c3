/** The names nearest to a word that matched none: for "did you mean" lines. */

/** Levenshtein distance between two strings (insertions, deletions, substitutions), in UTF-16 units. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitute, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Up to `limit` of `names` within the edit distance max(2, ⌊length/3⌋) of `word`, compared
 * without case, nearest first (ties in the order given).
 */
export function closestNames(names: readonly string[], word: string, limit = 3): string[] {
  const w = word.trim().toLowerCase();
  const most = Math.max(2, Math.floor(w.length / 3));
  return names
    .map((name, at) => ({ name, at, d: editDistance(w, name.toLowerCase()) }))
    .filter((c) => c.d <= most)
    .sort((x, y) => x.d - y.d || x.at - y.at)
    .slice(0, limit)
    .map((c) => c.name);
}

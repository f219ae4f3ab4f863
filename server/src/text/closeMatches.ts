/**
 * Spelling distance between names, for every "did you mean" of every format:
 * libvirt element, attribute and value fixes, netplan keys and interface
 * IDs, interfaces bridge ports. One definition, so that all formats agree on
 * what counts as a typo.
 */

/**
 * Optimal string alignment distance: Levenshtein (insert, delete, substitute)
 * plus the swap of two adjacent characters, each costing 1. With `max`, the
 * answer is `max + 1` as soon as the distance is known to exceed `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  // Three rolling rows: i-2 (for swaps), i-1 and i.
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] > max ? max + 1 : prev[n];
}

/**
 * The candidates close to `word`, best first: the same name in another
 * case, then an edit distance of at most 2 (at most 1 when either name has
 * four characters or fewer, where two edits make almost anything match).
 * `word` itself and empty candidates are left out.
 */
export function closeMatches(word: string, candidates: Iterable<string>): string[] {
  const scored: [string, number][] = [];
  const lower = word.toLowerCase();
  for (const c of new Set(candidates)) {
    if (c === word || c === '') continue;
    const max = Math.min(word.length, c.length) <= 4 ? 1 : 2;
    const dist = c.toLowerCase() === lower ? 0 : editDistance(lower, c.toLowerCase(), max);
    if (dist <= max) scored.push([c, dist]);
  }
  return scored.sort((x, y) => x[1] - y[1]).map((x) => x[0]);
}

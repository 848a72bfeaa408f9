/** Text folding so that people's spellings of the same thing compare equal. */

const QUOTES = /[«»"“”„'‘’`]/g;

/** Lower case, ё→е, no quotes, single spaces, `№ 4` → `№4`, trimmed. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(QUOTES, "")
    .replace(/[\u00a0\s]+/g, " ")
    .replace(/№\s*/g, "№")
    .trim();
}

/** Folding for dropdown values: also unifies dashes and the spaces around them. */
export function foldEnum(text: string): string {
  return fold(text).replace(/\s*[-–—]\s*/g, "-");
}

/** Levenshtein distance, bounded: returns `limit + 1` once the distance exceeds `limit`. */
export function editDistance(a: string, b: string, limit = 64): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The candidate closest to `name` after folding, or null when nothing is reasonably close
 * (more than 40% of the longer string would have to change).
 */
export function closest(name: string, candidates: readonly string[]): string | null {
  const target = fold(name);
  let best: string | null = null;
  let bestScore = Infinity;
  for (const cand of candidates) {
    const f = fold(cand);
    const limit = Math.ceil(Math.max(f.length, target.length) * 0.4);
    let d = editDistance(target, f, limit);
    if (f.includes(target) || target.includes(f)) d = Math.min(d, Math.abs(f.length - target.length) / 2);
    if (d <= limit && d < bestScore) {
      bestScore = d;
      best = cand;
    }
  }
  return best;
}

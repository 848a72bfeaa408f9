/**
 * Shares shown as whole percents, one policy for every surface (CLI, sidebar, Свод, справка):
 * rounded to the nearest percent, except that an incomplete share never reads «100 %» and a
 * non-zero share never reads «0 %».
 */
export function wholePercent(share: number): number {
  if (!Number.isFinite(share) || share <= 0) return 0;
  if (share >= 1) return 100;
  return Math.min(99, Math.max(1, Math.round(share * 100)));
}

/** 0.727 → «73 %»; null → «—». */
export function formatPercent(share: number | null): string {
  return share === null ? "—" : `${wholePercent(share)} %`;
}

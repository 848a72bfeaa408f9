/**
 * Shares shown as percents, one policy for every surface (CLI, sidebar, Свод, справка): rounded
 * to the shown precision, except that an incomplete share never reads «100 %» and a non-zero
 * share never reads «0 %».
 */
export function percentOf(share: number, decimals = 0): number {
  const step = 10 ** -decimals;
  if (!Number.isFinite(share) || share <= 0) return 0;
  if (share >= 1) return 100;
  const rounded = Math.round(share * 100 * 10 ** decimals) / 10 ** decimals;
  return Math.min(100 - step, Math.max(step, rounded));
}

/** Whole percents: the CLI, the sidebar and the Свод. */
export function wholePercent(share: number): number {
  return percentOf(share);
}

/** 0.727 → «73 %»; null → «—». */
export function formatPercent(share: number | null): string {
  return share === null ? "—" : `${wholePercent(share)} %`;
}

/**
 * ORG_DUPLICATE and the organisation index the mentoring rules look names up in. Names are
 * compared after folding case, quotes «»"", ё/е, spaces and `№ 4`/`№4`.
 */
import { closest, editDistance, fold } from "../fold.js";
import { say } from "../issues.js";
import type { TableRow } from "../workbook.js";
import { emitAt, enumValue, orgKey, text } from "./read.js";
import type { RuleContext, RuleFamily } from "./types.js";

interface OrgEntry {
  readonly row: TableRow<"orgs">;
  readonly name: string;
  /** Type from the list, null when empty or not from the list. */
  readonly type: string | null;
}

/** Legal-form abbreviations people write or leave out: «МОУ», «МБОУ», «МАУ ДО», «ГБОУ». */
const LEGAL_FORM = /^(?:[мг](?:[бак])?(?:д|у)?(?:о)?(?:б)?у|ано|чоу|ноу)(?:\s*до)?\s+/u;

/** Folded name without the legal form: «МОУ «СОШ № 4»» and «СОШ №4» give «сош №4». */
export function orgCoreKey(name: string): string {
  const key = orgKey(name);
  const core = key.replace(LEGAL_FORM, "");
  return core === "" ? key : core;
}

export interface OrgIndex {
  /** Folded full name → entry. */
  readonly byKey: ReadonlyMap<string, OrgEntry>;
  /** The listed organisation a name means: the same folded name, or the same name without its legal form. */
  find(name: string): OrgEntry | undefined;
  /** The listed name a written name means (see find), or the name as written when it is not listed. */
  canonical(name: string): string;
  /** The closest listed name for an unknown one (memoised: pairs repeat the same names). */
  suggest(name: string): string | null;
}

/** Up to this many organisations closest() is called as is. */
const CLOSEST_DIRECT = 60;
/** Distinct unknown names that get a «Возможно, имелась в виду…» suggestion. */
const MAX_SUGGESTED = 25;

/**
 * closest()'s scoring for a long list, with every candidate folded once instead of on every
 * call (closest() folds each candidate each time; 300 schools × many typos adds up).
 */
function closestAmong(name: string, candidates: readonly { name: string; key: string }[]): string | null {
  const target = fold(name);
  let best: string | null = null;
  let bestScore = Infinity;
  for (const cand of candidates) {
    const limit = Math.ceil(Math.max(cand.key.length, target.length) * 0.4);
    if (Math.abs(cand.key.length - target.length) > limit) continue;
    let d = editDistance(target, cand.key, limit);
    if (cand.key.includes(target) || target.includes(cand.key))
      d = Math.min(d, Math.abs(cand.key.length - target.length) / 2);
    if (d <= limit && d < bestScore) {
      bestScore = d;
      best = cand.name;
    }
  }
  return best;
}

export function indexOrgs(rows: readonly TableRow<"orgs">[]): OrgIndex {
  const byKey = new Map<string, OrgEntry>();
  for (const row of rows) {
    const name = text(row, "name");
    if (name === "") continue;
    const key = orgKey(name);
    if (!byKey.has(key)) byKey.set(key, { row, name, type: enumValue(row.cells.type, "orgType") });
  }
  // A core shared by two listed organisations identifies neither.
  const byCore = new Map<string, OrgEntry | null>();
  for (const entry of byKey.values()) {
    const core = orgCoreKey(entry.name);
    byCore.set(core, byCore.has(core) ? null : entry);
  }
  const names = [...byKey.values()].map((e) => e.name);
  const folded = names.length <= CLOSEST_DIRECT ? [] : names.map((n) => ({ name: n, key: fold(n) }));
  const memo = new Map<string, string | null>();
  const find = (name: string): OrgEntry | undefined =>
    byKey.get(orgKey(name)) ?? byCore.get(orgCoreKey(name)) ?? undefined;
  return {
    byKey,
    find,
    canonical: (name) => find(name)?.name ?? name,
    suggest(name) {
      const key = orgKey(name);
      if (!memo.has(key)) {
        // Past a few dozen different unknown names the lists simply disagree; suggestions stop there.
        const suggestion =
          memo.size >= MAX_SUGGESTED
            ? null
            : names.length <= CLOSEST_DIRECT
              ? closest(name, names)
              : closestAmong(name, folded);
        memo.set(key, suggestion);
      }
      return memo.get(key) ?? null;
    },
  };
}

const indexes = new WeakMap<readonly TableRow<"orgs">[], OrgIndex>();

/**
 * The organisation index of one parsed «Организации» tab, built once: the validator's
 * mentoring checks, the metrics and the report all resolve names through the same matcher.
 */
export function orgIndexOf(rows: readonly TableRow<"orgs">[]): OrgIndex {
  let index = indexes.get(rows);
  if (!index) {
    index = indexOrgs(rows);
    indexes.set(rows, index);
  }
  return index;
}

export const orgsFamily: RuleFamily = {
  name: "orgs",
  reads: ["orgs"],
  ids: ["ORG_DUPLICATE"],
  check(ctx: RuleContext) {
    const table = ctx.workbook.tables.orgs;
    const first = new Map<string, TableRow<"orgs">>();
    for (const row of table.rows) {
      const name = text(row, "name");
      if (name === "") continue;
      const key = orgKey(name);
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, row);
        continue;
      }
      const earlierName = text(earlier, "name");
      const said = say("ORG_DUPLICATE", { name, row: row.row, firstRow: earlier.row, firstName: earlierName });
      emitAt(ctx, table, row, "name", said);
    }
  },
};

/**
 * The roadmap's checks (rule ids ROADMAP_*, docs/RULES.md): items without a date, a responsible
 * official or an expected result; dates that do not read, that have no start or span the whole
 * year, that fall outside the roadmap's year; sub-items that begin before their direction (or
 * run on far past it — the same tolerance as the plan's sub-items); numbering gaps, repeats
 * and items out of order; rows without a number; schools the registry does not know, and
 * short forms matched as a guess; the order's missing fields.
 */
import { type Issue, type RuleId, RULES, quote } from "../issues.js";
import { CHILD_LATE_GRACE_DAYS } from "../rules/plan.js";
import { parentKey } from "../rules/plan-index.js";
import { a1 } from "../schema-lookup.js";
import { addDays, formatRuDate } from "../terms/index.js";
import type { Roadmap, RoadmapItem } from "./read.js";
import { type RoadmapColumnKey, ORDER_TAB, ORDER_TITLE, ROADMAP_TAB, ROADMAP_TITLE } from "./schema.js";

/** The rules the roadmap workbook's checker emits (a school's validator never does). */
export const ROADMAP_WORKBOOK_RULES = [
  "ROADMAP_EMPTY",
  "ROADMAP_NUMBER_INVALID",
  "ROADMAP_NUMBER_DUPLICATE",
  "ROADMAP_NUMBER_GAP",
  "ROADMAP_NUMBER_ORDER",
  "ROADMAP_NUMBER_MISSING",
  "ROADMAP_NAME_MISSING",
  "ROADMAP_DATE_MISSING",
  "ROADMAP_DATE_INVALID",
  "ROADMAP_DATE_VAGUE",
  "ROADMAP_DATE_OUTSIDE_YEAR",
  "ROADMAP_CHILD_OUTSIDE_PARENT",
  "ROADMAP_RESPONSIBLE_MISSING",
  "ROADMAP_RESULT_MISSING",
  "ROADMAP_SCHOOL_UNKNOWN",
  "ROADMAP_SCHOOL_GUESS",
  "ROADMAP_ORDER_FIELD_MISSING",
  "ROADMAP_ORDER_DATE_INVALID",
] as const satisfies readonly RuleId[];

const COLUMN_AT: Readonly<Record<RoadmapColumnKey, number>> = Object.fromEntries(
  ROADMAP_TAB.columns.map((c, i) => [c.key, i]),
) as Record<RoadmapColumnKey, number>;
const HEADER: Readonly<Record<RoadmapColumnKey, string>> = Object.fromEntries(
  ROADMAP_TAB.columns.map((c) => [c.key, c.header]),
) as Record<RoadmapColumnKey, string>;

function at(rule: RuleId, row: number, column: RoadmapColumnKey, message: string): Issue {
  return {
    rule,
    severity: RULES[rule].severity,
    sheet: ROADMAP_TITLE,
    row,
    column: HEADER[column],
    cell: a1(row, COLUMN_AT[column]),
    message,
  };
}

const itemWho = (item: RoadmapItem): string => `Пункт ${quote(item.number)} (строка ${item.row})`;

/** Outline parts: «8.1.2» → [8, 1, 2]. */
const partsOf = (key: string): number[] => key.split(".").map(Number);

function compareKeys(a: string, b: string): number {
  const pa = partsOf(a);
  const pb = partsOf(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1;
    const y = pb[i] ?? -1;
    if (x !== y) return x - y;
  }
  return 0;
}

/** The number that should have come before `key` among its siblings: «8.3» → «8.2», «1» → null. */
function previousSibling(key: string): string | null {
  const parts = partsOf(key);
  const last = parts[parts.length - 1]!;
  if (last <= 1) return null;
  return [...parts.slice(0, -1), last - 1].join(".");
}

function checkNumbers(items: readonly RoadmapItem[], out: Issue[]): void {
  const seen = new Map<string, RoadmapItem>();
  let previous: RoadmapItem | null = null;
  for (const item of items) {
    if (item.key === null) {
      out.push(
        at(
          "ROADMAP_NUMBER_INVALID",
          item.row,
          "no",
          `В строке ${item.row} номер ${quote(item.number)} — не номер пункта. ` +
            `Пишите номер цифрами через точку: 1, 8.1, 8.1.2.`,
        ),
      );
      continue;
    }
    const first = seen.get(item.key);
    if (first) {
      out.push(
        at(
          "ROADMAP_NUMBER_DUPLICATE",
          item.row,
          "no",
          `Номер ${quote(item.number)} в строке ${item.row} уже есть в строке ${first.row}. ` +
            `У каждого пункта дорожной карты свой номер: школы ссылаются на него.`,
        ),
      );
      continue;
    }
    seen.set(item.key, item);
    if (previous?.key && compareKeys(item.key, previous.key) < 0) {
      out.push(
        at(
          "ROADMAP_NUMBER_ORDER",
          item.row,
          "no",
          `Пункт ${quote(item.number)} (строка ${item.row}) стоит после пункта ${quote(previous.number)}. ` +
            `Расположите пункты по порядку номеров — так их печатает распоряжение.`,
        ),
      );
    }
    previous = item;
  }
  for (const item of seen.values()) {
    const key = item.key!;
    const parent = parentKey(key);
    if (parent !== null && !seen.has(parent)) {
      out.push(
        at(
          "ROADMAP_NUMBER_GAP",
          item.row,
          "no",
          `У подпункта ${quote(item.number)} (строка ${item.row}) нет пункта ${quote(parent)}. ` +
            `Добавьте направление ${parent} или исправьте номер.`,
        ),
      );
      continue;
    }
    const before = previousSibling(key);
    if (before !== null && !seen.has(before)) {
      out.push(
        at(
          "ROADMAP_NUMBER_GAP",
          item.row,
          "no",
          `Перед пунктом ${quote(item.number)} (строка ${item.row}) нет пункта ${quote(before)}: ` +
            `нумерация пропускает номер. Исправьте номера по порядку.`,
        ),
      );
    }
  }
}

function checkFilled(item: RoadmapItem, out: Issue[]): void {
  const need: [RoadmapColumnKey, string, RuleId][] = [
    ["name", item.name, "ROADMAP_NAME_MISSING"],
    ["date", item.dateText, "ROADMAP_DATE_MISSING"],
    ["municipal", item.municipal, "ROADMAP_RESPONSIBLE_MISSING"],
    ["result", item.result, "ROADMAP_RESULT_MISSING"],
  ];
  for (const [column, value, rule] of need) {
    if (value.trim() !== "" || (column === "date" && item.dateCell !== null && item.term !== null)) continue;
    out.push(
      at(
        rule,
        item.row,
        column,
        `${itemWho(item)}: не заполнен столбец «${HEADER[column]}». ` +
          `В распоряжении у каждого пункта есть ${WHAT[column]}.`,
      ),
    );
  }
}

const WHAT: Readonly<Record<RoadmapColumnKey, string>> = {
  no: "номер",
  name: "направление деятельности",
  date: "дата",
  municipal: "ответственные на муниципальном уровне",
  institutional: "ответственные на институциональном уровне",
  result: "ожидаемый результат",
};

function checkDate(item: RoadmapItem, roadmap: Roadmap, out: Issue[]): void {
  if (item.termProblem !== null) {
    out.push(
      at(
        "ROADMAP_DATE_INVALID",
        item.row,
        "date",
        `${itemWho(item)}: дата ${quote(item.dateText)} не читается (${item.termProblem}). ` +
          `Пишите, как в распоряжении: 24.02, 03.03-10.03, Апрель, май, Ноябрь 15.11, 17.11.`,
      ),
    );
    return;
  }
  const term = item.term;
  if (!term) return;
  if (term.kind === "deadline" || term.kind === "always" || term.kind === "year" || term.kind === "ongoing") {
    const reading =
      term.kind === "deadline"
        ? `это только крайний срок (${formatRuDate(term.end!)}), без начала`
        : term.kind === "ongoing"
          ? "это срок без окончания"
          : "это весь год, а не дата мероприятия";
    out.push(
      at(
        "ROADMAP_DATE_VAGUE",
        item.row,
        "date",
        `${itemWho(item)}: дата ${quote(item.dateText)} — ${reading}. ` +
          `Укажите, когда пункт выполняется (например 03.03-10.03), чтобы школы и комитет видели срок.`,
      ),
    );
    return;
  }
  const period = roadmap.period;
  if (period && term.start !== null && term.end !== null && (term.end < period.start || term.start > period.end)) {
    out.push(
      at(
        "ROADMAP_DATE_OUTSIDE_YEAR",
        item.row,
        "date",
        `${itemWho(item)}: дата ${quote(item.dateText)} не попадает в ${period.label} год — год дорожной карты. ` +
          `Проверьте год в дате или «Год дорожной карты» на вкладке «${ORDER_TITLE}».`,
      ),
    );
  }
}

function checkParents(items: readonly RoadmapItem[], out: Issue[]): void {
  const byKey = new Map(items.filter((i) => i.key !== null).map((i) => [i.key!, i]));
  for (const item of items) {
    if (item.key === null || !item.term || item.term.start === null || item.term.end === null) continue;
    // The nearest direction above with a readable date.
    let parentKeyNow = parentKey(item.key);
    let parent: RoadmapItem | undefined;
    while (parentKeyNow !== null) {
      const candidate = byKey.get(parentKeyNow);
      if (candidate?.term && candidate.term.start !== null && candidate.term.end !== null) {
        parent = candidate;
        break;
      }
      parentKeyNow = parentKey(parentKeyNow);
    }
    if (!parent?.term?.start || !parent.term.end) continue;
    const early = item.term.start < parent.term.start;
    const late = !early && item.term.end > addDays(parent.term.end, CHILD_LATE_GRACE_DAYS);
    if (!early && !late) continue;
    out.push(
      at(
        "ROADMAP_CHILD_OUTSIDE_PARENT",
        item.row,
        "date",
        `Подпункт ${quote(item.number)} (строка ${item.row}) с датой ${quote(item.dateText)} ` +
          `${early ? "начинается раньше" : "заканчивается намного позже"}, чем свой пункт ` +
          `${quote(parent.number)} (строка ${parent.row}, дата ${quote(parent.dateText)}). ` +
          `Проверьте даты: подпункт выполняется в рамках своего направления.`,
      ),
    );
  }
}

function checkSchools(item: RoadmapItem, roadmap: Roadmap, out: Issue[]): void {
  for (const mention of item.schools) {
    const m = mention.match;
    if (m.kind === "exact") continue;
    if (m.kind === "guess") {
      out.push(
        at(
          "ROADMAP_SCHOOL_GUESS",
          item.row,
          "institutional",
          `${itemWho(item)}: школа ${quote(mention.written)} — это, видимо, ${quote(m.name)} из реестра ` +
            `(сокращённое название). Проверьте и напишите название, как в реестре.`,
        ),
      );
      continue;
    }
    if (roadmap.schools.length === 0) continue;
    out.push(
      at(
        "ROADMAP_SCHOOL_UNKNOWN",
        item.row,
        "institutional",
        `${itemWho(item)}: школы ${quote(mention.written)} нет в реестре. ` +
          (m.suggestion ? `Возможно, имелась в виду ${quote(m.suggestion)}. ` : "") +
          `Исправьте название или добавьте школу на вкладку «Реестр».`,
      ),
    );
  }
}

function checkContinuations(roadmap: Roadmap, out: Issue[]): void {
  for (const item of roadmap.items) {
    for (const row of item.continuation) {
      out.push(
        at(
          "ROADMAP_NUMBER_MISSING",
          row,
          "no",
          `В строке ${row} нет номера пункта: её текст добавлен к пункту ${quote(item.number)} ` +
            `(строка ${item.row}) — так бывает, когда пункт разбит на две строки или ячейки объединены. ` +
            `Перенесите текст в строку пункта и удалите эту строку.`,
        ),
      );
    }
  }
  for (const row of roadmap.orphanRows) {
    out.push(
      at(
        "ROADMAP_NUMBER_MISSING",
        row,
        "no",
        `В строке ${row} нет номера пункта, а пунктов выше нет. Поставьте номер или удалите строку.`,
      ),
    );
  }
}

function checkOrder(roadmap: Roadmap, out: Issue[]): void {
  const order = roadmap.order;
  if (!order.present) return;
  const tab = ORDER_TAB;
  for (const fd of tab.fields) {
    if (!fd.required || order.fields[fd.key].trim() !== "") continue;
    const row = order.rows[fd.key];
    out.push({
      rule: "ROADMAP_ORDER_FIELD_MISSING",
      severity: RULES.ROADMAP_ORDER_FIELD_MISSING.severity,
      sheet: ORDER_TITLE,
      row,
      column: "Значение",
      cell: row === null ? null : a1(row, 1),
      message:
        `На вкладке «${ORDER_TITLE}» не заполнено поле «${fd.label}»` +
        `${row === null ? " (нет строки с этим названием в столбце A)" : ""}: без него распоряжение неполное.`,
    });
  }
  const dateRow = order.rows.date;
  if (order.fields.date !== "" && order.date === null) {
    out.push({
      rule: "ROADMAP_ORDER_DATE_INVALID",
      severity: RULES.ROADMAP_ORDER_DATE_INVALID.severity,
      sheet: ORDER_TITLE,
      row: dateRow,
      column: "Значение",
      cell: dateRow === null ? null : a1(dateRow, 1),
      message: `Дата распоряжения ${quote(order.fields.date)} не читается как одна дата. Напишите её так: 05.03.2022.`,
    });
  }
}

/** Every ROADMAP_* finding of a read roadmap, in sheet order within each tab. */
export function checkRoadmap(roadmap: Roadmap): Issue[] {
  const out: Issue[] = [];
  checkOrder(roadmap, out);
  if (roadmap.present && roadmap.items.length === 0) {
    out.push({
      rule: "ROADMAP_EMPTY",
      severity: RULES.ROADMAP_EMPTY.severity,
      sheet: ROADMAP_TITLE,
      row: null,
      column: null,
      cell: null,
      message: `На вкладке «${ROADMAP_TITLE}» нет ни одного пункта. Заполните пункты под строкой заголовков.`,
    });
  }
  checkNumbers(roadmap.items, out);
  checkContinuations(roadmap, out);
  for (const item of roadmap.items) {
    checkFilled(item, out);
    checkDate(item, roadmap, out);
    checkSchools(item, roadmap, out);
  }
  checkParents(roadmap.items, out);
  return out.sort((a, b) =>
    a.sheet === b.sheet ? (a.row ?? 0) - (b.row ?? 0) : a.sheet === ORDER_TITLE ? -1 : b.sheet === ORDER_TITLE ? 1 : 0,
  );
}

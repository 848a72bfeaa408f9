/**
 * Synthetic МИП workbooks of any size, built in memory: the sample project's general tabs
 * with a generated plan (hierarchical numbers, free-text terms, a few deviations) and
 * generated mentoring pairs over generated organisations. Used by the benchmarks; others
 * reuse it for their own load tests. Deterministic: same sizes, same grid.
 */
import type { Cell, TabGrid, WorkbookGrid } from "../src/core/grid.js";
import { dateCell } from "../src/core/grid.js";
import { sampleGrid } from "../src/demo/sample.js";
import { MENTORING, ORGS, PLAN, TEMPLATE_VERSION } from "../src/core/schema.js";

export interface SyntheticSize {
  readonly planRows: number;
  readonly pairs: number;
}

const TERMS = [
  "24.02",
  "03.03-10.03",
  "14.03.-31.03",
  "Май",
  "Апрель, май",
  "Февраль-ноябрь",
  "Ноябрь 15.11, 17.11, 22.11",
  "Март – июнь 2022",
  "15.03.2022-30.04.2022",
  "до 15.09.2022 года",
  "в течение года",
  "1-е полугодие 2022",
  "I квартал 2022",
];

const SUBJECTS = [
  "Русский язык",
  "Математика",
  "Физика",
  "Химия",
  "Обществознание",
  "Биология",
  "История",
  "Английский язык",
];
const SURNAMES = [
  "Иванова",
  "Смирнова",
  "Кузнецова",
  "Попова",
  "Васильева",
  "Петрова",
  "Соколова",
  "Михайлова",
  "Новикова",
  "Фёдорова",
];
const NAMES = ["Анна", "Мария", "Елена", "Ольга", "Наталья", "Ирина", "Татьяна", "Светлана"];
const PATRONYMICS = ["Ивановна", "Петровна", "Сергеевна", "Андреевна", "Викторовна", "Олеговна"];

/** A distinct invented full name for index i. */
function person(i: number, prefix: string): string {
  const surname = SURNAMES[i % SURNAMES.length]!;
  return `${surname}-${prefix}${i} ${NAMES[i % NAMES.length]} ${PATRONYMICS[i % PATRONYMICS.length]}`;
}

function headerOf(columns: readonly { header: string }[]): Cell[] {
  return columns.map((c) => c.header);
}

function planTab(rows: number): TabGrid {
  const out: Cell[][] = [headerOf(PLAN.columns)];
  for (let i = 0; i < rows; i++) {
    const group = Math.floor(i / 10) + 1;
    const sub = i % 10;
    const no = sub === 0 ? String(group) : `${group}.${sub}`;
    const deviation = i % 17 === 5;
    const status = deviation ? "Выполнено частично" : i % 23 === 7 ? "В работе" : "Выполнено";
    out.push([
      no,
      String((group % 4) + 1),
      `Мероприятие ${no}: семинар для учителей школ с НОР`,
      sub === 0 ? "в течение года" : TERMS[i % TERMS.length]!,
      "Методисты, наставники",
      `Ответственный ${group}`,
      `Проведено мероприятие ${no}`,
      status,
      deviation ? 4 : 1,
      deviation ? 2 : 1,
      deviation ? "Карантин в школе" : null,
      deviation ? "Перенос занятий на следующий месяц" : null,
      i % 5 === 0 ? `Протокол № ${i} от 24.02.2022` : null,
    ]);
  }
  return { title: PLAN.title, rows: out };
}

function orgNames(count: number): { nor: string[]; leaders: string[] } {
  const nor = Array.from({ length: count }, (_, i) => `МОУ «Школа с НОР № ${i + 1}»`);
  const leaders = Array.from({ length: Math.max(1, Math.ceil(count / 3)) }, (_, i) => `МОУ «Школа-лидер № ${i + 1}»`);
  return { nor, leaders };
}

function orgsTab(nor: string[], leaders: string[]): TabGrid {
  return {
    title: ORGS.title,
    rows: [
      headerOf(ORGS.columns),
      ...nor.map((n) => [n, "Школа с НОР", "Озёрский район", null]),
      ...leaders.map((n) => [n, "Школа-лидер", "Озёрский район", null]),
    ],
  };
}

function mentoringTab(pairs: number, nor: string[], leaders: string[]): TabGrid {
  const out: Cell[][] = [headerOf(MENTORING.columns)];
  const perMentor = 4;
  for (let i = 0; i < pairs; i++) {
    const m = Math.floor(i / perMentor);
    const notHeld = i % 41 === 3;
    out.push([
      String(i + 1),
      person(m, "Н"),
      leaders[m % leaders.length]!,
      SUBJECTS[m % SUBJECTS.length]!,
      person(i, "У"),
      nor[i % nor.length]!,
      "Учитель – учитель",
      dateCell("2021-10-11"),
      notHeld ? null : dateCell("2023-05-31"),
      notHeld ? "Не состоялась" : "Активна",
      notHeld ? "Болезнь наставника" : null,
      null,
    ]);
  }
  return { title: MENTORING.title, rows: out };
}

/** A workbook with `planRows` plan rows and `pairs` mentoring pairs; other tabs from the sample. */
export function syntheticGrid(size: SyntheticSize): WorkbookGrid {
  const { nor, leaders } = orgNames(Math.max(5, Math.ceil(size.pairs / 20)));
  const replaced: Record<string, TabGrid> = {
    [PLAN.title]: planTab(size.planRows),
    [ORGS.title]: orgsTab(nor, leaders),
    [MENTORING.title]: mentoringTab(size.pairs, nor, leaders),
  };
  const base = sampleGrid();
  return {
    templateVersion: TEMPLATE_VERSION,
    tabs: base.tabs.map((tab) => {
      // Other tabs come from the sample; its declared counts no longer match — fine for timing.
      return replaced[tab.title] ?? tab;
    }),
  };
}

/** The benchmark sizes: 100/50, 1,000/500, 10,000/5,000 plan rows / mentoring pairs. */
export const BENCH_SIZES: readonly SyntheticSize[] = [
  { planRows: 100, pairs: 50 },
  { planRows: 1000, pairs: 500 },
  { planRows: 10000, pairs: 5000 },
];

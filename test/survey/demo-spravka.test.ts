/**
 * The demo's справка, sections 4 and 5, against the demo's answers: every count and average is
 * recomputed here from the raw responses sheets (last answer per school by «Отметка времени»)
 * and looked for in the справка's text.
 */
import { describe, expect, it } from "vitest";
import { fold } from "../../src/core/fold.js";
import type { Cell, TabGrid } from "../../src/core/grid.js";
import { blockText, type DocModel } from "../../src/core/report/model.js";
import { ruNumber } from "../../src/core/russian.js";
import { buildSpravka, selectSources } from "../../src/core/spravka/index.js";
import { countInWords, genitiveCount } from "../../src/core/spravka/words.js";
import {
  aggregateSurvey,
  LEADERS_SET,
  LOW_RESULTS_SET,
  type QuestionSet,
  readResponseSheet,
} from "../../src/core/survey/index.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { sampleGrid, sampleReportDate } from "../../src/demo/sample.js";
import { sampleSurveyFiles } from "../../src/demo/sample-survey.js";

const project = validateWorkbook(sampleGrid(), { today: sampleReportDate });
const files = sampleSurveyFiles();
const survey = aggregateSurvey(
  project.workbook.tables.orgs.rows,
  files.map((f) => readResponseSheet(f.tab, f.fileName)),
);
const doc: DocModel = buildSpravka(selectSources(project, []), {}, survey);
const text = doc.blocks
  .flatMap(blockText)
  .join("\n")
  .replace(/\u00a0/gu, " ");
const section = (from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to));
const low = section("4. Основные результаты", "5. Основные результаты");
const leaders = section("5. Основные результаты", "Проблемы и предложения");

const SCHOOLS = ["школа", "школы", "школ"] as const;
const schools = (n: number) => countInWords(n, SCHOOLS, "feminine");
const ofTotal = (n: number) => `из ${genitiveCount(n, ["", ""], "feminine").trim()}`;

/** The last answer of each school, by the timestamp text «ДД.ММ.ГГГГ чч:мм:сс». */
function lastAnswers(tab: TabGrid, set: QuestionSet): Map<string, Cell>[] {
  const header = tab.rows[0]!.map(String);
  const col = (id: string) => header.indexOf(set.questions.find((q) => q.id === id)!.title);
  const stamp = (c: Cell) => {
    const [d, m, y, hh, mm, ss] = String(c).split(/[.: ]/u).map(Number);
    return Date.UTC(y!, m! - 1, d!, hh, mm, ss);
  };
  const latest = new Map<string, readonly Cell[]>();
  for (const row of [...tab.rows.slice(1)].sort((a, b) => stamp(a[0]!) - stamp(b[0]!))) {
    // The demo spells one school without «МОУ» and with «е»: the key is the folded core name.
    const key = fold(String(row[col("organisation")])).replace(/^моу /u, "");
    latest.set(key, row);
  }
  return [...latest.values()].map((row) => new Map(set.questions.map((q) => [q.id, row[col(q.id)] ?? null])));
}

const lowAnswers = lastAnswers(files[0]!.tab, LOW_RESULTS_SET);
const leaderAnswers = lastAnswers(files[1]!.tab, LEADERS_SET);
const chose = (answers: Map<string, Cell>[], id: string, option: string) =>
  answers.filter((a) => String(a.get(id) ?? "").includes(option)).length;

function scorePhrase(answers: Map<string, Cell>[], id: string): string {
  const scores = answers.map((a) => Number(a.get(id)));
  const average = scores.reduce((x, y) => x + y, 0) / scores.length;
  const spread = [5, 4, 3, 2, 1]
    .map((s) => ({ s, n: scores.filter((x) => x === s).length }))
    .filter((x) => x.n > 0)
    .map((x) => `${countInWords(x.n, ["оценка", "оценки", "оценок"], "feminine")} — ${x.s}`);
  return `средняя оценка — ${ruNumber(average)} при максимальной 5 (${spread.join(", ")})`;
}

describe("the demo's справка: sections 4 and 5 written from the answers", () => {
  it("counts each school once: seven answers of five schools with low results, three of leader schools", () => {
    expect(files[0]!.tab.rows.length - 1).toBe(7);
    expect(files[1]!.tab.rows.length - 1).toBe(3);
    expect(lowAnswers).toHaveLength(5);
    expect(low).toContain(
      "По итогам выполнения мероприятий проекта проведён муниципальный мониторинг участников проекта. " +
        "В муниципальном мониторинге приняли участие все пять школ с НОР.",
    );
    expect(leaders).not.toContain("По итогам выполнения мероприятий проекта");
    expect(leaders).toContain("В муниципальном мониторинге приняли участие все три школы-лидера.");
    expect(doc.draft).toBe(false);
  });

  it("numbers the questionnaire's items as the municipal справка: 4.1–4.16 and 5.1–5.9, problems and proposals last", () => {
    const items = (part: string, s: string) =>
      [...part.matchAll(new RegExp(`^${s}\\.(\\d+)\\. `, "gmu"))].map((m) => Number(m[1]));
    const lowItems = items(low, "4");
    const leaderItems = items(leaders, "5");
    expect(lowItems.slice(0, 16)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(leaderItems.slice(0, 9)).toEqual(Array.from({ length: 9 }, (_, i) => i + 1));
    // The workbook's own items follow, numbered on without a repeat.
    expect(new Set(lowItems).size).toBe(lowItems.length);
    expect(new Set(leaderItems).size).toBe(leaderItems.length);
    expect(low).toMatch(/^4\.15\. Отмечены следующие проблемы, возникшие в ходе реализации проекта:/mu);
    expect(low).toMatch(/^4\.16\. Были высказаны следующие предложения:/mu);
    expect(leaders).toMatch(/^5\.8\. Отмечены следующие проблемы в реализации проекта:/mu);
    expect(leaders).toMatch(/^5\.9\. Даны следующие рекомендации по устранению возникших проблем:/mu);
    // The other items open with the municipal справка's own words.
    expect(low).toMatch(/^4\.1\. При включении в работу по сетевому наставничеству школы с НОР руководствовались: /mu);
    expect(low).toMatch(
      /^4\.7\. Педагогам школ с НОР наиболее запомнились, заставили задуматься о корректировке работы с обучающимися\/педагогами следующие мероприятия:/mu,
    );
    expect(low).toMatch(
      /^4\.8\. Отмечались совместные мероприятия по развитию конкретных профессиональных управленческих компетенций руководителей:/mu,
    );
    expect(leaders).toMatch(
      /^5\.1\. При принятии решения включиться в качестве школы-наставника в реализацию программ сетевого наставничества школы с высокими образовательными результатами руководствовались: /mu,
    );
  });

  it("writes every option count of the several-choice questions against the answers, most frequent first", () => {
    for (const [answers, set, part] of [
      [lowAnswers, LOW_RESULTS_SET, low],
      [leaderAnswers, LEADERS_SET, leaders],
    ] as const) {
      for (const q of set.questions.filter((x) => x.kind === "several" && !x.combinations)) {
        const counted = q
          .options!.map((o) => ({ o, n: chose(answers, q.id, o) }))
          .filter((x) => x.n > 0)
          .sort((a, b) => b.n - a.n);
        const line = part.split("\n").find((l) => l.startsWith(`${q.feeds}. `))!;
        let at = -1;
        for (const { o, n } of counted) {
          const count = n === answers.length ? "все школы" : `${schools(n)} ${ofTotal(answers.length)}`;
          const phrase = `${o.charAt(0).toLowerCase()}${o.slice(1)} — ${count}`;
          expect(line).toContain(phrase);
          expect(line.indexOf(phrase)).toBeGreaterThan(at);
          at = line.indexOf(phrase);
        }
      }
    }
  });

  it("writes the one-choice and agreement counts against the answers", () => {
    const expectations = chose(lowAnswers, "expectations_met", "Скорее да, чем нет");
    expect(expectations).toBe(lowAnswers.length);
    expect(low).toContain("все школы ответили «Скорее да, чем нет»");
    const satisfied = chose(lowAnswers, "satisfaction", "Скорее удовлетворены, чем нет");
    const fully = chose(lowAnswers, "satisfaction", "Удовлетворены полностью");
    expect(low).toContain(
      `«Скорее удовлетворены, чем нет» — ${schools(satisfied)}, «Удовлетворены полностью» — ${schools(fully)}`,
    );
    const yes = lowAnswers.filter((a) => a.get("project_design") === "Да").length;
    expect(low).toContain(`«Да» — ${schools(yes)}, «Нет» — ${schools(lowAnswers.length - yes)}`);
    const leadersYes = leaderAnswers.filter((a) => a.get("project_design") === "Да").length;
    expect(leaders).toContain(`«Да» — ${schools(leadersYes)}, «Нет» — ${schools(leaderAnswers.length - leadersYes)}`);
  });

  it("writes every average with its distribution against the answers", () => {
    expect(low).toContain(
      `4.13. Поддержка школ с НОР школой-наставником в решении школьных проблем: ${scorePhrase(lowAnswers, "support_score")}.`,
    );
    expect(leaders).toContain(`5.3. Эффективность проекта: ${scorePhrase(leaderAnswers, "efficiency")}.`);
    expect(leaders).toContain(
      `5.6. Степень комфортности работы в рамках реализации проекта: ${scorePhrase(leaderAnswers, "comfort")}.`,
    );
    expect(leaders).toContain(
      `5.7. Удовлетворённость от работы в проекте: ${scorePhrase(leaderAnswers, "satisfaction")}.`,
    );
    // The figures themselves, as a reader checks them: 11/3 and 10/3.
    expect(leaders).toContain("средняя оценка — 3,67");
    expect(leaders).toContain("средняя оценка — 3,33");
  });

  it("groups the directions of work by the set each school chose", () => {
    const all = lowAnswers.filter((a) => String(a.get("directions")).split(", ").length === 3).length;
    const only = lowAnswers.filter((a) => a.get("directions") === "Работа с педагогами").length;
    expect(low).toContain(
      `в ${genitiveCount(all, ["школе", "школах"], "feminine")} — работа с педагогами, работа с администрацией и работа с обучающимися`,
    );
    expect(low).toContain(`в ${genitiveCount(only, ["школе", "школах"], "feminine")} — только работа с педагогами`);
  });

  it("quotes free text once, with the number of schools that said it, and counts «нет» apart", () => {
    const problems = lowAnswers.map((a) => String(a.get("problems") ?? ""));
    const none = problems.filter((p) => p === "Нет").length;
    expect(low).toContain(
      `${schools(none).replace(/^./u, (c) => c.toUpperCase())} отметили, что с проблемами не сталкивались.`,
    );
    const repeated = lowAnswers.filter(
      (a) => a.get("proposals") === "Проведение открытых уроков и мастер-классов",
    ).length;
    expect(repeated).toBe(2);
    expect(low).toContain(`Проведение открытых уроков и мастер-классов (${schools(repeated)})`);
    expect(low.split("Проведение открытых уроков и мастер-классов").length - 1).toBe(1);
    // The superseded first answer of a school is nowhere: its only problem text was «Нет», its score 3.
    expect(low).not.toContain("Скорее нет, чем да");
  });

  it("says the answers replaced the hand-typed «Мониторинг» figures, which are left out", () => {
    expect(project.workbook.tables.monitoring.rows.length).toBeGreaterThan(0);
    expect(low).toContain("Показатели вкладки «Мониторинг» по школам с НОР в справку не включены");
    expect(leaders).toContain("Показатели вкладки «Мониторинг» по школам-лидерам в справку не включены");
    expect(text).not.toContain("Итоги мониторинга школ с НОР");
    expect(text).not.toContain("3,8 из 5");
  });
});

/**
 * Bad answers: a renamed or missing question, a score of «5 баллов» or «отлично», an empty
 * row, a school spelled differently, a respondent from outside the project, 10,000 rows.
 * Each is a finding; nothing read is lost from sight; the справка is still made, a draft
 * while errors remain, with the appendix naming them.
 */
import { describe, expect, it } from "vitest";
import type { Cell, TabGrid } from "../../src/core/grid.js";
import { blockText, type DocModel } from "../../src/core/report/model.js";
import { buildSpravka, selectSources } from "../../src/core/spravka/index.js";
import {
  aggregateSurvey,
  LEADERS_SET,
  LOW_RESULTS_SET,
  readResponseSheet,
  type SurveyResult,
  TIMESTAMP_TITLE,
} from "../../src/core/survey/index.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { sampleGrid, sampleReportDate } from "../../src/demo/sample.js";

const project = validateWorkbook(sampleGrid(), { today: sampleReportDate });
const orgRows = project.workbook.tables.orgs.rows;
const SCHOOLS = ["МОУ «Лесновская СОШ»", "МОУ «Берёзовская ООШ»", "МОУ «Сосновская СОШ»", "МОУ «Каменская СОШ»"];
const titles = LOW_RESULTS_SET.questions.map((q) => q.title);
const col = (id: string) => LOW_RESULTS_SET.questions.findIndex((q) => q.id === id) + 1;

/** One responses row: the timestamp, then the answers by question id. */
function row(time: string, answers: Record<string, Cell>): Cell[] {
  const cells: Cell[] = [time, ...titles.map(() => null)];
  for (const [id, value] of Object.entries(answers)) cells[col(id)] = value;
  return cells;
}
const tab = (header: readonly string[], rows: readonly Cell[][]): TabGrid => ({
  title: "Ответы на форму (1)",
  rows: [[...header], ...rows],
});
const HEADER = [TIMESTAMP_TITLE, ...titles];
const survey = (t: TabGrid): SurveyResult => aggregateSurvey(orgRows, [readResponseSheet(t, "Ответы.xlsx")]);
const textOf = (doc: DocModel) =>
  doc.blocks
    .flatMap(blockText)
    .join("\n")
    .replace(/\u00a0/gu, " ");
const spravka = (s: SurveyResult) => buildSpravka(selectSources(project, []), {}, s);
const good = (i: number, extra: Record<string, Cell> = {}) =>
  row(`0${i + 1}.12.2022 10:00:00`, { organisation: SCHOOLS[i]!, support_score: 4, ...extra });

describe("survey answers that cannot be read are findings, never values", () => {
  it("«5 баллов» and «отлично» are errors, left out of the average; the справка is a draft naming them", () => {
    const s = survey(
      tab(HEADER, [
        good(0),
        good(1, { support_score: "5 баллов" }),
        good(2, { support_score: "отлично" }),
        good(3, { support_score: 2 }),
      ]),
    );
    const errors = s.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => f.row)).toEqual([3, 4]);
    expect(errors[0]!.message).toContain("оценка «5 баллов» не читается");
    expect(errors[1]!.message).toContain("оценка «отлично» не читается");
    const doc = spravka(s);
    expect(doc.draft).toBe(true);
    const text = textOf(doc);
    expect(text.split("\n")[0]).toBe("ЧЕРНОВИК");
    // Only the readable scores: (4 + 2) / 2.
    expect(text).toContain("средняя оценка — 3 при максимальной 5 (одна оценка — 4, одна оценка — 2)");
    expect(text).toContain("Приложение. Замечания к ответам анкеты мониторинга");
    expect(text).toContain("оценка «5 баллов» не читается");
    expect(text).toContain("оценка «отлично» не читается");
    // The schools still count for everything else.
    expect(text).toContain("приняли участие четыре из пяти школ с НОР");
  });

  it("a renamed question is read with a warning; a missing one keeps its item number and says so", () => {
    const header = [...HEADER];
    header[col("support_score")] = "Оцените поддержку школы-наставника в решении проблем школы (1–5)";
    const missing = col("proposals");
    const t = tab(
      header.filter((_, i) => i !== missing),
      [good(0), good(1, { support_score: 5 })].map((r) => r.filter((_, i) => i !== missing)),
    );
    const s = survey(t);
    const renamed = s.findings.find((f) => f.column === header[col("support_score")]);
    expect(renamed?.severity).toBe("warning");
    expect(renamed?.message).toContain("ответы прочитаны как ответы на этот вопрос");
    const gone = s.findings.find((f) =>
      f.message.includes(LOW_RESULTS_SET.questions.find((q) => q.id === "proposals")!.title),
    );
    expect(gone?.severity).toBe("warning");
    const text = textOf(spravka(s));
    expect(text).toContain("средняя оценка — 4,5 при максимальной 5");
    expect(text).toMatch(
      /^4\.16\. Были высказаны следующие предложения: нет данных — в ответах нет этого вопроса\.$/mu,
    );
    expect(spravka(s).draft).toBe(false);
  });

  it("an empty response row is skipped with a warning; a column of no question is named", () => {
    const t = tab([...HEADER, "Адрес электронной почты"], [good(0), row("02.12.2022 10:00:00", {}), good(1)]);
    const s = survey(t);
    expect(s.findings.find((f) => f.row === 3)?.message).toContain("Пустая строка ответа");
    expect(s.findings.find((f) => f.column === "Адрес электронной почты")?.severity).toBe("info");
    expect(s.groups[0]!.respondents).toHaveLength(2);
  });

  it("a school spelled differently is matched as the product matches names, and said so", () => {
    const s = survey(tab(HEADER, [row("01.12.2022 10:00:00", { organisation: "сосновская сош", support_score: 3 })]));
    expect(s.groups[0]!.respondents.map((r) => r.name)).toEqual(["МОУ «Сосновская СОШ»"]);
    expect(s.findings).toContainEqual(
      expect.objectContaining({
        severity: "info",
        message: "Организация записана как «сосновская сош» — учтена как «МОУ «Сосновская СОШ»».",
      }),
    );
  });

  it("a respondent outside the project, or of the other group, is left out and listed in the draft's appendix", () => {
    const s = survey(
      tab(HEADER, [
        good(0),
        row("02.12.2022 10:00:00", { organisation: "МОУ «Заречная СОШ»", support_score: 5 }),
        row("03.12.2022 10:00:00", { organisation: "МОУ «СОШ № 4»", support_score: 5 }),
        row("04.12.2022 10:00:00", { organisation: "МОУ «Лесоновская СОШ»", support_score: 1 }),
      ]),
    );
    expect(s.groups[0]!.respondents).toHaveLength(1);
    expect(s.leftOut.map((l) => l.label)).toEqual([
      "«МОУ «Заречная СОШ»» (Ответы.xlsx, строка 3)",
      "«МОУ «СОШ № 4»» (Ответы.xlsx, строка 4)",
      "«МОУ «Лесоновская СОШ»» (Ответы.xlsx, строка 5)",
    ]);
    expect(s.findings.find((f) => f.row === 5)?.message).toContain("возможно, имелась в виду «МОУ «Лесновская СОШ»»");
    const doc = spravka(s);
    expect(doc.draft).toBe(true);
    const text = textOf(doc);
    expect(text).toContain("Не учтены ответы:");
    expect(text).toContain(
      "«МОУ «Заречная СОШ»» (Ответы.xlsx, строка 3) — организации нет на вкладке «Организации» проекта",
    );
    // Their answers are nowhere in the sections: only the one school's score.
    expect(text).toContain("средняя оценка — 4 при максимальной 5 (одна оценка — 4)");
  });

  it("a group answered otherwise than «Организации» says is a warning; the answer counts under the listed type", () => {
    const leaders = [TIMESTAMP_TITLE, ...LEADERS_SET.questions.map((q) => q.title)];
    const at = (id: string) => LEADERS_SET.questions.findIndex((q) => q.id === id) + 1;
    const cells: Cell[] = leaders.map(() => null);
    cells[0] = "01.12.2022 10:00:00";
    cells[at("organisation")] = "МОУ «СОШ № 1»";
    cells[at("group")] = "Школа-лидер";
    cells[at("efficiency")] = 4;
    const s = survey(tab(leaders, [cells]));
    expect(s.groups[0]!.respondents.map((r) => r.name)).toEqual(["МОУ «СОШ № 1»"]);
    expect(s.findings).toContainEqual(
      expect.objectContaining({
        severity: "warning",
        message:
          "В анкете указана группа «Школа-лидер», а на вкладке «Организации» у «МОУ «СОШ № 1»» тип " +
          "«Стажировочная площадка»: ответ учтён, группа — по вкладке «Организации».",
      }),
    );
  });

  it("a school that answered twice counts once, its later answer; the earlier one is named", () => {
    const s = survey(
      tab(HEADER, [
        row("05.12.2022 10:00:00", { organisation: SCHOOLS[0]!, support_score: 5 }),
        row("01.12.2022 10:00:00", { organisation: SCHOOLS[0]!, support_score: 1 }),
      ]),
    );
    expect(s.groups[0]!.respondents).toHaveLength(1);
    expect(s.groups[0]!.respondents[0]!.response.row).toBe(2);
    expect(s.groups[0]!.superseded.map((r) => r.row)).toEqual([3]);
    expect(s.findings).toContainEqual(
      expect.objectContaining({
        severity: "warning",
        message:
          "«МОУ «Лесновская СОШ»» ответила на анкету 2 раза: учтён последний ответ (строка 2), прежние не учтены (строка 3).",
      }),
    );
    expect(textOf(spravka(s))).toContain("средняя оценка — 5 при максимальной 5 (одна оценка — 5)");
  });

  it("10,000 rows: every row is counted, superseded or named — nothing lost — and the справка is made", () => {
    const rows: Cell[][] = [];
    for (let i = 0; i < 10_000; i++) {
      const bad = i % 1000 === 7;
      rows.push(
        row(`${String((i % 28) + 1).padStart(2, "0")}.11.2022 ${String(i % 24).padStart(2, "0")}:00:00`, {
          organisation: i % 500 === 3 ? "Школа вне проекта" : SCHOOLS[i % 4]!,
          support_score: bad ? "отлично" : (i % 5) + 1,
          problems: `Проблема номер ${i % 50}`,
        }),
      );
    }
    const s = survey(tab(HEADER, rows));
    const respondents = s.groups[0]!.respondents.length;
    const superseded = s.groups[0]!.superseded.length;
    expect(respondents).toBe(4);
    const leftOut = s.leftOut.reduce((n, l) => n + l.count, 0);
    expect(respondents + superseded + leftOut).toBe(10_000);
    // Said once for the 20 rows of the one outsider, with its rows.
    expect(s.leftOut).toHaveLength(1);
    expect(s.leftOut[0]!.label).toMatch(/^«Школа вне проекта» \(Ответы\.xlsx, строки 5, 505, /u);
    expect(s.findings.filter((f) => f.message.includes("«отлично» не читается"))).toHaveLength(10);
    // One finding per school that answered again, not one per row: the appendix stays readable.
    expect(s.findings.filter((f) => f.message.includes("прежние не учтены"))).toHaveLength(4);
    const doc = spravka(s);
    expect(doc.draft).toBe(true);
    expect(textOf(doc)).toContain("4.15. Отмечены следующие проблемы");
  });

  it("answers of which none counts leave the section to the workbooks and the hand-typed figures, and say so", () => {
    const s = survey(
      tab(HEADER, [row("01.12.2022 10:00:00", { organisation: "МОУ «Заречная СОШ»", support_score: 5 })]),
    );
    expect(s.groups[0]!.respondents).toHaveLength(0);
    const text = textOf(spravka(s));
    expect(text).toContain(
      "Ответов анкеты мониторинга от школ с НОР не учтено: пункты ниже составлены по таблицам проекта.",
    );
    expect(text).toContain("4.1. В проекте участвовали пять школ с НОР");
    // The hand-typed «Мониторинг» figures of the group stay.
    expect(text).toContain("Итоги мониторинга школ с НОР");
    expect(text).not.toContain("ответов нет");
  });

  it("a sheet with none of the questions is one error, and the справка is still made from the workbooks", () => {
    const s = survey(tab(["Отметка времени", "Ваше имя"], [["01.12.2022", "Иванов"]]));
    expect(s.groups).toHaveLength(0);
    expect(s.findings[0]!.message).toContain("не похож на ответы анкеты");
    const doc = spravka(s);
    expect(doc.draft).toBe(true);
    expect(textOf(doc)).toContain("4.1. В проекте участвовали пять школ с НОР");
  });
});

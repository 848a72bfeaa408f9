/**
 * Two workbooks of one project (the same plan rows and events, whatever the name on them):
 * the summary counts the project once and names the copy, in its totals, its document and
 * the state the dashboard and `mip summary` print.
 */
import { describe, expect, it } from "vitest";
import {
  buildSummaryDoc,
  committeeTotals,
  copyState,
  markCopies,
  projectFingerprint,
  readRecord,
  stateFromText,
  stateText,
} from "../../src/core/committee/index.js";
import type { WorkbookGrid } from "../../src/core/grid.js";
import { blockText } from "../../src/core/report/model.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { sampleGrid, sampleReportDate, sampleSchools } from "../../src/demo/sample.js";

/** The grid with «Сокращённое наименование» renamed: the same project under another name. */
function renamed(grid: WorkbookGrid, name: string): WorkbookGrid {
  return {
    ...grid,
    tabs: grid.tabs.map((t) =>
      t.title !== "Общие сведения"
        ? t
        : { ...t, rows: t.rows.map((r) => (r[0] === "Сокращённое наименование" ? [r[0], name, ...r.slice(2)] : r)) },
    ),
  };
}

function record(grid: WorkbookGrid, id: string) {
  return readRecord(
    { organisation: "", link: id, id, modified: "", updated: "" },
    grid,
    validateWorkbook(grid, { today: sampleReportDate }),
  );
}

describe("a workbook that repeats another", () => {
  const original = record(sampleGrid(), "project.xlsx");
  const copy = record(renamed(sampleGrid(), "МОУ «Копия СОШ»"), "copy.xlsx");
  const other = sampleSchools()
    .filter((s) => s.fileName.startsWith("Берёз"))
    .map((s) => record(s.grid, s.fileName));

  it("is named a copy of the first, whatever the name on it; the others keep their state", () => {
    const marked = markCopies([original, ...other, copy]);
    expect(stateText(marked.at(-1)!.state)).toBe("Копия другой таблицы: МОУ ДО «Центр развития образования»");
    expect(marked.slice(0, -1).map((r) => r.state.kind)).not.toContain("copy");
    // The state reads back from its text (the dashboard's Свод cell).
    expect(stateFromText(stateText(copyState("МОУ «СОШ № 4»")))).toEqual(copyState("МОУ «СОШ № 4»"));
  });

  it("is not added to the totals: the project is counted once", () => {
    const once = committeeTotals([original, ...other]);
    const twice = committeeTotals([original, ...other, copy]);
    expect(twice.copies).toBe(1);
    expect(twice.read).toBe(once.read);
    for (const key of ["participantsTotal", "pairsTotal", "mentors", "mentees", "planRows", "deviations"] as const)
      expect(twice[key], key).toBe(once[key]);
  });

  it("the «Сводка по МИП» counts it once and names it in its appendix", () => {
    const text = buildSummaryDoc([original, copy], { date: sampleReportDate })
      .blocks.flatMap(blockText)
      .join("\n")
      .replace(/\u00a0/g, " ");
    const single = buildSummaryDoc([original], { date: sampleReportDate })
      .blocks.flatMap(blockText)
      .join("\n")
      .replace(/\u00a0/g, " ");
    const participants = (t: string) => /Общее число участников по данным организаций — [\d ]+/u.exec(t)![0];
    expect(participants(text)).toBe(participants(single));
    expect(text).toContain("1 таблица повторяет другие и в показатели не вошли");
    expect(text).toContain("МОУ «Копия СОШ» | Копия другой таблицы: МОУ ДО «Центр развития образования»");
  });

  it("two empty workbooks are not copies of each other; a changed plan row makes another project", () => {
    const empty = sampleSchools().find((s) => s.fileName.startsWith("Берёз"))!.grid;
    expect(projectFingerprint(validateWorkbook(sampleGrid()).workbook)).not.toBe("");
    const blank = {
      ...empty,
      tabs: empty.tabs.map((t) =>
        ["План-факт", "Распространение опыта", "Мероприятия МИП", "Конкурсы"].includes(t.title)
          ? { ...t, rows: t.rows.slice(0, 1) }
          : t,
      ),
    };
    expect(projectFingerprint(validateWorkbook(blank).workbook)).toBe("");
    const changed = {
      ...sampleGrid(),
      tabs: sampleGrid().tabs.map((t) =>
        t.title !== "План-факт"
          ? t
          : {
              ...t,
              rows: t.rows.map((r, i) => (i === 1 ? ["1", ...r.slice(1, 2), "Другое мероприятие", ...r.slice(3)] : r)),
            },
      ),
    };
    expect(projectFingerprint(validateWorkbook(changed).workbook)).not.toBe(
      projectFingerprint(validateWorkbook(sampleGrid()).workbook),
    );
  });
});

describe("a pair two workbooks list differently", () => {
  it("is listed in the сводка's appendix with both versions", () => {
    // Another organisation's workbook (its own plan, so not a copy) gives the first mentee another mentor.
    const base = renamed(sampleGrid(), "МОУ «Сосновская СОШ»");
    const theirs: WorkbookGrid = {
      ...base,
      tabs: base.tabs.map((t) => {
        if (t.title === "План-факт")
          return {
            ...t,
            rows: t.rows.map((r, i) => (i === 1 ? [r[0]!, r[1]!, "Своё мероприятие", ...r.slice(3)] : r)),
          };
        if (t.title === "Наставничество")
          return { ...t, rows: t.rows.map((r, i) => (i === 1 ? [r[0]!, "Другова Мария Петровна", ...r.slice(2)] : r)) };
        return t;
      }),
    };
    const records = [record(sampleGrid(), "project.xlsx"), record(theirs, "sosnovka.xlsx")];
    expect(markCopies(records).map((r) => r.state.kind)).toEqual(["ok", "ok"]);
    const doc = buildSummaryDoc(records, { date: sampleReportDate });
    const appendixAt = doc.blocks.findIndex((b) => b.type === "heading" && b.text.startsWith("Приложение"));
    const appendix = doc.blocks
      .slice(appendixAt)
      .flatMap(blockText)
      .join("\n")
      .replace(/\u00a0/g, " ");
    expect(appendix).toContain("указывают одну и ту же пару по-разному");
    // People are compared (and stored in the digest) folded: «ё» as «е».
    expect(appendix).toContain(
      "Ершова Галина Семеновна | Русский язык | МОУ ДО «Центр развития образования» | Кольцова Анна Викторовна",
    );
    expect(appendix).toContain(
      "Ершова Галина Семеновна | Русский язык | МОУ «Сосновская СОШ» | Другова Мария Петровна",
    );
    // One workbook alone lists nothing differently.
    const single = buildSummaryDoc([records[0]!], { date: sampleReportDate }).blocks.flatMap(blockText).join("\n");
    expect(single).not.toContain("по-разному");
  });
});

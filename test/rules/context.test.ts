import { describe, expect, it } from "vitest";
import { dateCell, errorCell } from "../../src/core/grid.js";
import { actionSaysNone, reasonSaysNone, surnameInitialsKey } from "../../src/core/rules/read.js";
import { indexOrgs, orgCoreKey } from "../../src/core/rules/orgs.js";
import { outlineKey, taskRefs } from "../../src/core/rules/plan-index.js";
import { check, cleanWorkbook } from "../helpers/grid-builder.js";

describe("buildContext", () => {
  it("reads period, report type and the workbook's report date", () => {
    const ctx = check(cleanWorkbook(), { today: "2030-01-01" }).context;
    expect(ctx.period).toMatchObject({ start: "2022-01-01", end: "2022-12-31" });
    expect(ctx.reportType).toBe("interim");
    expect(ctx.reportDate).toBe("2022-12-20");
  });

  it("report date: option beats the workbook, the workbook beats today", () => {
    expect(check(cleanWorkbook(), { reportDate: "2022-06-01", today: "2030-01-01" }).context.reportDate).toBe(
      "2022-06-01",
    );
    expect(
      check(cleanWorkbook().field("general", "report_date", dateCell("2022-11-30")), { today: "2030-01-01" }).context
        .reportDate,
    ).toBe("2022-11-30");
    expect(check(cleanWorkbook().field("general", "report_date", ""), { today: "2030-01-01" }).context.reportDate).toBe(
      "2030-01-01",
    );
    expect(
      check(cleanWorkbook().field("general", "report_date", "вчера"), { today: "2030-01-01" }).context.reportDate,
    ).toBe("2030-01-01");
    expect(check(cleanWorkbook().field("general", "report_date", ""), {}).context.reportDate).toMatch(
      /^\d{4}-\d{2}-\d{2}$/,
    );
  });

  it("folds the report type", () => {
    expect(check(cleanWorkbook().field("general", "report_type", " итоговый ")).context.reportType).toBe("final");
    expect(check(cleanWorkbook().field("general", "report_type", "ПРОМЕЖУТОЧНЫЙ")).context.reportType).toBe("interim");
    expect(check(cleanWorkbook().field("general", "report_type", "годовой")).context.reportType).toBeNull();
  });

  it("reads settings with defaults", () => {
    expect(check(cleanWorkbook()).context.settings).toEqual({
      maxMentees: 5,
      strict: false,
      orientation: "portrait",
      reportFolder: "",
    });
    const custom = check(
      cleanWorkbook()
        .field("settings", "max_mentees", "7 чел.")
        .field("settings", "strict", "да")
        .field("settings", "orientation", "альбомная")
        .field("settings", "report_folder", " 1AbCdEf "),
    ).context.settings;
    expect(custom).toEqual({ maxMentees: 7, strict: true, orientation: "landscape", reportFolder: "1AbCdEf" });
    const checkbox = check(cleanWorkbook().field("settings", "strict", true));
    expect(checkbox.context.settings.strict).toBe(true);
    expect(checkbox.issues.filter((i) => i.sheet === "Настройки")).toEqual([]);
    const bad = check(
      cleanWorkbook().field("settings", "max_mentees", "пять").field("settings", "strict", "может быть"),
    );
    expect(bad.context.settings.maxMentees).toBe(5);
    expect(bad.context.settings.strict).toBe(false);
    expect(
      bad.issues
        .filter((i) => i.sheet === "Настройки")
        .map((i) => `${i.rule} ${i.cell}`)
        .sort(),
    ).toEqual(["MENT_LOAD_EXCEEDED B2", "TPL_ENUM_INVALID B3"]);
  });

  it("a missing period does not turn every yearless term into a finding", () => {
    const issues = check(cleanWorkbook().field("general", "period", "")).issues;
    expect(issues.filter((i) => i.rule.startsWith("TERM_"))).toEqual([]);
    expect(issues.map((i) => i.rule)).toContain("GEN_REQUIRED");
  });
});

describe("years that are only guessed", () => {
  it("with no period and no report date, terms are not compared with stages or parents in a made-up year", () => {
    // Yearless terms («24.02») take today's year here; in 2030 every one would lie outside the 2022 stages.
    const blind = cleanWorkbook().field("general", "period", "").field("general", "report_date", "");
    const checked = check(blind, { today: "2030-05-01" });
    expect(checked.context.yearsGuessed).toBe(true);
    const rules = checked.issues.map((i) => i.rule);
    expect(rules).not.toContain("PLAN_OUTSIDE_STAGE");
    expect(rules).not.toContain("PLAN_CHILD_OUTSIDE_PARENT");
    expect(rules).toContain("GEN_REQUIRED");
    // Give it a report date (or a period) and the comparisons are back.
    const dated = check(blind.field("general", "report_date", "20.12.2022"), { today: "2030-05-01" });
    expect(dated.context.yearsGuessed).toBe(false);
    const misplaced = blind.field("general", "report_date", "20.12.2022").patch("plan", 0, { term: "15.03.2024" });
    expect(check(misplaced, { today: "2030-05-01" }).issues.map((i) => i.rule)).toContain("PLAN_OUTSIDE_STAGE");
    expect(check(blind, { today: "2030-05-01", reportDate: "2022-12-20" }).context.yearsGuessed).toBe(false);
  });
});

describe("spreadsheet errors in cells", () => {
  it("give one finding per cell (TPL_CELL_ERROR) and are never read as a value", () => {
    const clean = check(cleanWorkbook());
    const broken = cleanWorkbook()
      .patch("mentoring", 0, { mentor: errorCell("#DIV/0!") })
      .patch("plan", 0, { term: errorCell("#REF!") })
      .field("general", "period", errorCell("#N/A"))
      .patch("participants", 0, { count: errorCell("#DIV/0!") });
    const checked = check(broken);
    expect(checked.issues.map((i) => `${i.rule} ${i.sheet}!${i.cell}`).sort()).toEqual([
      "TPL_CELL_ERROR Наставничество!B2",
      "TPL_CELL_ERROR Общие сведения!B3",
      "TPL_CELL_ERROR План-факт!D2",
      "TPL_CELL_ERROR Участники!B2",
    ]);
    // «#DIV/0!» is not one more mentor: the row's mentor is simply unknown.
    expect(checked.metrics.mentors).toBe(clean.metrics.mentors);
  });
});

describe("a mentor paired with themself", () => {
  it("is found when one of the two is written with initials, and is not also a spelling variant", () => {
    const mentor = check(cleanWorkbook()).workbook.tables.mentoring.rows[0]!.cells.mentor as string;
    const [surname, name, patronymic] = mentor.split(" ") as [string, string, string];
    const issues = check(
      cleanWorkbook().patch("mentoring", 0, { mentee: `${surname} ${name[0]}.${patronymic[0]}.` }),
    ).issues;
    expect(issues.filter((i) => i.rule === "MENT_SELF").map((i) => i.cell)).toEqual(["E2"]);
    expect(issues.filter((i) => i.rule === "MENT_NAME_VARIANT" && i.row === 2)).toEqual([]);
    // Other initials are another person.
    const other = check(cleanWorkbook().patch("mentoring", 0, { mentee: `${surname} Я.Я.` })).issues;
    expect(other.filter((i) => i.rule === "MENT_SELF")).toEqual([]);
  });
});

describe("rule helpers", () => {
  it("reasonSaysNone recognises the ways people write «no deviation»", () => {
    for (const s of [
      "Отклонений нет",
      "нет",
      "-",
      "—",
      " – ",
      "Отклонений по данному направлению нет.",
      "без отклонений",
      "Отклонения отсутствуют",
    ]) {
      expect(reasonSaysNone(s), s).toBe(true);
    }
    for (const s of [
      "Болезнь педагога-психолога",
      "Причина отклонений – в длительной болезни педагога-психолога",
      "Свободных помещений нет в расписании школы из-за ремонта",
    ]) {
      expect(reasonSaysNone(s), s).toBe(false);
    }
  });

  it("actionSaysNone", () => {
    for (const s of ["-", "нет", "Управленческие решения не понадобились", "не требуется"])
      expect(actionSaysNone(s), s).toBe(true);
    for (const s of ["Письма руководителям ШНОР", "Занятия перенесены на сентябрь"])
      expect(actionSaysNone(s), s).toBe(false);
  });

  it("surnameInitialsKey compares names as «Фамилия И.О.»", () => {
    const key = surnameInitialsKey("Иванова Анна Петровна");
    for (const s of ["Иванова А.П.", "Иванова А. П.", "  иванова  анна  петровна ", "А.П. Иванова", "ИВАНОВА А.П"])
      expect(surnameInitialsKey(s), s).toBe(key);
    for (const s of ["Иванова А.С.", "Иванов А.П.", "Петрова А.П."]) expect(surnameInitialsKey(s), s).not.toBe(key);
  });

  it("outline numbers tolerate trailing dots, spaces and number cells", () => {
    expect(outlineKey("8.1.")).toBe("8.1");
    expect(outlineKey(" 8.1.3 ")).toBe("8.1.3");
    expect(outlineKey("8,1")).toBe("8.1");
    expect(outlineKey("2.10")).toBe("2.10");
    expect(outlineKey("а)")).toBeNull();
    expect(taskRefs("Задача № 1, 3")).toEqual(["1", "3"]);
    expect(taskRefs("1 и 2")).toEqual(["1", "2"]);
  });

  it("organisations are found with or without their legal form, unless that is ambiguous", () => {
    expect(orgCoreKey("МОУ «СОШ № 4»")).toBe(orgCoreKey("СОШ №4"));
    expect(orgCoreKey("МБДОУ «Детский сад № 7»")).toBe(orgCoreKey("детский сад №7"));
    const rows = [
      { row: 2, cells: { name: "МОУ «СОШ № 4»", type: "Школа-лидер", municipality: null, contact: null } },
      { row: 3, cells: { name: "МОУ «Лицей»", type: "Иное", municipality: null, contact: null } },
      { row: 4, cells: { name: "МАОУ «Лицей»", type: "Иное", municipality: null, contact: null } },
    ];
    const index = indexOrgs(rows);
    expect(index.find("СОШ №4")?.row.row).toBe(2);
    expect(index.find("мбоу сош № 4")?.row.row).toBe(2);
    expect(index.find("МАОУ «Лицей»")?.row.row).toBe(4);
    expect(index.find("Лицей")).toBeUndefined();
    expect(index.suggest("МОУ «СОШ № 44»")).toBe("МОУ «СОШ № 4»");
  });
});

import { describe, expect, it } from "vitest";
import {
  countWithNoun,
  initials,
  monthRangeSince,
  monthSpan,
  orgTypeCount,
  participantsInWords,
  periodInWords,
  periodPrepositional,
  plural,
  splitPositionAndName,
} from "../../src/core/russian.js";

const LESSON = ["занятие", "занятия", "занятий"] as const;

describe("plural", () => {
  it.each([
    [1, "занятие"],
    [2, "занятия"],
    [4, "занятия"],
    [5, "занятий"],
    [11, "занятий"],
    [12, "занятий"],
    [14, "занятий"],
    [21, "занятие"],
    [22, "занятия"],
    [25, "занятий"],
    [101, "занятие"],
    [111, "занятий"],
    [0, "занятий"],
  ])("%i → %s", (n, word) => {
    expect(plural(n, LESSON)).toBe(word);
  });

  it("writes counts with the noun and a decimal comma", () => {
    expect(countWithNoun(5, LESSON)).toBe("5 занятий");
    expect(countWithNoun(1, LESSON)).toBe("1 занятие");
    expect(countWithNoun(1.5, LESSON)).toBe("1,5 занятия");
  });
});

describe("initials", () => {
  it.each([
    ["Ракитина Людмила Вадимовна", "Л.В. Ракитина"],
    ["  Кленова   Марина  Игоревна ", "М.И. Кленова"],
    ["Сосновская-Белая Ольга Петровна", "О.П. Сосновская-Белая"],
    ["Иванова А.П.", "А.П. Иванова"],
    ["Иванова А. П.", "А.П. Иванова"],
    ["А.П. Иванова", "А.П. Иванова"],
    ["Грабова Анна-Мария Сергеевна", "А.-М.С. Грабова"],
    ["Грабова Анна", "А. Грабова"],
    ["грабова анна сергеевна", "А.С. грабова"],
    ["Грабова", "Грабова"],
    ["", ""],
  ])("%s → %s", (full, short) => {
    expect(initials(full)).toBe(short);
  });
});

describe("month ranges", () => {
  it("writes the whole project span as the form does", () => {
    expect(monthRangeSince("2021-01-01", "2023-05-31")).toBe("с января 2021 по май 2023 года");
    expect(monthRangeSince("2020-09-01", "2021-08-31")).toBe("с сентября 2020 по август 2021 года");
  });

  it("writes stage spans within one year, across years and in one month", () => {
    expect(monthSpan("2021-01-01", "2021-09-30")).toBe("январь – сентябрь 2021 года");
    expect(monthSpan("2021-10-01", "2022-12-31")).toBe("октябрь 2021 – декабрь 2022 года");
    expect(monthSpan("2022-03-01", "2022-03-31")).toBe("март 2022 года");
  });
});

describe("period in words", () => {
  it("reads what the user wrote when no parsed period is available", () => {
    expect(periodInWords(null, "2022")).toBe("2022 год");
    expect(periodInWords(null, "2022 г.")).toBe("2022 год");
    expect(periodInWords(null, "2019-2020 учебный год")).toBe("2019-2020 учебный год");
    expect(periodInWords(null, "2019 – 2020 уч. г.")).toBe("2019-2020 учебный год");
    expect(periodInWords(null, "первое полугодие")).toBe("первое полугодие");
  });

  it("uses the parsed period for explicit ranges", () => {
    const period = { start: "2020-09-01", end: "2021-08-31", label: "01.09.2020-31.08.2021", kind: "range" as const };
    expect(periodInWords(period, "01.09.2020-31.08.2021")).toBe("период с 01.09.2020 по 31.08.2021");
    expect(periodPrepositional(period, "")).toBe("в период с 01.09.2020 по 31.08.2021");
  });

  it("puts the period after «в»", () => {
    expect(periodPrepositional(null, "2022")).toBe("в 2022 году");
    expect(periodPrepositional(null, "2019-2020 учебный год")).toBe("в 2019-2020 учебном году");
  });
});

describe("participants in words", () => {
  it("counts organisation types with correct plural forms", () => {
    expect(orgTypeCount("Школа с НОР", 1)).toBe("1 школа с НОР");
    expect(orgTypeCount("Школа с НОР", 8)).toBe("8 школ с НОР");
    expect(orgTypeCount("Школа-лидер", 3)).toBe("3 школы-лидера");
    expect(orgTypeCount("Школа-лидер", 5)).toBe("5 школ-лидеров");
    expect(orgTypeCount("Школа-лидер", 21)).toBe("21 школа-лидер");
    expect(orgTypeCount("Стажировочная площадка", 2)).toBe("2 стажировочные площадки");
  });

  it("joins organisations and people as the spec example", () => {
    expect(
      participantsInWords(
        [
          { name: "Школа с НОР", count: 8 },
          { name: "Школа-лидер", count: 3 },
        ],
        [
          { name: "Педагоги", count: 27 },
          { name: "Специалисты (психологи и др.)", count: 2 },
          { name: "Родители", count: 0 },
        ],
      ),
    ).toBe("8 школ с НОР, 3 школы-лидера; педагогов — 27, психологов — 2");
    expect(participantsInWords([], [{ name: "Родители", count: 40 }])).toBe("родителей — 40");
    expect(participantsInWords([], [])).toBe("");
  });
});

describe("wholePercent / formatPercent", () => {
  it("rounds to the nearest percent but never shows an incomplete share as 100 % or a started one as 0 %", async () => {
    const { formatPercent, wholePercent } = await import("../../src/core/percent.js");
    expect(formatPercent(8 / 11)).toBe("73 %");
    expect(wholePercent(0.996)).toBe(99);
    expect(wholePercent(1)).toBe(100);
    expect(wholePercent(0.001)).toBe(1);
    expect(wholePercent(0)).toBe(0);
    expect(wholePercent(Number.NaN)).toBe(0);
    expect(formatPercent(null)).toBe("—");
    const { percentOf } = await import("../../src/core/percent.js");
    expect(percentOf(8 / 11, 1)).toBe(72.7);
    expect(percentOf(0.9996, 1)).toBe(99.9);
    expect(percentOf(0.0001, 1)).toBe(0.1);
  });
});

describe("orgNameGenitive", () => {
  it("declines the legal form for «на базе …» and keeps the proper name as written", async () => {
    const { orgNameGenitive } = await import("../../src/core/russian.js");
    expect(
      orgNameGenitive("Муниципальное общеобразовательное учреждение «Средняя общеобразовательная школа № 4»"),
    ).toBe("муниципального общеобразовательного учреждения «Средняя общеобразовательная школа № 4»");
    expect(
      orgNameGenitive(
        "Муниципальное образовательное учреждение дополнительного образования «Центр развития образования»",
      ),
    ).toBe("муниципального образовательного учреждения дополнительного образования «Центр развития образования»");
    expect(orgNameGenitive("Муниципальная бюджетная общеобразовательная организация «Лицей № 2»")).toBe(
      "муниципальной бюджетной общеобразовательной организации «Лицей № 2»",
    );
    expect(orgNameGenitive("Средняя школа № 1")).toBe("средней школы № 1");
    expect(orgNameGenitive("Городской методический центр")).toBe("городского методического центра");
  });

  it("leaves abbreviations and names it cannot read unchanged", async () => {
    const { orgNameGenitive } = await import("../../src/core/russian.js");
    expect(orgNameGenitive("МОУ «СОШ № 4»")).toBe("МОУ «СОШ № 4»");
    expect(orgNameGenitive("«Лесновская школа»")).toBe("«Лесновская школа»");
    expect(orgNameGenitive("")).toBe("");
  });
});

describe("splitPositionAndName (the approval block)", () => {
  it("takes the name off the end of the approver field in any common order", () => {
    expect(splitPositionAndName("Председатель комитета образования Ю.Н. Рябинин")).toEqual({
      position: "Председатель комитета образования",
      name: "Ю.Н. Рябинин",
    });
    expect(splitPositionAndName("Председатель комитета  образования Ю. Н. Рябинин")).toEqual({
      position: "Председатель комитета образования",
      name: "Ю.Н. Рябинин",
    });
    expect(splitPositionAndName("Председатель комитета образования Рябинин Ю.Н.")).toEqual({
      position: "Председатель комитета образования",
      name: "Ю.Н. Рябинин",
    });
    expect(splitPositionAndName("Председатель комитета образования Рябинин Юрий Николаевич")).toEqual({
      position: "Председатель комитета образования",
      name: "Ю.Н. Рябинин",
    });
    expect(splitPositionAndName("Ю.Н. Рябинин")).toEqual({ position: "", name: "Ю.Н. Рябинин" });
    // No recognisable name: all of it is the position.
    expect(splitPositionAndName("Председатель комитета образования")).toEqual({
      position: "Председатель комитета образования",
      name: "",
    });
  });
});

/** Forms as data: the engine, the two shipped forms against the report vocabulary, and what the builder does for every form. */
import { describe, expect, it } from "vitest";
import { errorCell } from "../../src/core/grid.js";
import { buildReport, reportContextOf } from "../../src/core/report/build.js";
import {
  type FormDefinition,
  type Vocabulary,
  f,
  flattenNodes,
  formSkeleton,
  missingContent,
  renderForm,
} from "../../src/core/report/forms/engine.js";
import { DEFAULT_FORM, KIROVSKY, NOVOKUZNETSK, REPORT_FORMS, formOf } from "../../src/core/report/forms/index.js";
import { nextPeriod } from "../../src/core/report/forms/periods.js";
import { REPORT_VOCABULARY, actLine, instrumentalDocument } from "../../src/core/report/forms/report-vocabulary.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { sampleGrid, sampleReportDate } from "../../src/demo/sample.js";
import { type DocModel, blockText } from "../../src/core/report/model.js";
import { ENUMS } from "../../src/core/schema.js";
import { parsePeriod } from "../../src/core/terms/index.js";
import { FIXTURE_DATA, fixtureResult } from "./fixture.js";

const text = (m: DocModel): string => m.blocks.flatMap(blockText).join("\n");
function model(result = fixtureResult(), form?: FormDefinition): DocModel {
  const built = buildReport(result, form ? { form } : {});
  if (built.kind !== "document") throw new Error("expected a document");
  return built.model;
}

describe("form definitions", () => {
  it("one definition per name of the «Форма отчёта» list, the first the default", () => {
    expect(REPORT_FORMS.map((form) => form.name)).toEqual([...ENUMS.reportForm]);
    expect(DEFAULT_FORM).toBe(KIROVSKY);
    expect(new Set(REPORT_FORMS.map((form) => form.id)).size).toBe(REPORT_FORMS.length);
  });

  it("every content id and placeholder a form uses is in the report vocabulary", () => {
    const ctx = reportContextOf(fixtureResult());
    for (const form of REPORT_FORMS) expect(missingContent(form, REPORT_VOCABULARY, ctx), form.name).toEqual([]);
  });

  it("Настройки → «Форма отчёта» picks the form; empty or unknown is the default", () => {
    const withForm = (value: string) =>
      fixtureResult({ settings: { ...(FIXTURE_DATA.settings as object), report_form: value } } as never);
    expect(formOf(withForm("Новокузнецк").workbook)).toBe(NOVOKUZNETSK);
    expect(formOf(withForm("новокузнецк").workbook)).toBe(NOVOKUZNETSK);
    expect(formOf(withForm("").workbook)).toBe(KIROVSKY);
    expect(formOf(withForm("Тверь").workbook)).toBe(KIROVSKY);
    expect(model(withForm("Новокузнецк")).form).toBe("novokuznetsk");
  });

  it("the Новокузнецк report follows its form in order and has nothing of the other form", () => {
    const m = model(fixtureResult(), NOVOKUZNETSK);
    const headings = m.blocks.filter((b) => b.type === "heading").map((b) => (b as { text: string }).text);
    expect(headings).toEqual(
      formSkeleton(NOVOKUZNETSK, REPORT_VOCABULARY, reportContextOf(fixtureResult())).filter(
        (h) => !h.startsWith("Научный") && !h.startsWith("Руководитель"),
      ),
    );
    const order = [
      "1. Общие сведения",
      "2. Информационно-аналитическая справка",
      "Управление инновационной деятельностью",
      "Содержание деятельности",
      "Результаты и продукты",
      "Обобщение и распространение",
      "Мероприятия, организованные",
      "Участие в конкурсном движении",
      "ИТОГО за учебный год:",
      "Выявленные затруднения",
      "Общий вывод",
      "Описание эффектов:",
      "Перечень материалов",
      "3. Кадровое обеспечение проекта",
      "а) управление",
      "б) реализация",
      "в) повышение квалификации",
      "Приложение",
      "Календарный план реализации инновационного проекта на 2022 год",
    ];
    let from = 0;
    for (const prefix of order) {
      const at = headings.findIndex((h, i) => i >= from && h.startsWith(prefix));
      expect(at, prefix).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
    const all = text(m);
    for (const n of ["1)", "2)", "3)", "4)", "5)", "6)", "7)"]) expect(all).toContain(`\n${n} `);
    for (const foreign of ["2.8.", "3.1.", "4. Эффективность", "5.1.", "6.1.", "ИОД МИП"])
      expect(all).not.toContain(foreign);
    expect(m.blocks.find((b) => b.type === "title")).toEqual({
      type: "title",
      lines: [
        "ПРОМЕЖУТОЧНЫЙ ОТЧЕТ",
        "о деятельности муниципальной инновационной площадки в сфере образования города Новокузнецка в 2022 году",
        "(статус МИП присвоен распоряжением комитета образования от 15.01.2021 №\u00a020-р)",
      ],
    });
  });

  it("Новокузнецк: the consultant signs; without a consultant, the leader", () => {
    const signed = (m: DocModel) => m.blocks.filter((b) => b.type === "signature").map((b) => blockText(b)[0]);
    const general = { ...(FIXTURE_DATA.general as object), consultant: "Лебедев Андрей Павлович, канд. пед. наук" };
    expect(signed(model(fixtureResult({ general } as never), NOVOKUZNETSK))).toEqual([
      "Научный консультант ______________ А.П.\u00a0Лебедев",
    ]);
    expect(signed(model(fixtureResult(), NOVOKUZNETSK))).toEqual([
      "Руководитель муниципальной инновационной площадки ______________ М.И.\u00a0Кленова",
    ]);
  });

  it("a third region's form is one more definition: the builder draws it as it stands", () => {
    const third: FormDefinition = {
      id: "third",
      name: "Третий регион",
      nodes: [
        f.title("{reportKind}", "за {periodWords}"),
        f.h1("I. Тема"),
        f.field("Тема проекта", "topic"),
        f.when("hasPlan", f.h2("II. План")),
        f.signature("Директор", "{leaderInitials}"),
      ],
    };
    const m = model(fixtureResult(), third);
    expect(m.form).toBe("third");
    expect(m.blocks.flatMap(blockText)).toEqual([
      "ПРОМЕЖУТОЧНЫЙ ОТЧЕТ",
      "за 2022 год",
      "I. Тема",
      "Тема проекта: Сетевое наставничество школ с разными образовательными результатами",
      "II. План",
      "Директор ______________ М.И.\u00a0Кленова",
    ]);
  });

  it("the engine serves any document: a vocabulary over another context, unknown ids refused", () => {
    interface Note {
      readonly school: string;
      readonly rows: readonly { readonly name: string; readonly n: number }[];
    }
    const vocabulary: Vocabulary<Note> = {
      vars: (c) => ({ school: c.school }),
      values: { count: (c) => String(c.rows.length) },
      blocks: {},
      rows: { schools: (c) => c.rows.map((r) => ({ name: r.name, n: String(r.n) })) },
      conditions: { any: (c) => c.rows.length > 0 },
    };
    const spravka: FormDefinition = {
      id: "spravka",
      name: "Справка",
      nodes: [
        f.h1("Справка о {school}"),
        f.field("Школ", "count"),
        f.when("any", f.table("schools", [f.col("Школа", "name", 3), f.col("Ошибок", "n", 1, "center")])),
      ],
    };
    const blocks = renderForm(spravka, vocabulary, { school: "районе", rows: [{ name: "СОШ 1", n: 2 }] });
    expect(blocks.flatMap(blockText)).toEqual(["Справка о районе", "Школ: 1", "Школа | Ошибок", "СОШ 1 | 2"]);
    expect(() =>
      renderForm({ ...spravka, nodes: [f.field("x", "nope")] }, vocabulary, { school: "", rows: [] }),
    ).toThrow(/unknown value «nope»/);
    expect(() => renderForm({ ...spravka, nodes: [f.h1("{nope}")] }, vocabulary, { school: "", rows: [] })).toThrow(
      /unknown placeholder/,
    );
    expect(flattenNodes(spravka.nodes)).toHaveLength(4);
  });
});

describe("periods and stages as the forms have them", () => {
  it("the period after an academic year is the next academic year", () => {
    expect(nextPeriod(parsePeriod("2019-2020 учебный год"))?.nominative).toBe("2020-2021 учебный год");
    expect(nextPeriod(parsePeriod("2022"))?.prepositional).toBe("в 2023 году");
    expect(nextPeriod(parsePeriod("01.09.2020-31.08.2021"))?.nominative).toBe("2021-2022 учебный год");
    expect(nextPeriod(null)).toBeNull();
  });

  it("a project whose tab holds only its current stage is not «реализуется в 1 этап»", () => {
    const only = fixtureResult({
      stages: [
        {
          no: 2,
          name: "практический",
          start: "октябрь 2021",
          end: "декабрь 2022",
          tasks: "Работа наставников",
          results: "",
        },
      ],
    } as never);
    const t = text(model(only));
    expect(t).not.toMatch(/реализуется в \d/);
    expect(t).toContain("2 этап – практический, октябрь 2021 – декабрь 2022 года.");
    expect(text(model())).toContain("Проект реализуется в 3 этапа");
    // Новокузнецк prints one «Этап»: the current one, from the stages when not typed.
    expect(text(model(only, NOVOKUZNETSK))).toContain("Этап: 2 этап – практический (октябрь 2021 – декабрь 2022 года)");
  });

  it("Кировский 2.8 names each act with its issuer as the real report does; an empty issuer leaves no gap", () => {
    const base = { kind: "Распоряжение", date: "20.10.2021", number: "964-р", title: "О реализации проекта" };
    expect(actLine({ ...base, issuer: "комитета  образования " })).toBe(
      "Распоряжение комитета образования от 20.10.2021 г. №964-р «О реализации проекта»",
    );
    expect(actLine({ ...base, issuer: "", number: "№ 964-р" })).toBe(
      "Распоряжение от 20.10.2021 г. №964-р «О реализации проекта»",
    );
    expect(actLine({ ...base, issuer: "", date: "", number: "" })).toBe("Распоряжение «О реализации проекта»");
    // The demo's orders, read from its «Документы» tab.
    const demo = text(model(validateWorkbook(sampleGrid(), { today: sampleReportDate })));
    expect(demo.replace(/\u00a0/g, " ")).toContain(
      "1. Распоряжение комитета образования от 25.01.2021 г. №312-р «О присвоении статуса муниципальной " +
        "инновационной площадки»",
    );
    expect(demo).toContain("Приказ МОУ ДО «Центр развития образования» от 21.02.2022");
  });

  it("the status order reads «присвоен приказом …»", () => {
    expect(instrumentalDocument("Приказ КОиН от 12.03.2019 № 456")).toBe("приказом КОиН от 12.03.2019 №\u00a0456");
    expect(instrumentalDocument("распоряжение от 01.02.2020")).toBe("распоряжением от 01.02.2020");
  });
});

describe("a value the validator could not read is never printed", () => {
  it("«#REF!» as a mentor or in the organisation's name, and formula text, print as «—»", () => {
    const mentoring = [
      {
        no: 1,
        mentor: errorCell("#REF!"),
        mentor_org: "МОУ «Берёзовская СОШ»",
        subject: "Математика",
        mentee: "Тополев Игорь Ильич",
        mentee_org: "МОУ «Ольховская СОШ»",
        status: "Активна",
      },
      {
        no: 2,
        mentor: "#N/A",
        mentor_org: "=ВПР(A2;Организации!A:A;1;0)",
        subject: "Физика",
        mentee: "Вязова Елена Олеговна",
        mentee_org: "МОУ «Ивовая ООШ»",
        status: "Активна",
      },
    ];
    const general = { ...(FIXTURE_DATA.general as object), org_full_name: errorCell("#REF!"), topic: "=A1" };
    for (const form of REPORT_FORMS) {
      const t = text(model(fixtureResult({ mentoring, general } as never), form));
      expect(t, form.name).not.toMatch(/#REF!|#N\/A|=ВПР|=A1/);
    }
    // A text that merely starts with «=» in words is text.
    expect(
      text(
        model(
          fixtureResult({ general: { ...(FIXTURE_DATA.general as object), goal: "= 5 баллов по шкале" } } as never),
        ),
      ),
    ).toContain("= 5 баллов по шкале");
  });
});

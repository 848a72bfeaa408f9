import { describe, expect, it } from "vitest";
import { type Issue, say } from "../../src/core/issues.js";
import {
  buildReport,
  buildReportModel,
  firstFreeName,
  reportFileName,
  safeFileName,
} from "../../src/core/report/build.js";
import {
  type Block,
  type DocModel,
  type TableBlock,
  blockText,
  cellPlainText,
  isCaption,
  isEmptyText,
} from "../../src/core/report/model.js";
import type { ValidationResult } from "../../src/core/validate.js";
import { NOVOKUZNETSK } from "../../src/core/report/forms/index.js";
import { FIXTURE_DATA, FIXTURE_TOTALS, fixtureResult, fixtureValidated } from "./fixture.js";

function model(result: ValidationResult = fixtureResult(), form?: typeof NOVOKUZNETSK): DocModel {
  const built = buildReport(result, form ? { form } : {});
  if (built.kind !== "document") throw new Error("expected a document");
  return built.model;
}

const headings = (m: DocModel): string[] =>
  m.blocks.filter((b) => b.type === "heading").map((b) => (b as { text: string }).text);

/** The first table after the heading that starts with `prefix` (optionally the n-th one). */
function tableAfter(m: DocModel, prefix: string, nth = 0): TableBlock {
  // A heading or a caption (a paragraph in bold) leads the table.
  const at = m.blocks.findIndex(
    (b) => (b.type === "heading" || (b.type === "paragraph" && isCaption(b))) && blockText(b)[0]!.startsWith(prefix),
  );
  expect(at, `heading ${prefix}`).toBeGreaterThanOrEqual(0);
  const tables = m.blocks.slice(at + 1).filter((b): b is TableBlock => b.type === "table");
  return tables[nth]!;
}

const rowsText = (t: TableBlock): string[][] => t.rows.map((r) => r.map(cellPlainText));
const headers = (t: TableBlock): string[] => t.columns.map((c) => c.header);
const allText = (m: DocModel): string => m.blocks.flatMap(blockText).join("\n");

function withIssues(result: ValidationResult, issues: Issue[]): ValidationResult {
  return { ...result, issues: [...result.issues, ...issues] };
}

const ERROR: Issue = {
  rule: "PLAN_DEVIATION_ACTION_MISSING",
  severity: "error",
  sheet: "План-факт",
  row: 7,
  column: "Управленческие действия",
  cell: "L7",
  message: say("PLAN_DEVIATION_ACTION_MISSING", "empty", { row: 7, status: "Не выполнено" }).message,
};

describe("report model: order of the official form", () => {
  it("has the title and every section of the form in order, ending with its 6.1 and the signature (no approval: the form has none)", () => {
    const m = model();
    expect(m.blocks.some((b) => b.type === "approval")).toBe(false);
    expect(m.blocks[0]).toEqual({
      type: "title",
      lines: [
        "ПРОМЕЖУТОЧНЫЙ ОТЧЕТ",
        `о деятельности муниципальной инновационной площадки на ` +
          `базе ${FIXTURE_DATA.general!["org_full_name" as never]} за 2022 год`,
      ],
    });
    const h = headings(m);
    const expected = [
      "1. Общие сведения",
      "2. Информация об организации",
      "2.3. Задачи",
      "2.4. Этапы",
      "2.5. Краткая характеристика",
      "2.6. Этапы ИОД, пришедшиеся на 2022 год",
      "2.7. Содержание деятельности",
      "2.8. Управление",
      "3. Сведения о результатах",
      "3.1. Реализация",
      "3.2. Обобщение и распространение опыта работы по реализации ИОД на различных уровнях в 2022 году",
      "3.3. Мероприятия, проводимые в 2022 году в рамках работы МИП внутри МОУ «Берёзовская СОШ»",
      "3.4. Участие в конкурсном движении",
      "4. Эффективность деятельности МИП",
      "4.1. Эффекты",
      "4.2. Практическая значимость",
      "4.3. Общий вывод",
      "5. Прогноз развития",
      "5.1. Срок действия МИП",
      "5.2. Основные задачи",
      "6. Предложения по распространению",
      "6.1. Предложения МИП по диссеминации",
    ];
    let from = 0;
    for (const prefix of expected) {
      const at = h.findIndex((text, i) => i >= from && text.startsWith(prefix));
      expect(at, `«${prefix}» after position ${from}`).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
    // The form stops at its own 6.1: nothing of the other form (ИТОГО, затруднения, кадры) follows.
    expect(h.at(-1)).toMatch(/^6\.1\. /);
    for (const foreign of ["ИТОГО", "Затруднения", "Кадровое обеспечение", "3.5."])
      expect(h.some((t) => t.includes(foreign))).toBe(false);
    // The form's signature: the organisation's type, no signature line, the name in brackets.
    expect(m.blocks.at(-1)).toEqual({
      type: "signature",
      left: "Руководитель МОУ (МИП)",
      name: "(М.И.\u00a0Кленова)",
      line: false,
    });
    expect(m.title).toBe("Отчёт МИП — МОУ «Берёзовская СОШ» — 2022");
    expect(m.draft).toBe(false);
  });

  it("Новокузнецк: «Утверждаю» with the position, the blank and the name held together", () => {
    const m = model(fixtureResult(), NOVOKUZNETSK);
    expect(m.blocks[0]).toEqual({
      type: "approval",
      lines: ["Утверждаю", "Председатель комитета образования", "______________\u00a0Ю.Н.\u00a0Рябинин"],
    });
  });

  it("omits the approval block without an approver and titles a final report «ИТОГОВЫЙ ОТЧЕТ»", () => {
    const m = model(fixtureResult({ general: { ...FIXTURE_DATA.general, approver: "", report_type: "Итоговый" } }));
    expect(m.blocks[0]?.type).toBe("title");
    expect(blockText(m.blocks[0]!)[0]).toBe("ИТОГОВЫЙ ОТЧЕТ");
  });

  it("writes participants in words from Организации and Участники, and the general fields under their items", () => {
    const text = allText(model());
    expect(text).toContain("3 школы с НОР, 2 школы-лидера, 1 центр диагностики; педагогов — 27, психологов — 2");
    // Each numbered item is a heading with the school's text under it (one style per item level).
    expect(text).toContain(
      "1.1. Руководитель муниципальной инновационной площадки (далее – МИП)\nКленова  Марина Игоревна, директор",
    );
    expect(text).toContain("1.4. Наличие организации-партнёра МИП и её основные функции\nнет");
    // The form has no consultant, address or status lines: none is printed, not even as «—».
    expect(text).not.toContain("Научный консультант");
    expect(text).not.toContain("berezovka@example.ru");
  });

  it("numbers the tasks and lists the stages", () => {
    const m = model();
    const tasks = m.blocks.find((b) => b.type === "list")!;
    expect(blockText(tasks)).toEqual([
      "1. Диагностика факторов, влияющих на качество образования",
      "2. Организация наставничества по предметам",
      "3. Создание среды, поддерживающей качественное обучение",
    ]);
    // Stage months are read by the shared terms reader («январь 2021» → 2021-01-01 …).
    expect(allText(m)).toContain("Проект реализуется в 3 этапа с января 2021 по май 2023 года.");
    expect(allText(m)).toContain("1 этап – подготовительный, январь – сентябрь 2021 года;");
    expect(allText(m)).toContain("2 этап – практический, октябрь 2021 – декабрь 2022 года;");
    expect(allText(m)).toContain("3 этап – обобщающий, январь – май 2023 года.");
    // 2.6 lists only the stage that overlaps 2022; 2.5 only the completed stage with results.
    expect(allText(m)).toContain("2 этап – практический, октябрь 2021 – декабрь 2022 года: Работа наставников");
    expect(allText(m)).not.toContain("3 этап – обобщающий, январь – май 2023 года: Обобщение опыта");
    expect(allText(m)).toContain("По итогам 1-го этапа:\nСозданы положения и договоры");
  });
});

/** Lines of the blocks between the heading starting with `from` and the next heading of level ≤ 2. */
function sectionLines(m: DocModel, from: string): string[] {
  const at = m.blocks.findIndex((b) => b.type === "heading" && b.text.startsWith(from));
  expect(at, `heading ${from}`).toBeGreaterThanOrEqual(0);
  const rest = m.blocks.slice(at + 1);
  const end = rest.findIndex((b) => b.type === "heading" && b.level <= 2);
  return (end < 0 ? rest : rest.slice(0, end)).flatMap(blockText);
}

/**
 * The style of an item of the form: a heading of its level, or a paragraph that starts in bold
 * (a caption, or the form's wording run in before the school's text).
 */
function itemStyles(m: DocModel): Map<string, Set<string>> {
  const kinds: [string, RegExp][] = [
    ["1.", /^\d+\.\s/u],
    ["1.1.", /^\d+\.\d+\.\s/u],
    ["1)", /^\d+\)\s/u],
    ["а)", /^[а-я]\)\s/u],
  ];
  const styles = new Map<string, Set<string>>();
  for (const block of m.blocks) {
    const style =
      block.type === "heading"
        ? `heading ${block.level}`
        : block.type === "paragraph" && block.runs[0]?.bold
          ? "bold lead"
          : null;
    if (!style) continue;
    const text = blockText(block)[0]!;
    const kind = kinds.find(([, pattern]) => pattern.test(text))?.[0] ?? "unnumbered";
    // Unnumbered headings of levels 1 and 2 are the form's own items («Приложение», Новокузнецк's
    // «Управление …»); below them, the captions.
    const key = kind === "unnumbered" ? (style.startsWith("heading") && !style.endsWith("3") ? null : kind) : kind;
    if (!key) continue;
    if (!styles.has(key)) styles.set(key, new Set());
    styles.get(key)!.add(style);
  }
  return styles;
}

describe("report model: one style per item level, as in the real documents", () => {
  it("Кировский: items «N.» and «N.N.» are headings, every caption under them a bold paragraph", () => {
    const styles = itemStyles(model());
    expect(styles.get("1.")).toEqual(new Set(["heading 1"]));
    expect(styles.get("1.1.")).toEqual(new Set(["heading 2"]));
    // «По итогам 1-го этапа:», «Сетевое наставничество», «Наставнические пары, которые не состоялись …».
    expect(styles.get("unnumbered")).toEqual(new Set(["bold lead"]));
  });

  it("Новокузнецк: «N.» headings, «N.N.» and «N)» run in, «а)» sub-headings — one style each", () => {
    const styles = itemStyles(model(fixtureResult(), NOVOKUZNETSK));
    expect(styles.get("1.")).toEqual(new Set(["heading 1"]));
    expect(styles.get("1.1.")).toEqual(new Set(["bold lead"]));
    expect(styles.get("1)")).toEqual(new Set(["bold lead"]));
    expect(styles.get("а)")).toEqual(new Set(["heading 3"]));
    expect(styles.get("unnumbered")).toEqual(new Set(["bold lead"]));
  });
});

describe("report model: section 5 names the next year", () => {
  it("from the reporting period's end, as the form asks", () => {
    const h = headings(model());
    expect(h).toContain(
      "5.1. Срок действия МИП. Планируется ли продление действия МИП на 2023 год? (дать обоснование)",
    );
    expect(h).toContain(
      "5.2. Основные задачи и направления ИОД МИП в 2023 году (при необходимости продолжения работы МОУ в качестве МИП)",
    );
    // After an academic year comes the next academic year, never a calendar year.
    const school = headings(
      model(fixtureResult({ general: { ...FIXTURE_DATA.general, period: "2022/2023 учебный год" } })),
    );
    expect(school.find((t) => t.startsWith("5.2."))).toMatch(
      /^5\.2\. Основные задачи и направления ИОД МИП в 2023-2024 учебном году \(/u,
    );
    const old = headings(
      model(fixtureResult({ general: { ...FIXTURE_DATA.general, period: "2019-2020 учебный год" } })),
    );
    expect(old.find((t) => t.startsWith("5.1."))).toBe(
      "5.1. Срок действия МИП. Планируется ли продление действия МИП на 2020-2021 учебный год? (дать обоснование)",
    );
    expect(old.join("\n")).not.toContain("2021 год");
    const range = headings(
      model(fixtureResult({ general: { ...FIXTURE_DATA.general, period: "01.09.2020-31.08.2021" } })),
    );
    expect(range.find((t) => t.startsWith("5.2."))).toMatch(
      /^5\.2\. Основные задачи и направления ИОД МИП в 2021-2022 учебном году \(/u,
    );
    const unknown = headings(model(fixtureResult({ general: { ...FIXTURE_DATA.general, period: "когда-то" } })));
    expect(unknown.find((t) => t.startsWith("5.1."))).toBe(
      "5.1. Срок действия МИП. Планируется ли продление действия МИП на следующий год? (дать обоснование)",
    );
  });
});

describe("report model: 2.5 completed stages", () => {
  it("writes stages as the form does: «1 этап – подготовительный», «По итогам 1-го этапа:»", () => {
    const m = model(
      fixtureResult({
        stages: [
          {
            no: 1,
            name: "Подготовительный",
            start: "январь 2021",
            end: "сентябрь 2021",
            tasks: "Нормативная база",
            results: "Созданы положения",
          },
          {
            no: 2,
            name: "ИОД-практикум",
            start: "октябрь 2021",
            end: "декабрь 2022",
            tasks: "Работа наставников",
            results: "",
          },
        ],
      }),
    );
    const text = allText(m);
    expect(text).toContain("1 этап – подготовительный, январь – сентябрь 2021 года;");
    expect(text).toContain("2 этап – ИОД-практикум, октябрь 2021 – декабрь 2022 года.");
    expect(sectionLines(m, "2.5.")).toEqual(["По итогам 1-го этапа:", "Созданы положения"]);
    expect(text).toContain("2 этап – ИОД-практикум, октябрь 2021 – декабрь 2022 года: Работа наставников");
    expect(text).not.toContain("Подготовительный");
  });

  const stage = (no: number, end: string, results: string) => ({
    no,
    name: `этап ${no}`,
    start: "январь 2021",
    end,
    tasks: "",
    results,
  });

  it("lists every stage that ended by the report date, «—» when its results are empty; not the ones still running", () => {
    const m = model(
      fixtureResult({
        stages: [
          stage(1, "май 2021", "Созданы положения"),
          stage(2, "сентябрь 2022", ""),
          stage(3, "декабрь 2022", "Ещё идёт"),
          // An end that cannot be read: complete only when results are written.
          stage(4, "", ""),
          stage(5, "", "Итоги без даты"),
        ],
      }),
    );
    const lines = sectionLines(m, "2.5.");
    expect(lines.filter((l) => l.startsWith("По итогам"))).toHaveLength(3);
    expect(lines.join("\n")).toContain("Созданы положения");
    const second = lines.findIndex((l) => l.startsWith("По итогам 2-го этапа"));
    expect(second).toBeGreaterThanOrEqual(0);
    expect(lines[second + 1]).toBe("—");
    expect(lines.join("\n")).not.toContain("3-го этапа");
    expect(lines.join("\n")).not.toContain("4-го этапа");
    expect(lines.join("\n")).toContain("Итоги без даты");
  });
});

describe("report model: tables", () => {
  it("2.7 plan-versus-fact has the form's five columns and one row per plan row", () => {
    const t = tableAfter(model(), "2.7.");
    expect(headers(t)).toEqual([
      "№ п/п",
      "Перечень запланированных мероприятий",
      "Фактическое содержание проделанной за 2022 год работы",
      "Причины отклонения от запланированного",
      "Управленческие действия по корректировке ИОД",
    ]);
    const rows = rowsText(t);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      "2",
      "Психологическая гостиная\nСрок: Февраль-ноябрь",
      "Проведено 1 занятие\nСтатус: Выполнено частично",
      "Болезнь ведущего психолога",
      "Занятия перенесены на 2023 год",
    ]);
    // Where nothing deviated the form says so in words.
    expect(rows[0]?.[3]).toBe("Отклонений нет");
  });

  it("2.8 documents go to the table, orders to the list in the official wording", () => {
    const m = model();
    const docs = tableAfter(m, "2.8.");
    expect(headers(docs)[1]).toBe("Наименование разработанного нормативного локального акта");
    // «№» never parts from its number (a non-breaking space).
    expect(rowsText(docs)).toEqual([
      ["1", "Положение «О стажировочной площадке» (от 11.03.2021 №\u00a0364-р)", "Основа работы площадки"],
    ]);
    const text = allText(m);
    // Each act with its issuer, «г.» after the date and «№» close to the number, as the real report writes it.
    expect(text).toContain(
      "1. Распоряжение комитета образования от 05.03.2022\u00a0г. №312-р «Об утверждении плана мероприятий»",
    );
    // No issuer: left out, with no double space; «№ 45» as typed loses its space.
    expect(text).toContain("2. Приказ от 01.09.2022\u00a0г. №45 «О наставничестве»");
    // Speeches are lines of text under the form's item, not a table.
    expect(text).toContain(
      "Областное совещание, региональный уровень, тема «О наставничестве», дата – 22.06.2022, Кленова\u00a0М.И.\n",
    );
    expect(text).toContain("–\u00a0Выступления по ИОД МИП (уровень, место, тема).");
    expect(text).not.toContain("Орган управления");
  });

  it("3.1 has the form's three columns and one row per plan event, results matched by the event's words", () => {
    const m = model();
    const t = tableAfter(m, "3.1.");
    expect(headers(t)).toEqual([
      "Мероприятия в рамках реализации ИОД за отчетный период в соответствии с календарным планом-графиком",
      "Основные результаты реализации плана мероприятий в рамках реализации ИОД",
      "Результаты (продукты) за отчетный период",
    ]);
    const plan = rowsText(tableAfter(m, "2.7."));
    const rows = rowsText(t);
    expect(rows).toHaveLength(plan.length);
    expect(rows[0]?.[0]).toMatch(/^1\. /u);
    // The event the «Результаты» tab describes gets its actual result and product.
    expect(rows.find((r) => r[1] === "Педагоги освоили технологии")?.[2]).toBe("Материалы на сайте");
  });

  it("Новокузнецк: the results table has the form's four columns", () => {
    const m = model(fixtureResult(), NOVOKUZNETSK);
    const t = tableAfter(m, "Результаты и продукты");
    expect(headers(t)).toEqual([
      "Прогнозируемые результаты ИД (в соответствии с проектом)",
      "Фактически полученные результаты ИД",
      "Прогнозируемые продукты ИД (в соответствии с проектом)",
      "Фактически полученные продукты ИД",
    ]);
    expect(rowsText(t)[0]).toEqual([
      "Расширены знания",
      "Педагоги освоили технологии",
      "Материалы",
      "Материалы на сайте",
    ]);
  });

  it("mentoring: one row per mentor with distinct mentees and totals; pairs that did not take place with reasons", () => {
    const m = model();
    const mentors = tableAfter(m, "Сетевое наставничество");
    expect(headers(mentors)).toEqual([
      "№ п/п",
      "Наставник",
      "Организация наставника",
      "Предмет / направление",
      "Количество наставляемых",
      "Организации наставляемых",
    ]);
    expect(mentors.totalRow).toBe(true);
    expect(rowsText(mentors)).toEqual([
      [
        "1",
        "Грабова Анна Сергеевна",
        "МОУ «Берёзовская СОШ»",
        "Математика",
        "2",
        "МОУ «Ольховская СОШ», МОУ «Ивовая ООШ»",
      ],
      ["2", "Ясенев Пётр Андреевич", "МОУ «Кедровая СОШ»", "Физика", "1", "МОУ «Ольховская СОШ»"],
      // Тополев is mentored by two mentors: counted once in the total.
      ["", "Итого: 2 наставника", "2 организации", "2 направления", "2", "2 организации"],
    ]);
    const notHeld = tableAfter(m, "Сетевое наставничество", 1);
    expect(rowsText(notHeld)).toEqual([
      ["1", "Ольхова Вера Ивановна", "Рябинина Нина Львовна", "Химия", "Болезнь наставника"],
    ]);
  });

  it("mentoring: organisation names resolve to the «Организации» tab as the validator matches them, printed as listed", () => {
    const pair = (mentor: string, mentorOrg: string, mentee: string, menteeOrg: string) => ({
      mentor,
      mentor_org: mentorOrg,
      subject: "Математика",
      mentee,
      mentee_org: menteeOrg,
      status: "Активна",
    });
    const m = model(
      fixtureResult({
        orgs: [
          { name: "МОУ «СОШ № 4»", type: "Школа-лидер" },
          { name: "МОУ «Лесная СОШ»", type: "Школа с НОР" },
          { name: "МОУ «Речная ООШ»", type: "Школа с НОР" },
        ],
        mentoring: [
          pair("Грабова Анна Сергеевна", "МОУ «СОШ № 4»", "Тополев Игорь Ильич", "МОУ «Лесная СОШ»"),
          pair("Грабова Анна Сергеевна", "СОШ №4", "Вязова Елена Олеговна", "Лесная СОШ"),
          pair("Ясенев Пётр Андреевич", 'МОУ "СОШ №4"', "Липов Олег Ильич", "МОУ «Речная ООШ»."),
          // Not on the tab: printed as written, counted on its own.
          pair("Ясенев Пётр Андреевич", "СОШ №4", "Кедров Иван Ильич", "Гимназия № 2"),
        ],
      }),
    );
    expect(rowsText(tableAfter(m, "Сетевое наставничество"))).toEqual([
      ["1", "Грабова Анна Сергеевна", "МОУ «СОШ №\u00a04»", "Математика", "2", "МОУ «Лесная СОШ»"],
      ["2", "Ясенев Пётр Андреевич", "МОУ «СОШ №\u00a04»", "Математика", "2", "МОУ «Речная ООШ», Гимназия №\u00a02"],
      ["", "Итого: 2 наставника", "1 организация", "1 направление", "4", "3 организации"],
    ]);
  });

  it("3.4 contests has the form's six columns, level and result apart", () => {
    const t = tableAfter(model(), "3.4.");
    // The form's six columns in its own words.
    expect(headers(t)).toEqual([
      "Вид (конкурсы, фестивали, смотры и др.) и название мероприятия",
      "Уровень (международный, всероссийский, региональный, муниципальный)",
      "ФИО, должность участников (педагоги/\u200bродители/\u200bсоциальные партнеры)",
      "Представленный продукт ИОД",
      "Результативность",
      "Организационное и методическое сопровождение (ФИО, должность)",
    ]);
    expect(rowsText(t)[0]).toEqual([
      "Конкурс «Учитель года»",
      "Муниципальный",
      "Грабова\u00a0А.С., учитель",
      "—",
      "Победитель",
      "—",
    ]);
  });

  /** The lines under «ИТОГО за учебный год:» up to the next heading. */
  const totals = (m: DocModel): string[] => sectionLines(m, "ИТОГО за учебный год");

  it("Новокузнецк «ИТОГО за учебный год:» lists every level of the form, 0 included, from the validator's metrics", () => {
    const base = fixtureResult();
    const lines = totals(model({ ...base, metrics: { ...base.metrics, ...FIXTURE_TOTALS } }, NOVOKUZNETSK));
    expect(lines).toEqual([
      "Количество публикаций – 3",
      "Количество фактов участия/побед в конкурсах:",
      "Международный уровень – 0",
      "Всероссийский уровень – 0",
      "Региональный уровень – 1",
      "Муниципальный уровень – 1 (побед – 1)",
      "Количество фактов участия в конференциях:",
      "Международный уровень – 0",
      "Всероссийский уровень – 0",
      "Региональный уровень – 1",
      "Муниципальный уровень – 1",
      "Другое – мероприятия по распространению опыта: 2",
    ]);
  });

  it("«ИТОГО» agrees with the fixture's tabs when the real validator computes them; «Заявка подана» is a participation", async () => {
    const contests = [
      ...(FIXTURE_DATA.contests as Record<string, unknown>[]),
      {
        kind: "Конкурс",
        name: "Инновации",
        level: "Всероссийский",
        participants: "Творческая группа",
        result: "Заявка подана",
      },
    ];
    const lines = totals(model(await fixtureValidated({ contests } as never), NOVOKUZNETSK));
    expect(lines[0]).toBe("Количество публикаций – 3");
    expect(lines.slice(2, 6)).toEqual([
      "Международный уровень – 0",
      "Всероссийский уровень – 1",
      "Региональный уровень – 1",
      "Муниципальный уровень – 1 (побед – 1)",
    ]);
    expect(lines.slice(7, 11)).toEqual([
      "Международный уровень – 0",
      "Всероссийский уровень – 0",
      "Региональный уровень – 1",
      "Муниципальный уровень – 1",
    ]);
  });

  it("«ИТОГО» counts only publications inside the reporting period", async () => {
    const publications = [
      ...FIXTURE_DATA.publications,
      {
        authors: "Грабова А.С.",
        title: "Статья прошлого года",
        source: "Журнал",
        level: "Региональный",
        date: "12.10.2021",
      },
    ];
    expect(totals(model(await fixtureValidated({ publications } as never), NOVOKUZNETSK))[0]).toBe(
      "Количество публикаций – 3",
    );
  });

  it("Новокузнецк Кадры б): the form's rows, the partners named, the declared total printed as declared", () => {
    const general = {
      ...(FIXTURE_DATA.general as Record<string, unknown>),
      social_partners: "Библиотека им. А.С. Пушкина",
      declared_participants: ">1000",
    };
    const t = tableAfter(model(fixtureResult({ general } as never), NOVOKUZNETSK), "б) реализация");
    expect(headers(t)).toEqual([
      "Участники инновационного проекта",
      "Количество участников инновационного проекта",
      "Роль в инновационном проекте",
    ]);
    expect(t.totalRow).toBe(true);
    expect(rowsText(t)).toEqual([
      ["Педагоги", "27", "Наставники и наставляемые"],
      ["Учащиеся (воспитанники)", "—", "—"],
      ["Родители", "—", "—"],
      ["Социальные партнёры (при наличии договоров, соглашений)", "—", "Библиотека им. А.С.\u00a0Пушкина"],
      ["Специалисты (психологи и др.)", "2", "Психологическая гостиная"],
      ["Общее число участников инновационного проекта", ">1000", ""],
    ]);
    // Without a declared total: the sum of the tab (text counts included).
    expect(rowsText(tableAfter(model(fixtureResult(), NOVOKUZNETSK), "б) реализация")).at(-1)).toEqual([
      "Общее число участников инновационного проекта",
      "29",
      "",
    ]);
  });

  it("Новокузнецк Кадры а): only the management body when someone is marked «Да»", () => {
    const staff = [
      { name: "Кленова Марина Игоревна", position: "директор", role: "Руководитель", management: "Да" },
      { name: "Сосновская-Белая Ольга Петровна", position: "заместитель", role: "Координатор", management: "Нет" },
    ];
    expect(
      rowsText(tableAfter(model(fixtureResult({ staff } as never), NOVOKUZNETSK), "а) управление")).map((r) => r[0]),
    ).toEqual(["Кленова Марина Игоревна"]);
    // An older workbook marks no one: everyone is listed.
    expect(rowsText(tableAfter(model(fixtureResult(), NOVOKUZNETSK), "а) управление"))).toHaveLength(2);
  });

  it("an empty table prints one row of dashes; an empty text field prints «—»", () => {
    const m = model();
    const internal = tableAfter(m, "3.3.");
    expect(rowsText(internal)).toEqual([["—", "—", "—"]]);
    expect(internal.totalRow).toBeUndefined();
    const at = m.blocks.findIndex((b) => b.type === "heading" && b.text.startsWith("6.1."));
    expect(blockText(m.blocks[at + 1] as Block)).toEqual(["—"]);
    const empty = model(fixtureResult({ mentoring: [], participants: [] }));
    // No pairs at all: not a network project, so no mentoring summary (not even a table of dashes).
    expect(headings(empty)).not.toContain("Сетевое наставничество");
    expect(
      rowsText(tableAfter(model(fixtureResult({ problems: [] }), NOVOKUZNETSK), "Выявленные затруднения")),
    ).toEqual([["—", "—", "—"]]);
  });

  it("a lone dash typed to mean «nothing» prints «—» like an empty cell, in tables and text fields", () => {
    const plan = FIXTURE_DATA.plan.map((r, i) => (i === 1 ? { ...r, action: "-", reason: " – " } : r));
    const data = {
      plan,
      staff: [{ name: "Кленова Марина Игоревна", position: "--", role: "Руководитель МИП" }],
      general: { ...FIXTURE_DATA.general, consultant: "-" },
      conclusions: { ...FIXTURE_DATA.conclusions, proposals: "—" },
    } as never;
    const m = model(fixtureResult(data));
    const row = rowsText(tableAfter(m, "2.7."))[1]!;
    expect(row.slice(3)).toEqual(["—", "—"]);
    const other = model(fixtureResult(data), NOVOKUZNETSK);
    expect(rowsText(tableAfter(other, "а) управление"))[0]).toEqual([
      "Кленова Марина Игоревна",
      "—",
      "Руководитель МИП",
    ]);
    expect(allText(other)).toContain("1.5. Научный консультант: —");
    expect(sectionLines(m, "6.1.")[0]).toBe("—");
    // A dash inside text is text.
    expect(isEmptyText("Февраль - ноябрь")).toBe(false);
    expect(isEmptyText(" - ")).toBe(true);
  });

  it("every table row has exactly as many cells as columns", () => {
    for (const block of model().blocks) {
      if (block.type !== "table") continue;
      for (const row of block.rows) expect(row).toHaveLength(block.columns.length);
    }
  });
});

describe("draft and strict mode", () => {
  it("with errors and strict off: «ЧЕРНОВИК» in the title and an appendix listing sheet, cell and message", () => {
    const built = buildReport(withIssues(fixtureResult(), [ERROR]));
    expect(built.kind).toBe("document");
    if (built.kind !== "document") return;
    expect(built.errors).toBeGreaterThanOrEqual(1);
    expect(built.model.draft).toBe(true);
    const title = built.model.blocks.find((b) => b.type === "title");
    expect(title && blockText(title)[0]).toBe("ЧЕРНОВИК");
    const appendix = tableAfter(built.model, "Приложение");
    expect(headers(appendix)).toEqual(["№ п/п", "Вкладка", "Ячейка", "Сообщение"]);
    expect(rowsText(appendix)).toContainEqual(["1", "План-факт", "L7", ERROR.message].map(String));
  });

  it("warnings alone do not make a draft", () => {
    const built = buildReport(withIssues(fixtureResult(), [{ ...ERROR, severity: "warning" }]));
    expect(built.kind === "document" && built.model.draft).toBe(false);
  });

  it("strict with errors: no document, the errors instead", () => {
    const result = withIssues(fixtureResult(), [ERROR]);
    const built = buildReport(result, { strict: true });
    expect(built).toEqual({ kind: "blocked", errors: result.issues.filter((i) => i.severity === "error") });
    const fromSettings = buildReport({
      ...result,
      context: { ...result.context, settings: { ...result.context.settings, strict: true } },
    });
    expect(fromSettings.kind).toBe("blocked");
  });

  it("strict without errors still makes the document", () => {
    const result = fixtureResult();
    const clean = { ...result, issues: result.issues.filter((i) => i.severity !== "error") };
    expect(buildReport(clean, { strict: true }).kind).toBe("document");
  });

  it("takes the orientation from the settings", () => {
    const result = fixtureResult();
    const landscape = buildReportModel({
      ...result,
      context: { ...result.context, settings: { ...result.context.settings, orientation: "landscape" } },
    });
    expect(landscape.orientation).toBe("landscape");
    expect(model(result).orientation).toBe("portrait");
  });

  it("the model is plain JSON", () => {
    const m = model();
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });
});

describe("report names", () => {
  it("names the document as docs/REPORT.md and numbers new versions", () => {
    expect(reportFileName("МОУ «СОШ № 4»", "2022")).toBe("Отчёт МИП — МОУ «СОШ № 4» — 2022");
    const taken = new Set(["A", "A (2)"]);
    expect(firstFreeName("A", (n) => taken.has(n))).toBe("A (3)");
    expect(firstFreeName("B", (n) => taken.has(n))).toBe("B");
    expect(safeFileName("Отчёт МИП — МОУ «СОШ 1/2» — 2022")).toBe("Отчёт МИП — МОУ «СОШ 1_2» — 2022");
  });
});

describe("typography", () => {
  it("holds «№» to its number and initials to the surname, and nothing else", async () => {
    const { keepTogether } = await import("../../src/core/report/typography.js");
    expect(keepTogether("МОУ «СОШ № 73»")).toBe("МОУ «СОШ №\u00a073»");
    expect(keepTogether("Т.Б. Фамилия и Фамилия Т. Б.")).toBe("Т.Б.\u00a0Фамилия и Фамилия\u00a0Т.\u00a0Б.");
    expect(keepTogether("Срок действия МИП. Планируется ли")).toBe("Срок действия МИП. Планируется ли");
    expect(keepTogether("в 2022 г. и в 2023 году")).toBe("в 2022\u00a0г. и в 2023 году");
  });
});

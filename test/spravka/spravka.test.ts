import { describe, expect, it } from "vitest";
import { committeeTotals, readRecord } from "../../src/core/committee/index.js";
import type { WorkbookGrid } from "../../src/core/grid.js";
import { blockText, type Block, type DocModel } from "../../src/core/report/model.js";
import { sampleGrid, sampleReportDate, sampleSchools } from "../../src/demo/sample.js";
import { MONITORING, RECOMMENDATIONS, SPRAVKA, TEMPLATE_VERSION } from "../../src/core/schema.js";
import {
  SPRAVKA_FORM,
  buildSpravka,
  buildSpravkaFromFacts,
  selectSources,
  spravkaFacts,
} from "../../src/core/spravka/index.js";
import { countInWords, genitiveCount } from "../../src/core/spravka/words.js";
import { type ValidationResult, validateWorkbook } from "../../src/core/validate.js";
import { cleanWorkbook } from "../helpers/grid-builder.js";

const validate = (grid: WorkbookGrid): ValidationResult => validateWorkbook(grid, { today: sampleReportDate });
// No-break spaces («№ 4», «Срок – до 15.09.2023») read as spaces.
const textOf = (doc: DocModel): string =>
  doc.blocks
    .flatMap(blockText)
    .join("\n")
    .replace(/\u00a0/g, " ");
const headings = (doc: DocModel): string[] =>
  doc.blocks.flatMap((b: Block) => (b.type === "heading" && b.level <= 2 ? [b.text] : []));
const source = (label: string, grid: WorkbookGrid) => ({ label, result: validate(grid) });

const project = validate(sampleGrid());
const doc = buildSpravka(selectSources(project, []));
const text = textOf(doc);
const facts = spravkaFacts(selectSources(project, []));

describe("справка о реализации проекта: the skeleton of the municipal справка", () => {
  it("has the title with the theme, then the sections in the real one's order", () => {
    expect(doc.blocks[0]).toEqual({
      type: "title",
      lines: [
        "СПРАВКА О РЕАЛИЗАЦИИ МУНИЦИПАЛЬНОГО ПРОЕКТА",
        "«СЕТЕВОЕ НАСТАВНИЧЕСТВО ВО ВЗАИМОДЕЙСТВИИ ШКОЛ С ВЫСОКИМИ " +
          "И НИЗКИМИ ОБРАЗОВАТЕЛЬНЫМИ РЕЗУЛЬТАТАМИ ОБУЧАЮЩИХСЯ»",
      ],
    });
    // Worded and punctuated as the municipal справка has them.
    expect(headings(doc)).toEqual([
      "1. Цель проекта:",
      "2. Задачи проекта:",
      "3. Этапы проекта:",
      "4. Основные результаты мониторинга школ с НОР",
      "5. Основные результаты мониторинга школ с высокими образовательными результатами",
      "Проблемы и предложения",
      "6. Выводы.",
      "7. Рекомендации.",
    ]);
    expect(headings(doc)).toEqual(SPRAVKA_FORM.flatMap((s) => (s.heading ? [s.heading] : [])));
    // Signed as the municipal справка is: «Фамилия И.О.» after the position, no signature line.
    expect(doc.blocks.at(-1)).toEqual({
      type: "signature",
      left: "Методист МОУ ДО «Центр развития образования»",
      name: "Ветрова\u00a0Н.И.",
      line: false,
    });
    expect(doc.title).toBe("Справка о реализации проекта — МОУ ДО «Центр развития образования» — 20.12.2022");
  });

  it("opens with the period and the participants by type", () => {
    expect(text).toContain("реализуется с января 2021 по май 2023 года");
    expect(text).toContain(
      "Участниками проекта стали 10 организаций, в том числе 5 школ с НОР, 2 " +
        "школы-лидера, 1 стажировочная площадка, 1 методическая служба, 1 центр диагностики.",
    );
  });

  it("numbers the tasks 2.1 … and tells each stage with its months, results and orders", () => {
    expect(text).toContain("2.1. Диагностика факторов");
    expect(text).toContain("2.4. Формирование среды");
    expect(text).toContain("Проект реализуется в три этапа:");
    expect(text).toContain("первый этап – подготовительный, январь – сентябрь 2021 года;");
    expect(text).toContain("третий этап – обобщающий, январь – май 2023 года.");
    expect(text).toContain("3.1. На первом этапе реализации проекта утверждены Положение о стажировочной площадке");
    // Orders by issuer, number and date, each under the stage it falls in.
    expect(text).toContain(
      "По этапу издано распоряжение комитета образования от 25.01.2021 года № 312-р «О " +
        "присвоении статуса муниципальной инновационной площадки».",
    );
    expect(text).toContain(
      "распоряжение комитета образования от 20.09.2022 года № 1045-р «Об утверждении дорожных карт школ с НОР».",
    );
    expect(text.indexOf("№ 1045-р")).toBeGreaterThan(text.indexOf("3.2."));
    expect(text.indexOf("№ 1045-р")).toBeLessThan(text.indexOf("3.3."));
  });

  it("tells mentoring per mentor in words, and the pairs that did not take place with the reason", () => {
    expect(text).toContain("Кольцова Анна Викторовна (МОУ «СОШ № 4») — наставник четырёх учителей четырёх школ с НОР");
    // One of the maths mentor's mentee organisations is misspelt (MENT_ORG_UNKNOWN, an error): the
    // value is left out — seven teachers, the five НОР schools the check can read.
    expect(text).toContain("Громов Илья Сергеевич (МОУ «Озёрская гимназия») — наставник семи учителей пяти школ с НОР");
    expect(text).not.toContain("Лесоновская");
    expect(text).toContain("наставляемых — 18 из пяти организаций");
    expect(text).toContain("4.4. Не состоялись три наставнические пары:");
    expect(text).toContain(
      "Химия: Зимина Татьяна Петровна (МОУ «СОШ № 4») — три учителя; причина: длительная болезнь наставника.",
    );
  });

  it("says how many leader schools worked with the НОР schools as the municipal справка does", () => {
    expect(text).toMatch(/5\.\d+\. Со школами с НОР работали три школы:/u);
    const idle = { ...facts, leaders: facts.leaders.map((s, i) => (i === 0 ? { ...s, mentors: 0 } : s)) };
    const some = buildSpravkaFromFacts(idle).blocks.flatMap(blockText).join("\n");
    expect(some).toContain(
      "Со школами с НОР работали две школы из трёх школ-лидеров и стажировочных площадок проекта:",
    );
    const none = { ...facts, leaders: facts.leaders.map((s) => ({ ...s, mentors: 0 })) };
    expect(buildSpravkaFromFacts(none).blocks.flatMap(blockText).join("\n")).toContain(
      "Со школами с НОР не работала ни одна из трёх школ-лидеров и стажировочных площадок проекта.",
    );
  });

  it("prints the monitoring figures with their scale under their group of schools", () => {
    const low = text.indexOf("4. Основные результаты");
    const leaders = text.indexOf("5. Основные результаты");
    const figure = text.indexOf(
      "Поддержка школ с НОР школой-наставником в решении школьных проблем — 3,8 из 5 (ответили: 5 из 5 школ;",
    );
    expect(figure).toBeGreaterThan(low);
    expect(figure).toBeLessThan(leaders);
    expect(text.indexOf("Эффективность проекта — 3,67 из 5")).toBeGreaterThan(leaders);
  });

  it("prints the recommendations by addressee with their deadlines, and the conclusions numbered", () => {
    expect(text).toContain("7.1. Руководителям общеобразовательных учреждений:");
    expect(text).toContain("раздел о профилактике учебной неуспешности. Срок – до 15.09.2023 года.");
    expect(text).toContain("для организации сетевого наставничества. Срок – постоянно.");
    expect(text).toContain("7.2. Муниципальной методической службе:");
    // A date cell prints as a Russian date.
    expect(text).toContain("возобновить работу пар. Срок – 31.01.2023 года.");
    expect(text).toContain("6.3. Школы с НОР оценивают поддержку школ-наставников в среднем на 3,8 балла из 5.");
  });

  it("holds no validator instruction and no finding, though the project's workbook has errors", () => {
    expect(project.summary.errors).toBeGreaterThan(0);
    for (const issue of project.issues) expect(text).not.toContain(issue.message);
    for (const word of ["Заполните", "Выполните", "Исправьте", "ошибк", "ЧЕРНОВИК", "проверк"])
      expect(text).not.toContain(word);
  });

  it("every table row has as many cells as columns", () => {
    for (const b of doc.blocks)
      if (b.type === "table") for (const row of b.rows) expect(row).toHaveLength(b.columns.length);
  });
});

describe("справка: every number agrees with the check and with the committee's digest", () => {
  it("the project alone: the metrics of `mip validate --json`", () => {
    const m = project.metrics;
    expect(facts.mentoring).toMatchObject({
      pairsTotal: m.pairsTotal,
      pairsActive: m.pairsActive,
      pairsNotHeld: m.pairsNotHeld,
      mentors: m.mentors,
      mentees: m.mentees,
      menteeOrgs: m.menteeOrgs,
    });
    expect(text).toContain(
      `В общей сложности в школах с НОР ` +
        `работали ${countInWords(m.pairsActive, ["наставническая пара", "наставнические пары", "наставнических пар"], "feminine")}`,
    );
    expect(text).toContain(
      `наставников — ${m.mentors}, наставляемых — ${m.mentees} ` +
        `из ${genitiveCount(m.menteeOrgs, ["организации", "организаций"], "feminine")}`,
    );
    // Per-mentor loads add up to the mentees (each mentee has one mentor in the sample).
    expect(facts.mentoring.lines.reduce((a, l) => a + l.mentees, 0)).toBe(m.mentees);
    expect(facts.orgTotal).toBe(project.workbook.tables.orgs.rows.length);
  });

  it("a pair listed twice counts once, as in the metrics", () => {
    const rows = cleanWorkbook().dataRows("mentoring");
    const twice = validate(
      cleanWorkbook()
        .add("mentoring", { ...rows[0]!, no: "5" })
        .build(),
    );
    expect(twice.metrics.pairsTotal).toBe(validate(cleanWorkbook().build()).metrics.pairsTotal);
    expect(spravkaFacts(selectSources(twice, [])).mentoring).toMatchObject({
      pairsTotal: twice.metrics.pairsTotal,
      pairsActive: twice.metrics.pairsActive,
      mentors: twice.metrics.mentors,
      mentees: twice.metrics.mentees,
    });
  });

  it("the project alone: the digest's totals", () => {
    const totals = committeeTotals([
      readRecord({ organisation: "", link: "", id: "p", modified: "", updated: "" }, sampleGrid(), project),
    ]);
    expect(facts.mentoring).toMatchObject({
      pairsTotal: totals.pairsTotal,
      pairsActive: totals.pairsActive,
      pairsNotHeld: totals.pairsNotHeld,
      mentors: totals.mentors,
      mentees: totals.mentees,
    });
  });

  it("with a participant's workbook: a pair both list counts once, as in the committee's totals", () => {
    const [network, tidy] = sampleSchools();
    const sources = selectSources(project, [source("СОШ № 4.xlsx", tidy!.grid)]);
    expect(sources.schools.map((s) => s.name)).toEqual(["МОУ «СОШ № 4»"]);
    const merged = spravkaFacts(sources).mentoring;
    const record = (id: string, grid: WorkbookGrid) =>
      readRecord({ organisation: "", link: "", id, modified: "", updated: "" }, grid, validate(grid));
    // The demo's school repeats the project's plan (the committee names it a copy); with a plan
    // of its own it is another project whose pairs the committee adds.
    const ownPlan: WorkbookGrid = {
      ...tidy!.grid,
      tabs: tidy!.grid.tabs.map((t) =>
        t.title !== "План-факт"
          ? t
          : {
              ...t,
              rows: t.rows.map((r, i) => (i === 1 ? [r[0]!, r[1]!, "Своё мероприятие школы", ...r.slice(3)] : r)),
            },
      ),
    };
    const totals = committeeTotals([record("a", network!.grid), record("b", ownPlan)]);
    expect(merged).toMatchObject({
      pairsTotal: totals.pairsTotal,
      pairsActive: totals.pairsActive,
      pairsNotHeld: totals.pairsNotHeld,
      mentors: totals.mentors,
      mentees: totals.mentees,
    });
    // The participant's own pairs add to the project's, its repeats do not.
    expect(merged.pairsTotal).toBeGreaterThan(project.metrics.pairsTotal);
    expect(merged.pairsTotal).toBeLessThan(project.metrics.pairsTotal + validate(tidy!.grid).metrics.pairsTotal);
    expect(textOf(buildSpravka(sources))).toContain("таблицы организаций-участников за тот же период: МОУ «СОШ № 4»");
  });
});

describe("справка: which workbooks it is made from", () => {
  it("leaves out another period, an organisation the project does not list, and the project itself — with reasons", () => {
    const [network, , late] = sampleSchools();
    const stranger = cleanWorkbook()
      .field("general", "org_short_name", "МОУ «Дальняя СОШ»")
      .field("general", "org_full_name", "Дальняя школа")
      .build();
    const sources = selectSources(project, [
      source("ЦРО.xlsx", network!.grid),
      source("Берёзовская.xlsx", late!.grid),
      source("Дальняя.xlsx", stranger),
    ]);
    expect(sources.schools).toEqual([]);
    expect(sources.leftOut).toEqual([
      { label: "ЦРО.xlsx", reason: "это таблица самого проекта" },
      { label: "Берёзовская.xlsx", reason: "отчётный период «2019-2020 учебный год», а у проекта «2022»" },
      { label: "Дальняя.xlsx", reason: "«МОУ «Дальняя СОШ»» нет на вкладке «Организации» проекта" },
    ]);
  });
});

describe("справка: monitoring and recommendations from any workbook", () => {
  const base = () =>
    cleanWorkbook()
      .rows("monitoring", [
        {
          indicator: "Удовлетворённость от работы в проекте",
          group: "Школы-лидеры",
          value: "3,67",
          scale: 5,
          respondents: "3 школы",
          detail: "две оценки «4», одна «3»",
        },
        { indicator: "Мониторинг методических служб", group: "Методические службы", value: 96, scale: 100 },
        // Unreadable and contradictory figures are findings, never printed.
        { indicator: "Комфортность", group: "Школы-лидеры", value: "скорее да", scale: 5 },
        { indicator: "Оценка с опечаткой", group: "Школы с НОР", value: 37, scale: 5 },
      ])
      .rows("recommendations", [
        {
          no: "1",
          addressee: "Муниципальной методической службе",
          text: "Разработать дорожную карту сетевого взаимодействия",
          deadline: "до 01.09.2023 года",
        },
        {
          no: "2",
          addressee: "муниципальной методической службе:",
          text: "продолжить использование форм сетевого наставничества",
          deadline: "постоянно",
        },
        { no: "3", addressee: "Руководителям ОО", text: "Использовать материалы проекта", deadline: "когда-нибудь" },
        { no: "4", addressee: "", text: "Рекомендация без адресата", deadline: "постоянно" },
      ])
      .field("spravka", "signer_position", "Методист методического центра")
      .field("spravka", "signer_name", "Лебедева Нина Андреевна");

  const result = validate(base().build());
  const t = textOf(buildSpravka(selectSources(result, [])));

  it("prints each readable figure on its scale, in its group's section", () => {
    expect(t).toContain(
      "Удовлетворённость от работы в проекте — 3,67 из 5 (ответили: 3 школы; две оценки «4», одна «3»).",
    );
    expect(t).toContain("3.4. По итогам мониторинга участников проекта:");
    expect(t).toContain("Мониторинг методических служб — 96 из 100.");
    expect(t).not.toContain("Комфортность");
    expect(t).not.toContain("Оценка с опечаткой");
    expect(result.issues.map((i) => `${i.rule} ${i.cell}`)).toEqual(
      expect.arrayContaining(["MON_VALUE_INVALID C4", "MON_ABOVE_SCALE C5"]),
    );
  });

  it("groups recommendations by addressee with their deadlines; an unreadable deadline is left out, a row without addressee too", () => {
    expect(t).toContain("7.1. Муниципальной методической службе:");
    expect(t).toContain("Разработать дорожную карту сетевого взаимодействия. Срок – до 01.09.2023 года.");
    expect(t).toContain("Продолжить использование форм сетевого наставничества. Срок – постоянно.");
    expect(t).toContain("7.2. Руководителям ОО:");
    expect(t).toContain("Использовать материалы проекта.");
    expect(t).not.toContain("когда-нибудь");
    expect(t).not.toContain("Рекомендация без адресата");
    expect(result.issues.map((i) => `${i.rule} ${i.cell}`)).toEqual(
      expect.arrayContaining(["REC_DEADLINE_INVALID D4", "REC_ADDRESSEE_MISSING B5"]),
    );
  });

  it("is signed by the named specialist; the committee's signer only when the workbook names none", () => {
    expect(t).toContain("Методист методического центра Лебедева Н.А.");
    const unsigned = validate(cleanWorkbook().build());
    const committee = buildSpravka(selectSources(unsigned, []), {
      signer: { position: "Специалист комитета образования", name: "Миронова Ольга Петровна" },
    });
    expect(committee.blocks.at(-1)).toEqual({
      type: "signature",
      left: "Специалист комитета образования",
      name: "Миронова\u00a0О.П.",
      line: false,
    });
    // Neither: the project's coordinator, who keeps the workbook.
    expect(buildSpravka(selectSources(unsigned, [])).blocks.at(-1)).toEqual({
      type: "signature",
      left: "заместитель директора по УВР",
      name: "Грачёв\u00a0П.С.",
      line: false,
    });
  });
});

describe("справка: an older workbook (template version 1)", () => {
  const newTitles: string[] = [MONITORING.title, RECOMMENDATIONS.title, SPRAVKA.title];
  const older: WorkbookGrid = {
    tabs: sampleGrid().tabs.filter((t) => !newTitles.includes(t.title)),
    templateVersion: "1",
  };

  it("is told which tabs the update adds, and how", () => {
    expect(TEMPLATE_VERSION).toBe("4");
    const missing = validate(older).issues.filter((i) => i.rule === "TPL_SHEET_MISSING");
    expect(missing.map((i) => i.sheet)).toEqual(newTitles);
    for (const issue of missing) expect(issue.message).toContain("Создать / обновить шаблон");
  });

  it("still gives a справка from what it has", () => {
    const older_ = textOf(buildSpravka(selectSources(validate(older), [])));
    expect(older_).toContain("4.3. Наставники и их наставляемые:");
    expect(older_).toContain("7. Рекомендации.\n—");
    // Without «Справка о проекте» the coordinator signs.
    expect(older_).toContain("методист МОУ ДО «Центр развития образования» Ветрова Н.И.");
  });
});

describe("numbers in words", () => {
  it("genitive after «наставник»", () => {
    expect(genitiveCount(7, ["учителя", "учителей"])).toBe("семи учителей");
    expect(genitiveCount(1, ["школы с НОР", "школ с НОР"], "feminine")).toBe("одной школы с НОР");
    expect(genitiveCount(21, ["учителя", "учителей"])).toBe("21 учителя");
    expect(genitiveCount(11, ["учителя", "учителей"])).toBe("одиннадцати учителей");
  });

  it("nominative counts", () => {
    expect(countInWords(3, ["этап", "этапа", "этапов"])).toBe("три этапа");
    expect(countInWords(1, ["пара", "пары", "пар"], "feminine")).toBe("одна пара");
    expect(countInWords(2, ["пара", "пары", "пар"], "feminine")).toBe("две пары");
    expect(countInWords(25, ["этап", "этапа", "этапов"])).toBe("25 этапов");
  });
});

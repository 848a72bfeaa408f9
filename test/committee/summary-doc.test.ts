import { describe, expect, it } from "vitest";
import {
  COMMITTEE_SETTINGS_ROWS,
  STATE_NO_ACCESS,
  STATE_OK,
  buildSummaryDoc,
  failedRecord,
  parseCommitteeSettings,
  type SchoolRecord,
} from "../../src/core/committee/index.js";
import { blockText, type DocModel, type TableBlock } from "../../src/core/report/model.js";
import { KEEP_BREAK } from "../../src/core/report/page-breaks.js";
import { pageFill, paginate } from "../../src/core/report/page-fill.js";
import { digest } from "./fixtures.js";

const base = { link: "", modified: "", updated: "", reportLink: "" };

const schools: SchoolRecord[] = [
  {
    ...base,
    id: "a",
    organisation: "МОУ «СОШ № 7»",
    state: STATE_OK,
    digest: digest({
      organisation: "МОУ «СОШ № 7»",
      summary: { errors: 2, warnings: 1, infos: 0, completeness: 0.9 },
      metrics: {
        planRows: 10,
        planDue: 8,
        planDone: 6,
        planExecution: 0.75,
        deviations: 2,
        pairsTotal: 5,
        pairsActive: 4,
        pairsNotHeld: 1,
        mentors: 2,
        mentees: 4,
        participantsTotal: 40,
        eventsByLevel: { Муниципальный: 3, Региональный: 1 },
        pairsBySubject: { Химия: 1, Физика: 4 },
      },
      orgs: [
        { name: "МОУ «Лесновская СОШ»", type: "Школа с НОР" },
        { name: "МОУ «СОШ № 7»", type: "Школа-лидер" },
      ],
      participants: [
        { name: "Педагоги", count: 30 },
        { name: "Родители", count: 10 },
      ],
      deviations: [
        { no: "2.1", activity: "Вебинар", status: "Перенесено", reason: "Болезнь лектора", action: "Перенесён на май" },
        // Typed as «-» (a digest stored as written): prints «—» like an empty cell.
        { no: "3", activity: "Выезд", status: "Не выполнено", reason: "Карантин", action: "-" },
      ],
      notHeldPairs: [
        {
          mentor: "Сидорова Анна Петровна",
          mentee: "Орлова Мария Ивановна",
          subject: "Химия",
          reason: "Длительная болезнь наставника",
        },
        {
          mentor: "Сидорова Анна Петровна",
          mentee: "Белова Ольга Ивановна",
          subject: "Химия",
          reason: "Длительная болезнь наставника",
        },
      ],
      problems: [{ problem: "Высокая нагрузка педагогов", solution: "", outcome: "" }],
      findings: { PLAN_DEVIATION_ACTION_MISSING: 2 },
      firstErrors: ["План-факт, L7: Нет управленческих действий"],
    }),
  },
  {
    ...base,
    id: "b",
    organisation: "МОУ «Лесновская СОШ»",
    state: STATE_OK,
    digest: digest({
      organisation: "МОУ «Лесновская СОШ»",
      metrics: {
        planRows: 4,
        planDue: 2,
        planDone: 2,
        planExecution: 1,
        participantsTotal: 5,
        eventsByLevel: { Муниципальный: 1 },
      },
      orgs: [
        { name: "МОУ «Лесновская СОШ»", type: "Школа с НОР" },
        { name: "МОУ «Озёрная ООШ»", type: "Школа с НОР" },
      ],
      // Stored before digests carried the mentee.
      notHeldPairs: [{ mentor: "Кленова Вера Ильинична", subject: "Физика", reason: "Увольнение" }],
      participants: [{ name: "Педагоги", count: 5 }],
      problems: [{ problem: "высокая  нагрузка педагогов", solution: "", outcome: "" }],
      findings: { PLAN_DEVIATION_ACTION_MISSING: 1 },
    }),
  },
  failedRecord({ organisation: "МОУ «Заречная СОШ»", link: "", id: "c", modified: "", updated: "" }, STATE_NO_ACCESS),
];

/** The model with its non-breaking spaces as plain spaces, so expectations read as typed. */
const spaced = (model: DocModel): DocModel => JSON.parse(JSON.stringify(model).replace(/\u00a0/g, " ")) as DocModel;

const raw = buildSummaryDoc(schools, {
  date: "2023-06-01",
  signer: { position: "Специалист комитета образования", name: "Миронова Ольга Петровна" },
});
const doc = spaced(raw);
const text = doc.blocks.flatMap(blockText).join("\n");
const tables = doc.blocks.filter((b): b is TableBlock => b.type === "table");

describe("Сводка по МИП", () => {
  it("has the sections of the municipal справка in order", () => {
    const headings = doc.blocks.filter((b) => b.type === "heading").map((b) => (b.type === "heading" ? b.text : ""));
    expect(headings).toEqual([
      "1. Участники и виды отчётов",
      "2. Выполнение планов",
      "3. Отклонения от планов и их причины",
      "4. Наставничество",
      "5. Участники проектов",
      "6. Распространение опыта",
      "7. Наиболее частые затруднения",
      "Приложение. Итоги проверки таблиц МИП",
    ]);
    expect(doc.blocks[0]).toEqual({
      type: "title",
      lines: ["СВОДКА ПО МИП", "о деятельности муниципальных инновационных площадок за 2022 год"],
    });
    expect(doc.title).toBe("Сводка по МИП — 01.06.2023");
  });

  it("counts organisations and their types with correct plurals", () => {
    expect(text).toContain("По состоянию на 01.06.2023 в реестре комитета 3 организации");
    expect(text).toContain("прочитаны у 2 организаций, не прочитаны у 1 (они названы в приложении)");
    // Distinct organisations across projects: Лесновская (НОР), СОШ № 7 (лидер), Озёрная (НОР).
    expect(text).toContain("Участниками проектов стали 3 организации, в том числе 2 школы с НОР, 1 школа-лидер.");
  });

  it("gives plan execution per school and overall", () => {
    expect(text).toContain(
      "В планах организаций 14 мероприятий; срок наступил у 10, выполнено 8. Выполнение плана в целом — 80 %.",
    );
    const plan = tables.find((t) => t.columns[1]?.header === "Пунктов плана")!;
    expect(plan.rows.map((r) => r.join("|"))).toEqual([
      "МОУ «СОШ № 7»|10|8|6|75 %|2",
      "МОУ «Лесновская СОШ»|4|2|2|100 %|0",
      "Итого|14|10|8|80 %|2",
    ]);
    expect(plan.totalRow).toBe(true);
  });

  it("totals the mentoring table without repeats, and says so", () => {
    const mentoring = tables.find((t) => t.caption === "Наставничество по организациям")!;
    expect(mentoring.totalRow).toBe(true);
    expect(mentoring.rows.at(-1)![0]).toBe("Итого без повторов");
    expect(text).toContain("посчитаны один раз");
  });

  it("lists deviations with reasons and the pairs that did not take place", () => {
    expect(text).toContain("МОУ «СОШ № 7» | 2.1. Вебинар | Перенесено | Болезнь лектора | Перенесён на май");
    expect(text).toContain("МОУ «СОШ № 7» | 3. Выезд | Не выполнено | Карантин | —");
    const notHeld = tables.find((t) => t.caption === "Наставнические пары, которые не состоялись, и причины")!;
    expect(notHeld.columns.map((c) => c.header)).toEqual([
      "Организация",
      "Наставник",
      "Наставляемый",
      "Предмет",
      "Причина",
    ]);
    // Two pairs of one mentor differ by the mentee; an old digest without mentees prints «—».
    expect(notHeld.rows.map((r) => r.join(" | "))).toEqual([
      "МОУ «СОШ № 7» | Сидорова Анна Петровна | Орлова Мария Ивановна | Химия | Длительная болезнь наставника",
      "МОУ «СОШ № 7» | Сидорова Анна Петровна | Белова Ольга Ивановна | Химия | Длительная болезнь наставника",
      "МОУ «Лесновская СОШ» | Кленова Вера Ильинична | — | Физика | Увольнение",
    ]);
    expect(text).toContain("Физика | 4");
  });

  it("sums participants and dissemination by level", () => {
    expect(text).toContain("Педагоги | 35");
    expect(text).toContain("Всего | 45");
    expect(text).toContain(
      "Опыт проектов представлен на 5 мероприятиях: региональный уровень — 1, муниципальный уровень — 4.",
    );
  });

  it("groups the same problem written differently and ranks findings by schools", () => {
    expect(text).toContain("Высокая нагрузка педагогов (2 организации)");
    expect(text).toContain("Нет управленческих действий | 2 | 3");
  });

  it("names the schools with errors and the unreadable ones", () => {
    expect(text).toContain("МОУ «СОШ № 7» | 2 | 1 | План-факт, L7: Нет управленческих действий");
    expect(text).not.toContain("МОУ «Лесновская СОШ» | 0 |");
    expect(text).toContain("МОУ «Заречная СОШ» | Нет доступа");
  });

  it("keeps «№» with its number and initials with the name (non-breaking spaces, as the report)", () => {
    const all = raw.blocks.flatMap(blockText).join("\n");
    expect(all).toContain("СОШ №\u00a07");
    expect(all).not.toMatch(/№ \d/u);
  });

  it("every table row has as many cells as columns", () => {
    for (const t of tables) for (const row of t.rows) expect(row).toHaveLength(t.columns.length);
  });

  it("an empty registry still makes a readable document", () => {
    const empty = buildSummaryDoc([], { date: "2023-06-01" });
    const all = empty.blocks.flatMap(blockText).join("\n");
    expect(all).toContain("в реестре комитета 0 организаций");
    expect(all).toContain("Ошибок в прочитанных таблицах нет.");
  });
});

describe("Сводка по МИП: the official text and its appendix", () => {
  const appendixAt = doc.blocks.findIndex((b) => b.type === "heading" && b.text.startsWith("Приложение"));
  const body = doc.blocks.slice(0, appendixAt).flatMap(blockText).join("\n");
  const appendix = doc.blocks.slice(appendixAt).flatMap(blockText).join("\n");

  it("keeps what the check found out of the body: it is in the appendix, on a page of its own after a full page", () => {
    // A page break before the appendix only after a page the estimate finds well filled
    // (page-breaks.ts); after this short сводка's half-empty page the appendix follows on it.
    const broken = doc.blocks.slice(appendixAt - 2, appendixAt).some((b) => b.type === "pageBreak");
    const before = paginate(
      doc.blocks.slice(0, appendixAt).filter((b) => b.type !== "pageBreak"),
      "portrait",
    ).at(-1)!;
    expect(broken).toBe(pageFill(before) >= KEEP_BREAK);
    expect(broken).toBe(false);
    expect(body).not.toContain("Нет управленческих действий");
    expect(body).not.toContain("Замечание проверки");
    expect(body).not.toContain("План-факт, L7");
    expect(appendix).toContain("Нет управленческих действий | 2 | 3");
    expect(appendix).toContain("МОУ «СОШ № 7» | 2 | 1 | План-факт, L7: Нет управленческих действий");
  });

  it("is signed by the committee's signer, before the appendix; unsigned when none is set", () => {
    const signature = doc.blocks.findIndex((b) => b.type === "signature");
    expect(signature).toBeLessThan(appendixAt);
    expect(raw.blocks[signature]).toEqual({
      type: "signature",
      left: "Специалист комитета образования",
      name: "О.П.\u00a0Миронова",
    });
    expect(buildSummaryDoc(schools, { date: "2023-06-01" }).blocks.some((b) => b.type === "signature")).toBe(false);
    expect(JSON.stringify(buildSummaryDoc(schools, { date: "2023-06-01", signer: null }))).not.toContain(
      "Специалист комитета образования",
    );
  });
});

describe("Сводка по МИП: one reporting period per part, never summed", () => {
  const older: SchoolRecord = {
    ...base,
    id: "d",
    organisation: "МОУ «Берёзовская ООШ»",
    state: STATE_OK,
    digest: digest({
      organisation: "МОУ «Берёзовская ООШ»",
      period: "2019-2020 учебный год",
      metrics: { planRows: 100, planDue: 100, planDone: 1, planExecution: 0.01, participantsTotal: 900 },
      participants: [{ name: "Педагоги", count: 900 }],
    }),
  };
  // «01.01.2022-31.12.2022» is the same period as «2022».
  const same: SchoolRecord = {
    ...schools[1]!,
    id: "e",
    organisation: "МОУ «Озёрная ООШ»",
    digest: { ...schools[1]!.digest!, organisation: "МОУ «Озёрная ООШ»", period: "01.01.2022-31.12.2022" },
  };
  const mixed = spaced(buildSummaryDoc([...schools, older, same], { date: "2023-06-01" }));
  const mixedText = mixed.blocks.flatMap(blockText).join("\n");
  const planTables = mixed.blocks.filter(
    (b): b is TableBlock => b.type === "table" && b.columns[1]?.header === "Пунктов плана",
  );

  it("shows each period apart, the period with most schools first, and says so", () => {
    const parts = mixed.blocks.flatMap((b) =>
      b.type === "heading" && b.text.startsWith("Отчётный период") ? [b.text] : [],
    );
    expect(parts).toEqual(["Отчётный период: 2022 год", "Отчётный период: 2019-2020 учебный год"]);
    expect(mixedText).toContain(
      "Организации отчитываются за разные периоды: 2022 год — 3 организации, 2019-2020 учебный год — 1 организация.",
    );
    expect(mixedText).toContain("между периодами не складываются");
    expect(mixed.blocks[0]).toEqual({
      type: "title",
      lines: ["СВОДКА ПО МИП", "о деятельности муниципальных инновационных площадок"],
    });
  });

  it("numbers its parts on through both periods, and leaves out a part with nothing to say", () => {
    const numbers = mixed.blocks.flatMap((b) =>
      b.type === "heading" && b.level === 1 && /^\d+\./u.test(b.text) ? [Number(/^\d+/u.exec(b.text)![0])] : [],
    );
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(numbers.length).toBeGreaterThan(7);
    const body = mixed.blocks.slice(
      0,
      mixed.blocks.findIndex((b) => b.type === "heading" && b.text.startsWith("Приложение")),
    );
    // No part is an empty «—» table: every body table has a row with something in it.
    for (const t of body.filter((b): b is TableBlock => b.type === "table"))
      expect(t.rows.some((r) => r.some((c) => c !== "—" && c !== ""))).toBe(true);
  });

  it("totals each period from its own schools only", () => {
    expect(planTables).toHaveLength(2);
    expect(planTables[0]!.rows.at(-1)!.join("|")).toBe("Итого|18|12|10|83,3 %|2");
    expect(planTables[1]!.rows.map((r) => r.join("|"))).toEqual([
      "МОУ «Берёзовская ООШ»|100|100|1|1 %|0",
      "Итого|100|100|1|1 %|0",
    ]);
    expect(mixedText).not.toContain("Всего | 945");
    expect(mixedText).toContain("Всего | 900");
  });
});

describe("«Настройки комитета»", () => {
  it("gives the signer by label, wherever the rows stand; empty or missing gives none", () => {
    const rows = [
      ["Поле", "Значение", "Подсказка"],
      ["Своё поле", "что-то", ""],
      ["ФИО подписывающего", "  Миронова   Ольга Петровна ", ""],
      ["должность  подписывающего", "Специалист комитета образования", ""],
    ];
    expect(parseCommitteeSettings(rows).signer).toEqual({
      position: "Специалист комитета образования",
      name: "Миронова Ольга Петровна",
    });
    expect(parseCommitteeSettings([]).signer).toBeNull();
    expect(parseCommitteeSettings(COMMITTEE_SETTINGS_ROWS).signer).toBeNull();
  });
});

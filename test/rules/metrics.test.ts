import { describe, expect, it } from "vitest";
import { check, cleanWorkbook, emptyWorkbook } from "../helpers/grid-builder.js";

describe("computeMetrics on the clean fixture", () => {
  const m = check(cleanWorkbook()).metrics;

  it("counts the plan: grouping row «2» left out, due = ended terms plus «Выполнено», «Вне плана» not due", () => {
    // Rows: 1 Выполнено, 2.1 Выполнено, 2.2 частично (Апрель, май — ended), 3 Выполнено,
    // 4 В работе (в течение года — not ended by 20.12.2022), Вне плана 15.11 (ended, but
    // never planned: a row, not a commitment).
    expect(m.planRows).toBe(6);
    expect(m.planDone).toBe(3);
    expect(m.planDue).toBe(4);
    expect(m.planExecution).toBeCloseTo(0.75, 10);
    expect(m.deviations).toBe(1);
  });

  it("counts mentoring without the pair that did not take place", () => {
    expect(m.pairsTotal).toBe(4);
    expect(m.pairsActive).toBe(3);
    expect(m.pairsNotHeld).toBe(1);
    expect(m.mentors).toBe(2);
    expect(m.mentees).toBe(3);
    expect(m.menteeOrgs).toBe(3);
    expect(m.pairsBySubject).toEqual({ "Русский язык": 2, Математика: 1 });
    expect(m.maxMentorLoad).toBe(2);
  });

  it("sums participants and counts events by tab and level", () => {
    expect(m.participantsTotal).toBe(166);
    expect(m.eventsByTab).toEqual({
      "Распространение опыта": 1,
      "Мероприятия МИП": 1,
      Конкурсы: 1,
      Выступления: 1,
      Публикации: 1,
    });
    expect(m.eventsByLevel).toEqual({ Муниципальный: 1 });
    expect(m.publications).toBe(1);
    expect(m.publicationsByLevel).toEqual({ Региональный: 1 });
    expect(m.contestsByLevel).toEqual({ Муниципальный: { participations: 1, wins: 1 } });
    expect(m.speechesByLevel).toEqual({ Региональный: 1 });
  });

  it("is complete", () => {
    expect(m.completeness).toBe(1);
  });
});

describe("metrics details", () => {
  it("completeness: 10 required fields + 6 required tabs; one of each missing → 14/16", () => {
    const m = check(cleanWorkbook().field("general", "topic", "").rows("problems", [])).metrics;
    expect(m.completeness).toBeCloseTo(14 / 16, 10);
  });

  it("completeness of a final report also needs «Общий вывод»", () => {
    const m = check(
      cleanWorkbook().field("general", "report_type", "Итоговый").field("conclusions", "conclusion", ""),
    ).metrics;
    expect(m.completeness).toBeCloseTo(16 / 17, 10);
  });

  it("an empty template has zero completeness, no execution and zero counts", () => {
    const m = check(emptyWorkbook()).metrics;
    expect(m.completeness).toBe(0);
    expect(m.planExecution).toBeNull();
    expect(m.planRows).toBe(0);
    expect(m.pairsTotal).toBe(0);
    expect(m.eventsByTab["Публикации"]).toBe(0);
  });

  it("contest levels: wins are Победитель and Призёр, «Заявка подана» is a participation, levels folded", () => {
    const m = check(
      cleanWorkbook().rows("contests", [
        { name: "А", level: "региональный", result: "Победитель" },
        { name: "Б", level: "Региональный", result: "Лауреат" },
        { name: "В", level: "Региональный", result: "Заявка подана" },
        { name: "Г", level: "Всероссийский", result: "призер" },
        { name: "Д", level: "", result: "Участник" },
      ]),
    ).metrics;
    expect(m.contestsByLevel).toEqual({
      Региональный: { participations: 3, wins: 1 },
      Всероссийский: { participations: 1, wins: 1 },
    });
  });

  it("plan execution follows the report date", () => {
    const early = check(cleanWorkbook().field("general", "report_date", "01.03.2022")).metrics;
    // On 01.03.2022 only row 1 (10.02-25.02) has ended; 3 rows are «Выполнено».
    expect(early.planDue).toBe(3);
    const viaOption = check(cleanWorkbook(), { reportDate: "2022-03-01" }).metrics;
    expect(viaOption.planDue).toBe(3);
  });

  it("mentee organisations resolve to the «Организации» tab as MENT_ORG_UNKNOWN matches them", () => {
    // «Лесная СОШ» (no legal form) and «МОУ «Лесная СОШ»» are one listed organisation.
    const m = check(cleanWorkbook().patch("mentoring", 1, { mentee_org: "Лесная СОШ" })).metrics;
    expect(m.menteeOrgs).toBe(2);
    // An unlisted one is an error (MENT_ORG_UNKNOWN): the value is left out of the count, as every document leaves it out.
    const unlisted = check(cleanWorkbook().patch("mentoring", 1, { mentee_org: "Гимназия № 2" }));
    expect(unlisted.issues.some((i) => i.rule === "MENT_ORG_UNKNOWN" && i.severity === "error")).toBe(true);
    expect(unlisted.metrics.menteeOrgs).toBe(2);
  });

  it("«Вне плана» rows count as plan rows but never as due or done, whatever their term", () => {
    const base = check(cleanWorkbook()).metrics;
    const more = check(
      cleanWorkbook().add(
        "plan",
        { activity: "Экскурсия", term: "01.03", fact: "Проведена", status: "вне плана" },
        { activity: "Встреча", term: "", fact: "Проведена", status: "Вне плана" },
      ),
    ).metrics;
    expect(more.planRows).toBe(base.planRows + 2);
    expect(more.planDue).toBe(base.planDue);
    expect(more.planDone).toBe(base.planDone);
    expect(more.planExecution).toBe(base.planExecution);
  });

  it("«ИТОГО» figures count only rows dated inside the reporting period; undated and unreadable dates still count", () => {
    const m = check(
      cleanWorkbook()
        .add(
          "publications",
          {
            authors: "Петрова О.В.",
            title: "Старая статья",
            source: "Журнал",
            level: "Региональный",
            date: "01.06.2021",
          },
          { authors: "Петрова О.В.", title: "Без даты", source: "Журнал", level: "Муниципальный", date: "" },
        )
        .add(
          "speeches",
          { level: "Региональный", date: "15.02.2023", place: "Конференция", topic: "Итоги", speaker: "Петрова О.В." },
          { level: "Муниципальный", date: "когда-нибудь", place: "Семинар", topic: "Опыт", speaker: "Петрова О.В." },
        )
        .add("dissemination", {
          kind: "Семинар",
          name: "Прошлогодний",
          level: "Региональный",
          date: "ноябрь 2021",
          teachers: 5,
        }),
    ).metrics;
    expect(m.publications).toBe(2);
    expect(m.publicationsByLevel).toEqual({ Региональный: 1, Муниципальный: 1 });
    expect(m.speechesByLevel).toEqual({ Региональный: 1, Муниципальный: 1 });
    expect(m.eventsByLevel).toEqual({ Муниципальный: 1 });
    // The tabs' row counts are not filtered.
    expect(m.eventsByTab).toMatchObject({ Публикации: 3, Выступления: 3, "Распространение опыта": 2 });
  });

  it("participants total ignores unreadable counts and counts text numbers", () => {
    const m = check(
      cleanWorkbook().rows("participants", [
        { category: "Педагоги", count: "12 чел." },
        { category: "Родители", count: "много" },
      ]),
    ).metrics;
    expect(m.participantsTotal).toBe(12);
  });
});

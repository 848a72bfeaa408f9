/**
 * Fixtures rebuilt from the reference documents (texts and terms copied, people invented):
 * the 2022 platform report's plan-versus-fact table, the 2022 municipal roadmap's hierarchy
 * and the 2023 summary's mentoring numbers. Each must give exactly the known findings.
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../../src/core/issues.js";
import { type RowSpec, check, cleanWorkbook } from "../helpers/grid-builder.js";

const on = (issues: Issue[], sheet: string): string[] =>
  issues.filter((i) => i.sheet === sheet).map((i) => `${i.rule} ${i.cell}`);

describe("platform report 2022, section 2.7 (plan versus fact)", () => {
  const webinars: RowSpec = {
    no: "1",
    task_no: "1",
    activity:
      "Проведение вебинаров для администрации и педагогов: изучение и распространение " +
      "педагогического опыта; работа с особой категорией детей (дети с ОВЗ)",
    term: "в течение года",
    responsible: "Морозова Т.В.",
    fact:
      "1. Вебинар «Образовательные технологии, используемые при работе " +
      "с детьми с ОВЗ». Изучен и распространен опыт педагогов СОШ № 4.",
    status: "Выполнено",
    reason: "Отклонений по данному направлению нет.",
    action: "Управленческие решения не понадобились",
  };
  const tutors: RowSpec = {
    no: "2",
    task_no: "2",
    activity:
      "2.1. Закрепление за учителями основных предметов (русский язык, математика, " +
      "физика, химия, обществознание, биология) в школах с НОР учителей-тьюторов.",
    term: "Февраль-ноябрь",
    responsible: "Морозова Т.В.",
    fact:
      "Определены 6 учителей – наставников, за которыми был закреплен " +
      "21 педагог из школ с НОР. Закрепление производилось по предметам.",
    status: "Выполнено",
    reason: "Отклонений нет",
    action: "-",
  };
  const lounge: RowSpec = {
    no: "6",
    task_no: "3",
    activity:
      "Работа психологической гостиной для педагогов школ с НРО: 7 занятий " +
      "(семинар-практикум, интерактив, проблемные группы, мастер-класс, итоговое занятие)",
    term: "Февраль-ноябрь",
    responsible: "Морозова Т.В.",
    fact: "Семинар-практикум проведен. Остальные занятия не проведены.",
    plan_qty: 7,
    fact_qty: "1 занятие",
    reason: "Причина отклонений – в длительной болезни педагога-психолога, ведущего данное направление",
    action: "-",
    document: "Письма руководителям ШНОР, список принявших участие",
  };

  it("«Выполнено частично» with a real reason and action «-»: only PLAN_DEVIATION_ACTION_MISSING", () => {
    const result = check(cleanWorkbook().rows("plan", [webinars, tutors, { ...lounge, status: "Выполнено частично" }]));
    expect(on(result.issues, "План-факт")).toEqual(["PLAN_DEVIATION_ACTION_MISSING L4"]);
    const finding = result.issues.find((i) => i.rule === "PLAN_DEVIATION_ACTION_MISSING")!;
    expect(finding.message).toContain("«Выполнено частично»");
    expect(finding.message).toContain("«-»");
    expect(finding.column).toBe("Управленческие действия");
  });

  it("1 of 7 sessions marked «Выполнено»: the quantities and the reason contradict the status", () => {
    const result = check(cleanWorkbook().rows("plan", [webinars, tutors, { ...lounge, status: "Выполнено" }]));
    expect(on(result.issues, "План-факт").sort()).toEqual([
      "PLAN_REASON_WITHOUT_DEVIATION K4",
      "PLAN_STATUS_QTY_MISMATCH H4",
    ]);
    expect(result.issues.find((i) => i.rule === "PLAN_STATUS_QTY_MISMATCH")!.message).toContain("1 из 7");
  });

  it("the real reason and a real action make the row clean", () => {
    const fixed = {
      ...lounge,
      status: "Выполнено частично",
      action: "Занятия перенесены; ведущий заменён другим педагогом-психологом",
    };
    expect(on(check(cleanWorkbook().rows("plan", [webinars, tutors, fixed])).issues, "План-факт")).toEqual([]);
  });
});

describe("municipal roadmap 2022 (8 / 8.1 / 8.1.1–8.1.4)", () => {
  const row = (no: string, term: string, activity: string): RowSpec => ({
    no,
    task_no: "2",
    activity,
    term,
    executors: "Руководители школьных сетевых команд",
    responsible: "Полякова Е.В., главный специалист",
    fact: "Проведено, получены методические рекомендации.",
    status: "Выполнено",
  });
  const roadmap: RowSpec[] = [
    row(
      "8.",
      "10.03-28.12",
      "Организация работы по сетевому наставничеству школ со " +
        "стабильными и низкими результатами подготовки обучающихся.",
    ),
    row(
      "8.1.",
      "14.03.-31.03",
      "Направление для педагогов (первое полугодие): Дифференцированный " +
        "и индивидуализированный подход к обучающимся на современном уроке",
    ),
    row(
      "8.1.1.",
      "14.03-18.03",
      "Лекция, круглый стол, мастер-классы, открытые уроки по заявленной теме на базах 9 стажировочных площадок.",
    ),
    row(
      "8.1.2.",
      "24.02-10.03",
      "Подготовка и проведение пробных открытых уроков учителями школ с НОР " +
        "по заявленной теме (фестиваль открытых уроков «На ошибках учатся!»).",
    ),
    row("8.1.3.", "28.03-31.03", "Круглый стол по рефлексии выполненной работы на основе методических рекомендаций."),
    row(
      "8.1.4.",
      "Апрель, май",
      "Организация самостоятельной работы в форме наставничества " +
        "в парах «учитель-учитель» и группах «учитель-учителя».",
    ),
  ];

  it("finds 8.1.2 outside 8.1 and nothing else on the plan", () => {
    const result = check(cleanWorkbook().rows("plan", roadmap));
    expect(on(result.issues, "План-факт")).toEqual(["PLAN_CHILD_OUTSIDE_PARENT D5"]);
    const finding = result.issues.find((i) => i.rule === "PLAN_CHILD_OUTSIDE_PARENT")!;
    expect(finding.row).toBe(5);
    expect(finding.message).toContain("«8.1.2.»");
    expect(finding.message).toContain("«24.02-10.03»");
    expect(finding.message).toContain("«14.03.-31.03»");
  });

  it("reads every roadmap term (no TERM_* findings) and the dotted numbers as a hierarchy", () => {
    const issues = check(cleanWorkbook().rows("plan", roadmap)).issues;
    expect(issues.filter((i) => i.rule.startsWith("TERM_") || i.rule.startsWith("PLAN_NUMBER"))).toEqual([]);
  });

  it("a sub-item that starts after its parent but far later is also flagged", () => {
    const late = [...roadmap.slice(0, 5), row("8.1.4.", "Ноябрь", "Самостоятельная работа")];
    expect(on(check(cleanWorkbook().rows("plan", late)).issues, "План-факт").sort()).toEqual([
      "PLAN_CHILD_OUTSIDE_PARENT D5",
      "PLAN_CHILD_OUTSIDE_PARENT D7",
    ]);
  });
});

describe("municipal summary 2023 (mentor loads and declared numbers)", () => {
  const lowSchools = [
    "Берёзовская",
    "Ключевская",
    "Луговская",
    "Ольховская",
    "Сосновская",
    "Полевская",
    "Каменская",
    "Ручьёвская",
  ].map((n) => `МОУ «${n} СОШ»`);
  const leaders = ["МОУ «СОШ № 1»", "МОУ «СОШ № 4»", "МОУ «СОШ № 5»"];
  const mentees = [
    "Аксёнова",
    "Баранова",
    "Васина",
    "Гусева",
    "Дроздова",
    "Ежова",
    "Жаркова",
    "Звягина",
    "Ильина",
    "Карпова",
    "Лаптева",
    "Мухина",
    "Носова",
    "Окунева",
    "Пестова",
    "Рябова",
    "Сорокина",
    "Тарасова",
    "Уварова",
    "Фролова",
    "Хохлова",
    "Цветкова",
    "Чижова",
    "Шубина",
    "Щукина",
    "Юдина",
    "Яковлева",
    "Вешнякова",
  ];
  const groups = [
    { mentor: "Ланская Вера Олеговна", org: leaders[0]!, subject: "Русский язык", count: 7 },
    { mentor: "Стрельцов Олег Ильич", org: leaders[0]!, subject: "Физика", count: 3 },
    { mentor: "Ведерникова Алла Юрьевна", org: leaders[1]!, subject: "Математика", count: 6 },
    { mentor: "Тихонова Дина Петровна", org: leaders[1]!, subject: "Биология", count: 3 },
    { mentor: "Миронова Зоя Андреевна", org: leaders[2]!, subject: "Обществознание", count: 5 },
    { mentor: "Горбунова Лидия Викторовна", org: leaders[1]!, subject: "Химия", count: 4, notHeld: true },
  ];
  let next = 0;
  const pairs: RowSpec[] = groups.flatMap((g) =>
    Array.from({ length: g.count }, (_, i) => {
      const n = next++;
      return {
        no: String(n + 1),
        mentor: g.mentor,
        mentor_org: g.org,
        subject: g.subject,
        mentee: `${mentees[n]} Анна Ивановна`,
        mentee_org: lowSchools[i % lowSchools.length]!,
        form: "Учитель – учитель",
        start: "01.10.2021",
        status: g.notHeld ? "Не состоялась" : "Активна",
        not_held_reason: g.notHeld ? "Длительная болезнь учителя-наставника" : "",
      };
    }),
  );
  const orgs: RowSpec[] = [
    ...lowSchools.map((name) => ({ name, type: "Школа с НОР" })),
    ...leaders.map((name) => ({ name, type: "Школа-лидер" })),
  ];
  const workbook = () =>
    cleanWorkbook()
      .rows("orgs", orgs)
      .rows("mentoring", pairs)
      .field("general", "declared_mentees", 21)
      .field("general", "declared_mentors", 6)
      .field("general", "declared_pairs", "");

  it("finds the loads above 5 (Russian 7, maths 6) and not the others", () => {
    const loads = check(workbook()).issues.filter((i) => i.rule === "MENT_LOAD_EXCEEDED");
    expect(loads.map((i) => i.row)).toEqual([2, 12]);
    expect(loads[0]!.message).toContain("«Ланская В.О.»");
    expect(loads[0]!.message).toContain("7 действующих наставляемых");
    expect(loads[1]!.message).toContain("6 действующих наставляемых");
  });

  it("finds 7+3+6+3+5 = 24 mentees ≠ 21 declared and 5 mentors ≠ 6 declared (chemistry did not take place)", () => {
    const declared = check(workbook()).issues.filter((i) => i.rule === "MENT_DECLARED_MISMATCH");
    expect(declared.map((i) => i.cell)).toEqual(["B24", "B25"]);
    expect(declared[0]!.message).toMatch(/Заявлено наставников: 6.* 5 /);
    expect(declared[1]!.message).toMatch(/Заявлено наставляемых: 21.* 24 /);
    expect(declared[1]!.message).toContain("«Не состоялась»");
  });

  it("reports nothing else on the mentoring tab", () => {
    const rules = new Set(
      check(workbook())
        .issues.filter((i) => i.sheet === "Наставничество")
        .map((i) => i.rule),
    );
    expect([...rules]).toEqual(["MENT_LOAD_EXCEEDED"]);
  });

  it("computes the mentoring metrics", () => {
    const m = check(workbook()).metrics;
    expect(m.pairsTotal).toBe(28);
    expect(m.pairsNotHeld).toBe(4);
    expect(m.pairsActive).toBe(24);
    expect(m.mentors).toBe(5);
    expect(m.mentees).toBe(24);
    expect(m.menteeOrgs).toBe(7);
    expect(m.maxMentorLoad).toBe(7);
    expect(m.pairsBySubject).toEqual({ "Русский язык": 7, Физика: 3, Математика: 6, Биология: 3, Обществознание: 5 });
  });
});

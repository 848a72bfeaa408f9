import { describe, expect, it } from "vitest";
import {
  REGISTRY_HEADERS,
  SUMMARY_ALL_HEADERS,
  SUMMARY_HEADERS,
  STATE_NOT_TEMPLATE,
  STATE_NO_ACCESS,
  STATE_OK,
  STATE_OLD_TEMPLATE,
  STATE_NO_LINK,
  STATE_TOO_SLOW,
  committeeTotals,
  digestOf,
  failedRecord,
  looksLikeFormula,
  parseDigest,
  parseRegistry,
  readErrorState,
  stateFromText,
  stateText,
  readRecord,
  schoolRow,
  serialiseDigest,
  sheetsPlainValue,
  spreadsheetIdFrom,
  spreadsheetUrl,
  stateOfGrid,
  storedRowOf,
  summaryColumn,
  DIGEST_MAX_CHARS,
  type SchoolRecord,
} from "../../src/core/committee/index.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { MALICIOUS, digest, pairRow, planRow, schoolGrid } from "./fixtures.js";

const ID = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-xyz";

const source = (over: Partial<SchoolRecord> = {}) => ({
  organisation: "МОУ «СОШ № 7»",
  link: spreadsheetUrl(ID),
  id: ID,
  modified: "2022-12-01T10:00:00.000Z",
  updated: "20.12.2022 10:00",
  ...over,
});

describe("Реестр and Свод headers (contract)", () => {
  it("are exactly the docs/COMMITTEE.md headers", () => {
    expect(REGISTRY_HEADERS.join(" | ")).toBe(
      "Организация | Ссылка на таблицу МИП | Ответственный | Электронная почта",
    );
    expect(SUMMARY_HEADERS.join(" | ")).toBe(
      "Организация | Ссылка | Вид отчёта | Заполнено, % | Ошибки | Предупреждения | " +
        "Выполнение плана, % | Отклонений | Наставнических пар | Наставников | Наставляемых " +
        "| Участников | Мероприятий (распространение) | Отчёт | Обновлено | Состояние",
    );
    expect(SUMMARY_ALL_HEADERS.slice(0, 16)).toEqual([...SUMMARY_HEADERS]);
  });
});

describe("spreadsheet id from a registry cell", () => {
  it.each([
    [`https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`, ID],
    [`  https://docs.google.com/spreadsheets/u/1/d/${ID}/edit?usp=sharing `, ID],
    [`https://drive.google.com/open?id=${ID}`, ID],
    [ID, ID],
    [`«${ID}»`, ID],
  ])("%s", (text, id) => expect(spreadsheetIdFrom(text)).toBe(id));

  it.each(["", "нет", "см. письмо", "https://example.com/table", "=IMPORTXML(1)", "12345"])("junk %j → null", (text) =>
    expect(spreadsheetIdFrom(text)).toBeNull(),
  );

  it("builds links from ids only", () =>
    expect(spreadsheetUrl(ID)).toBe(`https://docs.google.com/spreadsheets/d/${ID}`));
});

describe("parseRegistry", () => {
  it("reads rows by header, skips blank rows, keeps rows without a usable link", () => {
    const rows = [
      ["Ссылка на таблицу МИП", "Организация", "Ответственный", "Электронная почта"],
      [`https://docs.google.com/spreadsheets/d/${ID}/edit`, "МОУ «СОШ № 7»", "Петрова Е.В.", "p@example.ru"],
      [null, "", "", ""],
      ["не прислали", "МОУ «Лесновская СОШ»", "", ""],
    ];
    const entries = parseRegistry(rows);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      row: 2,
      organisation: "МОУ «СОШ № 7»",
      id: ID,
      responsible: "Петрова Е.В.",
      email: "p@example.ru",
    });
    expect(entries[1]).toMatchObject({
      row: 4,
      organisation: "МОУ «Лесновская СОШ»",
      id: null,
      linkText: "не прислали",
    });
  });
  it("empty registry → no entries", () => expect(parseRegistry([])).toEqual([]));
});

describe("states", () => {
  it("recognises foreign workbooks, older templates and current ones", () => {
    expect(stateOfGrid({ tabs: [{ title: "Лист1", rows: [["a"]] }] })).toEqual(STATE_NOT_TEMPLATE);
    expect(stateOfGrid(schoolGrid({ shortName: "A", templateVersion: "0" }))).toEqual(STATE_OLD_TEMPLATE);
    expect(stateOfGrid(schoolGrid({ shortName: "A" }))).toEqual(STATE_OK);
    expect(stateOfGrid(schoolGrid({ shortName: "A", templateVersion: null }))).toEqual(STATE_OK);
  });
  it("read errors are one short line", () => {
    const state = readErrorState("Exception:\n  something   broke " + "x".repeat(300));
    const text = stateText(state);
    expect(text.startsWith("Ошибка чтения: Exception: something broke")).toBe(true);
    expect(text.length).toBeLessThanOrEqual("Ошибка чтения: ".length + 120);
  });
  it("each state's text reads back as the same state; unknown text is a read error", () => {
    const states = [
      STATE_OK,
      STATE_NO_ACCESS,
      STATE_NOT_TEMPLATE,
      STATE_OLD_TEMPLATE,
      STATE_NO_LINK,
      STATE_TOO_SLOW,
      readErrorState("таблица не найдена"),
    ];
    expect(states.map(stateText)).toEqual([
      "ОК",
      "Нет доступа",
      "Не шаблон МИП",
      "Старая версия шаблона",
      "Нет ссылки",
      "Ошибка чтения: таблица читается слишком долго",
      "Ошибка чтения: таблица не найдена",
    ]);
    for (const state of states) expect(stateFromText(stateText(state))).toEqual(state);
    expect(stateFromText("что-то своё")).toEqual(readErrorState("что-то своё"));
  });
});

describe("digest of a validated workbook", () => {
  const grid = schoolGrid({
    shortName: "МОУ «СОШ № 7»",
    rows: {
      "План-факт": [
        planRow("1", "Семинар", "Выполнено"),
        planRow("2", "Вебинар для ШНОР", "Перенесено", "Болезнь лектора", "Перенесён на май"),
        planRow("3", "Выезд в школу", "Не выполнено", "Карантин", ""),
      ],
      Наставничество: [
        pairRow(
          "1",
          "Сидорова Анна Петровна",
          "Химия",
          "Орлова Мария Ивановна",
          "Не состоялась",
          "Длительная болезнь наставника",
        ),
        pairRow("2", "Козлов Пётр Ильич", "Физика", "Белов Иван Сергеевич", "Активна"),
      ],
      Участники: [
        ["Педагоги", 27, ""],
        ["Педагоги", "3 чел.", ""],
        ["Руководители", 5, ""],
      ],
      Затруднения: [["Высокая нагрузка педагогов", "Гибкий график", "Работа продолжена"]],
      Организации: [["МОУ «Лесновская СОШ»", "Школа с НОР", "", ""]],
    },
  });
  const result = validateWorkbook(grid, { today: "2022-12-20" });
  const d = digestOf(result);

  it("extracts deviations with reasons and actions", () => {
    expect(d.deviations.map((x) => [x.no, x.status, x.reason, x.action])).toEqual([
      ["2", "Перенесено", "Болезнь лектора", "Перенесён на май"],
      ["3", "Не выполнено", "Карантин", ""],
    ]);
  });
  it("extracts pairs that did not take place, participants, problems, organisations", () => {
    expect(d.notHeldPairs).toEqual([
      {
        mentor: "Сидорова Анна Петровна",
        mentee: "Орлова Мария Ивановна",
        subject: "Химия",
        reason: "Длительная болезнь наставника",
      },
    ]);
    expect(d.participants).toEqual([
      { name: "Педагоги", count: 30 },
      { name: "Руководители", count: 5 },
    ]);
    expect(d.problems[0]?.problem).toBe("Высокая нагрузка педагогов");
    expect(d.orgs).toEqual([{ name: "МОУ «Лесновская СОШ»", type: "Школа с НОР" }]);
    expect(d.organisation).toBe("МОУ «СОШ № 7»");
    expect(d.reportType).toBe("Промежуточный");
  });
  it("counts what the validator found", () => {
    expect(d.summary.errors).toBe(result.issues.filter((i) => i.severity === "error").length);
    const counted = Object.values(d.findings).reduce((a, b) => a + (b ?? 0), 0);
    expect(counted).toBe(result.issues.filter((i) => i.severity !== "info").length);
  });
  it("survives serialisation into one cell", () => {
    expect(parseDigest(serialiseDigest(d))).toEqual(JSON.parse(JSON.stringify(d)));
    expect(parseDigest("=IMPORTXML(1)")).toBeNull();
    expect(parseDigest("{broken")).toBeNull();
  });
  it("rejects a digest cell edited by hand into the wrong shape, instead of trusting it", () => {
    const stored = JSON.parse(serialiseDigest(d)) as Record<string, unknown>;
    const tampered = (change: (v: Record<string, unknown>) => void): string => {
      const copy = JSON.parse(JSON.stringify(stored)) as Record<string, unknown>;
      change(copy);
      return JSON.stringify(copy);
    };
    expect(parseDigest(tampered((v) => (v.deviations = [1, 2, 3])))).toBeNull();
    expect(parseDigest(tampered((v) => ((v.metrics as Record<string, unknown>).planRows = "14")))).toBeNull();
    expect(parseDigest(tampered((v) => delete v.summary))).toBeNull();
    expect(parseDigest(tampered((v) => (v.firstErrors = [{ toString: "x" }])))).toBeNull();
    // A digest stored before pairs carried the mentee is still read.
    const old = parseDigest(
      tampered((v) => (v.notHeldPairs as Record<string, unknown>[]).forEach((p) => delete p.mentee)),
    );
    expect(old?.notHeldPairs).toEqual([
      { mentor: "Сидорова Анна Петровна", subject: "Химия", reason: "Длительная болезнь наставника" },
    ]);
    // Unknown extra keys (a newer version's digest) are dropped, not fatal.
    expect(parseDigest(tampered((v) => (v.extra = "новое поле")))).toEqual(JSON.parse(JSON.stringify(d)));
  });
  it("is shortened to fit a Sheets cell", () => {
    const huge = digest({
      deviations: Array.from({ length: 400 }, (_, i) => ({
        no: String(i),
        activity: "а".repeat(300),
        status: "Перенесено",
        reason: "б".repeat(300),
        action: "в".repeat(300),
      })),
      problems: Array.from({ length: 400 }, () => ({
        problem: "п".repeat(300),
        solution: "р".repeat(300),
        outcome: "",
      })),
    });
    const json = serialiseDigest(huge);
    expect(json.length).toBeLessThanOrEqual(DIGEST_MAX_CHARS);
    expect(parseDigest(json)?.deviations.length).toBeGreaterThan(0);
  });
});

describe("Свод row", () => {
  it("has one value per column, figures where the contract puts them", () => {
    const record: SchoolRecord = {
      ...source(),
      reportLink: "",
      state: STATE_OK,
      digest: digest({
        summary: { errors: 2, warnings: 3, infos: 0, completeness: 0.824 },
        metrics: {
          planExecution: 0.75,
          deviations: 3,
          pairsActive: 20,
          mentors: 6,
          mentees: 21,
          participantsTotal: 372,
          eventsByTab: { "Распространение опыта": 4 },
        },
      }),
    };
    const row = schoolRow(record);
    expect(row.values).toHaveLength(SUMMARY_ALL_HEADERS.length);
    const at = (h: (typeof SUMMARY_ALL_HEADERS)[number]) => row.values[summaryColumn(h)];
    expect(at("Организация")).toBe("МОУ «СОШ № 7»");
    expect(at("Ссылка")).toBe(`https://docs.google.com/spreadsheets/d/${ID}`);
    expect(at("Заполнено, %")).toBe(82);
    expect(at("Ошибки")).toBe(2);
    expect(at("Предупреждения")).toBe(3);
    expect(at("Выполнение плана, %")).toBe(75);
    expect(at("Отклонений")).toBe(3);
    expect(at("Наставнических пар")).toBe(20);
    expect(at("Наставников")).toBe(6);
    expect(at("Наставляемых")).toBe(21);
    expect(at("Участников")).toBe(372);
    expect(at("Мероприятий (распространение)")).toBe(4);
    expect(at("Отчёт")).toBe("Черновик (есть ошибки)");
    expect(at("Состояние")).toBe("ОК");
    expect(at("ID таблицы")).toBe(ID);
    expect(row.tone).toBe("errors");
  });

  it("colours by state: warnings amber, clean green, unreadable grey", () => {
    const warn = schoolRow({
      ...source(),
      reportLink: "",
      state: STATE_OK,
      digest: digest({ summary: { errors: 0, warnings: 1, infos: 0, completeness: 1 } }),
    });
    const clean = schoolRow({ ...source(), reportLink: "", state: STATE_OK, digest: digest() });
    const failed = schoolRow(failedRecord(source(), STATE_NO_ACCESS));
    expect([warn.tone, clean.tone, failed.tone]).toEqual(["warnings", "clean", "unreadable"]);
    expect(failed.values[summaryColumn("Состояние")]).toBe("Нет доступа");
    expect(failed.values[summaryColumn("Ошибки")]).toBe("");
  });

  it("reads back what it wrote (skip-unchanged and the справка rely on it)", () => {
    const grid = schoolGrid({ shortName: "МОУ «СОШ № 7»" });
    const record = readRecord(source({ organisation: "" }), grid, validateWorkbook(grid, { today: "2022-12-20" }));
    expect(record.organisation).toBe("МОУ «СОШ № 7»");
    const stored = storedRowOf(schoolRow(record).values);
    expect(stored?.id).toBe(ID);
    expect(stored?.modified).toBe("2022-12-01T10:00:00.000Z");
    expect(stored?.record.digest?.summary).toEqual(record.digest?.summary);
  });

  it("a foreign workbook gets «Не шаблон МИП» and no figures", () => {
    const grid = { tabs: [{ title: "Бюджет", rows: [["Статья", "Сумма"]] }] };
    const record = readRecord(source(), grid, validateWorkbook(grid));
    expect(stateText(record.state)).toBe("Не шаблон МИП");
    expect(record.digest).toBeNull();
  });
});

describe("formula safety in Sheets values", () => {
  it.each([...MALICIOUS])("%s is quote-prefixed", (text) => {
    expect(looksLikeFormula(text)).toBe(true);
    expect(sheetsPlainValue(text)).toBe(`'${text}`);
  });
  it("every string is quote-prefixed (dates and numbers in text stay text), numbers stay numbers", () => {
    expect(sheetsPlainValue("05.03")).toBe("'05.03");
    expect(sheetsPlainValue(42)).toBe(42);
    expect(sheetsPlainValue("")).toBe("");
  });
});

describe("totals", () => {
  it("sums the read schools and counts the unreadable ones by state", () => {
    const a: SchoolRecord = {
      ...source({ id: "a" }),
      reportLink: "",
      state: STATE_OK,
      digest: digest({
        summary: { errors: 1, warnings: 0, infos: 0, completeness: 0.5 },
        metrics: {
          planDue: 4,
          planDone: 3,
          planRows: 5,
          pairsTotal: 5,
          pairsActive: 4,
          pairsNotHeld: 1,
          mentors: 2,
          mentees: 4,
          participantsTotal: 10,
          eventsByLevel: { Муниципальный: 2 },
          pairsBySubject: { Химия: 1, Физика: 4 },
        },
      }),
    };
    const b: SchoolRecord = {
      ...source({ id: "b" }),
      reportLink: "",
      state: STATE_OK,
      digest: digest({
        metrics: {
          planDue: 6,
          planDone: 6,
          planRows: 6,
          participantsTotal: 5,
          eventsByLevel: { Муниципальный: 1, Региональный: 1 },
          pairsBySubject: { Физика: 2 },
        },
      }),
    };
    const c = failedRecord(source({ id: "c" }), STATE_NO_ACCESS);
    const t = committeeTotals([a, b, c]);
    expect(t).toMatchObject({
      schools: 3,
      read: 2,
      unreadable: 1,
      withErrors: 1,
      clean: 1,
      planDue: 10,
      planDone: 9,
      participantsTotal: 15,
    });
    expect(t.planExecution).toBeCloseTo(0.9);
    expect(t.completeness).toBeCloseTo(0.75);
    expect(t.byState).toEqual({ ОК: 2, "Нет доступа": 1 });
    expect(t.eventsByLevel).toEqual({ Муниципальный: 3, Региональный: 1 });
    expect(t.pairsBySubject).toEqual({ Химия: 1, Физика: 6 });
  });

  it("counts a pair or a person listed by two schools once; schools without pair lists (older digests) add their counts", () => {
    // Two workbooks of one network: the centre's mentor Громов works in both schools, and the
    // pair Соколова → Белова (physics) is listed by both; a pair that did not take place is
    // counted as a pair but its people are not.
    const pairs = (mentee: string) => [
      pairRow("1", "Громов Игорь Семёнович", "Химия", mentee, "Активна"),
      pairRow("2", "Соколова Вера Павловна", "Физика", "Белова Нина Олеговна", "Активна"),
      pairRow(
        "3",
        "Зимина Татьяна Петровна",
        "химия ",
        `Осипов ${mentee.split(" ")[1]}`,
        "Не состоялась",
        "Болезнь наставника",
      ),
    ];
    const recordOf = (idText: string, grid: ReturnType<typeof schoolGrid>): SchoolRecord => {
      const result = validateWorkbook(grid, { today: "2022-12-20" });
      return { ...source({ id: idText }), reportLink: "", state: STATE_OK, digest: digestOf(result) };
    };
    const a = recordOf(
      "a",
      schoolGrid({ shortName: "Школа А", rows: { Наставничество: pairs("Орлова Анна Петровна") } }),
    );
    const b = recordOf(
      "b",
      schoolGrid({ shortName: "Школа Б", rows: { Наставничество: pairs("Котов Илья Андреевич") } }),
    );
    expect(a.digest!.metrics).toMatchObject({ mentors: 2, mentees: 2, pairsTotal: 3, pairsNotHeld: 1 });
    expect(a.digest!.pairs?.list).toHaveLength(3);
    const t = committeeTotals([a, b]);
    // Pairs: Громов→Орлова, Громов→Котов, Соколова→Белова (once), two not held.
    expect(t).toMatchObject({ pairsTotal: 5, pairsActive: 3, pairsNotHeld: 2, mentors: 2, mentees: 3 });
    expect(t.pairsBySubject).toEqual({ Химия: 2, Физика: 1 });
    // A digest stored before pair lists were kept: its counts are added as they are.
    const { pairs: _, ...old } = b.digest!;
    const legacy: SchoolRecord = { ...b, digest: parseDigest(JSON.stringify(old))! };
    expect(legacy.digest).not.toBeNull();
    expect(committeeTotals([a, legacy])).toMatchObject({ pairsTotal: 6, pairsActive: 4, mentors: 4, mentees: 4 });
    expect(committeeTotals([a, legacy]).pairsBySubject).toEqual({ Химия: 2, Физика: 2 });
    // One school alone gives exactly its own metrics, even with a pair listed twice (MENT_DUPLICATE_PAIR):
    // the pair is one pair everywhere, read from its first listing (the second is the duplicate the check reports).
    const twice = recordOf(
      "c",
      schoolGrid({
        shortName: "Школа В",
        rows: {
          Наставничество: [
            pairRow("1", "Громов Игорь Семёнович", "Химия", "Орлова Анна Петровна", "Не состоялась", "Болезнь"),
            pairRow("2", "Громов Игорь Семёнович", "Химия", "Орлова Анна Петровна", "Активна"),
          ],
        },
      }),
    );
    const own = twice.digest!.metrics;
    expect(committeeTotals([twice])).toMatchObject({
      pairsTotal: own.pairsTotal,
      pairsActive: own.pairsActive,
      pairsNotHeld: own.pairsNotHeld,
      mentors: own.mentors,
      mentees: own.mentees,
    });
    expect(own).toMatchObject({ pairsTotal: 1, pairsActive: 0, pairsNotHeld: 1, mentors: 0, mentees: 0 });
    // The pair list survives the trip through the hidden Свод cell.
    expect(parseDigest(serialiseDigest(a.digest!))?.pairs).toEqual(a.digest!.pairs);
  });
});

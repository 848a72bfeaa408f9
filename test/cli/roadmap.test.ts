/**
 * `mip roadmap` and `mip template --roadmap` through the real binary, and the demo's roadmap:
 * its order is written with the appendix, and the execution matrix agrees with the schools'
 * workbooks cell by cell — the test reads the matrix .xlsx and every school's .xlsx and
 * derives each cell from the school's own rows.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { type Cell, cellText } from "../../src/core/grid.js";
import { ROADMAP_HEADERS } from "../../src/core/roadmap/schema.js";
import { parsePeriod, parseTerm } from "../../src/core/terms/index.js";
import { readXlsx } from "../../src/local/xlsx-read.js";
import { docxXml } from "../helpers/docx-text.js";
import { ensureBuilt, hasStackTrace, mip, tempDir } from "./helpers.js";

const headerAt = (rows: readonly (readonly Cell[])[], header: string): number =>
  (rows[0] ?? []).findIndex((c) => cellText(c) === header);

describe("mip template --roadmap and mip roadmap", () => {
  const dir = tempDir("mip-roadmap-");
  beforeAll(() => ensureBuilt());

  it("writes an empty roadmap workbook with the contract columns, and the sample", async () => {
    expect(mip(["template", "--roadmap"], dir).code).toBe(0);
    const blank = await readXlsx(readFileSync(join(dir, "mip-roadmap.xlsx")));
    expect(blank.tabs.map((t) => t.title)).toEqual(["Дорожная карта", "Распоряжение", "Реестр"]);
    expect(blank.tabs[0]!.rows[0]!.map(cellText)).toEqual([...ROADMAP_HEADERS]);
    expect(blank.tabs[1]!.rows.map((r) => cellText(r[0]))).toContain("Разослано");
    const sample = mip(["template", "--roadmap", "--sample", "--out", "пример.xlsx"], dir);
    expect(sample.code).toBe(0);
    expect(sample.stdout).toContain("Пример дорожной карты записан");
  });

  it("checks the sample (exit 0), writes the order with a landscape appendix", async () => {
    const run = mip(["roadmap", "пример.xlsx", "--out", "распоряжение.docx"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("дат прочитано: 30 из 30");
    expect(run.stdout).toContain("видимо, «МОУ «Сосновская СОШ»»");
    const xml = await docxXml(join(dir, "распоряжение.docx"));
    expect(xml).toContain("РАСПОРЯЖЕНИЕ");
    expect(xml).toContain("от 04 марта 2022 года № 57");
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain("<w:tblHeader/>");
  });

  it("--json has the fields of mip validate --json; errors give exit 1 and a draft", async () => {
    const run = mip(["roadmap", "mip-roadmap.xlsx", "--json", "--out", "черновик.docx"], dir);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["file", "templateVersion", "summary", "metrics", "issues"]);
    expect(Object.keys(json.summary as object)).toEqual(["errors", "warnings", "infos", "completeness"]);
    const issues = json.issues as { rule: string; sheet: string }[];
    expect(issues.map((i) => i.rule)).toContain("ROADMAP_EMPTY");
    expect(Object.keys(issues[0]!)).toEqual(["rule", "severity", "sheet", "row", "column", "cell", "message"]);
    expect(run.stderr).toContain("Черновик распоряжения");
    const zip = await JSZip.loadAsync(readFileSync(join(dir, "черновик.docx")));
    const headers = Object.keys(zip.files).filter((f) => /word\/header\d*\.xml$/.test(f));
    const headerText = (await Promise.all(headers.map((h) => zip.file(h)!.async("string")))).join("");
    expect(headerText).toContain("ЧЕРНОВИК");
  });

  it("an order file that exists is left whole; the note goes where the line naming the new file goes", () => {
    // docs/CLI.md, output streams: stdout, as `mip report` says it; under --json stdout is the JSON alone.
    const plain = mip(["roadmap", "пример.xlsx", "--out", "распоряжение.docx"], dir);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain("распоряжение.docx» уже существует — он не тронут.");
    expect(plain.stdout).toMatch(/записано: .*распоряжение \(2\)\.docx\n/);
    expect(plain.stderr).toBe("");
    const json = mip(["roadmap", "пример.xlsx", "--json", "--out", "распоряжение.docx"], dir);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toHaveProperty("issues");
    expect(json.stderr).toContain("распоряжение.docx» уже существует — он не тронут.");
    expect(json.stderr).toMatch(/записано: .*распоряжение \(3\)\.docx\n/);
  });

  it("a workbook that is not a roadmap, or no file, is exit 2 with one Russian sentence", () => {
    mip(["template", "--out", "школа.xlsx"], dir);
    const run = mip(["roadmap", "школа.xlsx"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("не дорожная карта");
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(mip(["roadmap"], dir).code).toBe(2);
    expect(mip(["roadmap", "пример.xlsx", "--execution"], dir).code).toBe(2);
  });
});

describe("the demo's roadmap", () => {
  const dir = tempDir("mip-roadmap-demo-");
  let demo = "";
  let demoSaid = "";
  beforeAll(() => {
    ensureBuilt();
    const run = mip(["demo", "--out", "demo"], dir);
    expect(run.code).toBe(0);
    demo = join(dir, "demo");
    demoSaid = run.stdout;
  }, 180_000);

  it("gives the order with its appendix and the execution report", async () => {
    const files = readdirSync(demo);
    expect(files).toEqual(
      expect.arrayContaining([
        "Дорожная карта комитета.xlsx",
        "Распоряжение о дорожной карте.docx",
        "Отчёт об исполнении дорожной карты.docx",
        "Исполнение дорожной карты.xlsx",
      ]),
    );
    const order = await docxXml(join(demo, "Распоряжение о дорожной карте.docx"));
    expect(order).toContain("Приложение 1");
    expect(order).toContain("МУНИЦИПАЛЬНАЯ ДОРОЖНАЯ КАРТА");
    const report = await docxXml(join(demo, "Отчёт об исполнении дорожной карты.docx"));
    expect(report).toContain("по состоянию на 20.12.2022");
    expect(report).toContain("Совещание педагогов-наставников");
    // The справка о реализации проекта names the roadmap's order among its stage's orders.
    const spravka = await docxXml(join(demo, "Справка о реализации проекта.docx"));
    expect(spravka.replace(/\u00a0/g, " ")).toContain(
      "распоряжение от 04.03.2022 года № 57 «Об утверждении муниципальной дорожной карты",
    );
  });

  it("the execution matrix agrees with the schools' workbooks, cell by cell", async () => {
    const matrix = (await readXlsx(readFileSync(join(demo, "Исполнение дорожной карты.xlsx")))).tabs[0]!;
    expect(matrix.title).toBe("Исполнение дорожной карты");
    const roadmap = (await readXlsx(readFileSync(join(demo, "Дорожная карта комитета.xlsx")))).tabs[0]!.rows.slice(1);
    const header = matrix.rows[0]!.map(cellText);
    expect(header.slice(0, 4)).toEqual(["№ п/п", "Направления деятельности", "Дата", "Выполнили, %"]);
    const today = "2022-12-20";
    const period = parsePeriod("2022");
    const schoolsDir = join(demo, "Таблицы школ");
    let checked = 0;
    for (const file of readdirSync(schoolsDir)) {
      const school = await readXlsx(readFileSync(join(schoolsDir, file)));
      const general = school.tabs.find((t) => t.title === "Общие сведения")!.rows;
      const name = cellText(general.find((r) => cellText(r[0]) === "Сокращённое наименование")![1]);
      const column = header.indexOf(name);
      expect(column, name).toBeGreaterThan(3);
      const plan = school.tabs.find((t) => t.title === "План-факт")!.rows;
      const events = school.tabs.find((t) => t.title === "Мероприятия МИП")!.rows;
      const at = {
        planItem: headerAt(plan, "Пункт дорожной карты"),
        fact: headerAt(plan, "Фактическое содержание"),
        status: headerAt(plan, "Статус"),
        eventItem: headerAt(events, "Пункт дорожной карты"),
        eventName: headerAt(events, "Название"),
        eventDate: headerAt(events, "Дата"),
      };
      const keys = roadmap.map((item) => cellText(item[0]).replace(/\.$/, ""));
      const cellOf = (key: string) => cellText(matrix.rows[keys.indexOf(key) + 1]![column]);
      // Deepest first: a direction's sub-items are checked before it.
      const order = keys.map((_, i) => i).sort((a, b) => keys[b]!.split(".").length - keys[a]!.split(".").length);
      for (const i of order) {
        const item = roadmap[i]!;
        const key = keys[i]!;
        const planRows = plan.slice(1).filter((r) => cellText(r[at.planItem]) === key);
        const eventRows = events.slice(1).filter((r) => cellText(r[at.eventItem]) === key);
        const done =
          planRows.some(
            (r) =>
              cellText(r[at.fact]) !== "" &&
              !["Не выполнено", "Перенесено", "В работе"].includes(cellText(r[at.status])),
          ) ||
          eventRows.some((r) => {
            const date = parseTerm(r[at.eventDate] ?? null, { period });
            return cellText(r[at.eventName]) !== "" && (!date?.ok || (date.term.start ?? "") <= today);
          });
        const linked = planRows.length + eventRows.length > 0;
        const end = parseTerm(item[2] ?? null, { period });
        const due = end?.ok === true && end.term.end !== null && end.term.end < today;
        const cell = cellOf(key);
        expect(cellText(matrix.rows[i + 1]![0])).toBe(cellText(item[0]));
        // A direction with sub-items concerning the school: its state is theirs.
        const subs = keys.filter((k) => k.startsWith(`${key}.`) && k.split(".").length === key.split(".").length + 1);
        const subStates = subs.map(cellOf).filter((c) => c !== "—");
        if (done) expect(cell, `${name} × ${key}`).toBe("Выполнено");
        else if (subStates.length > 0)
          expect(cell, `${name} × ${key}`).toBe(
            subStates.includes("Просрочено")
              ? "Просрочено"
              : subStates.every((c) => c === "Выполнено")
                ? "Выполнено"
                : subStates.some((c) => c === "Выполнено" || c === "В работе")
                  ? "В работе"
                  : cell,
          );
        else if (cell !== "—")
          expect(cell, `${name} × ${key}`).toBe(due ? "Просрочено" : linked ? "В работе" : "Срок не наступил");
        else expect(linked, `${name} × ${key}`).toBe(false);
        checked++;
      }
    }
    expect(checked).toBe(90);
    // The run's line counts overdue cells of this matrix, out of all its item × school cells.
    const schoolColumns = header.length - 4;
    const overdueCells = matrix.rows
      .slice(1)
      .reduce((n, r) => n + r.filter((c) => cellText(c) === "Просрочено").length, 0);
    expect(demoSaid).toContain(
      `30 пунктов; просрочено ${overdueCells} из ${30 * schoolColumns} ячеек матрицы «пункт × школа».`,
    );
    // Overdue cells stand out.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(demo, "Исполнение дорожной карты.xlsx")) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet("Исполнение дорожной карты")!;
    let overdue = 0;
    sheet.eachRow((row, r) => {
      row.eachCell((c) => {
        if (r > 1 && c.value === "Просрочено") {
          overdue++;
          expect((c.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFF4C7C3");
        }
      });
    });
    expect(overdue).toBeGreaterThan(0);
  });
  it("execution: outputs that exist are left whole and said on stdout; an unreadable school is a skipped input on stderr", () => {
    const broken = join(dir, "сломанная.xlsx");
    writeFileSync(broken, "not a workbook");
    const report = join(demo, "Отчёт об исполнении дорожной карты.docx");
    const matrix = join(demo, "Исполнение дорожной карты.xlsx");
    const before = [readFileSync(report), readFileSync(matrix)];
    const run = mip(
      [
        "roadmap",
        join(demo, "Дорожная карта комитета.xlsx"),
        join(demo, "Таблицы школ"),
        broken,
        "--execution",
        "--date",
        "20.12.2022",
        "--out",
        report,
        "--matrix",
        matrix,
      ],
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Файл «${report}» уже существует — он не тронут.`);
    expect(run.stdout).toContain(`Файл «${matrix}» уже существует — он не тронут.`);
    expect(run.stdout).toContain("Отчёт об исполнении дорожной карты (2).docx");
    expect(run.stderr).toMatch(/Не прочитана: .*сломанная\.xlsx/);
    expect(run.stdout).not.toContain("Не прочитана");
    expect([readFileSync(report), readFileSync(matrix)]).toEqual(before);
  });
});

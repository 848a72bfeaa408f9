/** «Комитет → Справка о реализации проекта» on the BUILT bundle with the Apps Script fake. */
import { describe, expect, it } from "vitest";
import { sampleSchools } from "../../src/demo/sample.js";
import { roadmapSampleGrid } from "../../src/demo/roadmap-sample.js";
import { cellText } from "../../src/core/grid.js";
import { documentStructure } from "../gas/fake/index.js";
import { lastAlert } from "../gas/inspect.js";
import { committeeEnv } from "../committee/gas-env.js";

const id = (n: number) => `1project${String(n).padStart(4, "0")}abcdefghijklmnopqrstuvwxyz`;
const [network, tidy, late] = sampleSchools();

function env() {
  const e = committeeEnv([
    { id: id(1), organisation: "МОУ ДО «Центр развития образования»", grid: network!.grid },
    { id: id(2), organisation: "МОУ «СОШ № 4»", grid: tidy!.grid },
    { id: id(3), organisation: "МОУ «Берёзовская ООШ»", grid: late!.grid },
    { id: id(4), organisation: "МОУ «Сосновская СОШ»", denied: true },
    { id: id(5), organisation: "МОУ «Чужая СОШ»", grid: tidy!.grid },
  ]);
  e.run("committeeSetup");
  return e;
}

const docText = (e: ReturnType<typeof env>): string => {
  const docs = [...e.fake.documentApp._documents.values()];
  return (
    e.counter
      .paused(() => documentStructure(docs.at(-1)!))
      .map((el) => ("text" in el ? el.text : "rows" in el ? el.rows.flat().join(" | ") : ""))
      .join("\n")
      // No-break spaces («№ 4», «Н.И. Ветрова») read as spaces.
      .replace(/\u00a0/g, " ")
  );
};

describe("committee: справка о реализации проекта (bundle)", () => {
  it("is made for the selected Реестр row, from the project and the registry's participants of the same period", () => {
    const e = env();
    e.counter.paused(() => e.committee.setActiveRange(e.committee._sheet("Реестр").getRange("B2") as never));
    const made = e.run("committeeMakeProjectSpravka") as { name: string; url: string };
    expect(made.name).toBe(
      `Справка о реализации проекта — МОУ ДО «Центр развития образования» — ${made.name.slice(-10)}`,
    );
    const text = docText(e);
    expect(text).toContain("СПРАВКА О РЕАЛИЗАЦИИ МУНИЦИПАЛЬНОГО ПРОЕКТА");
    for (const h of [
      "1. Цель проекта:",
      "3. Этапы проекта:",
      "4. Основные результаты мониторинга школ с НОР",
      "7. Рекомендации.",
    ])
      expect(text).toContain(h);
    expect(text).toContain("таблицы организаций-участников за тот же период: МОУ «СОШ № 4»");
    const alert = lastAlert(e.fake);
    expect(alert).toContain(made.url);
    expect(alert).toContain(
      "Не учтена «МОУ «Берёзовская ООШ»»: отчётный период «2019-2020 учебный год», а у проекта «2022».",
    );
    expect(alert).toContain("Не учтена «МОУ «Сосновская СОШ»»: таблицу не удалось открыть (нет доступа).");
    // Not listed in the project's «Организации»: not read at all.
    expect(alert).not.toContain("Чужая");
    // The coordinator's «Справка о проекте» names the signer.
    expect(text).toContain("Методист МОУ ДО «Центр развития образования»");
    expect(text).toContain("Н.И.");
    expect(e.formulaWrites).toEqual([]);
  });

  it("saves its PDF beside the Doc and the dialog gives both links; a failed export keeps the Doc and says why", () => {
    const e = env();
    e.counter.paused(() => e.committee.setActiveRange(e.committee._sheet("Реестр").getRange("B2") as never));
    const made = e.run("committeeMakeProjectSpravka") as { name: string; url: string; pdfUrl: string | null };
    const files = [...e.fake.drive._files.values()];
    const doc = files.find((f) => made.url.includes(f.id))!;
    const pdf = files.find((f) => f.mimeType === "application/pdf")!;
    expect(pdf.name).toBe(`${made.name}.pdf`);
    expect(pdf.parents).toEqual(doc.parents);
    expect(made.pdfUrl).toBe(`https://drive.google.com/file/d/${pdf.id}/view?usp=drivesdk`);
    expect(e.fake.driveV3._contents.get(pdf.id)!.toString("utf8")).toContain("СПРАВКА О РЕАЛИЗАЦИИ");
    const alert = lastAlert(e.fake);
    expect(alert).toContain(`Ссылка: ${made.url}`);
    expect(alert).toContain(`PDF: ${made.pdfUrl}`);

    e.fake.driveV3._exportLimitBytes = 100;
    const second = e.run("committeeMakeProjectSpravka") as { url: string; pdfUrl: string | null };
    expect(e.fake.documentApp._documents.size).toBe(2);
    expect(second.pdfUrl).toBeNull();
    expect(lastAlert(e.fake)).toContain(`Ссылка: ${second.url}`);
    expect(lastAlert(e.fake)).toContain("PDF не сохранён: документ больше 10 МБ");
  });

  it("cites the committee's roadmap order in the stage its date falls in, when the committee keeps one", () => {
    const e = env();
    e.counter.paused(() => {
      const order = roadmapSampleGrid().tabs.find((t) => t.title === "Распоряжение")!;
      const sheet = e.committee._addSheet("Распоряжение", { rows: 40, cols: 3 });
      sheet
        .getRange(1, 1, order.rows.length, 3)
        .setValues(order.rows.map((r) => [0, 1, 2].map((i) => `'${cellText(r[i] ?? null)}`)));
      e.committee._addSheet("Дорожная карта", { rows: 10, cols: 6 });
      e.committee.setActiveRange(e.committee._sheet("Реестр").getRange("B2") as never);
    });
    e.run("committeeMakeProjectSpravka");
    expect(docText(e)).toContain("распоряжение от 04.03.2022 года № 57 «Об утверждении муниципальной дорожной карты");
  });

  it("tells the user to select a Реестр row first, and makes nothing", () => {
    const e = env();
    e.counter.paused(() => e.committee.setActiveSheet(e.committee._sheet("Свод") as never));
    expect(e.run("committeeMakeProjectSpravka")).toBeNull();
    expect(lastAlert(e.fake)).toContain("Выделите на вкладке «Реестр» строку проекта");
    expect(e.fake.documentApp._documents.size).toBe(0);
  });
});

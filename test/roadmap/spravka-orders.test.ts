/**
 * The справка's stages name the committee's roadmap order: placed in the stage its date falls
 * in, and not repeated when the project's «Документы» already lists it.
 */
import { describe, expect, it } from "vitest";
import { blockText } from "../../src/core/report/model.js";
import { committeeOrderOf, validateRoadmap } from "../../src/core/roadmap/index.js";
import { buildSpravka, selectSources, spravkaFacts } from "../../src/core/spravka/index.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { roadmapSampleGrid } from "../../src/demo/roadmap-sample.js";
import { sampleGrid, sampleReportDate } from "../../src/demo/sample.js";

describe("the справка with the committee's roadmap order", () => {
  const project = validateWorkbook(sampleGrid(), { today: sampleReportDate });
  const order = committeeOrderOf(validateRoadmap(roadmapSampleGrid()).roadmap)!;

  it("the roadmap gives its order: date, number, title", () => {
    expect(order).toEqual({
      date: "2022-03-04",
      number: "57",
      title: expect.stringMatching(/^Об утверждении муниципальной дорожной карты/),
    });
  });

  it("is placed in the stage its date falls in (Практический, октябрь 2021 – декабрь 2022)", () => {
    const facts = spravkaFacts(selectSources(project, []), { committeeOrders: [order] });
    const practical = facts.stages.find((s) => s.line.name === "Практический")!;
    expect(practical.orders.map((o) => o.text.replace(/\u00a0/g, " "))).toContainEqual(
      expect.stringMatching(/^распоряжение от 04\.03\.2022 года № 57 «Об утверждении муниципальной дорожной карты/),
    );
    const text = buildSpravka(selectSources(project, []), { committeeOrders: [order] })
      .blocks.flatMap(blockText)
      .join("\n");
    expect(text.replace(/\u00a0/g, " ")).toContain("распоряжение от 04.03.2022 года № 57");
  });

  it("is not repeated when the project's «Документы» already lists the same order", () => {
    const listed = spravkaFacts(selectSources(project, []), {});
    const first = listed.stages.flatMap((s) => s.orders)[0]!;
    const m = /от (\d{2})\.(\d{2})\.(\d{4}) года № ([^\s«]+)/u.exec(first.text.replace(/\u00a0/g, " "))!;
    const same = { date: `${m[3]}-${m[2]}-${m[1]}`, number: m[4]!, title: "Тот же документ" };
    const again = spravkaFacts(selectSources(project, []), { committeeOrders: [same] });
    const all = [...again.stages.flatMap((s) => s.orders), ...again.otherOrders];
    expect(all.filter((o) => o.text.includes(m[4]!))).toHaveLength(1);
  });
});

/** One answer cell → one reading: options with commas inside, «Другое», scores, options not in the list. */
import { describe, expect, it } from "vitest";
import { LEADERS_SET, LOW_RESULTS_SET, readAnswer } from "../../src/core/survey/index.js";

const question = (id: string) => LOW_RESULTS_SET.questions.find((q) => q.id === id)!;

describe("reading one answer", () => {
  it("takes options that hold commas out whole and keeps the respondent's own words as «Другое»", () => {
    const reading = readAnswer(
      question("motives"),
      "Распоряжение органа местного самоуправления, осуществляющего управление в сфере образования, " +
        "Стремление к совместному решению новых задач, стоящих перед системой общего образования, Наш выбор, осознанный",
    );
    expect(reading).toEqual({
      ok: true,
      answer: {
        kind: "several",
        values: [
          "Распоряжение органа местного самоуправления, осуществляющего управление в сфере образования",
          "Стремление к совместному решению новых задач, стоящих перед системой общего образования",
        ],
        other: ["Наш выбор, осознанный"],
      },
    });
  });

  it("refuses words beyond the options where the question has no «Другое»", () => {
    const directions = LEADERS_SET.questions.find((q) => q.id === "directions")!;
    const reading = readAnswer(directions, "Работа с педагогами, Работа с родителями");
    expect(reading.ok).toBe(false);
  });

  it("reads a score as a whole number 1–5 only", () => {
    const score = question("support_score");
    expect(readAnswer(score, 4)).toEqual({ ok: true, answer: { kind: "score", value: 4 } });
    expect(readAnswer(score, " 5 ")).toEqual({ ok: true, answer: { kind: "score", value: 5 } });
    for (const bad of ["5 баллов", "отлично", 4.5, 6, 0, "4-5"]) expect(readAnswer(score, bad).ok).toBe(false);
    expect(readAnswer(score, null)).toEqual({ ok: true, answer: null });
  });

  it("matches a scale step whatever its case and spacing, and nothing else", () => {
    const met = question("expectations_met");
    expect(readAnswer(met, "скорее  да, чем нет")).toEqual({
      ok: true,
      answer: { kind: "choice", value: "Скорее да, чем нет" },
    });
    expect(readAnswer(met, "Скорее да").ok).toBe(false);
  });
});

/** The questionnaire in words, for the questionnaire file and the form: each kind's Russian name. */
import { OTHER_OPTION, SCORE_MAX, SCORE_MIN, type SurveyQuestion } from "./questions.js";

export function kindInWords(q: SurveyQuestion): string {
  switch (q.kind) {
    case "organisation":
      return "Выбор из списка организаций проекта";
    case "one":
      return "Один вариант";
    case "several":
      return q.other ? `Несколько вариантов и «${OTHER_OPTION}»` : "Несколько вариантов";
    case "score":
      return `Оценка от ${SCORE_MIN} до ${SCORE_MAX}`;
    case "agreement":
      return "Один вариант шкалы";
    case "text":
      return "Свободный ответ";
  }
}

/** «Семинары; Консультации; …» — the options as the form offers them. */
export function optionsInWords(q: SurveyQuestion): string {
  if (q.kind === "score") return Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i).join("; ");
  const options = [...(q.options ?? []), ...(q.other ? [OTHER_OPTION] : [])];
  return options.join("; ");
}

/**
 * The questionnaire as Google Forms API requests, and a form's responses back as Google's
 * responses-sheet layout («Отметка времени», then one column per question title), so answers
 * read from a Form and from a downloaded .xlsx go through the same reader (read.ts).
 *
 * forms.create copies only the title and the document title; description and items come by
 * forms.batchUpdate («Only the form.info.title and form.info.document_title fields are copied
 * to the new form»: https://developers.google.com/workspace/forms/api/reference/rest/v1/forms/create).
 */
import type { forms_v1 } from "@googleapis/forms";
import type { Cell, TabGrid } from "../grid.js";
import { SCORE_MAX, SCORE_MIN, type QuestionSet, type SurveyQuestion, TIMESTAMP_TITLE } from "./questions.js";

type Question = forms_v1.Schema$Question;

export function formCreateBody(set: QuestionSet): forms_v1.Schema$Form {
  return { info: { title: set.title, documentTitle: set.title } };
}

function questionOf(q: SurveyQuestion, organisations: readonly string[]): Question {
  const base = { required: q.required };
  switch (q.kind) {
    case "organisation":
      // An empty list on «Организации» leaves the name to be typed; the reader matches it.
      return organisations.length > 0
        ? { ...base, choiceQuestion: { type: "DROP_DOWN", options: organisations.map((value) => ({ value })) } }
        : { ...base, textQuestion: { paragraph: false } };
    case "one":
    case "agreement":
      return { ...base, choiceQuestion: { type: "RADIO", options: (q.options ?? []).map((value) => ({ value })) } };
    case "several":
      return {
        ...base,
        choiceQuestion: {
          type: "CHECKBOX",
          options: [...(q.options ?? []).map((value) => ({ value })), ...(q.other ? [{ isOther: true }] : [])],
        },
      };
    case "score":
      return {
        ...base,
        scaleQuestion: { low: SCORE_MIN, high: SCORE_MAX, lowLabel: "совсем нет", highLabel: "полностью" },
      };
    case "text":
      return { ...base, textQuestion: { paragraph: true } };
  }
}

/** The description and one item per question, in order; `organisations`: the group's names from «Организации». */
export function formItemRequests(set: QuestionSet, organisations: readonly string[]): forms_v1.Schema$Request[] {
  return [
    { updateFormInfo: { info: { description: set.description }, updateMask: "description" } },
    ...set.questions.map((q, index): forms_v1.Schema$Request => ({
      createItem: {
        item: { title: q.title, questionItem: { question: questionOf(q, organisations) } },
        location: { index },
      },
    })),
  ];
}

/** Published and accepting answers: forms made by the API after 31 March 2026 start unpublished. */
export const PUBLISH_BODY: forms_v1.Schema$SetPublishSettingsRequest = {
  publishSettings: { publishState: { isPublished: true, isAcceptingResponses: true } },
  updateMask: "publishState",
};

/**
 * A form's responses as its responses sheet: one column per question item of the form (its
 * title as it is now), the answers of a checkbox question joined by «, » as Google writes them.
 * `stamp` formats a response's time in the committee's zone («07.12.2026 10:15:30»).
 */
export function responsesGrid(
  form: forms_v1.Schema$Form,
  responses: readonly forms_v1.Schema$FormResponse[],
  stamp: (iso: string) => string,
): TabGrid {
  const questions = (form.items ?? []).flatMap((item) => {
    const id = item.questionItem?.question?.questionId;
    return id ? [{ id, title: item.title ?? "" }] : [];
  });
  const ordered = [...responses].sort((a, b) =>
    (a.lastSubmittedTime ?? a.createTime ?? "").localeCompare(b.lastSubmittedTime ?? b.createTime ?? ""),
  );
  const rows = ordered.map((r): Cell[] => {
    const time = r.lastSubmittedTime ?? r.createTime ?? "";
    return [
      time ? stamp(time) : null,
      ...questions.map((q) => {
        const values = (r.answers?.[q.id]?.textAnswers?.answers ?? [])
          .map((a) => a.value ?? "")
          .filter((v) => v !== "");
        return values.length > 0 ? values.join(", ") : null;
      }),
    ];
  });
  return { title: form.info?.title ?? "Ответы", rows: [[TIMESTAMP_TITLE, ...questions.map((q) => q.title)], ...rows] };
}

/** The municipal monitoring survey: the questionnaire as data, reading and counting the answers. */
export * from "./questions.js";
export * from "./answers.js";
export * from "./findings.js";
export * from "./read.js";
export * from "./aggregate.js";
export * from "./tally.js";
export * from "./summary.js";
export * from "./google-form.js";
export * from "./describe.js";

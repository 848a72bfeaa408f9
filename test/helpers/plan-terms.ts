/** Terms as coordinators write them in plan rows (one misspelt: «Маи»), for the terms test and the benchmark. */
export const PLAN_TERMS: readonly string[] = [
  "24.02",
  "03.03-10.03",
  "14.03.-31.03",
  "Май",
  "Апрель, май",
  "Ноябрь 15.11, 17.11, 22.11",
  "Март – июнь 2021",
  "С 18.05.2021 по настоящее время",
  "до 15.09.2023 года",
  "постоянно",
  "1-е полугодие 2022",
  "Маи",
];

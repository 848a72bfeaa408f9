/** Types of the Russian terms-and-dates reader (see terms/index.ts). */

/** Calendar date `YYYY-MM-DD`; compares correctly as a string. */
export type IsoDate = string;

export interface Period {
  readonly start: IsoDate;
  readonly end: IsoDate;
  /** As the user wrote it, for messages and the report title. */
  readonly label: string;
  /** "year" (2022), "academic" (2019-2020 учебный год), "range" (explicit dates), "half", "quarter". */
  readonly kind: "year" | "academic" | "range" | "half" | "quarter";
}

export type TermKind =
  | "date" // 24.02.2022, date cell, serial
  | "range" // 03.03-10.03, 15.03.2021-30.04.2021
  | "month" // Май
  | "months" // Апрель, май / Февраль-ноябрь / Март – июнь 2021
  | "days" // Ноябрь 15.11, 17.11, 22.11
  | "ongoing" // С 18.05.2021 по настоящее время (end open)
  | "deadline" // до 15.09.2023 года (start open)
  | "always" // постоянно, в течение года (the whole period)
  | "year" // 2022
  | "academic" // 2019-2020 учебный год
  | "half" // 1-е полугодие 2022
  | "quarter"; // I квартал 2022

export interface Term {
  readonly kind: TermKind;
  /** null = open start (deadline). */
  readonly start: IsoDate | null;
  /** null = open end (ongoing). */
  readonly end: IsoDate | null;
  /** Individual days for "days" terms. */
  readonly days?: readonly IsoDate[];
  /** True when a year was taken from the reporting period rather than written. */
  readonly yearInferred: boolean;
}

export type TermResult =
  | { readonly ok: true; readonly term: Term }
  /** reason: a short Russian explanation ("месяц «Маи» не распознан"). */
  | { readonly ok: false; readonly reason: string; readonly reversed?: boolean };

export interface TermContext {
  /** Reporting period; supplies missing years. */
  readonly period: Period | null;
}

/**
 * The arguments of the sidebar's server functions, checked where they enter. google.script.run
 * lets anyone with the sidebar open call these functions from the browser's console with
 * whatever JSON carries (https://developers.google.com/apps-script/guides/html/reference/run:
 * «legal parameters are JavaScript primitives … objects and arrays»), so nothing is used
 * before it has the shape main.ts declares (ServerApi, server-api.ts); a wrong one gets a Russian sentence.
 */
import * as z from "zod/mini";
import type { ServerApi } from "./server-api.js";
import { countWithNoun } from "../core/russian.js";
import { UserError } from "./errors.js";

const VALUE_NOUNS = ["значение", "значения", "значений"] as const;

/** Google Sheets allows a tab name of at most 100 characters. */
const MAX_TAB_TITLE = 100;
/** A1 address of one cell: up to three column letters (Sheets has at most 18,278 columns) and a row number. */
const ONE_CELL = /^[A-Za-z]{1,3}[1-9]\d{0,6}$/;

const TabTitle = z.string().check(z.minLength(1), z.maxLength(MAX_TAB_TITLE));
const CellAddress = z.nullable(z.string().check(z.regex(ONE_CELL)));

const SCHEMAS: { readonly [K in keyof ServerApi]: z.ZodMiniType<Parameters<ServerApi[K]>> } = {
  sidebarGetState: z.tuple([]),
  sidebarValidate: z.tuple([]),
  sidebarSelectCell: z.tuple([TabTitle, CellAddress]),
  sidebarGenerateReport: z.tuple([]),
  sidebarReportHistory: z.tuple([]),
  sidebarEditStamp: z.tuple([]),
};

/** What each argument position must be, in words, for the message about it. */
const EXPECTED: { readonly [K in keyof ServerApi]: readonly string[] } = {
  sidebarGetState: [],
  sidebarValidate: [],
  sidebarSelectCell: [
    `название вкладки — текст от 1 до ${MAX_TAB_TITLE} знаков`,
    "адрес ячейки вида «B7» или пустое значение",
  ],
  sidebarGenerateReport: [],
  sidebarReportHistory: [],
  sidebarEditStamp: [],
};

const WRONG_CALL = "Закройте панель МИП и откройте её снова (МИП → Открыть панель).";

/** The arguments as the function's parameters, or a UserError saying which one is wrong. */
export function checkedArguments<K extends keyof ServerApi>(
  name: K,
  args: ArrayLike<unknown>,
): Parameters<ServerApi[K]> {
  const given = Array.from(args);
  const expected = EXPECTED[name];
  if (given.length !== expected.length)
    throw new UserError(
      expected.length === 0
        ? `Панель передала данные функции, которая их не принимает. ${WRONG_CALL}`
        : `Панель передала ${countWithNoun(given.length, VALUE_NOUNS)} вместо ${expected.length}. ${WRONG_CALL}`,
    );
  const parsed = SCHEMAS[name].safeParse(given);
  if (parsed.success) return parsed.data as Parameters<ServerApi[K]>;
  const at = parsed.error.issues[0]?.path[0];
  const which = typeof at === "number" ? expected[at] : undefined;
  throw new UserError(
    which
      ? `Панель передала неверное значение: нужно ${which}. ${WRONG_CALL}`
      : `Панель передала неверные данные. ${WRONG_CALL}`,
  );
}

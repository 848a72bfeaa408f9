/**
 * The committee deployment's menu (Расширения → МИП-отчёт — комитет). Built in every
 * authorisation mode: in AuthMode.NONE it touches no data or properties.
 */
export const COMMITTEE_MENU_ITEMS: readonly (readonly [caption: string, handler: string])[] = [
  ["Создать вкладки «Реестр» и «Свод»", "committeeSetup"],
  ["Обновить свод", "committeeRefresh"],
  ["Сформировать «Сводку по МИП»", "committeeMakeSummary"],
  ["Справка о реализации проекта (строка «Реестра»)", "committeeMakeProjectSpravka"],
  ["Создать вкладки «Дорожная карта» и «Распоряжение»", "committeeRoadmapSetup"],
  ["Распоряжение с дорожной картой", "committeeMakeRoadmapOrder"],
  ["Отчёт об исполнении дорожной карты", "committeeMakeRoadmapReport"],
  ["Включить обновление каждый час", "committeeEnableHourly"],
  ["Выключить обновление каждый час", "committeeDisableHourly"],
];

export function buildCommitteeMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const [caption, handler] of COMMITTEE_MENU_ITEMS) menu.addItem(caption, handler);
  menu.addSeparator();
  menu.addItem("Справка", "committeeHelp");
  menu.addToUi();
}

export const COMMITTEE_HELP_TEXT = [
  "МИП-отчёт для комитета собирает свод по таблицам МИП организаций и формирует справку.",
  "",
  "1. «Создать вкладки «Реестр» и «Свод»» — вкладки комитета в этой таблице.",
  "2. В «Реестр» внесите организации и ссылки на их таблицы МИП (организация открывает доступ на чтение).",
  "3. «Обновить свод» — читает таблицы организаций; неизменённые с прошлого раза не перечитываются.",
  "4. «Сформировать «Сводку по МИП»» — Google Документ в папке «Отчёты " +
    "МИП» на вашем Диске; подпись — с вкладки «Настройки комитета».",
  "   «Справка о реализации проекта» — выделите в «Реестре» " +
    "строку проекта: справка по его таблице и таблицам участников.",
  "5. «Включить обновление каждый час» — свод обновляется сам.",
  "6. Дорожная карта: «Создать вкладки «Дорожная карта» и «Распоряжение»», заполните их; «Распоряжение " +
    "с дорожной картой» — Google Документ; школы пишут номер пункта в «Пункт дорожной карты», и каждое " +
    "обновление свода пересчитывает вкладку «Исполнение дорожной карты».",
].join("\n");

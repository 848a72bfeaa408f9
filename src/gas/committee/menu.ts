/** The committee submenu, added to the add-on menu «МИП». */
export const COMMITTEE_MENU_TITLE = "Комитет";

export const COMMITTEE_MENU_ITEMS: readonly (readonly [caption: string, handler: string])[] = [
  ["Создать вкладки «Реестр» и «Свод»", "committeeSetup"],
  ["Обновить свод", "committeeRefresh"],
  ["Сформировать «Сводку по МИП»", "committeeMakeSummary"],
  ["Справка о реализации проекта (строка «Реестра»)", "committeeMakeProjectSpravka"],
  ["Включить обновление каждый час", "committeeEnableHourly"],
  ["Выключить обновление каждый час", "committeeDisableHourly"],
];

export function committeeSubmenu(ui: GoogleAppsScript.Base.Ui): GoogleAppsScript.Base.Menu {
  const menu = ui.createMenu(COMMITTEE_MENU_TITLE);
  for (const [caption, handler] of COMMITTEE_MENU_ITEMS) menu.addItem(caption, handler);
  return menu;
}

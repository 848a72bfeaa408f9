/**
 * The «МИП» menu. createAddonMenu() puts it under Расширения for an installed add-on and
 * works as a plain menu in a container-bound script. Built in every authorisation mode:
 * in AuthMode.NONE (add-on not yet used in this file) it touches no data or properties.
 */
export const MENU_ITEMS = [
  { caption: "Открыть панель", handler: "menuOpenSidebar" },
  { caption: "Проверить таблицу", handler: "menuValidate" },
  { caption: "Сформировать отчёт", handler: "menuGenerateReport" },
  null,
  { caption: "Создать / обновить шаблон", handler: "menuSetupTemplate" },
  { caption: "Убрать подсветку", handler: "menuClearMarks" },
  null,
  { caption: "Справка", handler: "menuHelp" },
] as const;

export function buildMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(item.caption, item.handler);
    else menu.addSeparator();
  }
  menu.addToUi();
}

export const HELP_TEXT = [
  "МИП-отчёт проверяет таблицу муниципальной инновационной площадки и формирует отчёт по официальной форме.",
  "",
  "1. «Создать / обновить шаблон» — создаёт недостающие вкладки и " +
    "восстанавливает заголовки. Ваши данные и вкладки не удаляются.",
  "2. Заполните вкладки. Подсказки — в примечаниях к заголовкам и в столбце «Подсказка».",
  "3. «Проверить таблицу» — ячейки с ошибками подсвечиваются красным, предупреждения — жёлтым, замечания " +
    "— голубым; текст — в примечании ячейки. После первой проверки изменения перепроверяются сразу.",
  "4. «Убрать подсветку» — снимает только подсветку и примечания дополнения; ваши цвета и примечания остаются.",
  "5. «Сформировать отчёт» — создаёт Google Документ «Отчёт МИП — … — …» в папке «Отчёты " +
    "МИП» на вашем Диске (дополнение создаёт её само; другую папку из «Настройки» оно может " +
    "использовать, только если создало её). Существующие документы не перезаписываются.",
  "",
  "Если в таблице есть ошибки, отчёт формируется как черновик. Чтобы запретить " +
    "это, на вкладке «Настройки» выберите «Не формировать отчёт при ошибках: Да».",
].join("\n");

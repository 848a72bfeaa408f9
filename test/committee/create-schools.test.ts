/**
 * «Создать таблицы школ по «Реестру»» on the BUILT committee bundle with the Apps Script fake:
 * Drive imports the template .xlsx, the Sheets API finishes each workbook, Drive permissions
 * invite the coordinators, and the link goes back into Реестр — across several 6-minute runs.
 *
 * @module-tag slow
 */
import { describe, expect, it } from "vitest";
import { CREATION_RECORD_HEADER, CREATION_STATE_HEADER, recordFrom } from "../../src/core/committee/create-schools.js";
import { REGISTRY_HEADERS } from "../../src/core/committee/index.js";
import { GENERAL, TABS, TEMPLATE_VERSION } from "../../src/core/schema.js";
import { HEADER_PROTECTION } from "../../src/gas/template-sheets.js";
import {
  PERIOD,
  type RegistryRow,
  column,
  createAll,
  createdSheets,
  envWith,
  linkedId,
  pendingContinuation,
  registryValues,
} from "./create-env.js";
import { summaryValues } from "./gas-env.js";
import { CREATE_CONTINUE_HANDLER } from "../../src/gas/committee/create-schools.js";

const BAD_SYNTAX = [
  "школа5@",
  "нет почты",
  "dir@school 7.ru",
  "a@b",
  "@example.ru",
  "x@@example.ru",
  "почта",
  "—",
  "vasya@mail",
  "one@example.ru, two@example.ru",
];

/** 300 schools: 5 already linked, 10 addresses no one could mail, 10 Drive refuses. */
function registry300(): { rows: RegistryRow[]; refused: string[] } {
  const rows: RegistryRow[] = [];
  const refused: string[] = [];
  for (let i = 1; i <= 300; i++) {
    const row: RegistryRow = {
      organisation: `МОУ «Школа № ${i}» Озёрского района`,
      link: "",
      email: `school${i}@example.ru`,
    };
    if (i % 60 === 0) row.link = `https://docs.google.com/spreadsheets/d/${linkedId(i)}/edit`;
    else if (i % 15 === 1 && BAD_SYNTAX.length > rows.filter((r) => BAD_SYNTAX.includes(r.email)).length)
      row.email = BAD_SYNTAX[rows.filter((r) => BAD_SYNTAX.includes(r.email)).length]!;
    else if (i % 15 === 7 && refused.length < 10) {
      row.email = `director${i}@closed-domain.example`;
      refused.push(row.email);
    }
    rows.push(row);
  }
  return { rows, refused };
}

describe("committee: creating the schools' workbooks", () => {
  it("300 schools, 20 bad e-mails, 5 linked: 295 workbooks, 275 invitations, 20 rows without access, over several runs; a second run changes nothing", () => {
    const { rows, refused } = registry300();
    expect(rows.filter((r) => r.link !== "")).toHaveLength(5);
    expect(rows.filter((r) => BAD_SYNTAX.includes(r.email))).toHaveLength(10);
    expect(refused).toHaveLength(10);
    const env = envWith(rows);
    for (const email of refused)
      env.fake.driveV3.Permissions._refused.set(
        email,
        "The domain administrators have disabled sharing outside the domain (shareOutNotPermitted).",
      );

    const outcomes = createAll(env);
    expect(outcomes.length).toBeGreaterThan(2);
    expect(outcomes).not.toContain("killed");
    expect(pendingContinuation(env)).toBe(false);
    expect((outcomes.at(-1) as { kind: string }).kind).toBe("finished");

    // 295 workbooks, each in the one committee folder, named by organisation and period.
    const files = createdSheets(env);
    expect(files).toHaveLength(295);
    expect(new Set(files.map((f) => f.parents[0])).size).toBe(1);
    const folder = env.fake.drive._files.get(files[0]!.parents[0]!)!;
    expect(folder.name).toBe("Таблицы МИП организаций");
    expect(files.map((f) => f.name)).toContain(`МИП — МОУ «Школа № 2» Озёрского района — ${PERIOD}`);

    // Links written back; the 5 the committee typed untouched.
    const links = column(env, REGISTRY_HEADERS[1]) as string[];
    rows.forEach((row, i) => {
      if (row.link !== "") expect(links[i]).toBe(row.link);
      else expect(links[i]).toMatch(/^https:\/\/docs\.google\.com\/spreadsheets\/d\/1fakeDriveFile\d{6}\w+\/edit$/);
    });
    expect(new Set(links).size).toBe(300);

    // 275 invitations, one per address, with the Russian message; 20 rows say why not.
    const sent = env.fake.driveV3.Permissions._notifications;
    expect(sent).toHaveLength(275);
    expect(new Set(sent.map((n) => n.to)).size).toBe(275);
    expect(sent[0]!.message).toContain("«Общие сведения»");
    expect(sent[0]!.message).toContain("Проверить таблицу");
    const states = column(env, CREATION_STATE_HEADER) as string[];
    expect(states.filter((s) => s.startsWith("Создано, доступ выдан: "))).toHaveLength(275);
    const without = states.filter((s) => s.startsWith("Создано, доступ не выдан: "));
    expect(without).toHaveLength(20);
    expect(without).toContain("Создано, доступ не выдан: «a@b» не похоже на адрес электронной почты");
    expect(without).toContain(
      "Создано, доступ не выдан: правила вашего домена Google запрещают делиться с этим адресом",
    );
    rows.forEach((row, i) => {
      if (row.link !== "") expect(states[i]).toBe("");
    });
    // Every invitation went to the row's own workbook.
    const byLink = new Map(rows.map((r, i) => [r.email.toLowerCase(), links[i]!]));
    for (const n of sent) expect(byLink.get(n.to)).toContain(`/d/${n.fileId}/`);

    // A second run creates nothing, invites nobody and leaves Реестр as it was.
    const before = JSON.stringify(registryValues(env));
    const creates = env.counter.count("Drive.Files.create");
    const second = env.run("committeeCreateSchools");
    expect(second).toBeNull();
    expect(env.fake.ui._alerts.at(-1)!.prompt).toContain("создавать и отправлять нечего");
    expect(JSON.stringify(registryValues(env))).toBe(before);
    expect(env.counter.count("Drive.Files.create")).toBe(creates);
    expect(sent).toHaveLength(275);
    expect(createdSheets(env)).toHaveLength(295);
  });

  it("the workbook has every template tab, frozen and protected headers, notes, dropdowns, the organisation and the period", () => {
    const env = envWith([
      { organisation: '=IMPORTXML("http://x";"//a") МОУ «Лицей № 1»', link: "", email: "lyceum@example.ru" },
    ]);
    env.fake.refusals.keepCalls = true;
    createAll(env);
    const [file] = createdSheets(env);
    const ss = env.fake.sheetsApi._spreadsheets.get(file!.id)!;
    expect(ss._sheets.map((s) => s._name)).toEqual(TABS.map((t) => t.title));
    for (const sheet of ss._sheets) {
      expect(sheet._frozenRows).toBe(1);
      expect(sheet._protections.map((p) => [p.getDescription(), p.isWarningOnly()])).toEqual([
        [HEADER_PROTECTION, true],
      ]);
    }
    const table = TABS.find((t) => t.type === "table" && t.columns.some((c) => c.enumName && c.hint))!;
    const sheet = ss._sheet(table.title);
    const dropdownAt = table.type === "table" ? table.columns.findIndex((c) => c.enumName) : -1;
    expect(sheet._peek(2, dropdownAt + 1).validation?._json()).toMatchObject({
      values: expect.arrayContaining([expect.any(String)]),
    });
    const hinted = table.type === "table" ? table.columns.findIndex((c) => c.hint) : -1;
    expect(sheet._peek(1, hinted + 1).note).toBe(table.type === "table" ? table.columns[hinted]!.hint : "");
    const general = ss._sheet(GENERAL.title);
    const valueOf = (key: string) => general._peek(GENERAL.fields.findIndex((f) => f.key === key) + 2, 2).value;
    expect(valueOf("org_full_name")).toBe('=IMPORTXML("http://x";"//a") МОУ «Лицей № 1»');
    expect(valueOf("period")).toBe(PERIOD);
    expect(ss._metadata.map((m) => m._json())).toContainEqual({
      key: "mip.templateVersion",
      value: TEMPLATE_VERSION,
      visibility: "DOCUMENT",
    });
    expect(env.fake.sheetsApi._batches).toHaveLength(1);
    // The refresh reads the new workbook through the link written back: a template, current version.
    env.run("committeeRefresh");
    const summary = summaryValues(env);
    expect(summary[1]![summary[0]!.indexOf("Состояние")]).toBe("ОК");
    expect(env.formulaWrites).toEqual([]);
    // Every advanced-service call — the upload, the invitation, the batch, the refresh's reads —
    // passed the check against Google's definitions (a refused one would fail this test).
    expect(env.fake.refusals.accepted.map((c) => c.method)).toEqual(
      expect.arrayContaining([
        "drive.files.create",
        "drive.permissions.create",
        "sheets.spreadsheets.get",
        "sheets.spreadsheets.batchUpdate",
        "sheets.spreadsheets.values.batchGet",
      ]),
    );
  });

  it("Google's limit on new files stops the run at that row, which is created by the next run", () => {
    const rows = Array.from({ length: 6 }, (_, i) => ({
      organisation: `МОУ «СОШ № ${i + 1}»`,
      link: "",
      email: `s${i + 1}@example.ru`,
    }));
    const env = envWith(rows);
    // The committee folder, then two workbooks.
    env.fake.driveV3._createsLeft = 3;
    env.fake.ui._promptAnswers.push({ text: PERIOD, button: "OK" });
    const first = env.run("committeeCreateSchools") as { kind: string; pause: string; created: number };
    expect(first).toMatchObject({ kind: "continues", pause: "rate", created: 2 });
    expect(column(env, CREATION_STATE_HEADER).slice(0, 4)).toEqual([
      "Создано, доступ выдан: s1@example.ru",
      "Создано, доступ выдан: s2@example.ru",
      "Не создано: Google временно ограничил создание файлов — таблица будет создана при следующем запуске",
      "",
    ]);
    expect(env.fake.ui._alerts.at(-1)!.prompt).toContain("Осталось: 4 строки");
    env.fake.driveV3._createsLeft = null;
    env.clock.ms += 60_000;
    expect(env.run("committeeContinueCreateSchools")).toMatchObject({ kind: "finished", created: 4 });
    expect(createdSheets(env)).toHaveLength(6);
    expect(env.fake.driveV3.Permissions._notifications).toHaveLength(6);
  });

  it("Google's sharing limit leaves the row «доступ не выдан» and the next run invites once", () => {
    const rows = Array.from({ length: 3 }, (_, i) => ({
      organisation: `МОУ «СОШ № ${i + 1}»`,
      link: "",
      email: `s${i + 1}@example.ru`,
    }));
    const env = envWith(rows);
    env.fake.driveV3.Permissions._sharesLeft = 1;
    env.fake.ui._promptAnswers.push({ text: PERIOD, button: "OK" });
    env.run("committeeCreateSchools");
    expect(column(env, CREATION_STATE_HEADER)[1]).toBe(
      "Создано, доступ не выдан: Google временно ограничил число приглашений — доступ будет выдан при следующем запуске",
    );
    expect(createdSheets(env)).toHaveLength(2);
    env.fake.driveV3.Permissions._sharesLeft = null;
    createAll(env);
    expect(createdSheets(env)).toHaveLength(3);
    expect(env.fake.driveV3.Permissions._notifications.map((n) => n.to).sort()).toEqual([
      "s1@example.ru",
      "s2@example.ru",
      "s3@example.ru",
    ]);
  });

  it("a run killed between creating a file and writing its row: the next run finds the file, no second workbook", () => {
    const env = envWith([{ organisation: "МОУ «Гимназия № 2»", link: "", email: "g2@example.ru" }]);
    const hit = env.counter.hit.bind(env.counter);
    let first = true;
    env.counter.hit = (name: string) => {
      // Apps Script's 6-minute kill arrives right after the upload, at the workbook's batchUpdate.
      if (first && name === "Sheets.Spreadsheets.batchUpdate") {
        first = false;
        env.clock.ms += 400_000;
      }
      hit(name);
    };
    env.fake.ui._promptAnswers.push({ text: PERIOD, button: "OK" });
    expect(env.run("committeeCreateSchools")).toBe("killed");
    expect(createdSheets(env)).toHaveLength(1);
    expect(column(env, REGISTRY_HEADERS[1])[0]).toBe("");
    // The killed run had set its continuation just past the limit before starting.
    expect(env.triggers()).toEqual([{ handler: CREATE_CONTINUE_HANDLER, everyHours: null, afterMs: 7 * 60_000 }]);
    env.clock.ms += 7 * 60_000;
    env.run("committeeContinueCreateSchools");
    expect(pendingContinuation(env)).toBe(false);
    expect(createdSheets(env)).toHaveLength(1);
    expect(column(env, REGISTRY_HEADERS[1])[0]).toContain(createdSheets(env)[0]!.id);
    expect(column(env, CREATION_STATE_HEADER)[0]).toBe("Создано, доступ выдан: g2@example.ru");
    expect(env.fake.driveV3.Permissions._notifications).toHaveLength(1);
  });

  it("a corrected address gets its invitation; a row with the committee's own text in the link cell is left as typed", () => {
    const env = envWith([
      { organisation: "МОУ «СОШ № 1»", link: "", email: "s1@example" },
      { organisation: "МОУ «СОШ № 2»", link: "будет позже", email: "s2@example.ru" },
      { organisation: "", link: "", email: "s3@example.ru" },
    ]);
    createAll(env);
    expect(column(env, CREATION_STATE_HEADER).slice(0, 3)).toEqual([
      "Создано, доступ не выдан: «s1@example» не похоже на адрес электронной почты",
      "Не создано: в «Ссылке на таблицу МИП» уже что-то написано — очистите ячейку, чтобы создать таблицу",
      "Не создано: не указана организация",
    ]);
    expect(column(env, REGISTRY_HEADERS[1]).slice(1, 3)).toEqual(["будет позже", ""]);
    const record = recordFrom(String(column(env, CREATION_RECORD_HEADER)[0]));
    expect(record).toMatchObject({ email: "s1@example", shared: false, retry: false });
    env.counter.paused(() => env.committee._sheet("Реестр").getRange(2, 4).setValue("s1@example.ru"));
    env.run("committeeCreateSchools");
    expect(column(env, CREATION_STATE_HEADER)[0]).toBe("Создано, доступ выдан: s1@example.ru");
    expect(env.fake.driveV3.Permissions._notifications.map((n) => [n.fileId, n.to])).toEqual([
      [record!.file, "s1@example.ru"],
    ]);
    expect(createdSheets(env)).toHaveLength(1);
  });

  it("with the hourly refresh on, no second trigger: the message says to choose the item again", () => {
    const rows = Array.from({ length: 60 }, (_, i) => ({
      organisation: `МОУ «СОШ № ${i + 1}»`,
      link: "",
      email: `s${i + 1}@example.ru`,
    }));
    const env = envWith(rows);
    env.run("committeeEnableHourly");
    env.fake.ui._promptAnswers.push({ text: PERIOD, button: "OK" });
    expect(env.run("committeeCreateSchools")).toMatchObject({ kind: "continues", next: "manual", hourlyOn: true });
    expect(env.fake.ui._alerts.at(-1)!.prompt).toContain("включено обновление свода каждый час");
    expect(env.triggers().map((t) => t.handler)).toEqual(["committeeHourlyRefresh"]);
    env.fake.ui._promptAnswers.push({ text: "", button: "OK" });
    expect(env.run("committeeCreateSchools")).toMatchObject({ kind: "finished" });
    expect(createdSheets(env)).toHaveLength(60);
  });

  it("Cancel in the period dialog, or a period the validator cannot read, creates nothing", () => {
    const env = envWith([{ organisation: "МОУ «СОШ № 1»", link: "", email: "s1@example.ru" }]);
    env.fake.ui._promptAnswers.push({ text: PERIOD, button: "CANCEL" });
    expect(env.run("committeeCreateSchools")).toBeNull();
    env.fake.ui._promptAnswers.push({ text: "когда-нибудь", button: "OK" });
    expect(env.run("committeeCreateSchools")).toBeNull();
    expect(env.fake.ui._alerts.at(-1)!.prompt).toContain("Отчётный период «когда-нибудь» не читается");
    expect(createdSheets(env)).toHaveLength(0);
    expect(env.counter.count("Drive.Files.create")).toBe(0);
  });
});

/** The pure part of «Создать таблицы школ по «Реестру»»: which rows get what, and what a row says. */
import { describe, expect, it } from "vitest";
import {
  CREATION_RECORD_HEADER,
  CREATION_STATE_HEADER,
  creationStateText,
  invitationMessage,
  organisationKey,
  planCreation,
  plausibleEmail,
  recordFrom,
  recordText,
  registryLayout,
  shareFailure,
  workbookName,
} from "../../src/core/committee/create-schools.js";
import { REGISTRY_HEADERS } from "../../src/core/committee/index.js";
import type { Cell } from "../../src/core/grid.js";

const ID = "1abcdefghijklmnopqrstuvwxyz0123456789ABCD";
const header: Cell[] = [...REGISTRY_HEADERS, CREATION_STATE_HEADER, CREATION_RECORD_HEADER];
const record = (email: string, shared: boolean, retry = false) => recordText({ file: "f1", email, shared, retry });

describe("planning the registry rows", () => {
  it("creates for rows without a link, leaves linked, shared and refused rows alone", () => {
    const rows: Cell[][] = [
      header,
      ["МОУ «СОШ № 1»", null, "Иванова", "s1@example.ru"],
      ["МОУ «СОШ № 2»", `https://docs.google.com/spreadsheets/d/${ID}/edit`, "Петрова", "s2@example.ru"],
      [
        "МОУ «СОШ № 3»",
        `https://docs.google.com/spreadsheets/d/f3/edit`,
        null,
        "s3@example.ru",
        "x",
        record("s3@example.ru", true),
      ],
      ["МОУ «СОШ № 4»", null, null, "bad", "x", record("bad", false)],
      ["МОУ «СОШ № 5»", null, null, "fixed@example.ru", "x", record("bad", false)],
      ["МОУ «СОШ № 6»", null, null, "s6@example.ru", "x", record("s6@example.ru", false, true)],
      [null, null, null, null],
      ["", null, null, "s8@example.ru"],
      ["МОУ «СОШ № 9»", "позже", null, "s9@example.ru"],
    ];
    const tasks = planCreation(rows, registryLayout(header));
    expect(tasks.map((t) => [t.row, t.kind])).toEqual([
      [2, "create"],
      [6, "share"],
      [7, "share"],
      [9, "refuse"],
      [10, "refuse"],
    ]);
    expect(tasks[1]).toMatchObject({ email: "fixed@example.ru", record: { file: "f1" } });
  });

  it("places its two columns after the last header, or finds them where they are", () => {
    expect(registryLayout([...REGISTRY_HEADERS])).toEqual({ stateAt: 4, recordAt: 5, headersMissing: true });
    expect(registryLayout([...REGISTRY_HEADERS, "Примечание комитета"])).toMatchObject({ stateAt: 5, recordAt: 6 });
    expect(registryLayout([...REGISTRY_HEADERS, "x", CREATION_RECORD_HEADER, CREATION_STATE_HEADER])).toEqual({
      stateAt: 6,
      recordAt: 5,
      headersMissing: false,
    });
  });
});

describe("what a row says", () => {
  it("states, names, addresses and the service record", () => {
    expect(creationStateText({ kind: "shared", email: "a@b.ru" })).toBe("Создано, доступ выдан: a@b.ru");
    expect(creationStateText({ kind: "not-shared", reason: "r" })).toBe("Создано, доступ не выдан: r");
    expect(creationStateText({ kind: "not-created", reason: "r" })).toBe("Не создано: r");
    expect(workbookName("  МОУ  «СОШ № 4» ", "2024-2025 учебный год")).toBe(
      "МИП — МОУ «СОШ № 4» — 2024-2025 учебный год",
    );
    for (const good of ["a@b.ru", "ivanova.a-v@school-4.obr.example"]) expect(plausibleEmail(good)).toBe(true);
    for (const bad of ["", "a@b", "a b@c.ru", "a@b.ru; c@d.ru", "@b.ru", "a@@b.ru", "школа"])
      expect(plausibleEmail(bad)).toBe(false);
    expect(recordFrom(record("a@b.ru", true))).toEqual({ file: "f1", email: "a@b.ru", shared: true, retry: false });
    expect(recordFrom("")).toBeNull();
    expect(recordFrom("{не json")).toBeNull();
    expect(recordFrom('{"email":"a@b.ru"}')).toBeNull();
  });

  it("the invitation names the workbook, the first steps and, when the committee set one, who answers questions", () => {
    const plain = invitationMessage("МИП — МОУ «СОШ № 4» — 2024");
    expect(plain).toContain("«МИП — МОУ «СОШ № 4» — 2024»");
    expect(plain).toContain("«Общие сведения»");
    expect(plain).not.toContain("Вопросы");
    expect(invitationMessage("x", { position: "специалист комитета", name: "Миронова О.П." })).toContain(
      "Вопросы по таблице: специалист комитета Миронова О.П.",
    );
  });

  it("Drive's refusals in Russian; only Google's limit is retried", () => {
    expect(shareFailure("Rate limit exceeded (sharingRateLimitExceeded)")).toMatchObject({ retry: true });
    expect(shareFailure("Bad Request (invalidSharingRequest)").reason).toContain("нет аккаунта Google");
    expect(shareFailure("disabled sharing outside the domain (shareOutNotPermitted)").reason).toContain(
      "правила вашего домена",
    );
    expect(shareFailure("API call to drive.permissions.create failed with error: File not found: x.")).toMatchObject({
      retry: false,
    });
    expect(
      shareFailure("GoogleJsonResponseException: API call to drive.permissions.create failed with error: Backend Error")
        .reason,
    ).toBe("Backend Error");
  });

  it("an organisation's key is short, stable, and the same for spellings that fold alike", () => {
    const key = organisationKey("МОУ «СОШ № 4»");
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(organisationKey("МОУ «СОШ № 4»")).toBe(key);
    expect(organisationKey("МОУ «СОШ № 5»")).not.toBe(key);
    expect(organisationKey("моу сош №4")).toBe(key);
    expect(Buffer.byteLength(`mipSchool${key}`)).toBeLessThanOrEqual(124);
  });
});

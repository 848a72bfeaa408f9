/**
 * The fake Drive's files.export accepts what Google accepts and refuses what Google refuses
 * (sources in fake/drive-v3.ts): Apps Script's `alt: "media"`, drive.file per file, Docs
 * Editors files only, a format the file exports to, 10 MB at most.
 */
import { describe, expect, it } from "vitest";
import { DOCS_MIME, DOCX_MIME, EXPORT_LIMIT_BYTES, FakeBlob, PDF_MIME, createFakeServices } from "./fake/index.js";

const SCHOOL_SCOPES = [
  "https://www.googleapis.com/auth/spreadsheets.currentonly",
  "https://www.googleapis.com/auth/script.container.ui",
  "https://www.googleapis.com/auth/drive.file",
];

/** A Google Doc the app made (an empty one: the content is the paragraph the test adds). */
function appDoc(scopes: readonly string[] | null = SCHOOL_SCOPES) {
  const fake = createFakeServices({ scopes });
  const file = fake.driveV3.Files.create({ name: "Отчёт МИП — Школа № 7 — 2026", mimeType: DOCS_MIME }, null);
  // Written as test scaffolding (not a call the app makes: the app uploads a whole .docx).
  fake.counter.paused(() =>
    fake.documentApp._documents.get(file.id)!._body.appendParagraph("Итоги года: 12 наставников (педагоги)"),
  );
  return { fake, id: file.id };
}

const text = (blob: FakeBlob) => Buffer.from(Int8Array.from(blob.getBytes()).buffer).toString("utf8");

describe("Drive.Files.export in the fake", () => {
  it("exports the app's own Doc to a PDF blob carrying the document's words", () => {
    const { fake, id } = appDoc();
    fake.refusals.keepCalls = true;
    const pdf = fake.driveV3.Files.export(id, PDF_MIME, { alt: "media" });
    expect(pdf.getContentType()).toBe(PDF_MIME);
    expect(text(pdf).startsWith("%PDF-")).toBe(true);
    expect(text(pdf)).toContain("Итоги года: 12 наставников \\(педагоги\\)");
    // Accepted by the discovery-derived check: fileId and mimeType by position, `alt` a standard parameter.
    expect(fake.refusals.accepted.map((c) => c.method)).toEqual(["drive.files.export"]);
    expect(fake.refusals.size).toBe(0);
    expect(fake.counter.count("Drive.Files.export")).toBe(1);
  });

  it("refuses a call without alt=media, as the Apps Script advanced service does, and logs it as the payload's fault", () => {
    const { fake, id } = appDoc();
    expect(() => fake.driveV3.Files.export(id, PDF_MIME)).toThrow(
      "API call to drive.files.export failed with error: Export requires alt=media to download the exported content.",
    );
    expect(fake.refusals.take()).toEqual([expect.stringMatching(/^drive\.files\.export: .*requires alt=media/)]);
  });

  it("refuses a missing mimeType and an unknown parameter before running", () => {
    const { fake, id } = appDoc();
    const files = fake.driveV3.Files as unknown as { export: (...args: unknown[]) => unknown };
    expect(() => files.export(id, "", { alt: "media" })).toThrow(/Required parameter mimeType is missing/);
    expect(() => files.export(id, PDF_MIME, { alt: "media", supportsAllDrives: true })).toThrow(
      /Unknown name "supportsAllDrives": Cannot bind query parameter/,
    );
    expect(fake.refusals.take()).toHaveLength(2);
  });

  it("under drive.file, refuses a Doc the app neither created nor was given, and exports one the user granted", () => {
    const fake = createFakeServices({ scopes: SCHOOL_SCOPES });
    fake.drive._addUserItem({ id: "doc-of-someone-else", name: "Чужой отчёт", mimeType: DOCS_MIME });
    expect(() => fake.driveV3.Files.export("doc-of-someone-else", PDF_MIME, { alt: "media" })).toThrow(
      "API call to drive.files.export failed with error: File not found: doc-of-someone-else.",
    );
    fake.drive._addUserItem({ id: "doc-granted", name: "Выбранный отчёт", mimeType: DOCS_MIME, granted: true });
    expect(fake.driveV3.Files.export("doc-granted", PDF_MIME, { alt: "media" }).getContentType()).toBe(PDF_MIME);
    // With the full drive scope the same Doc of someone else is reachable.
    const broad = createFakeServices({ scopes: [...SCHOOL_SCOPES, "https://www.googleapis.com/auth/drive"] });
    broad.drive._addUserItem({ id: "doc-of-someone-else", name: "Чужой отчёт", mimeType: DOCS_MIME });
    expect(broad.driveV3.Files.export("doc-of-someone-else", PDF_MIME, { alt: "media" }).getContentType()).toBe(
      PDF_MIME,
    );
  });

  it("refuses a file that is not a Docs Editors file with Google's fileNotExportable text", () => {
    const { fake, id } = appDoc();
    const pdf = fake.driveV3.Files.export(id, PDF_MIME, { alt: "media" });
    const saved = fake.driveV3.Files.create({ name: "Отчёт.pdf", mimeType: PDF_MIME }, pdf);
    expect(() => fake.driveV3.Files.export(saved.id, PDF_MIME, { alt: "media" })).toThrow(
      "API call to drive.files.export failed with error: Export only supports Docs Editors files.",
    );
    const folder = fake.driveV3.Files.create({ name: "Папка", mimeType: "application/vnd.google-apps.folder" }, null);
    expect(() => fake.driveV3.Files.export(folder.id, PDF_MIME, { alt: "media" })).toThrow(
      /Export only supports Docs Editors files/,
    );
  });

  it("refuses a format a Doc does not export to", () => {
    const { fake, id } = appDoc();
    expect(() => fake.driveV3.Files.export(id, "text/csv", { alt: "media" })).toThrow(
      "API call to drive.files.export failed with error: The requested conversion is not supported.",
    );
    // A format Google offers but the fake does not produce is named as such, never answered wrongly.
    expect(() => fake.driveV3.Files.export(id, DOCX_MIME, { alt: "media" })).toThrow(/fake: .*not modelled/);
    fake.refusals.take();
  });

  it("refuses content over Google's 10 MB with exportSizeLimitExceeded's text", () => {
    const { fake, id } = appDoc();
    expect(fake.driveV3._exportLimitBytes).toBe(EXPORT_LIMIT_BYTES);
    const size = fake.driveV3.Files.export(id, PDF_MIME, { alt: "media" }).getBytes().length;
    fake.driveV3._exportLimitBytes = size - 1;
    expect(() => fake.driveV3.Files.export(id, PDF_MIME, { alt: "media" })).toThrow(
      "API call to drive.files.export failed with error: This file is too large to be exported.",
    );
    fake.driveV3._exportLimitBytes = size;
    expect(fake.driveV3.Files.export(id, PDF_MIME, { alt: "media" }).getBytes()).toHaveLength(size);
  });

  it("keeps the content of a file created from a blob without conversion", () => {
    const { fake, id } = appDoc();
    const pdf = fake.driveV3.Files.export(id, PDF_MIME, { alt: "media" });
    const saved = fake.driveV3.Files.create({ name: "Отчёт.pdf", mimeType: PDF_MIME }, pdf, {
      fields: "id,webViewLink",
    });
    expect(saved.webViewLink).toBe(`https://drive.google.com/file/d/${saved.id}/view?usp=drivesdk`);
    expect(fake.driveV3._contents.get(saved.id)!.toString("utf8")).toBe(text(pdf));
  });
});

/** LockService, PropertiesService, Session, Utilities, ScriptApp and Logger, in memory. */
import { OAUTH_TOKEN } from "./url-fetch.js";
import { type CallCounter, counted, gas } from "./counter.js";
import { zipBytes } from "./zip.js";

type Lock = GoogleAppsScript.Lock.Lock;
type Properties = GoogleAppsScript.Properties.Properties;

/** A lock slot shared by every Lock object of one kind (document, script, user). */
export class LockSlot {
  /** Held by someone outside the code under test (another execution), for tests. */
  heldElsewhere = false;
  holders = 0;
  acquisitions = 0;
}

export class FakeLock implements Pick<Lock, "tryLock" | "waitLock" | "releaseLock" | "hasLock"> {
  private mine = false;
  constructor(
    private readonly slot: LockSlot,
    counter: CallCounter,
    private readonly held: Set<FakeLock> = new Set(),
  ) {
    return counted(this, "Lock", counter);
  }
  tryLock(_timeoutInMillis: number): boolean {
    if (this.mine) return true;
    if (this.slot.heldElsewhere || this.slot.holders > 0) return false;
    this.mine = true;
    this.slot.holders++;
    this.slot.acquisitions++;
    this.held.add(this);
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis))
      throw new Error("Exception: Lock timeout: another process was holding the lock for too long.");
  }
  releaseLock(): void {
    this._release();
  }
  /** Releasing without a call (the platform, when the execution ends). */
  _release(): void {
    if (!this.mine) return;
    this.mine = false;
    this.slot.holders--;
    this.held.delete(this);
  }
  hasLock(): boolean {
    return this.mine;
  }
}

export class FakeLockService implements Pick<
  GoogleAppsScript.Lock.LockService,
  "getDocumentLock" | "getScriptLock" | "getUserLock"
> {
  readonly _document = new LockSlot();
  readonly _script = new LockSlot();
  readonly _user = new LockSlot();
  /** Whether the run has a containing document (a time trigger of an add-on may have none). */
  _inDocument: () => boolean = () => true;
  /** Locks the running execution holds. */
  private readonly held = new Set<FakeLock>();
  constructor(private readonly counter: CallCounter) {
    return counted(this, "LockService", counter);
  }
  /**
   * The end of an execution: «The lock is automatically released when the script terminates»
   * (https://developers.google.com/apps-script/reference/lock/lock#releaseLock()).
   */
  _endExecution(): void {
    for (const lock of [...this.held]) lock._release();
  }
  /**
   * «If this method is called outside of the context of a containing document (such as from a
   * standalone script or webapp), null is returned.»
   * (https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock())
   */
  getDocumentLock(): Lock {
    if (!this._inDocument()) return null as unknown as Lock;
    return gas(new FakeLock(this._document, this.counter, this.held));
  }
  getScriptLock(): Lock {
    return gas(new FakeLock(this._script, this.counter, this.held));
  }
  getUserLock(): Lock {
    return gas(new FakeLock(this._user, this.counter, this.held));
  }
}

/** Apps Script's quotas: 9 KB per value, 500 KB per store. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

export class FakeProperties implements Pick<
  Properties,
  | "getProperty"
  | "setProperty"
  | "deleteProperty"
  | "getProperties"
  | "setProperties"
  | "getKeys"
  | "deleteAllProperties"
> {
  readonly _data = new Map<string, string>();
  constructor(counter: CallCounter, type: string) {
    return counted(this, type, counter);
  }
  private _check(): void {
    let total = 0;
    for (const [k, v] of this._data) {
      // The quotas count UTF-8 bytes: a Cyrillic letter is two.
      const bytes = Buffer.byteLength(v, "utf8");
      if (bytes > PROPERTY_VALUE_LIMIT) throw new Error(`Exception: Argument too large: value (${k})`);
      total += Buffer.byteLength(k, "utf8") + bytes;
    }
    if (total > PROPERTY_STORE_LIMIT) throw new Error("Exception: You have exceeded the property storage quota.");
  }
  getProperty(key: string): string | null {
    return this._data.get(key) ?? null;
  }
  setProperty(key: string, value: string): Properties {
    this._data.set(key, String(value));
    this._check();
    return gas(this);
  }
  deleteProperty(key: string): Properties {
    this._data.delete(key);
    return gas(this);
  }
  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this._data);
  }
  setProperties(properties: { [key: string]: string }): Properties;
  setProperties(properties: { [key: string]: string }, deleteAllOthers: boolean): Properties;
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): Properties {
    if (deleteAllOthers) this._data.clear();
    for (const [k, v] of Object.entries(properties)) this._data.set(k, String(v));
    this._check();
    return gas(this);
  }
  getKeys(): string[] {
    return [...this._data.keys()];
  }
  deleteAllProperties(): Properties {
    this._data.clear();
    return gas(this);
  }
}

export class FakePropertiesService implements Pick<
  GoogleAppsScript.Properties.PropertiesService,
  "getDocumentProperties" | "getScriptProperties" | "getUserProperties"
> {
  readonly _document: FakeProperties;
  readonly _script: FakeProperties;
  readonly _user: FakeProperties;
  constructor(counter: CallCounter) {
    this._document = new FakeProperties(counter, "Properties");
    this._script = new FakeProperties(counter, "Properties");
    this._user = new FakeProperties(counter, "Properties");
    return counted(this, "PropertiesService", counter);
  }
  getDocumentProperties(): Properties {
    return gas(this._document);
  }
  getScriptProperties(): Properties {
    return gas(this._script);
  }
  getUserProperties(): Properties {
    return gas(this._user);
  }
}

export class FakeSession implements Pick<
  GoogleAppsScript.Base.Session,
  "getScriptTimeZone" | "getActiveUser" | "getEffectiveUser" | "getActiveUserLocale"
> {
  constructor(
    private readonly timeZone: string,
    private readonly email: string,
    counter: CallCounter,
  ) {
    return counted(this, "Session", counter);
  }
  getScriptTimeZone(): string {
    return this.timeZone;
  }
  getActiveUser(): GoogleAppsScript.Base.User {
    const email = this.email;
    return gas({ getEmail: () => email });
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    const email = this.email;
    return gas({ getEmail: () => email });
  }
  getActiveUserLocale(): string {
    return "ru";
  }
}

/** Java SimpleDateFormat patterns Apps Script accepts, the subset the add-on uses. */
export function formatDateInZone(date: Date, timeZone: string, format: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  const local = Date.UTC(+get("year"), +get("month") - 1, +get("day"), +get("hour"), +get("minute"), +get("second"));
  const offsetMin = Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const sign = offsetMin >= 0 ? "+" : "-";
  const abs = Math.abs(offsetMin);
  const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
  const tokens: Record<string, string> = {
    yyyy: get("year"),
    MM: get("month"),
    dd: get("day"),
    HH: get("hour"),
    mm: get("minute"),
    ss: get("second"),
    Z: zone,
  };
  return format.replace(/yyyy|MM|dd|HH|mm|ss|Z|'[^']*'/g, (t) => (t.startsWith("'") ? t.slice(1, -1) : tokens[t]!));
}

/** A Blob as Apps Script has it: bytes are Java bytes (signed, -128…127). */
export class FakeBlob {
  constructor(
    private readonly bytes: number[],
    private contentType: string | null,
    private name: string | null,
    counter: CallCounter,
  ) {
    return counted(this, "Blob", counter);
  }
  getBytes(): number[] {
    return [...this.bytes];
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string): FakeBlob {
    this.contentType = contentType;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): FakeBlob {
    this.name = name;
    return this;
  }
}

export class FakeUtilities implements Pick<GoogleAppsScript.Utilities.Utilities, "formatDate" | "sleep" | "getUuid"> {
  private uuid = 0;
  constructor(private readonly counter: CallCounter) {
    return counted(this, "Utilities", counter);
  }
  /** Base64 → Java bytes (https://developers.google.com/apps-script/reference/utilities/utilities#base64Decode(String)). */
  base64Decode(encoded: string): number[] {
    return [...Buffer.from(encoded, "base64")].map((b) => (b > 127 ? b - 256 : b));
  }
  /**
   * newBlob(data, contentType, name) from a string or «Byte[]: The bytes for the blob»
   * (https://developers.google.com/apps-script/reference/utilities/utilities#newBlob(Byte,String,String)):
   * Java bytes, so the fake refuses anything but integers from -128 to 127 rather than guess
   * how a larger number would be narrowed.
   */
  newBlob(data: number[] | string, contentType?: string, name?: string): FakeBlob {
    if (typeof data !== "string") {
      const bad = data.findIndex((b) => !Number.isInteger(b) || b < -128 || b > 127);
      if (bad >= 0) throw new Error(`Exception: Cannot convert ${String(data[bad])} to byte (index ${bad}).`);
    }
    const bytes = typeof data === "string" ? Array.from(new Int8Array(Buffer.from(data, "utf8"))) : [...data];
    return new FakeBlob(bytes, contentType ?? null, name ?? null, this.counter);
  }
  /**
   * «Creates a new Blob object that is a zip file containing the data from the Blobs passed in»,
   * each under its name (https://developers.google.com/apps-script/reference/utilities/utilities#zip(BlobSource,String)):
   * real zip bytes (zip.ts). The page does not say what a nameless or twice-named blob gives;
   * the fake refuses both rather than guess an entry name.
   */
  zip(blobs: FakeBlob[], name?: string): FakeBlob {
    const entries = this.counter.paused(() =>
      blobs.map((blob) => ({ name: blob.getName(), bytes: Buffer.from(Int8Array.from(blob.getBytes()).buffer) })),
    );
    const names = entries.map((e) => e.name);
    if (names.some((n) => !n)) throw new Error("fake: Utilities.zip of a blob without a name");
    if (new Set(names).size !== names.length) throw new Error("fake: Utilities.zip of two blobs with one name");
    const bytes = zipBytes(entries.map((e) => ({ name: e.name!, bytes: e.bytes })));
    return new FakeBlob(
      Array.from(new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length)),
      "application/zip",
      name ?? null,
      this.counter,
    );
  }
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    return formatDateInZone(date as unknown as Date, timeZone, format);
  }
  sleep(_milliseconds: number): void {}
  getUuid(): string {
    return `00000000-0000-4000-8000-${String(++this.uuid).padStart(12, "0")}`;
  }
}

export interface FakeTriggerInfo {
  id: string;
  handler: string;
  everyHours: number | null;
  afterMs?: number;
  /** The document the trigger belongs to (an add-on's triggers are created in the file it is used in). */
  documentId: string | null;
  user: string;
}

export class FakeTrigger implements Pick<GoogleAppsScript.Script.Trigger, "getHandlerFunction" | "getUniqueId"> {
  constructor(
    readonly _info: FakeTriggerInfo,
    counter: CallCounter,
  ) {
    return counted(this, "Trigger", counter);
  }
  getHandlerFunction(): string {
    return this._info.handler;
  }
  getUniqueId(): string {
    return this._info.id;
  }
}

/**
 * Editor add-on trigger restrictions (https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions):
 * «Each add-on can only have one trigger of each type, per user, per document»; «Time-driven
 * triggers cannot run more frequently than once per hour»; «Add-ons can only create triggers for
 * the file in which the add-on is used». The messages are the ones Apps Script gives.
 */
export const ADDON_TRIGGER_LIMIT =
  "Exception: This add-on has created too many time-based triggers in this document for this Google user account.";
export const HOURLY_AT_MOST = "Exception: Time-driven triggers cannot run more frequently than once per hour.";

export class FakeScriptApp implements Pick<
  GoogleAppsScript.Script.ScriptApp,
  "newTrigger" | "getProjectTriggers" | "getUserTriggers" | "deleteTrigger" | "getOAuthToken"
> {
  readonly AuthMode = { NONE: "NONE", LIMITED: "LIMITED", CUSTOM_FUNCTION: "CUSTOM_FUNCTION", FULL: "FULL" };
  readonly _triggers: FakeTriggerInfo[] = [];
  /** The document a run is in (null: a time trigger without one). */
  _document: () => string | null = () => null;
  _user = "coordinator@example.ru";
  /** Set by a test: every create() throws this (Google refusing for its own reasons). */
  _refuseAll: string | null = null;
  private seq = 0;
  constructor(private readonly counter: CallCounter) {
    return counted(this, "ScriptApp", counter);
  }
  /** The token UrlFetchApp presents to Google's APIs (url-fetch.ts): it carries the granted scopes. */
  getOAuthToken(): string {
    return OAUTH_TOKEN;
  }
  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    const info: FakeTriggerInfo = {
      id: `trigger-${++this.seq}`,
      handler: functionName,
      everyHours: null,
      documentId: this._document(),
      user: this._user,
    };
    const triggers = this._triggers;
    const counter = this.counter;
    const app = this;
    const clock = {
      everyHours(n: number) {
        counter.hit("ClockTriggerBuilder.everyHours");
        if (!(n >= 1)) throw new Error(HOURLY_AT_MOST);
        info.everyHours = n;
        return clock;
      },
      everyMinutes(_n: number) {
        counter.hit("ClockTriggerBuilder.everyMinutes");
        throw new Error(HOURLY_AT_MOST);
      },
      after(ms: number) {
        counter.hit("ClockTriggerBuilder.after");
        info.afterMs = ms;
        return clock;
      },
      create() {
        counter.hit("ClockTriggerBuilder.create");
        if (app._refuseAll) throw new Error(app._refuseAll);
        if (info.documentId === null)
          throw new Error("Exception: Add-ons can only create triggers for the file in which the add-on is used.");
        if (triggers.some((t) => t.documentId === info.documentId && t.user === info.user))
          throw new Error(ADDON_TRIGGER_LIMIT);
        triggers.push(info);
        return new FakeTrigger(info, counter);
      },
    };
    return gas({
      timeBased() {
        counter.hit("TriggerBuilder.timeBased");
        return clock;
      },
    });
  }
  /**
   * «Gets all installable triggers associated with the current project and current user» — in an
   * add-on, the user's triggers of EVERY document it is used in
   * (https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()).
   */
  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    return gas(this._triggers.filter((t) => t.user === this._user).map((t) => new FakeTrigger(t, this.counter)));
  }
  /** The user's triggers of one document (https://developers.google.com/apps-script/reference/script/script-app#getUserTriggers(Spreadsheet)). */
  getUserTriggers(document: any): GoogleAppsScript.Script.Trigger[] {
    const id = (document as unknown as { _id: string })._id;
    return gas(
      this._triggers
        .filter((t) => t.user === this._user && t.documentId === id)
        .map((t) => new FakeTrigger(t, this.counter)),
    );
  }
  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    const id = trigger.getUniqueId();
    const at = this._triggers.findIndex((t) => t.id === id);
    if (at >= 0) this._triggers.splice(at, 1);
  }
}

export class FakeLogger {
  readonly _lines: string[] = [];
  log(...args: unknown[]): this {
    this._lines.push(args.map(String).join(" "));
    return this;
  }
}

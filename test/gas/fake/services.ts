/** LockService, PropertiesService, Session, Utilities, ScriptApp and Logger, in memory. */
import { type CallCounter, counted, gas } from "./counter.js";

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
  ) {
    return counted(this, "Lock", counter);
  }
  tryLock(_timeoutInMillis: number): boolean {
    if (this.mine) return true;
    if (this.slot.heldElsewhere || this.slot.holders > 0) return false;
    this.mine = true;
    this.slot.holders++;
    this.slot.acquisitions++;
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error("Exception: Lock timeout: another process was holding the lock for too long.");
  }
  releaseLock(): void {
    if (!this.mine) return;
    this.mine = false;
    this.slot.holders--;
  }
  hasLock(): boolean {
    return this.mine;
  }
}

export class FakeLockService implements Pick<GoogleAppsScript.Lock.LockService, "getDocumentLock" | "getScriptLock" | "getUserLock"> {
  readonly _document = new LockSlot();
  readonly _script = new LockSlot();
  readonly _user = new LockSlot();
  constructor(private readonly counter: CallCounter) {
    return counted(this, "LockService", counter);
  }
  getDocumentLock(): Lock {
    return gas(new FakeLock(this._document, this.counter));
  }
  getScriptLock(): Lock {
    return gas(new FakeLock(this._script, this.counter));
  }
  getUserLock(): Lock {
    return gas(new FakeLock(this._user, this.counter));
  }
}

/** Apps Script's quotas: 9 KB per value, 500 KB per store. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

export class FakeProperties
  implements Pick<Properties, "getProperty" | "setProperty" | "deleteProperty" | "getProperties" | "setProperties" | "getKeys" | "deleteAllProperties">
{
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

export class FakePropertiesService
  implements Pick<GoogleAppsScript.Properties.PropertiesService, "getDocumentProperties" | "getScriptProperties" | "getUserProperties">
{
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

export class FakeSession implements Pick<GoogleAppsScript.Base.Session, "getScriptTimeZone" | "getActiveUser" | "getEffectiveUser" | "getActiveUserLocale"> {
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
  const tokens: Record<string, string> = { yyyy: get("year"), MM: get("month"), dd: get("day"), HH: get("hour"), mm: get("minute"), ss: get("second"), Z: zone };
  return format.replace(/yyyy|MM|dd|HH|mm|ss|Z|'[^']*'/g, (t) => (t.startsWith("'") ? t.slice(1, -1) : tokens[t]!));
}

export class FakeUtilities implements Pick<GoogleAppsScript.Utilities.Utilities, "formatDate" | "sleep" | "getUuid"> {
  private uuid = 0;
  constructor(counter: CallCounter) {
    return counted(this, "Utilities", counter);
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

export class FakeScriptApp implements Pick<GoogleAppsScript.Script.ScriptApp, "newTrigger" | "getProjectTriggers" | "deleteTrigger"> {
  readonly AuthMode = { NONE: "NONE", LIMITED: "LIMITED", CUSTOM_FUNCTION: "CUSTOM_FUNCTION", FULL: "FULL" };
  readonly _triggers: FakeTriggerInfo[] = [];
  private seq = 0;
  constructor(private readonly counter: CallCounter) {
    return counted(this, "ScriptApp", counter);
  }
  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    const info: FakeTriggerInfo = { id: `trigger-${++this.seq}`, handler: functionName, everyHours: null };
    const triggers = this._triggers;
    const counter = this.counter;
    const clock = {
      everyHours(n: number) {
        counter.hit("ClockTriggerBuilder.everyHours");
        info.everyHours = n;
        return clock;
      },
      create() {
        counter.hit("ClockTriggerBuilder.create");
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
  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    return gas(this._triggers.map((t) => new FakeTrigger(t, this.counter)));
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

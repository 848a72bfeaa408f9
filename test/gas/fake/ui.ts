/** In-memory Ui (menus, alerts, sidebar, dialogs) and HtmlService. */
import { type CallCounter, counted, gas } from "./counter.js";

type Ui = GoogleAppsScript.Base.Ui;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export interface MenuItem {
  caption: string;
  functionName: string;
}
export type MenuEntry = MenuItem | { separator: true } | { submenu: BuiltMenu };

export interface BuiltMenu {
  /** "addon" for createAddonMenu(), else the caption given to createMenu(). */
  caption: string;
  entries: MenuEntry[];
}

export class FakeMenu implements Pick<
  GoogleAppsScript.Base.Menu,
  "addItem" | "addSeparator" | "addSubMenu" | "addToUi"
> {
  readonly _entries: MenuEntry[] = [];
  constructor(
    readonly _caption: string,
    private readonly ui: FakeUi,
    counter: CallCounter,
  ) {
    return counted(this, "Menu", counter);
  }
  addItem(caption: string, functionName: string): GoogleAppsScript.Base.Menu {
    this._entries.push({ caption, functionName });
    return gas(this);
  }
  addSeparator(): GoogleAppsScript.Base.Menu {
    this._entries.push({ separator: true });
    return gas(this);
  }
  addSubMenu(menu: GoogleAppsScript.Base.Menu): GoogleAppsScript.Base.Menu {
    this._entries.push({ submenu: (menu as unknown as FakeMenu)._built() });
    return gas(this);
  }
  addToUi(): void {
    this.ui._menus = this.ui._menus.filter((m) => m.caption !== this._caption);
    this.ui._menus.push(this._built());
  }
  _built(): BuiltMenu {
    return { caption: this._caption, entries: this._entries.map((e) => ({ ...e })) };
  }
}

export interface Alert {
  title: string;
  prompt: string;
}

export class FakeUi implements Pick<
  Ui,
  "alert" | "prompt" | "createAddonMenu" | "createMenu" | "showSidebar" | "showModalDialog"
> {
  readonly ButtonSet = { OK: "OK", OK_CANCEL: "OK_CANCEL", YES_NO: "YES_NO", YES_NO_CANCEL: "YES_NO_CANCEL" };
  readonly Button = { OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO", CLOSE: "CLOSE" };
  _menus: BuiltMenu[] = [];
  _alerts: Alert[] = [];
  _sidebar: FakeHtmlOutput | null = null;
  _dialogs: { title: string; html: FakeHtmlOutput }[] = [];
  /** What the next alert returns (a YES/NO question in tests). */
  _nextButton = "OK";
  /** What the next prompts answer, in order (text typed and button pressed); none left: CANCEL. */
  _promptAnswers: { text: string; button: "OK" | "CANCEL" }[] = [];

  constructor(private readonly counter: CallCounter) {
    return counted(this, "Ui", counter);
  }
  alert(prompt: string): GoogleAppsScript.Base.Button;
  alert(prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.Button;
  alert(title: string, prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.Button;
  alert(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.Button {
    this._alerts.push(c !== undefined ? { title: a, prompt: String(b) } : { title: "", prompt: a });
    return gas(this._nextButton as unknown as object);
  }
  /**
   * A one-line input dialog: the response gives the text typed and the button pressed
   * (https://developers.google.com/apps-script/reference/base/ui#prompt(String,String,ButtonSet),
   * https://developers.google.com/apps-script/reference/base/prompt-response).
   */
  prompt(prompt: string): GoogleAppsScript.Base.PromptResponse;
  prompt(prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.PromptResponse;
  prompt(title: string, prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.PromptResponse;
  prompt(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.PromptResponse {
    this._alerts.push(c !== undefined ? { title: a, prompt: String(b) } : { title: "", prompt: a });
    const answer = this._promptAnswers.shift() ?? { text: "", button: "CANCEL" as const };
    return gas(new FakePromptResponse(answer.text, answer.button, this.counter));
  }
  createAddonMenu(): GoogleAppsScript.Base.Menu {
    return gas(new FakeMenu("addon", this, this.counter));
  }
  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    return gas(new FakeMenu(caption, this, this.counter));
  }
  showSidebar(userInterface: HtmlOutput): void {
    this._sidebar = userInterface as unknown as FakeHtmlOutput;
  }
  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this._dialogs.push({ title, html: userInterface as unknown as FakeHtmlOutput });
  }
}

export class FakePromptResponse implements Pick<
  GoogleAppsScript.Base.PromptResponse,
  "getResponseText" | "getSelectedButton"
> {
  constructor(
    private readonly text: string,
    private readonly button: string,
    counter: CallCounter,
  ) {
    return counted(this, "PromptResponse", counter);
  }
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): GoogleAppsScript.Base.Button {
    return this.button as unknown as GoogleAppsScript.Base.Button;
  }
}

export class FakeHtmlOutput implements Pick<
  HtmlOutput,
  "getContent" | "getTitle" | "setTitle" | "getWidth" | "setWidth" | "getHeight" | "setHeight" | "setContent"
> {
  private title = "";
  private width = 300;
  private height = 0;
  constructor(
    private content: string,
    counter: CallCounter,
  ) {
    return counted(this, "HtmlOutput", counter);
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): HtmlOutput {
    this.content = content;
    return gas(this);
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): HtmlOutput {
    this.title = title;
    return gas(this);
  }
  getWidth(): number {
    return this.width;
  }
  setWidth(width: number): HtmlOutput {
    this.width = width;
    return gas(this);
  }
  getHeight(): number {
    return this.height;
  }
  setHeight(height: number): HtmlOutput {
    this.height = height;
    return gas(this);
  }
}

export class FakeHtmlService implements Pick<
  GoogleAppsScript.HTML.HtmlService,
  "createHtmlOutput" | "createHtmlOutputFromFile"
> {
  constructor(
    /** Project files by name without extension (dist/Sidebar.html → "Sidebar"). */
    private readonly files: ReadonlyMap<string, string>,
    private readonly counter: CallCounter,
  ) {
    return counted(this, "HtmlService", counter);
  }
  createHtmlOutput(): HtmlOutput;
  createHtmlOutput(blob: GoogleAppsScript.Base.BlobSource): HtmlOutput;
  createHtmlOutput(html: string): HtmlOutput;
  createHtmlOutput(html?: unknown): HtmlOutput {
    return gas(new FakeHtmlOutput(typeof html === "string" ? html : "", this.counter));
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    const content = this.files.get(filename.replace(/\.html$/, ""));
    if (content === undefined) throw new Error(`Exception: No HTML file named ${filename} was found.`);
    return gas(new FakeHtmlOutput(content, this.counter));
  }
}

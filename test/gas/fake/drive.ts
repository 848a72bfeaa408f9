/**
 * In-memory DriveApp with the `drive.file` scope's rule: the script sees only the files and
 * folders it created or that were opened with it (`_grant`); everything else answers like a
 * missing item.
 */
import { type CallCounter, NO_ACCESS, counted, gas } from "./counter.js";

export interface DriveItem {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  folder: boolean;
  appCreated: boolean;
  lastUpdated: Date;
  trashed?: boolean;
}

export const FOLDER_MIME = "application/vnd.google-apps.folder";

class FakeIterator<T> {
  private i = 0;
  constructor(
    private readonly items: T[],
    private readonly counter: CallCounter,
    type: string,
  ) {
    return counted(this, type, counter);
  }
  hasNext(): boolean {
    return this.i < this.items.length;
  }
  next(): T {
    const item = this.items[this.i++];
    if (item === undefined)
      throw new Error("Exception: Cannot retrieve the next object: iterator has reached the end.");
    return item;
  }
  getContinuationToken(): string {
    return String(this.i);
  }
}

export class FakeFile implements Pick<
  GoogleAppsScript.Drive.File,
  "getId" | "getName" | "setName" | "getUrl" | "getParents" | "moveTo" | "getLastUpdated" | "getMimeType"
> {
  constructor(
    private readonly drive: FakeDrive,
    readonly _id: string,
  ) {
    return counted(this, "File", drive._counter);
  }
  private get _item(): DriveItem {
    return this.drive._files.get(this._id)!;
  }
  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._item.name;
  }
  setName(name: string): GoogleAppsScript.Drive.File {
    this._item.name = name;
    return gas(this);
  }
  getUrl(): string {
    return this._item.mimeType.includes("document")
      ? `https://docs.google.com/document/d/${this._id}/edit`
      : `https://drive.google.com/file/d/${this._id}/view`;
  }
  getParents(): GoogleAppsScript.Drive.FolderIterator {
    // Parents are listed even when the script may not open them (drive.file); using one then fails.
    const parents = this._item.parents.map((p) => new FakeFolder(this.drive, p));
    return gas(new FakeIterator(parents, this.drive._counter, "FolderIterator"));
  }
  moveTo(destination: GoogleAppsScript.Drive.Folder): GoogleAppsScript.Drive.File {
    const folder = destination as unknown as FakeFolder;
    if (!this.drive._visible(folder._id)) throw new Error(NO_ACCESS);
    this._item.parents = [folder._id];
    return gas(this);
  }
  getLastUpdated(): GoogleAppsScript.Base.Date {
    return gas(new Date(this._item.lastUpdated.getTime()));
  }
  getMimeType(): string {
    return this._item.mimeType;
  }
}

export class FakeFolder implements Pick<
  GoogleAppsScript.Drive.Folder,
  "getId" | "getName" | "getUrl" | "getFiles" | "getFilesByName"
> {
  constructor(
    private readonly drive: FakeDrive,
    readonly _id: string,
  ) {
    return counted(this, "Folder", drive._counter);
  }
  getId(): string {
    return this._id;
  }
  private _check(): void {
    if (!this.drive._visible(this._id)) throw new Error(NO_ACCESS);
  }
  getName(): string {
    this._check();
    return this.drive._files.get(this._id)!.name;
  }
  getUrl(): string {
    return `https://drive.google.com/drive/folders/${this._id}`;
  }
  private _filesWhere(pred: (f: DriveItem) => boolean): GoogleAppsScript.Drive.FileIterator {
    this._check();
    const found = [...this.drive._files.values()]
      .filter((f) => !f.folder && f.parents.includes(this._id) && this.drive._visible(f.id) && pred(f))
      .map((f) => new FakeFile(this.drive, f.id));
    return gas(new FakeIterator(found, this.drive._counter, "FileIterator"));
  }
  getFiles(): GoogleAppsScript.Drive.FileIterator {
    return this._filesWhere(() => true);
  }
  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    return this._filesWhere((f) => f.name === name);
  }
}

export class FakeDrive {
  readonly _files = new Map<string, DriveItem>();
  readonly _granted = new Set<string>();
  readonly rootId = "root-folder";
  /** "drive.file": only app-created or granted items; "drive": everything. */
  scope: "drive.file" | "drive" = "drive.file";
  private seq = 0;
  readonly app: FakeDriveApp;

  constructor(readonly _counter: CallCounter) {
    this._files.set(this.rootId, {
      id: this.rootId,
      name: "Мой диск",
      mimeType: FOLDER_MIME,
      parents: [],
      folder: true,
      appCreated: false,
      lastUpdated: new Date(),
    });
    this._granted.add(this.rootId);
    this.app = new FakeDriveApp(this);
  }

  _visible(id: string): boolean {
    const item = this._files.get(id);
    if (!item) return false;
    return this.scope === "drive" || item.appCreated || this._granted.has(id);
  }

  /** Creates a file as the script would (visible under drive.file). */
  _createFile(name: string, mimeType: string, parent = this.rootId): DriveItem {
    // Shaped like Drive's ids (long runs of letters, digits, «-» and «_»), so a link built from one
    // reads back as a link (the committee's registry recognises 25+ characters).
    const id = `1fakeDriveFile${String(++this.seq).padStart(6, "0")}xAbCdEfGhIjKlM`;
    const item: DriveItem = {
      id,
      name,
      mimeType,
      parents: [parent],
      folder: false,
      appCreated: true,
      lastUpdated: new Date(),
    };
    this._files.set(id, item);
    return item;
  }

  /** Test set-up: a file or folder the user owns (not created by the script). */
  _addUserItem(item: {
    id: string;
    name: string;
    folder?: boolean;
    parent?: string;
    mimeType?: string;
    granted?: boolean;
  }): DriveItem {
    const entry: DriveItem = {
      id: item.id,
      name: item.name,
      mimeType: item.mimeType ?? (item.folder ? FOLDER_MIME : "application/vnd.google-apps.spreadsheet"),
      parents: [item.parent ?? this.rootId],
      folder: item.folder ?? false,
      appCreated: false,
      lastUpdated: new Date(),
    };
    this._files.set(item.id, entry);
    if (item.granted) this._granted.add(item.id);
    return entry;
  }

  /** Names of the documents in a folder (all of them, regardless of scope), for assertions. */
  _namesIn(folderId: string): string[] {
    return [...this._files.values()].filter((f) => !f.folder && f.parents.includes(folderId)).map((f) => f.name);
  }
}

export class FakeDriveApp implements Pick<
  GoogleAppsScript.Drive.DriveApp,
  "getFileById" | "getFolderById" | "getRootFolder" | "getFilesByName" | "createFolder"
> {
  constructor(private readonly drive: FakeDrive) {
    return counted(this, "DriveApp", drive._counter);
  }
  getFileById(id: string): GoogleAppsScript.Drive.File {
    const item = this.drive._files.get(id);
    if (!item || item.folder || !this.drive._visible(id)) throw new Error(NO_ACCESS);
    return gas(new FakeFile(this.drive, id));
  }
  getFolderById(id: string): GoogleAppsScript.Drive.Folder {
    const item = this.drive._files.get(id);
    if (!item || !item.folder || !this.drive._visible(id)) throw new Error(NO_ACCESS);
    return gas(new FakeFolder(this.drive, id));
  }
  createFolder(name: string): GoogleAppsScript.Drive.Folder {
    const item = this.drive._createFile(name, FOLDER_MIME);
    item.folder = true;
    return gas(new FakeFolder(this.drive, item.id));
  }
  getRootFolder(): GoogleAppsScript.Drive.Folder {
    return gas(new FakeFolder(this.drive, this.drive.rootId));
  }
  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    const found = [...this.drive._files.values()]
      .filter((f) => !f.folder && f.name === name && this.drive._visible(f.id))
      .map((f) => new FakeFile(this.drive, f.id));
    return gas(new FakeIterator(found, this.drive._counter, "FileIterator"));
  }
}

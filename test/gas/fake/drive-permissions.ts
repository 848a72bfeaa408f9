/**
 * Drive API v3 `Permissions.create / list` (Apps Script's Drive advanced service:
 * `Drive.Permissions.create(resource, fileId, optionalArgs)`), over the fake Drive's files.
 *
 * What Google documents, and the fake enforces:
 * - the file must be one the token reaches (under drive.file: created by the app or opened with
 *   it), else 404 «File not found» (https://developers.google.com/workspace/drive/api/guides/api-specific-auth);
 * - `type` and `role` are required; a `user` or `group` permission needs `emailAddress`
 *   (https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions#Permission);
 * - `sendNotificationEmail` defaults to true for users and groups and «is not allowed for other
 *   requests»; `emailMessage` is «a plain text custom message to include in the notification
 *   email» (https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions/create);
 *   the fake records every notification sent, with its message;
 * - an address Drive cannot invite is refused: with the notification off, an address without a
 *   Google account answers 400 invalidSharingRequest (handled as such in public code, e.g.
 *   https://github.com/gather-community/gather/pull/1049); a domain whose policy forbids
 *   sharing outside it answers 403 (the test names such addresses in `_refused`);
 * - sharing has its own limit: 403 sharingRateLimitExceeded
 *   (https://developers.google.com/workspace/drive/api/guides/handle-errors), modelled by
 *   `_sharesLeft`.
 * The wording of Google's messages is not documented; the reasons (invalidSharingRequest,
 * sharingRateLimitExceeded) are, and the messages carry them.
 */
import type { drive_v3 } from "@googleapis/drive";
import { type CallCounter } from "./counter.js";
import { type FakeDrive } from "./drive.js";

const apiError = (method: string, message: string) =>
  new Error(`GoogleJsonResponseException: API call to drive.permissions.${method} failed with error: ${message}`);

/** One address, shaped like one (what Drive would even try to look up). */
const EMAIL = /^[^\s@,;<>"']+@[^\s@,;<>"']+\.[^\s@,;<>"'.]{2,}$/;

export interface SentNotification {
  readonly fileId: string;
  readonly to: string;
  readonly message: string;
}

export class FakeDrivePermissions {
  /** Permissions by file id (the owner's own is implied). */
  readonly _byFile = new Map<string, drive_v3.Schema$Permission[]>();
  readonly _notifications: SentNotification[] = [];
  /** Addresses Drive refuses to share with, and the refusal (domain policy and the like). */
  readonly _refused = new Map<string, string>();
  /** Addresses that have no Google account (invited only with a notification e-mail). */
  readonly _withoutAccount = new Set<string>();
  /** Invitations left before Google's sharing limit (null: no limit). */
  _sharesLeft: number | null = null;
  private seq = 0;

  constructor(
    private readonly drive: FakeDrive,
    private readonly counter: CallCounter,
  ) {}

  create(
    resource: drive_v3.Schema$Permission,
    fileId: string,
    optionalArgs: { sendNotificationEmail?: boolean; emailMessage?: string; fields?: string } = {},
  ): drive_v3.Schema$Permission {
    this.counter.hit("Drive.Permissions.create");
    return this.counter.paused(() => {
      if (!this.drive._visible(fileId)) throw apiError("create", `File not found: ${fileId}.`);
      if (!resource?.type) throw apiError("create", "The permission type field is required.");
      if (!resource.role) throw apiError("create", "The permission role field is required.");
      const person = resource.type === "user" || resource.type === "group";
      const notify = optionalArgs.sendNotificationEmail ?? person;
      if (!person && optionalArgs.sendNotificationEmail !== undefined)
        throw apiError("create", "sendNotificationEmail is only allowed for user and group permissions (badRequest).");
      if (optionalArgs.emailMessage !== undefined && !notify)
        throw apiError("create", "An emailMessage needs sendNotificationEmail (badRequest).");
      const email = (resource.emailAddress ?? "").trim().toLowerCase();
      if (person && !email) throw apiError("create", "The permission emailAddress field is required.");
      if (person && !EMAIL.test(email))
        throw apiError(
          "create",
          `Invalid sharing request: «${resource.emailAddress}» is not an email address (invalidSharingRequest).`,
        );
      const refusal = this._refused.get(email);
      if (refusal) throw apiError("create", refusal);
      if (this._withoutAccount.has(email) && !notify)
        throw apiError(
          "create",
          "Bad Request. There is no Google account associated with this email address (invalidSharingRequest).",
        );
      if (this._sharesLeft !== null) {
        if (this._sharesLeft <= 0)
          throw apiError(
            "create",
            "Rate limit exceeded: the user has reached a sharing limit (sharingRateLimitExceeded).",
          );
        this._sharesLeft--;
      }
      const list = this._byFile.get(fileId) ?? [];
      this._byFile.set(fileId, list);
      let permission = list.find((p) => p.emailAddress === email && p.type === resource.type);
      if (permission) permission.role = resource.role;
      else {
        permission = { id: `perm-${++this.seq}`, type: resource.type, role: resource.role, emailAddress: email };
        list.push(permission);
      }
      if (notify) this._notifications.push({ fileId, to: email, message: optionalArgs.emailMessage ?? "" });
      return { ...permission };
    });
  }

  list(fileId: string): drive_v3.Schema$PermissionList {
    this.counter.hit("Drive.Permissions.list");
    return this.counter.paused(() => {
      if (!this.drive._visible(fileId)) throw apiError("list", `File not found: ${fileId}.`);
      return { permissions: (this._byFile.get(fileId) ?? []).map((p) => ({ ...p })) };
    });
  }
}

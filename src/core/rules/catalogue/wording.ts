/** Small pieces several rules' messages share. */

/** « (причина)» from a reader's reason, without its final full stop; nothing without a reason. */
export function because(reason: string | null | undefined): string {
  return reason ? ` (${reason.replace(/\.$/, "")})` : "";
}

/** Like `because`, but a reason that only quotes the value again («…») adds nothing and is left out. */
export function readerNote(reason: string | null | undefined): string {
  return !reason || reason.startsWith("«") ? "" : because(reason);
}

/** A Drive folder id from what a user pastes: a folder link, an «open?id=» link or the bare id. */
export function folderIdFrom(text: string): string | null {
  const t = text.trim();
  if (t === "") return null;
  const m = /\/folders\/([-\w]{10,})/.exec(t) ?? /[?&]id=([-\w]{10,})/.exec(t);
  if (m) return m[1]!;
  return /^[-\w]{10,}$/.test(t) ? t : null;
}

/** Failures the user can act on: the message is Russian and shown as is, never a stack trace. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}

/** A Russian sentence for any failure: a UserError's own text, else a generic one with the cause. */
export function userMessage(error: unknown, doing: string): string {
  if (error instanceof UserError) return error.message;
  const raw = error instanceof Error ? error.message : String(error);
  const cause = raw.replace(/^Exception:\s*/, "").trim();
  return `Не удалось ${doing}. ${cause ? `Причина: ${cause}` : "Попробуйте ещё раз."}`;
}

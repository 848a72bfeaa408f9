/** Quote a user value for a message: «value», shortened so a huge cell cannot flood it. */
export function quote(value: string, max = 80): string {
  const oneLine = value.replace(/\s+/g, " ").trim();
  return `«${oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine}»`;
}

/** Optional benchmark section (placeholder): its owner replaces it; undefined means "nothing to report". */
export async function run(): Promise<Record<string, unknown> | undefined> {
  return undefined;
}

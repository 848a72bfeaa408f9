/** Placeholder so the `mip` dispatcher compiles; its owner replaces this module. */
export async function run(_args: string[]): Promise<number> {
  process.stderr.write("Команда пока недоступна.\n");
  return 2;
}

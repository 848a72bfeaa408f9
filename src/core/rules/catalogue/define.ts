/**
 * The shape of one rule of the catalogue: its contract (severity), what a reader of the docs
 * sees (title, description, fix) and its message — a template of typed parameters, or named
 * variants of them — with an example the docs render (docs/RULES.md, `npm run docs:rules`).
 */

export type Severity = "error" | "warning" | "info";

/** One wording of a finding: its parameters in, one Russian sentence (or two) out. */
export type Template<P> = (params: P) => string;

/** What every rule says about itself, whatever its message. */
interface RuleText {
  readonly severity: Severity;
  /** Short Russian name of the finding. */
  readonly title: string;
  /** What the rule checks, one or two Russian sentences. */
  readonly description: string;
  /** How the user puts it right, in Russian. */
  readonly fix: string;
}

/** A rule with one wording. */
interface SingleRule<P> extends RuleText {
  readonly message: Template<P>;
  readonly example: P;
}

type AnyTemplates = Readonly<Record<string, Template<never>>>;

/** Parameters of one named variant of a rule's wording. */
export type VariantParams<M, V extends keyof M> = M[V] extends Template<infer P> ? P : never;

type VariantExample<M> = { [V in keyof M]: { readonly variant: V; readonly params: VariantParams<M, V> } }[keyof M];

/** A rule with several wordings (e.g. an empty cell and a cell that says «нет»). */
interface VariantRule<M extends AnyTemplates> extends RuleText {
  readonly message: M;
  readonly example: VariantExample<M>;
}

/** A rule with one wording; the example is checked against the template's parameters. */
export function rule<P>(spec: RuleText & { message: Template<P>; example: NoInfer<P> }): SingleRule<P> {
  return spec;
}

/** A rule with named wordings; the example names one of them. */
export function variants<M extends AnyTemplates>(
  spec: RuleText & { message: M; example: NoInfer<VariantExample<M>> },
): VariantRule<M> {
  return spec;
}

/** Any entry of the catalogue, as the docs and `say` read it. */
export interface AnyRule extends RuleText {
  readonly message: Template<never> | AnyTemplates;
  readonly example: unknown;
}

/** The example message of a rule, as the docs show it. */
export function exampleMessage(spec: AnyRule): string {
  if (typeof spec.message === "function") return (spec.message as Template<unknown>)(spec.example);
  const example = spec.example as { variant: string; params: unknown };
  return (spec.message[example.variant] as Template<unknown>)(example.params);
}

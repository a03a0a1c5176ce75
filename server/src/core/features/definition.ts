/** Go to definition across the files of a connection (e.g. a call's `connection` → its authentication). */
import type { DefinitionContributor, DefinitionTarget, FeatureContext } from './contributors';

export function findDefinitions(ctx: FeatureContext, providers: readonly DefinitionContributor[]): DefinitionTarget[] {
  const out: DefinitionTarget[] = [];
  for (const contributor of providers) {
    const result = contributor.provide(ctx);
    if (result) out.push(...result);
  }
  return out;
}

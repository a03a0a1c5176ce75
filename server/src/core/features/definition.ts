/** Go to definition across the files of a connection (e.g. a call's `connection` → its authentication). */
import { definitionContributors, DefinitionTarget, FeatureContext } from './contributors';
import './all';

export function findDefinitions(ctx: FeatureContext): DefinitionTarget[] {
  const out: DefinitionTarget[] = [];
  for (const contributor of definitionContributors) {
    const result = contributor.provide(ctx);
    if (result) out.push(...result);
  }
  return out;
}

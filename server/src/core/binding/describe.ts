/** Markdown texts about binding variables, for hover and completion documentation. */
import type { BindingVariable } from './variables';

const EVIDENCE: Record<BindingVariable['evidence'], string> = {
  observed: 'seen in working EIC packages',
  documented: 'documented by Saviynt',
  inferred: 'inferred from working packages',
};

export function variableMarkdown(v: BindingVariable): string {
  const alias = v.aliasOf ? ` (another name for \`${v.aliasOf}\`)` : '';
  return [
    `**\`${v.name}\`**${alias} — ${v.summary}`,
    v.description,
    `**Bound in:** ${v.where}`,
    `**Example:** \`${v.example}\``,
    `_${EVIDENCE[v.evidence]}_`,
  ].join('\n\n');
}

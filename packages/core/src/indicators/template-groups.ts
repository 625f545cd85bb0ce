import { type IndicatorNode, isBranch, type SystemContent } from './model';

/**
 * A template names unit groups it cannot know the tenant's codes for (e.g. `approval`: units that do
 * approval work). Copying it, the office says which of its own groups each one means; a template
 * group mapped to nothing stays as it is (validation then asks the office to create or change it).
 */
export type TemplateGroupMapping = Readonly<Record<string, readonly string[]>>;

export function mapTemplateGroups(content: SystemContent, mapping: TemplateGroupMapping): SystemContent {
  const remap = (codes: readonly string[]) => [
    ...new Set(codes.flatMap((g) => (mapping[g]?.length ? mapping[g] : [g]))),
  ];
  const walk = (n: IndicatorNode): IndicatorNode =>
    isBranch(n)
      ? { ...n, children: n.children.map(walk) as typeof n.children }
      : n.appliesTo?.length
        ? { ...n, appliesTo: remap(n.appliesTo) }
        : n;
  return { ...content, dimensions: content.dimensions.map(walk) };
}

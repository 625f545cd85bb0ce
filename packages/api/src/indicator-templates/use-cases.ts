import {
  countLeaves,
  errors,
  TEMPLATES,
  type Template,
  type TemplateDetail,
  type TemplateSummary,
  weightSummary,
} from '@jixiao/core';

const summaryOf = (t: Template): TemplateSummary => ({
  id: t.id,
  name: t.name,
  description: t.description,
  appliesTo: t.appliesTo,
  source: t.source,
  dimensions: t.content.dimensions.map((d) => ({ code: d.code, name: d.name, weight: d.weight })),
  leafCount: countLeaves(t.content.dimensions),
  groups: (t.groups ?? []).map((g) => ({ code: g.code, name: { ...g.name } })),
});

export const listTemplates = (): TemplateSummary[] => TEMPLATES.map(summaryOf);

export function findTemplate(id: string): Template | undefined {
  return TEMPLATES.find((x) => x.id === id);
}

export function getTemplate(id: string): TemplateDetail {
  const t = findTemplate(id);
  if (!t) throw errors.notFound('模板', 'Template');
  return { ...summaryOf(t), content: t.content, weights: weightSummary(t.content) };
}

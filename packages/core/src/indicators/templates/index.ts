import type { SystemContent } from '../model';
import type { Template } from './build';
import { department } from './department';
import { departmentProjects } from './department-projects';
import { districtCounty } from './district-county';
import { fiscal } from './fiscal';
import { investmentProject } from './investment-project';
import { kpi } from './kpi';
import { localAnnual } from './local-annual';
import { purchasedService } from './purchased-service';
import { serviceWindow } from './service-window';

export type { Template } from './build';

const deepFreeze = <T>(x: T): T => {
  if (x !== null && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
};

/**
 * The ready-made indicator systems from the seed documents, in the order the console lists them.
 * Frozen: copy one with `templateContent(id)` before changing it.
 */
export const TEMPLATES: readonly Template[] = deepFreeze([
  districtCounty,
  department,
  localAnnual,
  fiscal,
  purchasedService,
  serviceWindow,
  kpi,
  investmentProject,
  departmentProjects,
]);

export const templateById = (id: string): Template | undefined => TEMPLATES.find((t) => t.id === id);

/** A deep, mutable copy of a template's content, to start a tenant's draft from. */
export const templateContent = (id: string): SystemContent | undefined => {
  const t = templateById(id);
  return t ? structuredClone(t.content) : undefined;
};

/** Every formula calculator the templates name; the scoring engine's registry must know them all. */
export const TEMPLATE_CALCULATORS: readonly string[] = Object.freeze(
  [
    ...new Set(
      TEMPLATES.flatMap((t) => {
        const names: string[] = [];
        const walk = (n: SystemContent['dimensions'][number]) => {
          if ('children' in n) n.children.forEach(walk);
          else if (n.rule.kind === 'formula') names.push(n.rule.calculator);
        };
        t.content.dimensions.forEach(walk);
        return names;
      }),
    ),
  ].sort(),
);

import { department } from './department';
import { departmentProjects } from './department-projects';
import { districtCounty } from './district-county';
import { fiscal } from './fiscal';
import { investmentProject } from './investment-project';
import { kpi } from './kpi';
import { localAnnual } from './local-annual';
import { purchasedService } from './purchased-service';
import { serviceWindow } from './service-window';
import type { WordingTable } from './types';

/** The test table of the source's wording, by template id (see ../provenance.test.ts). */
export const WORDING: Readonly<Record<string, WordingTable>> = {
  district_county: districtCounty,
  department,
  local_annual: localAnnual,
  fiscal,
  purchased_service: purchasedService,
  service_window: serviceWindow,
  kpi,
  investment_project: investmentProject,
  department_projects: departmentProjects,
};

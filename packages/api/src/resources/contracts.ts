import type { RouteConfig } from '@hono/zod-openapi';
import { appealContract } from '../appeals/contract';
import { auditContract } from '../audit/contract';
import { comparisonContract, sharedResultContract } from '../comparisons/contract';
import { cycleFileContract } from '../cycle-files/contract';
import { cycleContract } from '../cycles/contract';
import { divisionContract } from '../divisions/contract';
import { evaluationContract } from '../evaluation/contract';
import { evidenceContract } from '../evidence/contract';
import { expertContract } from '../experts/contract';
import { financeContract } from '../finance/contract';
import { guidanceContract } from '../guidance/contract';
import { identityContract } from '../identity/contract';
import { indicatorFileContract } from '../indicator-files/contract';
import { systemContract } from '../indicator-systems/contract';
import { templateContract } from '../indicator-templates/contract';
import { monitoringContract } from '../monitoring/contract';
import { peerGroupContract } from '../peer-groups/contract';
import { planContract } from '../plans/contract';
import { platformTenantContract } from '../platform-tenants/contract';
import { provinceContract } from '../province/contract';
import { publicPlanContract } from '../public-plans/contract';
import { publicReportContract, publicResultContract } from '../public-results/contract';
import { publicSurveyContract } from '../public-surveys/contract';
import { publicationContract } from '../publication/contract';
import { rectificationContract } from '../rectification/contract';
import { reportContract } from '../reports/contract';
import { resultUseContract } from '../result-uses/contract';
import { meetingContract } from '../review-meeting/contract';
import { selfAssessmentContract } from '../self-assessments/contract';
import { mappingContract, sharingContract } from '../sharing/contract';
import { standardContract } from '../standards/contract';
import { surveyContract } from '../surveys/contract';
import { unitGroupContract } from '../unit-groups/contract';
import { unitContract } from '../units/contract';
import { userContract } from '../users/contract';
import { valueContract } from '../values/contract';

/**
 * Every route of the API as data (no handlers, no heavy libraries): for the OpenAPI document of
 * any one function, the console's typed client, and the tests that walk every route.
 */
export const CONTRACTS = {
  identity: identityContract,
  province: provinceContract,
  divisions: divisionContract,
  platformTenants: platformTenantContract,
  unitGroups: unitGroupContract,
  units: unitContract,
  users: userContract,
  templates: templateContract,
  systems: systemContract,
  indicatorFiles: indicatorFileContract,
  finance: financeContract,
  cycles: cycleContract,
  plans: planContract,
  publicPlans: publicPlanContract,
  monitoring: monitoringContract,
  selfAssessments: selfAssessmentContract,
  values: valueContract,
  audit: auditContract,
  cycleFiles: cycleFileContract,
  evidence: evidenceContract,
  experts: expertContract,
  surveys: surveyContract,
  publicSurveys: publicSurveyContract,
  meeting: meetingContract,
  evaluation: evaluationContract,
  appeals: appealContract,
  rectification: rectificationContract,
  resultUses: resultUseContract,
  reports: reportContract,
  publication: publicationContract,
  publicResults: publicResultContract,
  publicReports: publicReportContract,
  // #12: cross-region comparison (the export route is file work: see infra/api/routes.ts).
  sharing: sharingContract,
  standardMappings: mappingContract,
  standards: standardContract,
  peerGroups: peerGroupContract,
  sharedResults: sharedResultContract,
  comparisons: comparisonContract,
  guidance: guidanceContract,
};

export const ALL_ROUTES: RouteConfig[] = Object.values(CONTRACTS).flatMap((c) => Object.values(c));

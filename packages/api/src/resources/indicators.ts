import { appealRoutes } from '../appeals/routes';
import { auditRoutes } from '../audit/routes';
import { comparisonRoutes } from '../comparisons/routes';
import { cycleRoutes } from '../cycles/routes';
import { evaluationRoutes } from '../evaluation/routes';
import { evidenceRoutes } from '../evidence/routes';
import { expertRoutes } from '../experts/routes';
import { financeRoutes } from '../finance/routes';
import { guidanceRoutes } from '../guidance/routes';
import { indicatorSystemRoutes } from '../indicator-systems/routes';
import { templateRoutes } from '../indicator-templates/routes';
import { monitoringRoutes } from '../monitoring/routes';
import { peerGroupRoutes } from '../peer-groups/routes';
import { planRoutes } from '../plans/routes';
import { publicPlanRoutes } from '../public-plans/routes';
import { publicResultRoutes } from '../public-results/routes';
import { publicSurveyRoutes } from '../public-surveys/routes';
import { publicationRoutes } from '../publication/routes';
import { rectificationRoutes } from '../rectification/routes';
import { resultUseRoutes } from '../result-uses/routes';
import { meetingRoutes } from '../review-meeting/routes';
import { selfAssessmentRoutes } from '../self-assessments/routes';
import { sharingRoutes } from '../sharing/routes';
import { standardRoutes } from '../standards/routes';
import { surveyRoutes } from '../surveys/routes';
import { valueRoutes } from '../values/routes';

/**
 * Indicator systems, their templates and the finance calculators: JSON, but they carry the scoring
 * engine, decimal arithmetic and the eight templates (about 180 KiB minified), so in the cloud
 * they are their own function and the org resources stay small.
 */
export const INDICATOR_RESOURCES = [templateRoutes, indicatorSystemRoutes, financeRoutes];

/**
 * Cross-region comparison (#12): sharing reads the released runs, and comparisons need the exact
 * decimal arithmetic, so they are served beside the cycle (the workbook by the file function).
 */
export const PROVINCE_RESOURCES = [
  sharingRoutes,
  standardRoutes,
  peerGroupRoutes,
  comparisonRoutes,
  guidanceRoutes,
];

/**
 * The evaluation cycle (plans, public consultation, monitoring, self-assessment, verification,
 * audit trail): served by the indicator function too, since plans and warnings read the systems'
 * leaves and rules.
 */
export const CYCLE_RESOURCES = [
  cycleRoutes,
  planRoutes,
  publicPlanRoutes,
  monitoringRoutes,
  selfAssessmentRoutes,
  valueRoutes,
  auditRoutes,
  evidenceRoutes,
  expertRoutes,
  surveyRoutes,
  publicSurveyRoutes,
  meetingRoutes,
  evaluationRoutes,
  appealRoutes,
  rectificationRoutes,
  resultUseRoutes,
  publicationRoutes,
  publicResultRoutes,
  ...PROVINCE_RESOURCES,
];

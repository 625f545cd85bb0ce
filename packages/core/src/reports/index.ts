/** reports: the data of the unit, office and Congress reports, built purely from results. */
export { documentDate } from './chinese-date';
export { buildCongressReport, congressTitle } from './congress-report';
export { reportFileName } from './file-name';
export { reportIdentity } from './identity';
export type * from './inputs';
export * from './model';
export { BANDS, buildOfficeReport } from './office-report';
export { VERDICT_MARGIN } from './positions';
export {
  SAMPLE_IDS,
  SAMPLE_UNIT,
  type SampleReportInputs,
  sampleReportInputs,
  sampleReports,
} from './testing';
export { buildUnitReport, CONCLUSION_SUBJECT, MAX_LOSSES } from './unit-report';

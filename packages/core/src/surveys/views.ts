import { z } from 'zod';
import { SURVEY_QUESTION_KINDS, surveySchema } from './model';

/** What the survey routes answer besides the records themselves. */

export const surveyViewSchema = surveySchema
  .extend({
    counts: z.object({
      invitations: z.number().int(),
      used: z.number().int(),
      answers: z.number().int(),
    }),
  })
  .meta({ id: 'SurveyView' });
export type SurveyView = z.infer<typeof surveyViewSchema>;

export const invitationBatchResultSchema = z
  .object({
    batch: z.string(),
    count: z.number().int(),
    group: z.string(),
    unit: z.string().optional(),
  })
  .meta({ id: 'InvitationBatchResult' });

/** The questionnaire as a respondent sees it (no sign-in): nothing of the office's own records. */
export const publicQuestionnaireSchema = z
  .object({
    tenant: z.object({ code: z.string(), name: z.string() }),
    cycle: z.object({ id: z.string(), name: z.string(), year: z.number().int() }),
    survey: z.object({ id: z.string(), title: z.string(), intro: z.string() }),
    units: z.array(z.object({ code: z.string(), name: z.string() })),
    questions: z.array(z.object({ code: z.string(), text: z.string(), kind: z.enum(SURVEY_QUESTION_KINDS) })),
    /** The groups an open-link respondent chooses from (empty with an invitation). */
    groups: z.array(z.object({ key: z.string(), label: z.string() })),
    /** The invitation's group (with a token). */
    group: z.object({ key: z.string(), label: z.string() }).optional(),
    /** Whether the answer will be verified (an invitation token). */
    verified: z.boolean(),
    /** Sent back with the answer: the server measures the time taken. */
    start: z.string(),
  })
  .meta({ id: 'PublicQuestionnaire' });
export type PublicQuestionnaire = z.infer<typeof publicQuestionnaireSchema>;

export const surveyReceiptSchema = z
  .object({
    received: z.boolean(),
    message: z.object({ zh: z.string(), en: z.string() }),
  })
  .meta({ id: 'SurveyReceipt' });

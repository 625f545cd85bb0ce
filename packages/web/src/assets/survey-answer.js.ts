/** The public survey page's script: a device id kept in localStorage (filled by the surveys console). */
export const SURVEY_ANSWER_JS = '';

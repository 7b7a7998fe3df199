/** Swedish labels for the register's downloads (the web app has its own translations). */
import type { AssessmentDimension, ConflictStatus, conflictVisibilityMethods } from '../../db/schema.ts';

export const conflictTableLabels = {
  status: {
    identified: 'Identifierad',
    analysed: 'Analyserad',
    handled: 'Hanterad',
    followed_up: 'Uppföljd',
    dismissed: 'Avfärdad',
  } satisfies Record<ConflictStatus, string>,
  dimension: {
    economic: 'Ekonomisk',
    social: 'Social',
    environmental: 'Miljömässig',
    gender_equality: 'Jämställdhet',
    sami_conditions: 'Samiska förutsättningar',
  } satisfies Record<AssessmentDimension, string>,
  madeVisibleBy: {
    analysis: 'Analys',
    dialogue: 'Dialog',
    consultation: 'Samråd/konsultation',
    effort_assessment: 'Bedömning av insats',
    interaction_matrix: 'Samspelsmatris',
    other: 'Annat',
  } satisfies Record<(typeof conflictVisibilityMethods)[number], string>,
};

/** Swedish labels for downloads (the web app has its own translations). */
import type { S3InputStatus, S3MeetingFormat } from '../../../db/schema.ts';

export const meetingTableLabels = {
  format: {
    open_meeting: 'Öppet möte',
    workshop: 'Workshop',
    seminar: 'Seminarium',
    network_meeting: 'Nätverksträff',
    study_visit: 'Studiebesök',
    other: 'Annat',
  } satisfies Record<S3MeetingFormat, string>,
  inputKind: { need: 'Behov', proposal: 'Förslag', idea: 'Idé' } as Record<string, string>,
  inputStatus: {
    new: 'Nytt',
    considered: 'Övervägt',
    in_action_plan: 'Med i handlingsplanen',
    not_taken: 'Inte taget vidare',
  } satisfies Record<S3InputStatus, string>,
  visibility: { internal: 'Intern', published: 'Publicerad' } as Record<string, string>,
};

/** The label shown instead of the name of an organisation the reader may not see. */
export const hiddenOrganisationName = 'Annan organisation';

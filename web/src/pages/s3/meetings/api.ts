/** Meetings of the actor-driven process, input and registrations as the web app reads and writes them. */
import { api, unwrap, unwrapEmpty } from '../../../api/client';
import type { paths } from '../../../api/schema';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type One = paths['/api/v1/s3/meetings/{id}'];
type Many = paths['/api/v1/s3/meetings'];
type InputOne = paths['/api/v1/s3/inputs/{id}'];

export type Meeting = JsonOf<One['get']['responses'][200]>;
export type MeetingSummary = JsonOf<Many['get']['responses'][200]>['items'][number];
export type MeetingInput = NonNullable<Many['post']['requestBody']>['content']['application/json'];
export type MeetingPatch = NonNullable<One['patch']['requestBody']>['content']['application/json'];
export type MeetingListQuery = NonNullable<Many['get']['parameters']['query']>;
export type Input = JsonOf<InputOne['get']['responses'][200]>;
export type InputCreate = NonNullable<
  paths['/api/v1/s3/meetings/{id}/inputs']['post']['requestBody']
>['content']['application/json'];
export type InputPatch = NonNullable<InputOne['patch']['requestBody']>['content']['application/json'];
export type Registration = JsonOf<
  paths['/api/v1/s3/meetings/{id}/registrations']['get']['responses'][200]
>['items'][number];
export type RegistrationInput = NonNullable<
  paths['/api/v1/s3/meetings/{id}/registrations']['post']['requestBody']
>['content']['application/json'];
export type Consent = JsonOf<paths['/api/v1/s3/registration-consent']['get']['responses'][200]>;
export type MeetingFormat = Meeting['format'];
export type InputStatus = Input['status'];
export type InputKind = Input['kind'];
export type HelixType = Meeting['organisations'][number]['helixType'];

export const listMeetings = async (query: Omit<MeetingListQuery, 'format'>): Promise<MeetingSummary[]> =>
  unwrap(await api.GET('/api/v1/s3/meetings', { params: { query } })).items;

export const getMeeting = async (id: string): Promise<Meeting> =>
  unwrap(await api.GET('/api/v1/s3/meetings/{id}', { params: { path: { id } } }));

export const createMeeting = async (body: MeetingInput): Promise<Meeting> =>
  unwrap(await api.POST('/api/v1/s3/meetings', { body }));

/** `version` is the one read (sent as If-Match; 412 when someone else saved). */
export const changeMeeting = async (id: string, version: number, body: MeetingPatch): Promise<Meeting> =>
  unwrap(
    await api.PATCH('/api/v1/s3/meetings/{id}', {
      params: { path: { id }, header: { 'if-match': `"${version}"` } },
      body,
    }),
  );

export const deleteMeeting = async (id: string, version: number): Promise<void> =>
  unwrapEmpty(
    await api.DELETE('/api/v1/s3/meetings/{id}', {
      params: { path: { id }, header: { 'if-match': `"${version}"` } },
    }),
  );

export const addInput = async (meetingId: string, body: InputCreate): Promise<Input> =>
  unwrap(await api.POST('/api/v1/s3/meetings/{id}/inputs', { params: { path: { id: meetingId } }, body }));

export const getInput = async (id: string): Promise<Input> =>
  unwrap(await api.GET('/api/v1/s3/inputs/{id}', { params: { path: { id } } }));

export const changeInput = async (id: string, version: number, body: InputPatch): Promise<Input> =>
  unwrap(
    await api.PATCH('/api/v1/s3/inputs/{id}', {
      params: { path: { id }, header: { 'if-match': `"${version}"` } },
      body,
    }),
  );

export const getConsent = async (): Promise<Consent> =>
  unwrap(await api.GET('/api/v1/s3/registration-consent'));

export const register = async (meetingId: string, body: RegistrationInput) =>
  unwrap(
    await api.POST('/api/v1/s3/meetings/{id}/registrations', { params: { path: { id: meetingId } }, body }),
  );

export const listRegistrations = async (meetingId: string): Promise<Registration[]> =>
  unwrap(await api.GET('/api/v1/s3/meetings/{id}/registrations', { params: { path: { id: meetingId } } }))
    .items;

export const deleteRegistration = async (id: string): Promise<void> =>
  unwrapEmpty(await api.DELETE('/api/v1/s3/registrations/{id}', { params: { path: { id } } }));

/** Organisations of the actor register matching a search (name or organisationsnummer). */
export const searchOrganisations = async (q: string) =>
  unwrap(await api.GET('/api/v1/actors', { params: { query: { q, limit: 20 } } })).items;

export const getOrganisation = async (id: string) =>
  unwrap(await api.GET('/api/v1/actors/{id}', { params: { path: { id } } }));

/** The calendar of one strength area's (or all) published meetings. */
export const areaCalendarUrl = (slug?: string) =>
  slug ? `/api/v1/s3/meetings.ics?area=${encodeURIComponent(slug)}` : '/api/v1/s3/meetings.ics';
export const meetingCalendarUrl = (id: string) => `/api/v1/s3/meetings/${id}/calendar.ics`;
export const meetingDownloadUrl = (query: { area?: string; when?: string }, format: 'csv' | 'xlsx') => {
  const params = new URLSearchParams();
  if (query.area) params.set('area', query.area);
  if (query.when) params.set('when', query.when);
  params.set('format', format);
  return `/api/v1/s3/meetings?${params}`;
};
export const registrationsDownloadUrl = (id: string, format: 'csv' | 'xlsx') =>
  `/api/v1/s3/meetings/${id}/registrations?format=${format}`;

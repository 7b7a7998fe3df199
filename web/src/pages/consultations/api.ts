/** The Sami consultation records (lag 2022:66) as the web app reads and writes them. */
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type One = paths['/api/v1/sami-consultations/{id}'];
type Many = paths['/api/v1/sami-consultations'];

export type Consultation = JsonOf<One['get']['responses'][200]>;
export type ConsultationInput = NonNullable<Many['post']['requestBody']>['content']['application/json'];
export type ConsultationPatch = NonNullable<One['patch']['requestBody']>['content']['application/json'];
export type Outcome = Consultation['outcome'];
export type WarningCode = Consultation['warnings'][number]['code'];
export type ListQuery = NonNullable<Many['get']['parameters']['query']>;

/** Consultations the reader may see (all for staff and viewers; a partner's own). */
export const listConsultations = async (query: ListQuery): Promise<Consultation[]> =>
  unwrap(await api.GET('/api/v1/sami-consultations', { params: { query } })).items;

export const getConsultation = async (id: string): Promise<Consultation> =>
  unwrap(await api.GET('/api/v1/sami-consultations/{id}', { params: { path: { id } } }));

export const createConsultation = async (body: ConsultationInput): Promise<Consultation> =>
  unwrap(await api.POST('/api/v1/sami-consultations', { body }));

/** Changes a record; `version` is the one read (sent as If-Match, 412 when someone else saved). */
export const changeConsultation = async (
  id: string,
  version: number,
  body: ConsultationPatch,
): Promise<Consultation> =>
  unwrap(
    await api.PATCH('/api/v1/sami-consultations/{id}', {
      params: { path: { id }, header: { 'if-match': `"${version}"` } },
      body,
    }),
  );

/** Organisations of the actor register (candidates for parties). */
export const getOrganisations = async () =>
  unwrap(await api.GET('/api/v1/actors', { params: { query: { limit: 500 } } })).items;

/** Efforts the reader may see (for the effort picker). */
export const getEffortOptions = async () =>
  unwrap(await api.GET('/api/v1/efforts', { params: { query: { limit: 500 } } })).items;

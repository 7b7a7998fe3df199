import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, type Effort, unwrap } from '../../api/client';
import { getMunicipalities, getSdgs, getSteering } from '../../api/queries';
import { useSession } from '../../auth/session';
import { FormField, fieldErrorMap } from '../../components/FormField';
import { NotAllowed } from '../../components/NotAllowed';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { useApi } from '../../lib/useApi';
import {
  DIMENSIONS,
  type Dimension,
  EFFORT_STATUSES,
  type EffortStatus,
  FUNDING_SOURCES,
  type FundingSource,
  PARTNER_ROLES,
  type PartnerRole,
} from './labels';

type Draft = {
  title: string;
  summary: string;
  description: string;
  diarienummer: string;
  status: EffortStatus;
  startDate: string;
  endDate: string;
  ownerOrganisationId: string;
  targetGroups: string;
  visibility: 'internal' | 'published';
  partners: Array<{ organisationId: string; role: PartnerRole }>;
  funding: Array<{ source: FundingSource; year: string; amountSek: string; status: 'decided' | 'planned' }>;
  wholeCounty: boolean;
  municipalities: Array<{ areaCode: string; share: string }>;
  priorities: string[];
  strengthAreas: string[];
  nationalAreas: number[];
  sdgTargets: string;
  assessments: Record<Dimension, { score: string; rationale: string }>;
  indicators: Array<{
    kind: 'output' | 'result';
    name: string;
    unit: string;
    baseline: string;
    target: string;
    values: Array<{ period: string; sex: 'total' | 'women' | 'men'; actual: string }>;
  }>;
};

const noAssessments = () =>
  Object.fromEntries(DIMENSIONS.map((d) => [d, { score: '', rationale: '' }])) as Draft['assessments'];

function draftOf(e?: Effort, ownOrganisation?: string): Draft {
  const assessments = noAssessments();
  for (const a of e?.assessments ?? [])
    assessments[a.dimension] = { score: String(a.score), rationale: a.rationale ?? '' };
  return {
    title: e?.title ?? '',
    summary: e?.summary ?? '',
    description: e?.description ?? '',
    diarienummer: e?.diarienummer ?? '',
    status: e?.status ?? 'planned',
    startDate: e?.startDate ?? '',
    endDate: e?.endDate ?? '',
    ownerOrganisationId: e ? (e.owner?.id ?? '') : (ownOrganisation ?? ''),
    targetGroups: e?.targetGroups.join('; ') ?? '',
    visibility: e?.visibility ?? 'internal',
    partners: e?.partners.map((p) => ({ organisationId: p.organisation.id, role: p.role })) ?? [],
    funding:
      e?.funding.map((f) => ({
        source: f.source,
        year: String(f.year),
        amountSek: String(f.amountSek),
        status: f.status,
      })) ?? [],
    wholeCounty: e?.reach.wholeCounty ?? false,
    municipalities:
      e && !e.reach.wholeCounty
        ? e.reach.municipalities.map((m) => ({ areaCode: m.areaCode, share: String(m.share) }))
        : [],
    priorities: e?.links.priorities.map((p) => p.id) ?? [],
    strengthAreas: e?.links.strengthAreas.map((s) => s.id) ?? [],
    nationalAreas: e?.links.nationalAreas.map((n) => n.code) ?? [],
    sdgTargets: e?.links.sdgTargets.map((s) => s.id).join('; ') ?? '',
    assessments,
    indicators:
      e?.indicators.map((i) => ({
        kind: i.kind,
        name: i.name,
        unit: i.unit,
        baseline: i.baseline === null ? '' : String(i.baseline),
        target: i.target === null ? '' : String(i.target),
        // Values split by municipality are kept as they are (the form edits the totals by sex).
        values: i.values
          .filter((v) => v.areaCode === null)
          .map((v) => ({ period: v.period, sex: v.sex, actual: String(v.actual) })),
      })) ?? [],
  };
}

const keptAreaValues = (e: Effort | undefined, index: number) =>
  (e?.indicators[index]?.values ?? []).filter((v) => v.areaCode !== null);

/**
 * The checks an officer should hear about before saving, in their language; the server checks
 * everything again and its messages are shown at the same fields.
 */
function validate(
  d: Draft,
  t: (key: string, options?: Record<string, unknown>) => string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.title.trim()) errors.title = t('efforts.validation.titleRequired');
  if (d.startDate && d.endDate && d.endDate < d.startDate)
    errors.endDate = t('efforts.validation.endBeforeStart');
  d.funding.forEach((f, i) => {
    if (!/^\d{4}$/.test(f.year.trim())) errors[`funding.${i}.year`] = t('efforts.validation.year');
    if (!Number.isInteger(toNumber(f.amountSek)) || toNumber(f.amountSek) < 0)
      errors[`funding.${i}.amountSek`] = t('efforts.validation.amount');
  });
  if (!d.wholeCounty && d.municipalities.length > 0) {
    d.municipalities.forEach((m, i) => {
      if (!m.areaCode) errors[`reach.municipalities.${i}.areaCode`] = t('efforts.validation.municipality');
      const share = toNumber(m.share);
      if (!(share > 0 && share <= 100))
        errors[`reach.municipalities.${i}.share`] = t('efforts.validation.share');
    });
    const sum = d.municipalities.reduce((s, m) => s + Math.round(toNumber(m.share) * 100), 0);
    if (!Number.isNaN(sum) && sum !== 10000) {
      errors['reach.municipalities'] = t('efforts.validation.sharesSum', {
        sum: (sum / 100).toLocaleString('sv-SE'),
      });
    }
  }
  const assessed = DIMENSIONS.filter((dim) => d.assessments[dim].score !== '');
  assessed.forEach((dim, index) => {
    if (Number(d.assessments[dim].score) < 0 && !d.assessments[dim].rationale.trim()) {
      errors[`assessments.${index}.rationale`] = t('efforts.validation.rationale');
    }
  });
  d.indicators.forEach((ind, i) => {
    if (!ind.name.trim()) errors[`indicators.${i}.name`] = t('efforts.validation.required');
    if (!ind.unit.trim()) errors[`indicators.${i}.unit`] = t('efforts.validation.required');
    ind.values.forEach((v, j) => {
      if (!/^\d{4}(-(H[12]|Q[1-4]|\d{2}))?$/.test(v.period.trim()))
        errors[`indicators.${i}.values.${j}.period`] = t('efforts.validation.period');
      if (Number.isNaN(toNumber(v.actual)))
        errors[`indicators.${i}.values.${j}.actual`] = t('efforts.validation.number');
    });
  });
  return errors;
}

/** "1 500 000" or "1500000" → 1500000; anything else is sent as is for the server to name. */
const toNumber = (s: string) => {
  const compact = s.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return compact === '' ? Number.NaN : Number(compact);
};

const optionalNumber = (s: string) => (s.trim() === '' ? null : toNumber(s));

function bodyOf(d: Draft, canPublish: boolean, samebyar: string[], existing?: Effort) {
  return {
    title: d.title,
    summary: d.summary || null,
    description: d.description || null,
    diarienummer: d.diarienummer || null,
    status: d.status,
    startDate: d.startDate || null,
    endDate: d.endDate || null,
    ownerOrganisationId: d.ownerOrganisationId || null,
    targetGroups: d.targetGroups
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean),
    ...(canPublish ? { visibility: d.visibility } : {}),
    partners: d.partners.filter((p) => p.organisationId),
    funding: d.funding.map((f) => ({
      source: f.source,
      year: toNumber(f.year),
      amountSek: toNumber(f.amountSek),
      status: f.status,
    })),
    reach: {
      wholeCounty: d.wholeCounty,
      municipalities: d.wholeCounty
        ? []
        : d.municipalities.map((m) => ({ areaCode: m.areaCode, share: toNumber(m.share) })),
      samebyar,
    },
    links: {
      priorities: d.priorities,
      strengthAreas: d.strengthAreas,
      nationalAreas: d.nationalAreas,
      sdgTargets: d.sdgTargets
        .split(/[;,\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    },
    assessments: DIMENSIONS.filter((dim) => d.assessments[dim].score !== '').map((dim) => ({
      dimension: dim,
      score: Number(d.assessments[dim].score),
      rationale: d.assessments[dim].rationale || null,
    })),
    indicators: d.indicators.map((ind, i) => ({
      kind: ind.kind,
      name: ind.name,
      unit: ind.unit,
      baseline: optionalNumber(ind.baseline),
      target: optionalNumber(ind.target),
      values: [
        ...ind.values.map((v) => ({
          period: v.period.trim(),
          sex: v.sex,
          areaCode: null,
          actual: toNumber(v.actual),
        })),
        ...keptAreaValues(existing, i),
      ],
    })),
  };
}

/** Register a new effort or change one, with funding, reach, links and assessment. */
export function EffortFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const existing = useApi(
    async () =>
      id ? unwrap(await api.GET('/api/v1/efforts/{id}', { params: { path: { id } } })) : undefined,
    [id],
  );
  const actors = useApi(
    async () => unwrap(await api.GET('/api/v1/actors', { params: { query: { limit: 500 } } })).items,
    [session?.user?.id],
  );
  const municipalities = useApi(getMunicipalities, []);
  const steering = useApi(getSteering, []);
  const sdgs = useApi(getSdgs, []);
  const [draft, setDraft] = useState<Draft>();
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (existing.status === 'ok' && session) setDraft(draftOf(existing.data, session.organisation?.id));
  }, [existing.status, existing.data, session]);

  if (!session || existing.status === 'loading') return <Loading />;
  if (!session.user) return <NotAllowed signedIn={false} />;
  if (!session.permissions.editData) return <NotAllowed signedIn />;
  if (existing.status === 'error') return <ErrorMessage error={existing.error} />;
  if (!draft) return <Loading />;
  const staff = session.role === 'admin' || session.role === 'editor';
  const d = draft;
  const set = (patch: Partial<Draft>) => setDraft({ ...d, ...patch });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const samebyar = existing.data?.reach.samebyar.map((s) => s.areaCode) ?? [];
    const problems = validate(d, t);
    if (Object.keys(problems).length > 0) {
      setErrors({ ...problems, form: t('efforts.fixErrors') });
      window.scrollTo(0, 0);
      return;
    }
    const body = bodyOf(d, staff, samebyar, existing.data);
    try {
      const saved = existing.data
        ? unwrap(
            await api.PATCH('/api/v1/efforts/{id}', {
              params: {
                path: { id: existing.data.id },
                header: { 'if-match': `"${existing.data.version}"` },
              },
              body: body as never,
            }),
          )
        : unwrap(await api.POST('/api/v1/efforts', { body: body as never }));
      navigate(`/insatser/${saved.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) setErrors({ form: t('efforts.stale') });
      else if (e instanceof ApiError && e.fieldErrors.length)
        setErrors({ ...fieldErrorMap(e.fieldErrors), form: t('efforts.fixErrors') });
      else setErrors({ form: (e as Error).message });
      window.scrollTo(0, 0);
    }
  };
  const err = (key: string) => errors[key];
  const actorList = actors.status === 'ok' ? actors.data : [];
  const title = existing.data
    ? t('efforts.editTitle', { title: existing.data.title })
    : t('efforts.newTitle');

  return (
    <>
      <PageHeader title={title} />
      <form className="form effort-form" onSubmit={submit} noValidate>
        {errors.form ? (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <fieldset>
          <legend>{t('efforts.basics')}</legend>
          <FormField label={t('efforts.titleColumn')} error={err('title')}>
            {(f) => <input {...f} value={d.title} onChange={(e) => set({ title: e.target.value })} />}
          </FormField>
          <FormField label={t('efforts.summary')} error={err('summary')}>
            {(f) => (
              <textarea
                {...f}
                rows={2}
                value={d.summary}
                onChange={(e) => set({ summary: e.target.value })}
              />
            )}
          </FormField>
          <FormField label={t('efforts.description')} error={err('description')}>
            {(f) => (
              <textarea
                {...f}
                rows={5}
                value={d.description}
                onChange={(e) => set({ description: e.target.value })}
              />
            )}
          </FormField>
          <div className="form-grid">
            <FormField label={t('efforts.diarienummer')} error={err('diarienummer')}>
              {(f) => (
                <input
                  {...f}
                  value={d.diarienummer}
                  onChange={(e) => set({ diarienummer: e.target.value })}
                />
              )}
            </FormField>
            <FormField label={t('efforts.status')} error={err('status')}>
              {(f) => (
                <select
                  {...f}
                  value={d.status}
                  onChange={(e) => set({ status: e.target.value as EffortStatus })}
                >
                  {EFFORT_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`efforts.statuses.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label={t('efforts.startDate')} error={err('startDate')}>
              {(f) => (
                <input
                  {...f}
                  type="date"
                  value={d.startDate}
                  onChange={(e) => set({ startDate: e.target.value })}
                />
              )}
            </FormField>
            <FormField label={t('efforts.endDate')} error={err('endDate')}>
              {(f) => (
                <input
                  {...f}
                  type="date"
                  value={d.endDate}
                  onChange={(e) => set({ endDate: e.target.value })}
                />
              )}
            </FormField>
            <FormField label={t('efforts.owner')} error={err('ownerOrganisationId')}>
              {(f) => (
                <select
                  {...f}
                  value={d.ownerOrganisationId}
                  onChange={(e) => set({ ownerOrganisationId: e.target.value })}
                >
                  {staff ? <option value="">{t('efforts.region')}</option> : null}
                  {actorList
                    .filter((a) => staff || a.id === session.organisation?.id)
                    .map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                </select>
              )}
            </FormField>
            {staff ? (
              <FormField label={t('visibility.label')} error={err('visibility')}>
                {(f) => (
                  <select
                    {...f}
                    value={d.visibility}
                    onChange={(e) => set({ visibility: e.target.value as Draft['visibility'] })}
                  >
                    <option value="internal">{t('visibility.internal')}</option>
                    <option value="published">{t('visibility.published')}</option>
                  </select>
                )}
              </FormField>
            ) : null}
          </div>
          <FormField
            label={t('efforts.targetGroups')}
            hint={t('efforts.listHint')}
            error={err('targetGroups')}
          >
            {(f) => (
              <input {...f} value={d.targetGroups} onChange={(e) => set({ targetGroups: e.target.value })} />
            )}
          </FormField>
        </fieldset>

        <fieldset>
          <legend>{t('efforts.partners')}</legend>
          {d.partners.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            <div key={i} className="row-fields">
              <FormField
                label={t('efforts.partnerOrganisation', { n: i + 1 })}
                error={err(`partners.${i}.organisationId`)}
              >
                {(f) => (
                  <select
                    {...f}
                    value={p.organisationId}
                    onChange={(e) =>
                      set({
                        partners: d.partners.map((x, j) =>
                          j === i ? { ...x, organisationId: e.target.value } : x,
                        ),
                      })
                    }
                  >
                    <option value="">{t('users.chooseOrganisation')}</option>
                    {actorList.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField label={t('efforts.role')}>
                {(f) => (
                  <select
                    {...f}
                    value={p.role}
                    onChange={(e) =>
                      set({
                        partners: d.partners.map((x, j) =>
                          j === i ? { ...x, role: e.target.value as PartnerRole } : x,
                        ),
                      })
                    }
                  >
                    {PARTNER_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`efforts.roles.${r}`)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => set({ partners: d.partners.filter((_, j) => j !== i) })}
              >
                {t('efforts.removeRow')}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button-secondary"
            onClick={() => set({ partners: [...d.partners, { organisationId: '', role: 'partner' }] })}
          >
            {t('efforts.addPartner')}
          </button>
        </fieldset>

        <fieldset>
          <legend>{t('efforts.funding')}</legend>
          {err('funding') ? <p className="field-error">{err('funding')}</p> : null}
          {d.funding.map((f, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            <div key={i} className="row-fields">
              <FormField label={t('efforts.sourceN', { n: i + 1 })} error={err(`funding.${i}.source`)}>
                {(p) => (
                  <select
                    {...p}
                    value={f.source}
                    onChange={(e) =>
                      set({
                        funding: d.funding.map((x, j) =>
                          j === i ? { ...x, source: e.target.value as FundingSource } : x,
                        ),
                      })
                    }
                  >
                    {FUNDING_SOURCES.map((s) => (
                      <option key={s} value={s}>
                        {t(`efforts.sources.${s}`)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField label={t('efforts.year')} error={err(`funding.${i}.year`)}>
                {(p) => (
                  <input
                    {...p}
                    inputMode="numeric"
                    value={f.year}
                    onChange={(e) =>
                      set({
                        funding: d.funding.map((x, j) => (j === i ? { ...x, year: e.target.value } : x)),
                      })
                    }
                  />
                )}
              </FormField>
              <FormField label={t('efforts.amountSek')} error={err(`funding.${i}.amountSek`)}>
                {(p) => (
                  <input
                    {...p}
                    inputMode="numeric"
                    value={f.amountSek}
                    onChange={(e) =>
                      set({
                        funding: d.funding.map((x, j) => (j === i ? { ...x, amountSek: e.target.value } : x)),
                      })
                    }
                  />
                )}
              </FormField>
              <FormField label={t('efforts.fundingStatus')}>
                {(p) => (
                  <select
                    {...p}
                    value={f.status}
                    onChange={(e) =>
                      set({
                        funding: d.funding.map((x, j) =>
                          j === i ? { ...x, status: e.target.value as 'decided' | 'planned' } : x,
                        ),
                      })
                    }
                  >
                    <option value="decided">{t('efforts.fundingStatuses.decided')}</option>
                    <option value="planned">{t('efforts.fundingStatuses.planned')}</option>
                  </select>
                )}
              </FormField>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => set({ funding: d.funding.filter((_, j) => j !== i) })}
              >
                {t('efforts.removeRow')}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              set({
                funding: [
                  ...d.funding,
                  {
                    source: 'regional_development_1_1',
                    year: String(new Date().getFullYear()),
                    amountSek: '',
                    status: 'decided',
                  },
                ],
              })
            }
          >
            {t('efforts.addFunding')}
          </button>
        </fieldset>

        <fieldset>
          <legend>{t('efforts.reach')}</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={d.wholeCounty}
              onChange={(e) => set({ wholeCounty: e.target.checked })}
            />{' '}
            {t('efforts.wholeCounty')}
          </label>
          {err('reach.municipalities') ? (
            <p className="field-error" role="alert">
              {err('reach.municipalities')}
            </p>
          ) : null}
          {!d.wholeCounty
            ? d.municipalities.map((m, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                <div key={i} className="row-fields">
                  <FormField
                    label={t('efforts.municipalityN', { n: i + 1 })}
                    error={err(`reach.municipalities.${i}.areaCode`)}
                  >
                    {(p) => (
                      <select
                        {...p}
                        value={m.areaCode}
                        onChange={(e) =>
                          set({
                            municipalities: d.municipalities.map((x, j) =>
                              j === i ? { ...x, areaCode: e.target.value } : x,
                            ),
                          })
                        }
                      >
                        <option value="">{t('efforts.chooseMunicipality')}</option>
                        {municipalities.status === 'ok'
                          ? municipalities.data.map((x) => (
                              <option key={x.code} value={x.code}>
                                {x.name}
                              </option>
                            ))
                          : null}
                      </select>
                    )}
                  </FormField>
                  <FormField label={t('efforts.sharePercent')} error={err(`reach.municipalities.${i}.share`)}>
                    {(p) => (
                      <input
                        {...p}
                        inputMode="decimal"
                        value={m.share}
                        onChange={(e) =>
                          set({
                            municipalities: d.municipalities.map((x, j) =>
                              j === i ? { ...x, share: e.target.value } : x,
                            ),
                          })
                        }
                      />
                    )}
                  </FormField>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => set({ municipalities: d.municipalities.filter((_, j) => j !== i) })}
                  >
                    {t('efforts.removeRow')}
                  </button>
                </div>
              ))
            : null}
          {!d.wholeCounty ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => set({ municipalities: [...d.municipalities, { areaCode: '', share: '' }] })}
            >
              {t('efforts.addMunicipality')}
            </button>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>{t('efforts.links')}</legend>
          {steering.status === 'ok' ? (
            <div className="check-groups">
              <fieldset className="check-group">
                <legend className="group-label">{t('efforts.priorities')}</legend>
                {steering.data.priorities.map((p) => (
                  <label key={p.id} className="checkbox">
                    <input
                      type="checkbox"
                      checked={d.priorities.includes(p.id)}
                      onChange={(e) =>
                        set({
                          priorities: e.target.checked
                            ? [...d.priorities, p.id]
                            : d.priorities.filter((x) => x !== p.id),
                        })
                      }
                    />{' '}
                    {p.number}. {p.title.sv}
                  </label>
                ))}
              </fieldset>
              <fieldset className="check-group">
                <legend className="group-label">{t('efforts.strengthAreas')}</legend>
                {steering.data.strengthAreas.map((s) => (
                  <label key={s.id} className="checkbox">
                    <input
                      type="checkbox"
                      checked={d.strengthAreas.includes(s.id)}
                      onChange={(e) =>
                        set({
                          strengthAreas: e.target.checked
                            ? [...d.strengthAreas, s.id]
                            : d.strengthAreas.filter((x) => x !== s.id),
                        })
                      }
                    />{' '}
                    {s.name.sv}
                  </label>
                ))}
              </fieldset>
              <fieldset className="check-group">
                <legend className="group-label">{t('efforts.nationalAreas')}</legend>
                {steering.data.nationalAreas.map((n) => (
                  <label key={n.code} className="checkbox">
                    <input
                      type="checkbox"
                      checked={d.nationalAreas.includes(n.code)}
                      onChange={(e) =>
                        set({
                          nationalAreas: e.target.checked
                            ? [...d.nationalAreas, n.code]
                            : d.nationalAreas.filter((x) => x !== n.code),
                        })
                      }
                    />{' '}
                    {n.code}. {n.title.sv}
                  </label>
                ))}
              </fieldset>
            </div>
          ) : null}
          <FormField
            label={t('efforts.sdgTargets')}
            hint={t('efforts.sdgHint')}
            error={
              err('links.sdgTargets') ??
              Object.entries(errors).find(([k]) => k.startsWith('links.sdgTargets'))?.[1]
            }
          >
            {(f) => (
              <input {...f} value={d.sdgTargets} onChange={(e) => set({ sdgTargets: e.target.value })} />
            )}
          </FormField>
          <SdgPicker
            targets={sdgs.status === 'ok' ? sdgs.data.goals.flatMap((g) => g.targets) : []}
            onPick={(id) => {
              const ids = d.sdgTargets.split(/[;,\s]+/).filter(Boolean);
              if (!ids.includes(id)) set({ sdgTargets: [...ids, id].join('; ') });
            }}
          />
        </fieldset>

        <fieldset>
          <legend>{t('efforts.assessment')}</legend>
          <p className="field-hint">{t('efforts.assessmentHint')}</p>
          {DIMENSIONS.map((dim) => {
            const a = d.assessments[dim];
            const index = DIMENSIONS.filter((x) => d.assessments[x].score !== '').indexOf(dim);
            return (
              <div key={dim} className="row-fields">
                <FormField
                  label={t(`efforts.dimensions.${dim}`)}
                  error={index >= 0 ? err(`assessments.${index}.score`) : undefined}
                >
                  {(f) => (
                    <select
                      {...f}
                      value={a.score}
                      onChange={(e) =>
                        set({ assessments: { ...d.assessments, [dim]: { ...a, score: e.target.value } } })
                      }
                    >
                      <option value="">{t('efforts.notAssessed')}</option>
                      {[3, 2, 1, 0, -1, -2, -3].map((n) => (
                        <option key={n} value={String(n)}>
                          {n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0'}
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
                <FormField
                  label={t('efforts.rationaleFor', { dimension: t(`efforts.dimensions.${dim}`) })}
                  error={index >= 0 ? err(`assessments.${index}.rationale`) : undefined}
                >
                  {(f) => (
                    <input
                      {...f}
                      value={a.rationale}
                      onChange={(e) =>
                        set({ assessments: { ...d.assessments, [dim]: { ...a, rationale: e.target.value } } })
                      }
                    />
                  )}
                </FormField>
              </div>
            );
          })}
        </fieldset>

        <fieldset>
          <legend>{t('efforts.results')}</legend>
          {d.indicators.map((ind, i) => {
            const setIndicator = (patch: Partial<Draft['indicators'][number]>) =>
              set({ indicators: d.indicators.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
              <div key={i} className="indicator-block">
                <div className="row-fields">
                  <FormField
                    label={t('efforts.indicatorN', { n: i + 1 })}
                    error={err(`indicators.${i}.name`)}
                  >
                    {(f) => (
                      <input
                        {...f}
                        value={ind.name}
                        onChange={(e) => setIndicator({ name: e.target.value })}
                      />
                    )}
                  </FormField>
                  <FormField label={t('efforts.indicatorKind')}>
                    {(f) => (
                      <select
                        {...f}
                        value={ind.kind}
                        onChange={(e) => setIndicator({ kind: e.target.value as 'output' | 'result' })}
                      >
                        <option value="output">{t('efforts.indicatorKinds.output')}</option>
                        <option value="result">{t('efforts.indicatorKinds.result')}</option>
                      </select>
                    )}
                  </FormField>
                  <FormField label={t('efforts.unit')} error={err(`indicators.${i}.unit`)}>
                    {(f) => (
                      <input
                        {...f}
                        value={ind.unit}
                        onChange={(e) => setIndicator({ unit: e.target.value })}
                      />
                    )}
                  </FormField>
                  <FormField label={t('efforts.baselineLabel')} error={err(`indicators.${i}.baseline`)}>
                    {(f) => (
                      <input
                        {...f}
                        inputMode="decimal"
                        value={ind.baseline}
                        onChange={(e) => setIndicator({ baseline: e.target.value })}
                      />
                    )}
                  </FormField>
                  <FormField label={t('efforts.targetLabel')} error={err(`indicators.${i}.target`)}>
                    {(f) => (
                      <input
                        {...f}
                        inputMode="decimal"
                        value={ind.target}
                        onChange={(e) => setIndicator({ target: e.target.value })}
                      />
                    )}
                  </FormField>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => set({ indicators: d.indicators.filter((_, j) => j !== i) })}
                  >
                    {t('efforts.removeIndicator')}
                  </button>
                </div>
                {ind.values.map((v, j) => {
                  const setValue = (patch: Partial<(typeof ind.values)[number]>) =>
                    setIndicator({ values: ind.values.map((x, k) => (k === j ? { ...x, ...patch } : x)) });
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                    <div key={j} className="row-fields indent">
                      <FormField
                        label={t('efforts.periodN', { n: j + 1 })}
                        error={err(`indicators.${i}.values.${j}.period`)}
                      >
                        {(f) => (
                          <input
                            {...f}
                            value={v.period}
                            onChange={(e) => setValue({ period: e.target.value })}
                          />
                        )}
                      </FormField>
                      <FormField label={t('efforts.sex')}>
                        {(f) => (
                          <select
                            {...f}
                            value={v.sex}
                            onChange={(e) => setValue({ sex: e.target.value as 'total' | 'women' | 'men' })}
                          >
                            {(['total', 'women', 'men'] as const).map((x) => (
                              <option key={x} value={x}>
                                {t(`efforts.sexes.${x}`)}
                              </option>
                            ))}
                          </select>
                        )}
                      </FormField>
                      <FormField
                        label={t('efforts.actual')}
                        error={err(`indicators.${i}.values.${j}.actual`)}
                      >
                        {(f) => (
                          <input
                            {...f}
                            inputMode="decimal"
                            value={v.actual}
                            onChange={(e) => setValue({ actual: e.target.value })}
                          />
                        )}
                      </FormField>
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        onClick={() => setIndicator({ values: ind.values.filter((_, k) => k !== j) })}
                      >
                        {t('efforts.removeRow')}
                      </button>
                    </div>
                  );
                })}
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() =>
                    setIndicator({
                      values: [
                        ...ind.values,
                        { period: String(new Date().getFullYear()), sex: 'total', actual: '' },
                      ],
                    })
                  }
                >
                  {t('efforts.addValue')}
                </button>
              </div>
            );
          })}
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              set({
                indicators: [
                  ...d.indicators,
                  { kind: 'output', name: '', unit: 'antal', baseline: '', target: '', values: [] },
                ],
              })
            }
          >
            {t('efforts.addIndicator')}
          </button>
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button">
            {existing.data ? t('efforts.save') : t('efforts.create')}
          </button>
          <Link to={existing.data ? `/insatser/${existing.data.id}` : '/insatser'}>
            {t('efforts.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}

type SdgTarget = { id: string; title: { sv: string | null; en: string | null } };

/** Find an Agenda 2030 target by number or words (Swedish or English) and add it. */
function SdgPicker({ targets, onPick }: { targets: SdgTarget[]; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const words = text.trim().toLocaleLowerCase('sv');
  const hits =
    words.length < 2
      ? []
      : targets
          .filter(
            (x) =>
              x.id.startsWith(words) ||
              `${x.title.sv ?? ''} ${x.title.en ?? ''}`.toLocaleLowerCase('sv').includes(words),
          )
          .slice(0, 8);
  return (
    <div className="sdg-picker">
      <FormField label={t('efforts.sdgSearch')} hint={t('efforts.sdgSearchHint')}>
        {(f) => <input {...f} type="search" value={text} onChange={(e) => setText(e.target.value)} />}
      </FormField>
      {hits.length > 0 ? (
        <ul className="plain-list sdg-hits" aria-live="polite">
          {hits.map((x) => (
            <li key={x.id}>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => onPick(x.id)}
              >
                {t('efforts.addTarget', { id: x.id })}
              </button>{' '}
              {x.title.sv ?? x.title.en}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { localeFor } from '../lib/format';
import { useApi } from '../lib/useApi';
import { ErrorMessage, Loading } from './Status';
import { TableScroll } from './TableScroll';

const show = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string') return value;
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)} …` : text;
};

type Props = {
  entity: string;
  id: string;
  /** Changes when the record is saved, so the trail is read again. */
  version?: number;
  /** The field's label in the UI language (defaults to the API's field name). */
  fieldLabel?: (field: string) => string;
  /** A value as the reader knows it (translated codes); undefined shows the stored value. */
  formatValue?: (field: string, value: unknown) => string | undefined;
};

/** A record's audit trail: when, who, what, and each changed field before → after. */
export function AuditHistory({ entity, id, version, fieldLabel, formatValue }: Props) {
  const { t, i18n } = useTranslation();
  const trail = useApi(
    async () => unwrap(await api.GET('/api/v1/audit', { params: { query: { entity, id, limit: 100 } } })),
    [entity, id, version],
  );
  if (trail.status === 'loading') return <Loading />;
  if (trail.status === 'error') return <ErrorMessage error={trail.error} />;
  const when = new Intl.DateTimeFormat(localeFor(i18n.language), { dateStyle: 'medium', timeStyle: 'short' });
  const value = (field: string, v: unknown) =>
    v === null || v === undefined || v === '' ? '–' : (formatValue?.(field, v) ?? show(v));
  return (
    <section className="section" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      {trail.data.items.length === 0 ? (
        <p className="muted">{t('audit.empty')}</p>
      ) : (
        <TableScroll label={t('audit.title')}>
          <table className="data-table audit-table">
            <caption className="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {trail.data.items.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">
                    <time dateTime={e.occurredAt}>{when.format(new Date(e.occurredAt))}</time>
                  </td>
                  <td>{e.actor.label}</td>
                  <td>{t(`audit.actions.${e.action}`, { defaultValue: e.action })}</td>
                  <td>
                    <ul className="plain-list audit-changes">
                      {Object.entries(e.changes as Record<string, { before?: unknown; after?: unknown }>).map(
                        ([field, change]) => (
                          <li key={field}>
                            <span className="audit-field">{fieldLabel ? fieldLabel(field) : field}</span>:{' '}
                            {value(field, change?.before)} <span aria-hidden="true">→</span>
                            <span className="visually-hidden">{t('audit.changedTo')}</span>{' '}
                            {value(field, change?.after)}
                          </li>
                        ),
                      )}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/client';
import { FormField } from '../../components/FormField';

type RoleProps = { roles: Role[]; value: Role; onChange: (role: Role) => void; error?: string | undefined };

/** The roles the reader may give (never above their own). */
export function RoleSelect({ roles, value, onChange, error }: RoleProps) {
  const { t } = useTranslation();
  return (
    <FormField label={t('account.role')} error={error}>
      {(f) => (
        <select {...f} value={value} onChange={(e) => onChange(e.target.value as Role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

type OrganisationProps = {
  organisations: Array<{ id: string; name: string }>;
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
};

/** The organisation a partner belongs to. */
export function OrganisationSelect({ organisations, value, onChange, error }: OrganisationProps) {
  const { t } = useTranslation();
  return (
    <FormField label={t('users.organisation')} hint={t('users.organisationHint')} error={error}>
      {(f) => (
        <select {...f} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('users.chooseOrganisation')}</option>
          {organisations.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

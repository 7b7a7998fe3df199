import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The sections of the smart specialisation work: areas, meetings, learning log, participation. */
export function S3SubNav() {
  const { t } = useTranslation();
  const links = [
    { to: '/smart-specialisering', label: t('s3.nav.areas'), end: true },
    { to: '/smart-specialisering/moten', label: t('s3.nav.meetings'), end: false },
    { to: '/smart-specialisering/larlogg', label: t('s3.nav.learningLog'), end: false },
    { to: '/smart-specialisering/deltagande', label: t('s3.nav.participation'), end: false },
  ];
  return (
    <nav className="sub-nav" aria-label={t('s3.nav.label')}>
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} end={l.end}>
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

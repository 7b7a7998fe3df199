import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../../auth/session';

/**
 * The sections of the goal-conflict work: the register, the review queue, interaction matrices
 * and Sami consultations. Sections a reader may not open are not offered.
 */
export function ConflictsSubNav() {
  const { t } = useTranslation();
  const { session } = useSession();
  const role = session?.role ?? null;
  const readsAll = role === 'admin' || role === 'editor' || role === 'viewer';
  const links = [
    { to: '/malkonflikter', label: t('conflicts.nav.register'), end: true, show: true },
    { to: '/malkonflikter/forslag', label: t('conflicts.nav.suggestions'), end: false, show: readsAll },
    { to: '/samspelsmatriser', label: t('conflicts.nav.matrices'), end: false, show: true },
    {
      to: '/samrad',
      label: t('conflicts.nav.consultations'),
      end: false,
      show: readsAll || role === 'partner',
    },
  ];
  return (
    <nav className="sub-nav" aria-label={t('conflicts.nav.label')}>
      <ul>
        {links
          .filter((l) => l.show)
          .map((l) => (
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

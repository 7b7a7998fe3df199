import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { useSession } from '../auth/session';

export const MAIN_LINKS = [
  { to: '/', key: 'nav.start', end: true },
  { to: '/styrning', key: 'nav.steering' },
  { to: '/kommuner', key: 'nav.municipalities' },
  { to: '/agenda-2030', key: 'nav.agenda2030' },
  { to: '/insatser', key: 'nav.efforts' },
  { to: '/aktorer', key: 'nav.actors' },
  { to: '/uppfoljning', key: 'nav.indicators' },
  { to: '/hela-lanet', key: 'nav.wholeCounty' },
  { to: '/malkonflikter', key: 'nav.conflicts' },
  { to: '/smart-specialisering', key: 'nav.s3' },
] as const;

export const COMING_LINKS = [{ to: '/rapporter', key: 'nav.reports' }] as const;

export function Navigation() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const location = useLocation();
  const { session } = useSession();

  // Close the small-screen menu after navigating.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on route change
  useEffect(() => setOpen(false), [location.pathname]);

  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <div className="container nav-inner">
        <button
          type="button"
          className="nav-toggle"
          aria-expanded={open}
          aria-controls={menuId}
          onClick={() => setOpen((o) => !o)}
        >
          <span className="nav-toggle-icon" aria-hidden="true" />
          {t('nav.menu')}
        </button>
        <div id={menuId} className={open ? 'nav-menu open' : 'nav-menu'}>
          <ul className="nav-list">
            {MAIN_LINKS.map((l) => (
              <li key={l.to}>
                <NavLink to={l.to} end={'end' in l ? l.end : false}>
                  {t(l.key)}
                </NavLink>
              </li>
            ))}
            {session?.permissions.manageUsers ? (
              <li>
                <NavLink to="/admin/anvandare">{t('nav.users')}</NavLink>
              </li>
            ) : null}
          </ul>
          <ul className="nav-list nav-list-coming" aria-label={t('nav.comingLabel')}>
            {COMING_LINKS.map((l) => (
              <li key={l.to}>
                <NavLink to={l.to}>{t(l.key)}</NavLink>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </nav>
  );
}

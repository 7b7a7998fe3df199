import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { postAuth } from '../api/client';
import { useSession } from '../auth/session';

/** The header's sign-in link, or who is signed in with their role and a sign-out button. */
export function UserMenu() {
  const { t } = useTranslation();
  const { session, refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  if (!session) return null;
  if (!session.user) {
    // Come back to this page after signing in.
    const here = `${location.pathname}${location.search}`;
    const to =
      location.pathname === '/' || location.pathname === '/logga-in'
        ? '/logga-in'
        : `/logga-in?next=${encodeURIComponent(here)}`;
    return (
      <Link className="header-link" to={to}>
        {t('auth.signIn')}
      </Link>
    );
  }
  const signOut = async () => {
    await postAuth('/sign-out', {}).catch(() => undefined);
    await refresh();
    navigate('/');
  };
  return (
    <div className="user-menu">
      <span className="user-who">
        <span className="user-name">
          <span className="visually-hidden">{t('auth.signedInAs')} </span>
          {session.user.name}
        </span>
        <span className="user-role">
          {session.role ? t(`roles.${session.role}`) : t('roles.none')}
          {session.organisation ? ` · ${session.organisation.name}` : ''}
        </span>
      </span>
      <Link className="header-link" to="/konto">
        {t('auth.account')}
      </Link>
      <button type="button" className="header-button" onClick={signOut}>
        {t('auth.signOut')}
      </button>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useDocumentTitle } from '../lib/documentTitle';

/**
 * What a page shows instead of its content when the reader may not see it: a way to sign in for
 * anonymous visitors, a plain "not allowed" for signed-in users.
 */
export function NotAllowed({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const title = signedIn ? t('access.forbiddenTitle') : t('access.signInTitle');
  useDocumentTitle(title);
  const next = encodeURIComponent(`${location.pathname}${location.search}`);
  return (
    <section className="not-allowed" aria-labelledby="not-allowed-title">
      <h1 id="not-allowed-title">{title}</h1>
      {signedIn ? (
        <p>{t('access.forbiddenText')}</p>
      ) : (
        <>
          <p>{t('access.signInText')}</p>
          <p>
            <Link className="button" to={`/logga-in?next=${next}`}>
              {t('auth.signIn')}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}

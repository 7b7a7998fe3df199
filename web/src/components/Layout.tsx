import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { DemoBanner } from './DemoBanner';
import { LanguageSwitch } from './LanguageSwitch';
import { Navigation } from './Navigation';
import { UserMenu } from './UserMenu';

export function Layout() {
  const { t } = useTranslation();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After client-side navigation, move focus to the main content and scroll to top
  // so keyboard and screen-reader users land on the new page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on route change
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('header.skip')}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand">
            <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <rect width="32" height="32" rx="6" />
              <path d="M8 24V8h8a5 5 0 0 1 0 10h-8m7 0 7 6" />
            </svg>
            <span className="brand-text">
              <span className="brand-name">{t('app.name')}</span>
              <span className="brand-tagline">{t('app.tagline')}</span>
            </span>
          </Link>
          <div className="header-tools">
            <a className="header-link" href="/api/docs">
              {t('nav.apiDocs')}
            </a>
            <LanguageSwitch />
            <UserMenu />
          </div>
        </div>
      </header>
      <DemoBanner />
      <Navigation />
      <main id="main" ref={mainRef} tabIndex={-1}>
        <div className="container">
          <Outlet />
        </div>
      </main>
      <footer className="site-footer">
        <div className="container footer-grid">
          <section aria-labelledby="footer-about">
            <h2 id="footer-about">{t('footer.aboutTitle')}</h2>
            <p>{t('footer.about')}</p>
            <p>
              <a href="/api/docs">{t('footer.api')}</a>
            </p>
          </section>
          <section aria-labelledby="footer-sources">
            <h2 id="footer-sources">{t('footer.sourcesTitle')}</h2>
            <ul>
              <li>{t('footer.sourceScb')}</li>
              <li>{t('footer.sourceSdg')}</li>
              <li>{t('footer.sourceRegion')}</li>
            </ul>
          </section>
          <section aria-labelledby="footer-licence">
            <h2 id="footer-licence">{t('footer.licenceTitle')}</h2>
            <p>{t('footer.licence')}</p>
            <p>
              <a href="https://creativecommons.org/licenses/by/4.0/" rel="license noopener">
                CC BY 4.0
              </a>{' '}
              ·{' '}
              <a href="https://opensource.org/license/mit" rel="noopener">
                MIT
              </a>
            </p>
          </section>
        </div>
      </footer>
    </div>
  );
}

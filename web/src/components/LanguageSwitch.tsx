import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, setLanguage } from '../i18n';

const NAMES: Record<Language, string> = { sv: 'Svenska', en: 'English' };

/** Two buttons, each labelled in its own language; the active one is aria-pressed. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.language.startsWith('en') ? 'en' : 'sv';
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t('header.language')}</legend>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="lang-button"
          aria-pressed={current === lang}
          onClick={() => setLanguage(lang)}
        >
          {NAMES[lang]}
        </button>
      ))}
    </fieldset>
  );
}

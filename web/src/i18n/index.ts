import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import conflictsEn from './conflicts.en.json';
import conflictsSv from './conflicts.sv.json';
import consultationsEn from './consultations.en.json';
import consultationsSv from './consultations.sv.json';
import en from './en.json';
import indicatorsEn from './indicators.en.json';
import indicatorsSv from './indicators.sv.json';
import matricesEn from './matrices.en.json';
import matricesSv from './matrices.sv.json';
import s3En from './s3.en.json';
import s3Sv from './s3.sv.json';
import s3AreasEn from './s3-areas.en.json';
import s3AreasSv from './s3-areas.sv.json';
import s3LearningEn from './s3-learning.en.json';
import s3LearningSv from './s3-learning.sv.json';
import s3MeetingsEn from './s3-meetings.en.json';
import s3MeetingsSv from './s3-meetings.sv.json';
import s3ProcessEn from './s3-process.en.json';
import s3ProcessSv from './s3-process.sv.json';
import sv from './sv.json';
import territoryEn from './territory.en.json';
import territorySv from './territory.sv.json';

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const STORAGE_KEY = 'regionkraft.lang';

function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'sv') return stored;
  } catch {
    // localStorage may be unavailable (privacy mode); fall back to Swedish.
  }
  return 'sv';
}

export function setLanguage(lang: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // ignore: the switch still works for this visit
  }
  void i18n.changeLanguage(lang);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  // Each feature's texts in their own file (one top-level key each), merged into one namespace.
  resources: {
    sv: {
      translation: {
        ...sv,
        ...indicatorsSv,
        ...territorySv,
        ...conflictsSv,
        ...matricesSv,
        ...consultationsSv,
        ...s3Sv,
        ...s3AreasSv,
        ...s3ProcessSv,
        ...s3MeetingsSv,
        ...s3LearningSv,
      },
    },
    en: {
      translation: {
        ...en,
        ...indicatorsEn,
        ...territoryEn,
        ...conflictsEn,
        ...matricesEn,
        ...consultationsEn,
        ...s3En,
        ...s3AreasEn,
        ...s3ProcessEn,
        ...s3MeetingsEn,
        ...s3LearningEn,
      },
    },
  },
  lng: storedLanguage(),
  fallbackLng: 'sv',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = i18n.language;

export default i18n;

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import it from './it.json';

export const UI_LANGUAGES = ['en', 'it'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The browser's preferred language if we have it, otherwise English. */
export function browserLanguage(): UiLanguage {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if (base === 'it' || base === 'en') return base;
  }
  return 'en';
}

const STORAGE_KEY = 'tabella:ui-language';

/** A language the user picked explicitly with the switch, remembered on this device. */
export function chosenLanguage(): UiLanguage | undefined {
  const value = localStorage.getItem(STORAGE_KEY);
  return value === 'en' || value === 'it' ? value : undefined;
}

export function chooseLanguage(language: UiLanguage): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18next.changeLanguage(language);
}

export function initI18n(): void {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, it: { translation: it } },
    lng: chosenLanguage() ?? browserLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  document.documentElement.lang = i18next.language;
}

import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLocale, type Locale, negotiateLocale } from '../api/shared';
import { en } from './en';
import { ru } from './ru';

const storageKey = 'accord.language';

/** The language the user picked in this browser, if any. */
export function storedLanguage(): Locale | undefined {
  try {
    const value = localStorage.getItem(storageKey);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function browserLanguage(): Locale {
  return negotiateLocale(navigator.languages.join(','), 'en');
}

export function currentLanguage(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

/** Switches the UI language; `remember` keeps the choice in this browser. */
export async function applyLanguage(language: Locale, options: { remember: boolean }): Promise<void> {
  if (options.remember) {
    try {
      localStorage.setItem(storageKey, language);
    } catch {
      // NOTE: private mode may forbid storage; the choice then lasts until the page reloads.
    }
  }
  document.documentElement.lang = language;
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

/** After sign-in: the profile's language applies unless this browser already has a choice. */
export function adoptProfileLanguage(profileLocale: string): void {
  if (!storedLanguage() && isLocale(profileLocale)) void applyLanguage(profileLocale, { remember: false });
}

const initial = storedLanguage() ?? browserLanguage();
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, ru: { translation: ru } },
  lng: initial,
  fallbackLng: 'en',
  supportedLngs: ['en', 'ru'],
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };

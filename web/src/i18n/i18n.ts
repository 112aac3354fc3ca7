import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../api/types.ts';
import analyticsEn from './analytics.en.json';
import analyticsTh from './analytics.th.json';
import dataopsEn from './dataops.en.json';
import dataopsTh from './dataops.th.json';
import dealsEn from './deals.en.json';
import dealsTh from './deals.th.json';
import en from './en.json';
import forecastsEn from './forecasts.en.json';
import forecastsTh from './forecasts.th.json';
import ladderEn from './ladder.en.json';
import ladderTh from './ladder.th.json';
import leadsEn from './leads.en.json';
import leadsTh from './leads.th.json';
import listsEn from './lists.en.json';
import listsTh from './lists.th.json';
import profileEn from './profile.en.json';
import profileTh from './profile.th.json';
import quotesEn from './quotes.en.json';
import quotesTh from './quotes.th.json';
import salesEn from './sales.en.json';
import salesTh from './sales.th.json';
import tasksEn from './tasks.en.json';
import tasksTh from './tasks.th.json';
import th from './th.json';

// Both files must hold exactly the same keys: each assignment fails to compile if one lacks a key.
export const thHasEveryEnglishKey: typeof en = th;
export const enHasEveryThaiKey: typeof th = en;
// Namespaces of the customer pages (profile: list, 360° view, timeline, consent, custom fields;
// dataops: import, export, duplicates and merge, data quality), kept apart so they can grow independently.
export const profileThHasEveryKey: typeof profileEn = profileTh;
export const profileEnHasEveryKey: typeof profileTh = profileEn;
export const dataopsThHasEveryKey: typeof dataopsEn = dataopsTh;
export const dataopsEnHasEveryKey: typeof dataopsTh = dataopsEn;
// lists: the customer list's saved views, bulk actions and columns; the profile's duplicates and company panels.
export const listsThHasEveryKey: typeof listsEn = listsTh;
export const listsEnHasEveryKey: typeof listsTh = listsEn;
// ladder: the relationship ladder's overview, rules and the profile's stage badge.
export const ladderThHasEveryKey: typeof ladderEn = ladderTh;
export const ladderEnHasEveryKey: typeof ladderTh = ladderEn;

// sales: products, orders and (later) the pipeline, quotes and tasks.
export const salesThHasEveryKey: typeof salesEn = salesTh;
export const salesEnHasEveryKey: typeof salesTh = salesEn;
// deals: the pipeline board, deals list, deal drawer and the profile's deals tab.
export const dealsThHasEveryKey: typeof dealsEn = dealsTh;
export const dealsEnHasEveryKey: typeof dealsTh = dealsEn;
// tasks: my tasks, the profile's tasks tab and the notification bell.
export const tasksThHasEveryKey: typeof tasksEn = tasksTh;
export const tasksEnHasEveryKey: typeof tasksTh = tasksEn;

// analytics: customer value scores (and later the dashboards).
export const analyticsThHasEveryKey: typeof analyticsEn = analyticsTh;
export const analyticsEnHasEveryKey: typeof analyticsTh = analyticsEn;

// leads: leads list, lead drawer, assignment and scoring rules, learned score, web forms.
export const leadsThHasEveryKey: typeof leadsEn = leadsTh;
export const leadsEnHasEveryKey: typeof leadsTh = leadsEn;

// forecasts: the sales dashboard (quotas, forecast, sales KPIs) and the pipelines admin screen.
export const forecastsThHasEveryKey: typeof forecastsEn = forecastsTh;
export const forecastsEnHasEveryKey: typeof forecastsTh = forecastsEn;

// quotes: quotes list, editor, quote page with the PDF preview, the profile's quotes.
export const quotesThHasEveryKey: typeof quotesEn = quotesTh;
export const quotesEnHasEveryKey: typeof quotesTh = quotesEn;

export const LOCALE_STORAGE_KEY = 'sampan.locale';
export const DEFAULT_LOCALE: Locale = 'th';

export function isLocale(value: unknown): value is Locale {
  return value === 'th' || value === 'en';
}

function storedLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

void i18n.use(initReactI18next).init({
  resources: {
    th: {
      translation: th,
      profile: profileTh,
      dataops: dataopsTh,
      lists: listsTh,
      ladder: ladderTh,
      sales: salesTh,
      deals: dealsTh,
      tasks: tasksTh,
      analytics: analyticsTh,
      forecasts: forecastsTh,
      leads: leadsTh,
      quotes: quotesTh,
    },
    en: {
      translation: en,
      profile: profileEn,
      dataops: dataopsEn,
      lists: listsEn,
      ladder: ladderEn,
      sales: salesEn,
      deals: dealsEn,
      tasks: tasksEn,
      analytics: analyticsEn,
      forecasts: forecastsEn,
      leads: leadsEn,
      quotes: quotesEn,
    },
  },
  lng: storedLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: ['th', 'en'],
  initAsync: false,
  interpolation: { escapeValue: false },
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

export default i18n;

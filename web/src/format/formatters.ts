import type { DisplaySettings } from './display-settings-type.ts';

export interface Formatters {
  /** 23 พ.ย. 2569 — a date in the business time zone. */
  date: (iso: string | null | undefined) => string;
  /** 23 พ.ย. 2569 14:05 */
  dateTime: (iso: string | null | undefined) => string;
  number: (value: number) => string;
  /** Money is kept in minor units (satang); this shows it in the currency's major unit. */
  money: (minorUnits: number, currency?: string) => string;
}

/** The Intl locale for dates: Thai or English, with the Buddhist calendar when the setting asks for it. */
export function dateLocale(language: string, buddhistEra: boolean): string {
  const base = language === 'th' ? 'th-TH' : 'en-GB';
  return `${base}-u-ca-${buddhistEra ? 'buddhist' : 'gregory'}`;
}

export function makeFormatters(language: string, settings: DisplaySettings): Formatters {
  const locale = dateLocale(language, settings.buddhistEra);
  const numberLocale = language === 'th' ? 'th-TH' : 'en-US';
  const dateFormat = new Intl.DateTimeFormat(locale, { timeZone: settings.timeZone, dateStyle: 'medium' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    timeZone: settings.timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const numberFormat = new Intl.NumberFormat(numberLocale);
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const moneyFormat = (currency: string) => {
    let format = moneyFormats.get(currency);
    if (!format) {
      format = new Intl.NumberFormat(numberLocale, { style: 'currency', currency });
      moneyFormats.set(currency, format);
    }
    return format;
  };
  const parse = (iso: string | null | undefined) => {
    if (!iso) return null;
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? null : date;
  };
  return {
    date: (iso) => {
      const date = parse(iso);
      return date ? dateFormat.format(date) : '—';
    },
    dateTime: (iso) => {
      const date = parse(iso);
      return date ? dateTimeFormat.format(date) : '—';
    },
    number: (value) => numberFormat.format(value),
    money: (minorUnits, currency = settings.currency) => {
      const format = moneyFormat(currency);
      const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
      return format.format(minorUnits / 10 ** digits);
    },
  };
}

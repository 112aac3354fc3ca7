import 'i18next';
import type analytics from './analytics.en.json';
import type dataops from './dataops.en.json';
import type deals from './deals.en.json';
import type en from './en.json';
import type forecasts from './forecasts.en.json';
import type ladder from './ladder.en.json';
import type leads from './leads.en.json';
import type lists from './lists.en.json';
import type profile from './profile.en.json';
import type quotes from './quotes.en.json';
import type sales from './sales.en.json';
import type tasks from './tasks.en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof en;
      profile: typeof profile;
      dataops: typeof dataops;
      lists: typeof lists;
      ladder: typeof ladder;
      sales: typeof sales;
      deals: typeof deals;
      tasks: typeof tasks;
      analytics: typeof analytics;
      forecasts: typeof forecasts;
      leads: typeof leads;
      quotes: typeof quotes;
    };
  }
}

/** Demo data: a Thai café and bakery chain, its staff and a deterministic customer base. */
export { DEMO_BUSINESS, DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, DEMO_STAFF, DEMO_TEAMS } from './demo-business.ts';
export {
  type DemoCustomer,
  type DemoData,
  demoCustomers,
  type GenerateDemoOptions,
  generateDemo,
} from './generate-demo.ts';
export { DEFAULT_DEMO_SEED, type LoadDemoOptions, type LoadDemoResult, loadDemo } from './load-demo.ts';

import type { Actor } from '../core/auth/principal.ts';
import { backupControlMounts, backupModule } from '../core/backup/module.ts';
import type { Db } from '../core/db/database.ts';
import type { AppDeps } from '../core/http/app-env.ts';
import type { AppMount } from '../core/http/create-app.ts';
import type { ModuleDefinition } from '../core/module.ts';
import { activitiesModule } from './activities/index.ts';
import { analyticsModule } from './analytics/index.ts';
import { consentModule } from './consent/index.ts';
import { customersModule } from './customers/index.ts';
import { dataQualityModule } from './data-quality/index.ts';
import { dealsModule } from './deals/index.ts';
import { dedupeModule, duplicateListModule } from './dedupe/index.ts';
import { loadDemo } from './demo/index.ts';
import { forecastsModule } from './forecasts/index.ts';
import { identityModule } from './identity/index.ts';
import { customerExportModule, importsModule } from './imports/index.ts';
import { ladderModule } from './ladder/index.ts';
import { leadsModule } from './leads/index.ts';
import { ordersModule } from './orders/index.ts';
import { privacyModule } from './privacy/index.ts';
import { productsModule } from './products/index.ts';
import { quotesModule } from './quotes/index.ts';
import { tasksModule } from './tasks/index.ts';
import { viewsModule } from './views/index.ts';

/** Business modules, in dependency order. */
export function businessModules(): ModuleDefinition[] {
  return [
    // Before customers: GET /customers/export.csv must not be taken for GET /customers/{id}.
    customerExportModule,
    // Before customers too: GET /customers/duplicates.
    duplicateListModule,
    customersModule,
    activitiesModule,
    identityModule,
    consentModule,
    dedupeModule,
    importsModule,
    privacyModule,
    dataQualityModule,
    productsModule,
    ordersModule,
    dealsModule,
    forecastsModule,
    quotesModule,
    tasksModule,
    leadsModule,
    ladderModule,
    analyticsModule,
    viewsModule,
    backupModule(),
  ];
}

/** Local control endpoints (outside /api/v1) guarded by the data-dir lock's secret. */
export function controlMounts(deps: AppDeps, secret: string): AppMount[] {
  return [...backupControlMounts(deps, secret)];
}

/** Demo data after first-run setup (200 customers unless asked otherwise). */
export async function loadDemoData(
  db: Db,
  actor: Actor,
  options: { customers?: number; seed?: number },
): Promise<void> {
  await loadDemo(db, actor, {
    customers: options.customers ?? 200,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
}

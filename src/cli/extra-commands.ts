import { analyticsRecomputeCommand, analyticsRecomputeHelp } from './commands/analytics-recompute.ts';
import { backupCommand, backupHelp } from './commands/backup.ts';
import { demoCommand, demoHelp } from './commands/demo.ts';
import { exportCustomersCommand, exportCustomersHelp } from './commands/export-customers.ts';
import { importCustomersCommand, importCustomersHelp } from './commands/import-customers.ts';
import { importLeadsCommand, importLeadsHelp } from './commands/import-leads.ts';
import { importOrdersCommand, importOrdersHelp } from './commands/import-orders.ts';
import { restoreCommand, restoreHelp } from './commands/restore.ts';

/** Commands contributed outside the core CLI (backup, restore, demo). */
export const extraCommands: Record<string, { run: (args: string[]) => Promise<number>; help: string }> = {
  demo: { run: demoCommand, help: demoHelp },
  backup: { run: backupCommand, help: backupHelp },
  restore: { run: restoreCommand, help: restoreHelp },
  'import customers': { run: importCustomersCommand, help: importCustomersHelp },
  'import orders': { run: importOrdersCommand, help: importOrdersHelp },
  'import leads': { run: importLeadsCommand, help: importLeadsHelp },
  'export customers': { run: exportCustomersCommand, help: exportCustomersHelp },
  'analytics recompute': { run: analyticsRecomputeCommand, help: analyticsRecomputeHelp },
};

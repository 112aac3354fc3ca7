import type { ModuleDefinition } from '../../core/module.ts';
import { importErrors } from './errors.ts';
import { exportRoutes } from './export-routes.ts';
import { registerImportJobs } from './jobs.ts';
import { importRoutes } from './routes.ts';

/** CSV import of customers, orders and leads (streamed, resumable, identity-resolved in bulk) and CSV/XLSX export. */
export const importsModule: ModuleDefinition = {
  name: 'imports',
  routes: importRoutes,
  errors: importErrors,
  register: registerImportJobs,
};

/**
 * GET /customers/export.csv|xlsx. Mounted before the customers module's routes (see
 * modules/index.ts) so the export paths are not read as GET /customers/{id}.
 */
export const customerExportModule: ModuleDefinition = {
  name: 'customer-export',
  routes: exportRoutes,
};

export { createFileImport, findUnfinishedImport, IMPORT_KINDS, type ImportKindName } from './create-import.ts';
export { type CustomerExport, EXPORT_FORMATS, type ExportFormat, exportCustomers } from './export-customers.ts';
export { DELIMITERS, ENCODINGS } from './file-format.ts';
export { ON_MATCH, type OnMatch } from './import-context.ts';
export { IMPORT_FIELDS, suggestMapping } from './import-fields.ts';
export { mappingByName } from './import-mappings.ts';
export { importBytes } from './import-source.ts';
export { LEAD_IMPORT_FIELDS, suggestLeadMapping } from './lead-fields.ts';
export { type LeadImportOptions, ON_DUPLICATE } from './lead-import.ts';
export { ORDER_IMPORT_FIELDS, suggestOrderMapping } from './order-fields.ts';
export { type OrderImportOptions, UNKNOWN_CUSTOMER, UNKNOWN_SKU } from './order-import.ts';
export { openCsv } from './read-csv.ts';
export { rejectionsReport } from './rejections-report.ts';
export { defaultBatchSize, formatOf, type ImportProgress, runImport } from './run-import.ts';
export { importChunks, importMappings, importRejections, imports } from './schema.ts';

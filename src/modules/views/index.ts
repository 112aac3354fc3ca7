import type { ModuleDefinition } from '../../core/module.ts';
import { viewErrors } from './errors.ts';
import { viewRoutes } from './routes.ts';

/** Saved views of the customer list: own, shared with the team, edited by their owner or an admin. */
export const viewsModule: ModuleDefinition = {
  name: 'views',
  routes: viewRoutes,
  errors: viewErrors,
};

export { createView } from './create-view.ts';
export { deleteView } from './delete-view.ts';
export { listViews } from './list-views.ts';
export { savedViews } from './schema.ts';
export { updateView } from './update-view.ts';
export { type SavedView, VIEW_COLUMNS } from './view-input.ts';

import type { ModuleDefinition } from '../../core/module.ts';
import { activityErrors } from './errors.ts';
import { activityRoutes } from './routes.ts';

/** Activities: the one timeline every module writes to, and notes/calls/meetings logged by staff. */
export const activitiesModule: ModuleDefinition = {
  name: 'activities',
  routes: activityRoutes,
  errors: activityErrors,
};

export type { LogActivityInput, TimelineQuery, UpdateActivityInput } from './activity-input.ts';
export {
  ACTIVITY_KINDS,
  type ActivityKind,
  type ConsentData,
  type IdentityMatchData,
  type ImportData,
  LOGGED_KINDS,
  type MergeData,
  maskIdentifier,
  type Summary,
  summariseActivity,
} from './activity-kinds.ts';
export { type ActivityView, activityViewSchema, toActivityView } from './activity-view.ts';
export { deleteActivity } from './delete-activity.ts';
export { listTimeline } from './list-timeline.ts';
export { logActivity } from './log-activity.ts';
export {
  type ActivityInsert,
  CONTACT_KINDS,
  recordActivities,
  recordActivity,
  refreshLastContacted,
} from './record-activity.ts';
export { activities } from './schema.ts';
export { updateActivity } from './update-activity.ts';

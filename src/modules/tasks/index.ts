import type { ModuleDefinition } from '../../core/module.ts';
import { taskErrors } from './errors.ts';
import { registerTaskJobs } from './jobs.ts';
import { taskRoutes } from './routes.ts';

/**
 * Tasks and follow-ups on customers and other records, with reminders and overdue notices
 * delivered as in-app notifications (a generic table other modules write through notifyUser).
 */
export const tasksModule: ModuleDefinition = {
  name: 'tasks',
  routes: taskRoutes,
  errors: taskErrors,
  register: registerTaskJobs,
};

export { changeTaskStatus, TASK_TRANSITIONS } from './change-task-status.ts';
export { createTask } from './create-task.ts';
export { getTask } from './get-task.ts';
export { TASK_REMINDERS_JOB } from './jobs.ts';
export { listNotifications, unreadCount } from './list-notifications.ts';
export { listTasks } from './list-tasks.ts';
export { type NotificationView, notificationViewSchema } from './notification-view.ts';
export { type NotificationInput, notifyUser } from './notify-user.ts';
export { markAllNotificationsRead, markNotificationRead } from './read-notifications.ts';
export { runReminders } from './run-reminders.ts';
export { notifications, tasks } from './schema.ts';
export {
  type CreateTaskInput,
  TASK_KINDS,
  TASK_PRIORITIES,
  TASK_STATUSES,
  type UpdateTaskInput,
} from './task-input.ts';
export { type TaskView, taskViewSchema } from './task-view.ts';
export { updateTask } from './update-task.ts';
export { taskErrors };

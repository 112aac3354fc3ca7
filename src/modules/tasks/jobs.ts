import type { ModuleRuntime } from '../../core/module.ts';
import { runReminders } from './run-reminders.ts';

export const TASK_REMINDERS_JOB = 'tasks.reminders';

/** Every minute: due reminders and overdue notices, in the app. */
export function registerTaskJobs({ deps, jobs }: ModuleRuntime): void {
  const { db } = deps.database;
  jobs.register({
    name: TASK_REMINDERS_JOB,
    cron: '* * * * *',
    retryLimit: 1,
    retryDelay: 30,
    handler: async (_data, ctx) => {
      const sent = await runReminders(db);
      if (sent.reminded + sent.overdue > 0) ctx.logger.info(sent, 'task reminders sent');
    },
  });
}

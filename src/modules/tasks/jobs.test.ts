import { describe, expect, it } from 'vitest';
import type { JobDefinition } from '../../core/jobs/job-runner.ts';
import type { ModuleRuntime } from '../../core/module.ts';
import { registerTaskJobs, TASK_REMINDERS_JOB } from './jobs.ts';

describe('registerTaskJobs', () => {
  it('schedules the reminder job every minute', () => {
    const registered: JobDefinition[] = [];
    const runtime = {
      deps: { database: { db: {} } },
      jobs: { register: (def: JobDefinition) => registered.push(def) },
      events: {},
    } as unknown as ModuleRuntime;
    registerTaskJobs(runtime);
    expect(registered.map((d) => [d.name, d.cron])).toEqual([[TASK_REMINDERS_JOB, '* * * * *']]);
  });
});

import { demoCommand, demoHelp } from './commands/demo.ts';

/** Commands contributed outside the core CLI (backup, restore, demo). */
export const extraCommands: Record<string, { run: (args: string[]) => Promise<number>; help: string }> = {
  demo: { run: demoCommand, help: demoHelp },
};

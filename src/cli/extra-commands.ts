/** Commands contributed outside the core CLI (backup, restore, demo). */
export const extraCommands: Record<string, { run: (args: string[]) => Promise<number>; help: string }> = {};

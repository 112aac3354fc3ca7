import type { TestProject } from 'vitest/node';
import { buildCliBundle } from '../../support/cli-bundle.ts';
import { pgliteTemplate } from '../../support/pglite-template.ts';

/** Once per browser-test run: the migrated PGlite template (cached between runs) and the CLI bundle. */
export default async function setup(project: TestProject): Promise<() => void> {
  const [bundle, template] = await Promise.all([
    buildCliBundle(`e2e_${process.pid}_${Date.now().toString(36)}`),
    pgliteTemplate(),
  ]);
  project.provide('pgliteTemplate', template);
  project.provide('cliBundle', bundle.file);
  return () => bundle.remove();
}

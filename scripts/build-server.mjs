#!/usr/bin/env node
// Bundles the server and CLI into dist/sampan.mjs (npm packages stay external), so that
// `npm start` runs plain JavaScript instead of compiling TypeScript through tsx's loader
// at every start. `npm run sampan` and the tests still run the sources directly.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/sampan.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

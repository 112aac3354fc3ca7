import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let cached: { regular: Buffer; bold: Buffer } | undefined;

/**
 * Sarabun (SIL OFL), the typeface of Thai official documents, from the
 * @expo-google-fonts/sarabun package: complete TrueType files with Thai and Latin and the
 * mark positioning Thai tone marks need. Read once and embedded (subset) in every PDF, so
 * a quote prints the same on a machine without Thai fonts.
 */
export function quoteFonts(): { regular: Buffer; bold: Buffer } {
  cached ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/sarabun/700Bold/Sarabun_700Bold.ttf')),
  };
  return cached;
}

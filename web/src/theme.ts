import { createTheme } from '@mantine/core';

const thaiFirstFont = "'Noto Sans Thai', system-ui, sans-serif";

export const theme = createTheme({
  fontFamily: thaiFirstFont,
  headings: { fontFamily: thaiFirstFont, fontWeight: '700' },
  primaryColor: 'cyan',
  primaryShade: 8,
  defaultRadius: 'md',
  // Thai has tall stacked vowels and tone marks; a little more line height keeps them clear.
  lineHeights: { xs: '1.5', sm: '1.6', md: '1.6', lg: '1.6', xl: '1.6' },
});

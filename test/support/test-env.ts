/** SAMPAN_TEST_DB=postgres runs the suite against TEST_DATABASE_URL instead of PGlite. */
export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.SAMPAN_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('SAMPAN_TEST_DB=postgres needs TEST_DATABASE_URL');
  return url;
}

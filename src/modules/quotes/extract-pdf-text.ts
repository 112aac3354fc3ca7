/**
 * The text a PDF reader extracts from a PDF (via its ToUnicode maps), one string per page,
 * with pdf.js's legacy build (runs on Node 20). Used by tests to check that a quote's
 * Thai text is really there and searchable, not just painted glyphs.
 */
export async function extractPdfText(pdf: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

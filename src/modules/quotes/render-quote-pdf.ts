import PDFDocument from 'pdfkit';
import { bahtText } from './bahttext.ts';
import { branchLabel, formatDay, formatMoney, formatRate, PDF_LABELS, type PdfLanguage } from './pdf-labels.ts';
import { keepThaiTextExtractable } from './pdf-thai-text.ts';
import { quoteFonts } from './quote-fonts.ts';
import { wrapThai } from './wrap-thai.ts';

/** Everything printed on a quote, already resolved (no database here). */
export interface QuotePdfModel {
  language: PdfLanguage;
  number: string;
  status: 'draft' | 'sent' | 'accepted' | 'rejected' | 'expired';
  issuedOn: string;
  validUntil: string;
  currency: string;
  seller: {
    name: string;
    address?: string | null;
    taxId?: string | null;
    /** 'head_office' or a 5-digit branch number. */
    branch?: string | null;
    phone?: string | null;
    email?: string | null;
  };
  customer: {
    name: string;
    address?: string | null;
    taxId?: string | null;
    phone?: string | null;
    email?: string | null;
  };
  lines: {
    description: string;
    quantity: number;
    unitPriceSatang: number;
    discountSatang: number;
  }[];
  totals: { subtotalSatang: number; discountSatang: number; netSatang: number; vatSatang: number; totalSatang: number };
  vatRateBp: number;
  pricesIncludeVat: boolean;
  notes?: string | null;
  terms?: string | null;
  preparedBy?: string | null;
}

const PAGE = { width: 595.28, height: 841.89, margin: 40 };
const INK = '#1f2933';
const MUTED = '#616e7c';
const RULE = '#cbd2d9';
const BAND = '#eef2f7';

/** Column x positions and widths of the line table. */
const COLS = (() => {
  const left = PAGE.margin;
  const widths = { no: 38, description: 207, quantity: 45, unitPrice: 75, discount: 65, amount: 85 };
  let x = left;
  const at: Record<keyof typeof widths, { x: number; w: number }> = {} as never;
  for (const [k, w] of Object.entries(widths) as [keyof typeof widths, number][]) {
    at[k] = { x, w };
    x += w;
  }
  return at;
})();

/** The quote as an A4 PDF with Sarabun embedded, in its language. */
export function renderQuotePdf(m: QuotePdfModel): Promise<Buffer> {
  const L = PDF_LABELS[m.language];
  const fonts = quoteFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    info: { Title: `${L.title} ${m.number}`, Author: m.seller.name, Subject: m.customer.name, Creator: 'Sampan' },
    lang: m.language === 'th' ? 'th-TH' : 'en-GB',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  for (const name of ['bold', 'regular']) keepThaiTextExtractable(doc.font(name));
  const right = PAGE.width - PAGE.margin;
  const width = right - PAGE.margin;
  // Lines broken at Thai word boundaries in the current font and size (pdfkit breaks only at spaces).
  const fit = (text: string, w: number) => wrapThai(text, w - 1, (s) => doc.widthOfString(s));

  // Seller (left) and the document title, number and dates (right).
  doc.fillColor(INK).font('bold').fontSize(16).text(m.seller.name, PAGE.margin, PAGE.margin, { width: 300 });
  doc.font('regular').fontSize(9.5).fillColor(MUTED);
  if (m.seller.address) doc.text(fit(m.seller.address, 300), { width: 300 });
  const branch = m.seller.branch ? branchLabel(m.seller.branch, m.language) : null;
  const taxLine = [m.seller.taxId ? `${L.taxId} ${m.seller.taxId}` : null, branch].filter(Boolean).join(' ');
  if (taxLine) doc.text(taxLine, { width: 300 });
  const contact = [
    m.seller.phone ? `${L.phone} ${m.seller.phone}` : null,
    m.seller.email ? `${L.email} ${m.seller.email}` : null,
  ].filter(Boolean);
  if (contact.length) doc.text(contact.join('  '), { width: 300 });
  const sellerBottom = doc.y;
  doc
    .font('bold')
    .fontSize(20)
    .fillColor(INK)
    .text(L.title, 340, PAGE.margin, { width: right - 340, align: 'right' });
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(MUTED)
    .text(L.subtitle, { width: right - 340, align: 'right' });
  const status = L.status[m.status];
  if (status)
    doc
      .font('bold')
      .fontSize(10)
      .fillColor('#c81e1e')
      .text(status, { width: right - 340, align: 'right' });
  const facts: [string, string][] = [
    [L.number, m.number],
    [L.issued, formatDay(m.issuedOn, m.language)],
    [L.validUntil, formatDay(m.validUntil, m.language)],
  ];
  let y = doc.y + 4;
  for (const [k, v] of facts) {
    doc.font('regular').fontSize(10).fillColor(MUTED).text(k, 340, y, { width: 90 });
    doc
      .font('bold')
      .fillColor(INK)
      .text(v, 430, y, { width: right - 430, align: 'right' });
    y = doc.y + 1;
  }

  // Customer box.
  y = Math.max(y, sellerBottom) + 14;
  const customerLines = [
    m.customer.address,
    m.customer.taxId ? `${L.taxId} ${m.customer.taxId}` : null,
    [
      m.customer.phone ? `${L.phone} ${m.customer.phone}` : null,
      m.customer.email ? `${L.email} ${m.customer.email}` : null,
    ]
      .filter(Boolean)
      .join('   '),
  ].filter((s): s is string => Boolean(s));
  const boxTop = y;
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(MUTED)
    .text(L.customer, PAGE.margin + 10, boxTop + 8);
  doc.font('bold').fontSize(12).fillColor(INK);
  doc.text(fit(m.customer.name, width - 20), { width: width - 20 });
  doc.font('regular').fontSize(10).fillColor(INK);
  for (const line of customerLines) doc.text(fit(line, width - 20), { width: width - 20 });
  const boxBottom = doc.y + 8;
  doc
    .roundedRect(PAGE.margin, boxTop, width, boxBottom - boxTop, 4)
    .lineWidth(0.8)
    .strokeColor(RULE)
    .stroke();

  // Lines.
  y = boxBottom + 14;
  const header = () => {
    doc.rect(PAGE.margin, y, width, 22).fill(BAND);
    doc.font('bold').fontSize(9.5).fillColor(INK);
    const cells: [keyof typeof COLS, string, 'left' | 'right' | 'center'][] = [
      ['no', L.no, 'center'],
      ['description', L.description, 'left'],
      ['quantity', L.quantity, 'right'],
      ['unitPrice', L.unitPrice, 'right'],
      ['discount', L.discount, 'right'],
      ['amount', L.amount, 'right'],
    ];
    for (const [k, label, align] of cells) doc.text(label, COLS[k].x + 4, y + 5, { width: COLS[k].w - 8, align });
    y += 26;
  };
  header();
  doc.font('regular').fontSize(10);
  for (const [i, line] of m.lines.entries()) {
    const amount = line.unitPriceSatang * line.quantity - line.discountSatang;
    const description = fit(line.description, COLS.description.w - 8);
    const h = Math.max(doc.heightOfString(description, { width: COLS.description.w - 8, lineGap: 2 }), 12) + 8;
    if (y + h > PAGE.height - PAGE.margin - 40) {
      doc.addPage();
      y = PAGE.margin;
      header();
      doc.font('regular').fontSize(10);
    }
    doc.fillColor(INK);
    doc.text(String(i + 1), COLS.no.x + 4, y + 4, { width: COLS.no.w - 8, align: 'center' });
    doc.text(description, COLS.description.x + 4, y + 4, { width: COLS.description.w - 8, lineGap: 2 });
    const cell = (k: keyof typeof COLS, s: string) =>
      doc.text(s, COLS[k].x + 4, y + 4, { width: COLS[k].w - 8, align: 'right' });
    cell('quantity', line.quantity.toLocaleString('en-US'));
    cell('unitPrice', formatMoney(line.unitPriceSatang));
    cell('discount', line.discountSatang ? formatMoney(line.discountSatang) : '-');
    cell('amount', formatMoney(amount));
    y += h;
    doc.moveTo(PAGE.margin, y).lineTo(right, y).lineWidth(0.5).strokeColor(RULE).stroke();
  }

  // Totals (right) and the amount in words (left, Thai only).
  const t = m.totals;
  const rows: [string, string, boolean][] = [
    [L.subtotal, formatMoney(t.subtotalSatang), false],
    [L.totalDiscount, t.discountSatang ? `-${formatMoney(t.discountSatang)}` : '-', false],
    [L.net, formatMoney(t.netSatang), false],
    [`${L.vat} ${formatRate(m.vatRateBp)}`, formatMoney(t.vatSatang), false],
    [`${L.total} (${m.currency})`, formatMoney(t.totalSatang), true],
  ];
  if (y + rows.length * 18 + 80 > PAGE.height - PAGE.margin) {
    doc.addPage();
    y = PAGE.margin;
  }
  y += 10;
  const totalsTop = y;
  const labelX = 330;
  for (const [label, value, strong] of rows) {
    if (strong) {
      doc.rect(labelX - 6, y - 3, right - labelX + 6, 22).fill(BAND);
      doc.fillColor(INK).font('bold').fontSize(11);
    } else doc.fillColor(INK).font('regular').fontSize(10);
    doc.text(label, labelX, y, { width: 150 });
    doc.text(value, labelX + 150, y, { width: right - labelX - 154, align: 'right' });
    y += strong ? 24 : 17;
  }
  doc.font('regular').fontSize(9).fillColor(MUTED);
  if (m.pricesIncludeVat) doc.text(L.vatIncluded, PAGE.margin, totalsTop, { width: 270 });
  if (m.language === 'th' && m.currency === 'THB') {
    doc.font('bold').fontSize(10.5).fillColor(INK);
    doc.text(fit(`(${bahtText(t.totalSatang)})`, 270), PAGE.margin, totalsTop + 16, { width: 270 });
  }

  // Validity, notes, terms, signatures.
  doc.y = y + 8;
  doc.x = PAGE.margin;
  doc.font('regular').fontSize(10).fillColor(INK);
  doc.text(`${L.validity} ${formatDay(m.validUntil, m.language)}`, PAGE.margin, doc.y, { width });
  for (const [label, body] of [
    [L.notes, m.notes],
    [L.terms, m.terms],
  ] as const) {
    if (!body) continue;
    doc.moveDown(0.5).font('bold').fontSize(10).text(label, { width });
    doc.font('regular').fontSize(10).text(fit(body, width), { width });
  }
  const signY = Math.max(doc.y + 50, PAGE.height - PAGE.margin - 70);
  if (signY + 50 > PAGE.height - PAGE.margin) doc.addPage();
  const sy = Math.min(signY, PAGE.height - PAGE.margin - 50);
  for (const [x, label, name] of [
    [PAGE.margin + 20, L.preparedBy, m.preparedBy ?? ''],
    [right - 220, L.acceptedBy, ''],
  ] as const) {
    doc
      .moveTo(x, sy)
      .lineTo(x + 200, sy)
      .lineWidth(0.6)
      .strokeColor(MUTED)
      .stroke();
    doc
      .font('regular')
      .fontSize(9.5)
      .fillColor(MUTED)
      .text(name ? `${label}: ${name}` : label, x, sy + 5, {
        width: 200,
        align: 'center',
      });
  }
  doc.end();
  return done;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { customersModule } from '../customers/index.ts';
import { productsModule } from '../products/index.ts';
import { extractPdfText } from './extract-pdf-text.ts';
import { quotesModule } from './index.ts';
import { formatDay } from './pdf-labels.ts';

let t: TestApp;
let token: string;
let customerId: string;
let productId: string;
const nfkc = (s: string) => s.normalize('NFKC');

const post = async (path: string, body: unknown) =>
  (await (await t.app.request(`/api/v1${path}`, jsonRequest('POST', body, bearer(token)))).json()) as Record<
    string,
    unknown
  >;
const pdfOf = async (id: unknown, query = '') => {
  const res = await t.app.request(
    `/api/v1/quotes/${String(id)}/pdf${query}`,
    jsonRequest('GET', undefined, bearer(token)),
  );
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
};

beforeAll(async () => {
  for (const m of [customersModule, productsModule, quotesModule]) registerErrors(m.errors ?? {});
  t = await createTestApp([customersModule, productsModule, quotesModule]);
  token = (await t.userWithToken('sales')).token;
  const admin = (await t.userWithToken('admin')).token;
  const product = await t.app.request(
    '/api/v1/products',
    jsonRequest(
      'POST',
      { sku: 'BEANS', nameTh: 'เมล็ดกาแฟคั่วกลาง', nameEn: 'Medium roast beans', unitPriceSatang: 45_000 },
      bearer(admin),
    ),
  );
  productId = String(((await product.json()) as { id: string }).id);
  customerId = String((await post('/customers', { firstName: 'สมชาย', lastName: 'ใจดี', phone: '0812345678' })).id);
});
afterAll(() => t.close());

describe('GET /quotes/{id}/pdf', () => {
  it('is a PDF with Sarabun embedded and the Thai quote readable from it', async () => {
    const q = await post('/quotes', {
      customerId,
      language: 'th',
      lines: [
        { productId, quantity: 2, discountSatang: 5_000 },
        { descriptionTh: 'ค่าจัดส่งน้ำหนักเกิน', quantity: 1, unitPriceSatang: 40_050 },
      ],
      terms: 'ชำระเงินภายใน 30 วัน',
    });
    // 90,000 − 5,000 + 40,050 = 125,050 satang.
    expect(q.totalSatang).toBe(125_050);
    const { res, bytes } = await pdfOf(q.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="${String(q.number)}.pdf"`);
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+Sarabun-Regular/);
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+Sarabun-Bold/);
    expect(raw).toContain('/ToUnicode');
    const [text] = await extractPdfText(bytes);
    for (const s of [
      'ใบเสนอราคา',
      String(q.number),
      'สมชาย ใจดี',
      'เมล็ดกาแฟคั่วกลาง',
      'ค่าจัดส่งน้ำหนักเกิน',
      formatDay(String(q.issuedOn), 'th'),
      'ภาษีมูลค่าเพิ่ม 7%',
      '1,250.50',
      '81.81',
      '(หนึ่งพันสองร้อยห้าสิบบาทห้าสิบสตางค์)',
      'ชำระเงินภายใน 30 วัน',
    ])
      expect(nfkc(text ?? ''), s).toContain(nfkc(s));
    // ำ is drawn as two glyphs; the text must not gain an extra า (จำา).
    expect(text).not.toContain('ำา');
    expect(formatDay(String(q.issuedOn), 'th')).toMatch(/ 25\d\d$/);
  });

  it('prints an English quote in English, and offers it as a download', async () => {
    const q = await post('/quotes', { customerId, language: 'en', lines: [{ productId, quantity: 1 }] });
    const { res, bytes } = await pdfOf(q.id, '?download=1');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${String(q.number)}.pdf"`);
    const [text] = await extractPdfText(bytes);
    for (const s of [
      'Quotation',
      'Medium roast beans',
      formatDay(String(q.issuedOn), 'en'),
      'Grand total (THB)',
      '450.00',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('บาทถ้วน');
  });
});

describe('the seller in the PDF header', () => {
  it('prints the legal name, address, tax id with its branch, phone and email from the settings', async () => {
    const admin = (await t.userWithToken('admin')).token;
    const patch = await t.app.request(
      '/api/v1/settings',
      jsonRequest(
        'PATCH',
        {
          seller: {
            legalName: 'บริษัท สัมพันธ์ คอฟฟี่ จำกัด',
            address: '99 ถนนนิมมานเหมินท์ ตำบลสุเทพ อำเภอเมืองเชียงใหม่ เชียงใหม่ 50200',
            taxId: '0105536000313',
            branch: 'head_office',
            phone: '053 123 456',
            email: 'hello@sampan-coffee.co.th',
          },
        },
        bearer(admin),
      ),
    );
    expect(patch.status).toBe(200);
    const th = await post('/quotes', { customerId, language: 'th', lines: [{ productId, quantity: 1 }] });
    const [thai] = await extractPdfText((await pdfOf(th.id)).bytes);
    for (const s of [
      'บริษัท สัมพันธ์ คอฟฟี่ จำกัด',
      'ถนนนิมมานเหมินท์',
      'เลขประจำตัวผู้เสียภาษี 0105536000313 (สำนักงานใหญ่)',
      'โทร 053 123 456',
      'อีเมล hello@sampan-coffee.co.th',
      // After a ำ (the address) every า still reads back: fontkit had cached the glyph without its letter.
      'ราคาต่อหน่วย',
      'สมชาย ใจดี',
    ])
      expect(nfkc(thai ?? ''), s).toContain(nfkc(s));

    await t.app.request('/api/v1/settings', jsonRequest('PATCH', { seller: { branch: '00002' } }, bearer(admin)));
    const en = await post('/quotes', { customerId, language: 'en', lines: [{ productId, quantity: 1 }] });
    const [english] = await extractPdfText((await pdfOf(en.id)).bytes);
    expect(english).toContain('Tax ID 0105536000313 (Branch 00002)');
    expect(english).toContain('Tel. 053 123 456');
  });
});

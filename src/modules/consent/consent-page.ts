import type { Context } from 'hono';
import { isAppError } from '../../core/errors/app-error.ts';
import type { AppDeps, AppEnv } from '../../core/http/app-env.ts';
import { clientIp } from '../../core/http/client-ip.ts';
import type { AppMount } from '../../core/http/create-app.ts';
import { type LinkWithdrawal, previewLinkWithdrawal, withdrawByLink } from './link-withdrawal.ts';

const CHANNEL_NAMES: Record<string, { th: string; en: string }> = {
  email: { th: 'อีเมล', en: 'email' },
  sms: { th: 'SMS', en: 'SMS' },
  line: { th: 'LINE', en: 'LINE' },
  phone: { th: 'โทรศัพท์', en: 'phone calls' },
  any: { th: 'ทุกช่องทาง', en: 'every channel' },
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,'Noto Sans Thai',sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.6;color:#222}
h1{font-size:1.3rem}.en{color:#555}button{font-size:1rem;padding:.6rem 1.2rem;border-radius:.4rem;border:0;background:#c92a2a;color:#fff;cursor:pointer}</style>
</head><body>${body}</body></html>`;
}

function describe(w: LinkWithdrawal): { th: string; en: string } {
  const ch = CHANNEL_NAMES[w.channel] ?? { th: w.channel, en: w.channel };
  const to = w.contact ? ` (${escapeHtml(w.contact)})` : '';
  return {
    th: `${escapeHtml(w.purpose.nameTh)} ทาง${escapeHtml(ch.th)}${to}`,
    en: `${escapeHtml(w.purpose.nameEn)} by ${escapeHtml(ch.en)}${to}`,
  };
}

function confirmPage(token: string, w: LinkWithdrawal): string {
  const d = describe(w);
  if (w.withdrawn) return donePage(w);
  return page(
    'ถอนความยินยอม · Withdraw consent',
    `<h1>ถอนความยินยอม</h1><p>ท่านต้องการหยุดรับการติดต่อเพื่อ ${d.th} ใช่หรือไม่</p>
<h1 class="en">Withdraw consent</h1><p class="en">Do you want to stop being contacted for ${d.en}?</p>
<form method="post" action="/consent/${escapeHtml(token)}"><button type="submit">ยืนยันการถอนความยินยอม · Confirm withdrawal</button></form>`,
  );
}

function donePage(w: LinkWithdrawal): string {
  const d = describe(w);
  return page(
    'ถอนความยินยอมแล้ว · Consent withdrawn',
    `<h1>ถอนความยินยอมเรียบร้อยแล้ว</h1><p>เราจะไม่ติดต่อท่านเพื่อ ${d.th} อีก</p>
<h1 class="en">Consent withdrawn</h1><p class="en">We will no longer contact you for ${d.en}.</p>`,
  );
}

function failurePage(c: Context<AppEnv>, err: unknown): Response {
  if (!isAppError(err)) throw err;
  const status = err.code === 'consent_link_invalid' ? 404 : 400;
  return c.html(
    page(
      'ลิงก์ไม่ถูกต้อง · Invalid link',
      `<h1>ลิงก์ไม่ถูกต้อง</h1><p>ลิงก์นี้ใช้ไม่ได้ อาจคัดลอกมาไม่ครบ กรุณาติดต่อเราโดยตรง</p>
<h1 class="en">This link is not valid</h1><p class="en">It may have been copied incompletely. Please contact us directly.</p>`,
    ),
    status,
  );
}

/**
 * The page a customer reaches from a withdrawal link: /consent/<token>. Public, served by
 * the server in Thai and English, works without JavaScript (the form posts back here).
 */
export function consentPages(deps: AppDeps): AppMount {
  const { db } = deps.database;
  return (app) => {
    app.get('/consent/:token', async (c) => {
      const token = c.req.param('token');
      try {
        return c.html(confirmPage(token, await previewLinkWithdrawal(db, token)));
      } catch (err) {
        return failurePage(c, err);
      }
    });
    app.post('/consent/:token', async (c) => {
      try {
        const w = await withdrawByLink(db, c.req.param('token'), { ip: clientIp(c), requestId: c.get('requestId') });
        return c.html(donePage(w));
      } catch (err) {
        return failurePage(c, err);
      }
    });
  };
}

#!/usr/bin/env node
/**
 * Renders public/social-card.png (1200×630), the image social networks show for pages without a
 * hero image. Run after changing the site's name or tagline: node scripts/social-card.mjs
 */
import { chromium } from 'playwright-core';

const html = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; width: 1200px; height: 630px; display: grid; align-content: center; gap: 28px;
    padding: 0 96px; box-sizing: border-box; background: #101318; color: #e7e4df;
    font-family: 'Noto Sans', 'Noto Sans CJK SC', system-ui, sans-serif; }
  .brand { display: flex; align-items: center; gap: 24px; font-size: 40px; font-weight: 700; }
  h1 { margin: 0; font-size: 68px; line-height: 1.1; letter-spacing: -1px; }
  .lambda { color: #fb9a57; } .fargate { color: #8ab4ff; }
  p { margin: 0; font-size: 32px; color: #a7a198; }
</style></head><body>
  <div class="brand"><svg viewBox="0 0 32 32" width="72" height="72"><rect x="1" y="1" width="30" height="30" rx="8" fill="#fb9a57"/>
  <path d="M9 25 15.5 11.5 13.7 7.6H10V5h5.4L23.5 25h-3.1l-3.3-8.3L12.2 25z" fill="#101318"/></svg>Lambda or Fargate</div>
  <h1><span class="lambda">AWS Lambda</span> or <span class="fargate">AWS Fargate</span>?<br>Clear, sourced answers.</h1>
  <p>Choosing and combining AWS serverless compute · 中文 / English</p>
</body></html>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.screenshot({ path: new URL('../public/social-card.png', import.meta.url).pathname });
await browser.close();
console.log('wrote public/social-card.png');

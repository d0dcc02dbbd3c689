// The browser editor end to end, for tests/it/editor_browser.rs: Decap CMS at /admin/ of
// `ocop serve`, driven in headless Chromium (Debian's /usr/bin/chromium, or $CHROMIUM)
// by playwright-core. Every request to another host is aborted and listed, so the run
// never leaves the machine and the test can assert that nothing tried to.
//
//   node editor.mjs BASE PHOTO EXISTING
//
// BASE is the serve address (http://127.0.0.1:PORT), PHOTO a JPEG file to upload,
// EXISTING the slug of a product whose stars are changed to 5. Steps:
//   1. open /admin/, log in to the local backend, start a new product;
//   2. name it with Vietnamese diacritics, choose its stars, category, producer and
//      district from the lists, fill the certificate, upload PHOTO with its alt text,
//      and publish;
//   3. wait until the preview serves the new product's page;
//   4. open EXISTING in the editor, choose 5 stars, publish, and wait until the
//      preview's page of EXISTING says 5 stars.
// Prints one JSON document: {created, slug, newPage, existingStars, outside, failed};
// the Rust test makes the assertions on the files.

import { chromium } from 'playwright-core';

const [base, photo, existing] = process.argv.slice(2);
const NAME = 'Trà hoa vàng Đồng Tâm sấy lạnh';
const TIMEOUT = 60_000;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run'],
  timeout: TIMEOUT,
});
const outside = [];
const failed = [];
const report = {};
try {
  const ctx = await browser.newContext();
  const origin = new URL(base).origin;
  await ctx.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) {
      return route.continue();
    }
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  ctx.setDefaultTimeout(TIMEOUT);
  const open = async (path) => {
    const opened = await ctx.newPage();
    opened.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await opened.goto(base + path);
    return opened;
  };
  let page = await open('/admin/');

  // Decap's fields are named `<name>-field-<n>`.
  const field = (name) => page.locator(`[id^="${name}-field-"]`).first();
  // A select or relation (react-select): type, then take the first match.
  const choose = async (name, text) => {
    const input = field(name);
    await input.click();
    await input.fill(text);
    await page.locator('[class*="option"]', { hasText: text }).first().waitFor();
    await page.keyboard.press('Enter');
  };
  const publish = async () => {
    await page.getByRole('button', { name: 'Công bố', exact: true }).click();
    await page.getByText('Công bố ngay').click();
    await page.getByText('Đã công bố').first().waitFor();
  };
  /// Load `path` until `test(document)` holds in the page.
  const waitForPreview = async (path, test, arg) => {
    const preview = await ctx.newPage();
    const started = Date.now();
    for (;;) {
      const response = await preview.goto(base + path);
      if (response.status() === 200 && (await preview.evaluate(test, arg))) break;
      if (Date.now() - started > TIMEOUT) throw new Error(`${path} never showed the change`);
      await preview.waitForTimeout(500);
    }
    const text = await preview.evaluate(() => document.querySelector('main').innerText);
    await preview.close();
    return text;
  };

  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByText('Sản phẩm').first().waitFor();
  await page.goto(base + '/admin/#/collections/products/new');
  await field('name').fill(NAME);
  await choose('stars', '4');
  await choose('category', 'Thực phẩm');
  await choose('producer', 'Hà Thanh');
  await choose('district', 'Trùng Khánh');
  await field('decision').fill('Quyết định số 77/QĐ-UBND');
  await field('date').fill('2025-03-04');
  await field('summary').fill('Trà hoa vàng hái sớm, sấy lạnh giữ màu và hương.');
  await page.getByRole('button', { name: 'Add ảnh' }).click();
  await page.getByRole('button', { name: 'Chọn một hình' }).click();
  await page.locator('input[type=file]').setInputFiles(photo);
  await page.getByRole('button', { name: 'Lấy những cái đã chọn' }).click();
  await field('alt').fill('Chén trà hoa vàng bên cành hoa tươi');
  await publish();
  // The address names the new entry: …/entries/<slug>/product.
  await page.waitForURL(/\/entries\//);
  report.created = page.url();
  report.slug = decodeURIComponent(page.url().split('/entries/')[1].split('/')[0]);
  report.newPage = await waitForPreview(
    `/san-pham/${report.slug}/`,
    (name) => document.querySelector('h1')?.textContent.includes(name),
    NAME,
  );

  // A fresh page, so that Decap loads the entry from the disk.
  await page.close();
  page = await open(`/admin/#/collections/products/entries/${existing}/product`);
  await field('stars').waitFor();
  await page.locator('[id^="name-field-"]:not([value=""])').waitFor();
  await choose('stars', '5');
  await publish();
  report.existingStars = await waitForPreview(
    `/san-pham/${existing}/`,
    () => document.querySelector('.crumbs li:last-child')?.textContent.trim() === '5 sao',
  );
} finally {
  await browser.close();
}
report.outside = outside;
report.failed = failed;
console.log(JSON.stringify(report));

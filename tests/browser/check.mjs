// Browser-side checks for tests/it/accessibility.rs and tests/it/page_weight.rs, in headless
// Chromium (Debian's /usr/bin/chromium, or $CHROMIUM) driven by playwright-core, against a
// site served on 127.0.0.1. Every request to another host is aborted, so the checks never
// leave the machine. Prints one JSON document on stdout; the Rust tests make the
// assertions.
//
//   node check.mjs axe    BASE PATH...            axe-core on each page (JavaScript on)
//   node check.mjs nojs   BASE PATH...            what each page shows with JavaScript off
//   node check.mjs print  BASE PATH SELECTORS     print media: whether each selector shows
//   node check.mjs text   BASE PATH               the text resources the page loads
//   node check.mjs images BASE PATH               images requested on load, phone viewport
//   node check.mjs layout BASE PAGES              boxes of the first element of each selector
//                                                 on a 390×844 phone screen, unscrolled;
//                                                 PAGES is {path: {name: css selector}}
//   node check.mjs click  BASE PATH SELECTOR      the search page after one click on
//                                                 SELECTOR: its address and result links
//
// A PATH whose page is the site's 404 (HTTP status 404) is reported as
// {"notFound": true}. SELECTORS is a JSON object {name: css selector}.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_VERSION = require('axe-core/package.json').version;

// The rules axe runs: WCAG 2.0–2.2 A and AA, and axe's best practices.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

// Lighthouse's mobile device (moto g power): 412×823 CSS pixels at 1.75 device pixels.
const PHONE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
};

// The phone-first layout's screen (issue 18): an iPhone 12 to 15's 390×844 CSS pixels.
const SMALL_PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
};

const TIMEOUT = 30_000;

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    timeout: TIMEOUT,
  });
}

/// A browser context whose requests can only reach `base`'s host and port.
async function context(browser, base, options = {}) {
  const ctx = await browser.newContext(options);
  const origin = new URL(base).origin;
  await ctx.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) {
      return route.continue();
    }
    return route.abort('blockedbyclient');
  });
  ctx.setDefaultTimeout(TIMEOUT);
  return ctx;
}

/// Open `path`; null when the server answered 404.
async function open(page, base, path) {
  const response = await page.goto(base + path, { waitUntil: 'load' });
  if (!response || response.status() === 404) return null;
  if (!response.ok()) throw new Error(`${path}: HTTP ${response.status()}`);
  // The search page draws its results after the index arrives.
  if (await page.$('[data-search]')) {
    await page.waitForFunction(
      () => {
        const root = document.querySelector('[data-search]');
        return root && ['done', 'error', 'empty'].includes(root.dataset.state)
          && root.dataset.state !== '';
      },
      null,
      { timeout: TIMEOUT },
    ).catch(() => {});
  }
  return response;
}

/// Open each of `paths` in a fresh page of `ctx` and record what `measure(page, path)` gives,
/// or `notFound` for a page the server does not have.
async function eachPage(ctx, base, paths, measure) {
  const pages = [];
  for (const path of paths) {
    const page = await ctx.newPage();
    const found = await open(page, base, path);
    pages.push(found ? { path, ...(await measure(page, path)) } : { path, notFound: true });
    await page.close();
  }
  return pages;
}

async function axe(base, paths) {
  const browser = await launch();
  const ctx = await context(browser, base);
  const pages = await eachPage(ctx, base, paths, async (page) => {
    const extra = {};
    const root = await page.$('[data-search]');
    if (root) {
      extra.searchState = await root.getAttribute('data-state');
      extra.searchResults = await page.$$eval('[data-search-results] > li', (l) => l.length);
    }
    await page.addScriptTag({ content: AXE_SOURCE });
    const result = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
      AXE_TAGS,
    );
    return {
      ...extra,
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.flat().join(' '), summary: n.failureSummary })),
      })),
    };
  });
  await browser.close();
  return { axe: AXE_VERSION, tags: AXE_TAGS, pages };
}

async function nojs(base, paths) {
  const browser = await launch();
  const ctx = await context(browser, base, { javaScriptEnabled: false });
  const pages = await eachPage(ctx, base, paths, (page) => page.evaluate(() => {
    const main = document.querySelector('main');
    const visible = (el) => el.checkVisibility();
    const photos = [...(main ? main.querySelectorAll('img') : [])].filter(visible);
    return {
      h1: (document.querySelector('h1')?.innerText || '').trim(),
      mainText: main ? main.innerText.trim().length : 0,
      productLinks: new Set(
        [...(main ? main.querySelectorAll('a[href]') : [])]
          .filter(visible)
          .map((a) => new URL(a.href).pathname)
          .filter((p) => /\/(san-pham|products)\/[^/]+\/$/.test(p)),
      ).size,
      photos: photos.length,
      photosLoaded: photos.filter((img) => img.complete && img.naturalWidth > 0).length,
      certificate: !!document.querySelector('.cert') && visible(document.querySelector('.cert')),
    };
  }));
  await browser.close();
  return { pages };
}

async function print(base, path, selectors) {
  const browser = await launch();
  const ctx = await context(browser, base);
  const page = await ctx.newPage();
  const found = await open(page, base, path);
  if (!found) {
    await browser.close();
    return { path, notFound: true };
  }
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate((selectors) => {
    const out = {};
    for (const [name, selector] of Object.entries(selectors)) {
      const els = [...document.querySelectorAll(selector)];
      out[name] = {
        selector,
        count: els.length,
        // Hidden by display:none on itself or an ancestor (no layout box at all).
        displayNone: els.filter((el) => {
          for (let e = el; e; e = e.parentElement) {
            if (getComputedStyle(e).display === 'none') return true;
          }
          return false;
        }).length,
        visible: els.filter((el) => el.checkVisibility({ checkVisibilityCSS: true })
          && el.getBoundingClientRect().width > 0).length,
      };
    }
    const body = getComputedStyle(document.body);
    out.$page = { color: body.color, background: body.backgroundColor };
    return out;
  }, selectors);
  await browser.close();
  return { path, shown };
}

const TEXT_TYPES = /^(text\/|application\/(javascript|json|xml|ld\+json|manifest\+json)|image\/svg\+xml)/;

async function text(base, path) {
  const browser = await launch();
  const ctx = await context(browser, base, PHONE);
  const page = await ctx.newPage();
  const resources = [];
  page.on('response', async (response) => {
    const type = (response.headers()['content-type'] || '').split(';')[0].trim();
    resources.push({ url: response.url(), type, text: TEXT_TYPES.test(type), status: response.status() });
  });
  const found = await open(page, base, path);
  await page.waitForLoadState('networkidle').catch(() => {});
  await browser.close();
  if (!found) return { path, notFound: true };
  return { path, resources };
}

async function images(base, path) {
  const browser = await launch();
  const ctx = await context(browser, base, PHONE);
  const page = await ctx.newPage();
  const found = await open(page, base, path);
  if (!found) {
    await browser.close();
    return { path, notFound: true };
  }
  // Let lazy images near the viewport arrive; nothing is scrolled.
  await page.waitForLoadState('networkidle').catch(() => {});
  const result = await page.evaluate(() => {
    const inViewport = new Set(
      [...document.images]
        .filter((img) => {
          const r = img.getBoundingClientRect();
          return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth && r.width > 0;
        })
        .map((img) => img.currentSrc),
    );
    // Photos: what <img> and <picture> fetched, and CSS background images; not the
    // favicon (initiator "other"), which is no photo and is fetched once per site.
    const isImage = (e) => e.initiatorType === 'img' || e.initiatorType === 'image'
      || (e.initiatorType === 'css' && /\.(jpe?g|png|webp|avif|gif|svg)(\?|$)/i.test(e.name));
    return {
      scrollY: scrollY,
      viewport: { width: innerWidth, height: innerHeight, dpr: devicePixelRatio },
      images: performance.getEntriesByType('resource').filter(isImage).map((e) => ({
        url: e.name,
        initiator: e.initiatorType,
        encodedBodySize: e.encodedBodySize,
        transferSize: e.transferSize,
        inViewport: inViewport.has(e.name),
      })),
    };
  });
  await browser.close();
  return { path, ...result };
}

async function layout(base, selectorsByPath) {
  const browser = await launch();
  const ctx = await context(browser, base, SMALL_PHONE);
  const pages = await eachPage(ctx, base, Object.keys(selectorsByPath), async (page, path) => {
    // Photos and fonts settle the layout; nothing is scrolled.
    await page.waitForLoadState('networkidle').catch(() => {});
    const boxes = await page.evaluate((selectors) => {
      const out = { $viewport: { width: innerWidth, height: innerHeight, scrollY } };
      for (const [name, selector] of Object.entries(selectors)) {
        const el = [...document.querySelectorAll(selector)]
          .find((e) => e.getBoundingClientRect().height > 0);
        if (!el) { out[name] = null; continue; }
        const r = el.getBoundingClientRect();
        out[name] = { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      }
      return out;
    }, selectorsByPath[path]);
    return { boxes };
  });
  await browser.close();
  return { pages };
}

/// Open a search page, click `selector` once, and read the search it then shows.
async function click(base, path, selector) {
  const browser = await launch();
  const ctx = await context(browser, base);
  const page = await ctx.newPage();
  await open(page, base, path);
  const read = () => page.evaluate(() => ({
    search: location.search,
    state: document.querySelector('[data-search]').dataset.state,
    results: [...document.querySelectorAll('[data-search-results] a')].map((a) => a.getAttribute('href')),
  }));
  const before = await read();
  await page.click(selector);
  // The page redraws after the change: wait for the address to move and the state to settle.
  await page.waitForFunction(
    (old) => location.search !== old && document.querySelector('[data-search]').dataset.state === 'done',
    before.search,
    { timeout: TIMEOUT },
  );
  const after = await read();
  await browser.close();
  return { before, after };
}

const [command, base, ...rest] = process.argv.slice(2);
if (!command || !base) {
  console.error('usage: node check.mjs axe|nojs|print|text|images|layout|click BASE PATH...');
  process.exit(2);
}
let result;
switch (command) {
  case 'axe': result = await axe(base, rest); break;
  case 'nojs': result = await nojs(base, rest); break;
  case 'print': result = await print(base, rest[0], JSON.parse(rest[1])); break;
  case 'text': result = await text(base, rest[0]); break;
  case 'images': result = await images(base, rest[0]); break;
  case 'layout': result = await layout(base, JSON.parse(rest[0])); break;
  case 'click': result = await click(base, rest[0], rest[1]); break;
  default:
    console.error(`unknown command ${command}`);
    process.exit(2);
}
process.stdout.write(JSON.stringify(result, null, 1) + '\n');

// Reads Lighthouse reports for bench/lighthouse/run.sh.
//
//   node summarise.mjs run REPORT.json LANG PAGE URL RUN STAMP   one JSON line: scores and failing audits
//   node summarise.mjs table RESULTS.jsonl STAMP                 median of the runs of STAMP, as markdown
import { readFileSync } from 'node:fs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const [command, ...args] = process.argv.slice(2);

if (command === 'run') {
  const [report, lang, page, url, run, stamp] = args;
  const lhr = JSON.parse(readFileSync(report, 'utf8'));
  const scores = {};
  const failing = [];
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    scores[id] = category ? Math.round(category.score * 100) : null;
    for (const ref of category ? category.auditRefs : []) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || ref.weight === 0 && id !== 'performance') continue;
      if (['notApplicable', 'informative', 'manual'].includes(audit.scoreDisplayMode)) continue;
      if (audit.score < 0.9) {
        failing.push({ category: id, id: ref.id, score: audit.score, weight: ref.weight, value: audit.displayValue || '' });
      }
    }
  }
  const metrics = {};
  for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
    if (lhr.audits[id]) metrics[id] = lhr.audits[id].numericValue;
  }
  const bytes = lhr.audits['total-byte-weight']?.numericValue ?? null;
  process.stdout.write(JSON.stringify({
    stamp, lighthouse: lhr.lighthouseVersion, chrome: lhr.environment?.hostUserAgent?.match(/Chrome\/[\d.]+/)?.[0],
    lang, page, url, run: Number(run), scores, metrics, totalBytes: bytes, failing,
    runtimeError: lhr.runtimeError?.code || null,
  }) + '\n');
} else if (command === 'table') {
  const [file, stamp] = args;
  const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
    .filter((r) => r.stamp === stamp);
  const median = (xs) => {
    const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
    return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
  };
  const groups = new Map();
  for (const r of rows) {
    const key = `${r.lang} ${r.page}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  const out = [];
  out.push(`Lighthouse ${rows[0]?.lighthouse} (${rows[0]?.chrome}), mobile emulation, median of ${Math.max(...[...groups.values()].map((g) => g.length))} runs; run ${stamp}`);
  out.push('');
  out.push('| Page | URL | Performance | Accessibility | Best Practices | SEO | LCP (ms) | TBT (ms) | CLS | Bytes |');
  out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const failures = [];
  for (const [key, runs] of groups) {
    const m = (f) => median(runs.map(f));
    const s = (c) => m((r) => r.scores[c]);
    out.push(`| ${key} | ${runs[0].url.replace(/^https?:\/\/[^/]+/, '')} | ${s('performance')} | ${s('accessibility')} | ${s('best-practices')} | ${s('seo')} | ${Math.round(m((r) => r.metrics['largest-contentful-paint']))} | ${Math.round(m((r) => r.metrics['total-blocking-time']))} | ${m((r) => r.metrics['cumulative-layout-shift'])?.toFixed(3)} | ${m((r) => r.totalBytes)} |`);
    // Audits failing in most runs of the page.
    const counts = new Map();
    for (const r of runs) for (const f of r.failing) {
      const k = `${f.category}/${f.id}`;
      counts.set(k, { n: (counts.get(k)?.n || 0) + 1, value: f.value });
    }
    const failing = [...counts].filter(([, c]) => c.n * 2 > runs.length).map(([k, c]) => c.value ? `${k} (${c.value})` : k);
    failures.push(`- ${key}: ${failing.length ? failing.join(', ') : 'none'}`);
  }
  out.push('');
  out.push('Audits below 0.9 in most runs:');
  out.push('');
  out.push(...failures);
  process.stdout.write(out.join('\n') + '\n');
} else {
  console.error('usage: node summarise.mjs run|table …');
  process.exit(2);
}

// Prints results.jsonl (from run.sh) as the Markdown table of BENCHMARKS.md: per size
// and query, the gzipped kilobytes transferred before the first page of 20 results
// (engine + index + records) and the query time, for ocop and Pagefind side by side.
//
// usage: node table.mjs results.jsonl

import fs from 'node:fs';

const rows = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const kb = (b) => (b / 1024).toFixed(1);
const total = (r) => r.bytes.engine + r.bytes.index + r.bytes.records;
const cell = (r) => (r.error ? `error: ${r.error}`
  : `${kb(total(r))} (${kb(r.bytes.engine)} + ${kb(r.bytes.index)} + ${kb(r.bytes.records)})`);

console.log('| products | query | ocop results | ocop KB (engine + index + records) | ocop query ms | Pagefind results | Pagefind KB (engine + index + records) | Pagefind query ms |');
console.log('|---:|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows.filter((x) => x.engine === 'ocop')) {
  const p = rows.find((x) => x.engine === 'pagefind' && x.size === r.size && x.query === r.query) || { error: 'missing' };
  console.log(`| ${r.size.toLocaleString('en')} | ${r.query} | ${r.results ?? ''} | ${cell(r)} | ${r.query_ms?.toFixed(2) ?? ''} | ${p.results ?? ''} | ${cell(p)} | ${p.query_ms?.toFixed(2) ?? ''} |`);
}

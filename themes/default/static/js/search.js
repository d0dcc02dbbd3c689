// Catalogue search in the browser, over the index `ocop build` writes to search/.
// No dependencies, no build step. The index format is described in
// src/assets/search/files.rs; fold(), words() and codeKeys() mirror src/assets/search/normalize.rs,
// and tests/fixtures/normalize_vectors.json holds both to the same answers.

const MARKS = /\p{M}/gu;
const D_LETTERS = /[đĐðÐ]/g;
// Rust's char::is_alphanumeric is Alphabetic or Numeric; marks stay inside a word.
const SEPARATORS = /[^\p{Alphabetic}\p{N}\p{M}]+/u;
const ENDS_WITH_SEPARATOR = /[^\p{Alphabetic}\p{N}\p{M}]$/u;

/** The folded search key: "Lạp Sườn" → "lap suon". NFC then NFD equals NFD alone. */
export function fold(text) {
  return text.normalize('NFD').replace(MARKS, '').replace(D_LETTERS, 'd').toLowerCase();
}

/** The words of a text, each as written (lowercase NFC) and folded. */
export function words(text) {
  const lower = text.normalize('NFC').toLowerCase();
  const out = [];
  for (const written of lower.split(SEPARATORS)) {
    const key = fold(written);
    if (key) out.push({ written: written.normalize('NFC'), key });
  }
  return out;
}

/**
 * The keys of a decision or certificate number: its words' keys run together, whole
 * and from the first word with a digit on. "1873 qd ubnd" → ["1873qdubnd"].
 */
export function codeKeys(text) {
  const keys = words(text).map((w) => w.key);
  const first = keys.findIndex((k) => /[0-9]/.test(k));
  if (first < 0) return [];
  const whole = keys.join('');
  return first === 0 ? [whole] : [whole, keys.slice(first).join('')];
}

/**
 * What "the same accents" means for ranking: the letters (đ kept) and the marks in any
 * order, so that the old and new tone placements, "hoà" and "hòa", count as exact.
 */
function accentKey(written) {
  const nfd = written.normalize('NFD');
  return `${nfd.replace(MARKS, '')}|${(nfd.match(MARKS) || []).sort().join('')}`;
}

// Index fields 0–3 (name, producer, tags, summary), then facet labels matched here.
const FIELDS = 4;
const DISTRICT = 4, CATEGORY = 5, SUBCATEGORY = 6;
const WEIGHT = [10, 4, 6, 2, 4, 3, 3];
// How a word matched. The tier outweighs the field, so an exact match always ranks
// above a prefix or a typo; within a tier, a name beats a summary.
const ACCENT = 4, FOLDED = 3, PREFIX = 2, TYPO = 1;
const TIER = 100;
// Two query words side by side in one field, per unit of the field's weight.
const PHRASE = 5;
// Words shorter than this are taken as typed: one edit turns "mat" into too much.
const TYPO_MIN = 4;
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

/** Open an index; `load(name)` resolves to the parsed JSON of a file beside index.json. */
export async function open(load) {
  return new Index(await load('index.json'), load);
}

class Index {
  constructor(m, load) {
    this.m = m;
    this.load = load;
    this.vocab = m.words ? m.words.split(' ') : [];
    this.wordAt = new Map(this.vocab.map((w, i) => [w, i]));
    this.shards = new Map();
    this.files = new Map();
    this.params = m.facets.map(([param]) => param);
    this.values = m.facets.map(([, values]) => values);
    const n = m.records.count;
    // Producers are numbered after the products: producer k is doc n + k.
    this.products = n;
    // When the URL names no value of a facet: the status facet leaves expired out.
    this.defaults = new Map(m.defaults);
    // Per facet, each product's value index: district, stars, category, producer
    // type, status.
    this.facetOf = this.params.map(() => new Int32Array(n));
    this.subcategoryOf = new Int32Array(n);
    // Products are numbered by district: each district starts a run.
    const starts = m.district_starts;
    starts.forEach((start, d) => this.facetOf[0].fill(d, start, starts[d + 1] ?? n));
    const width = m.combo_width;
    for (let doc = 0; doc < n; doc++) {
      let c = 0;
      for (let k = 0; k < width; k++) c = c * 64 + DIGITS.indexOf(m.doc_combos[doc * width + k]);
      const [stars, category, type, subcategory, status] = m.combos[c];
      this.facetOf[1][doc] = stars;
      this.facetOf[2][doc] = category;
      this.facetOf[3][doc] = type;
      this.subcategoryOf[doc] = subcategory;
      this.facetOf[4][doc] = status;
    }
    // Facet labels are searched here, not in the shards: [field, value, words].
    this.labels = [];
    this.values[0].forEach(([, name], i) => this.labels.push([DISTRICT, i, words(name)]));
    this.values[2].forEach(([, name], i) => this.labels.push([CATEGORY, i, words(name)]));
    m.subcategories.forEach((names, c) =>
      names.forEach((name, s) => this.labels.push([SUBCATEGORY, [c, s + 1], words(name)])));
  }

  shard(i) {
    if (!this.shards.has(i)) this.shards.set(i, this.load(`${this.m.version}/w${i}.json`));
    return this.shards.get(i);
  }

  /** The shard entry `[variants, postings]` of vocabulary word `w`. */
  async entry(w) {
    const s = this.shardOf(w);
    return (await this.shard(s))[w - this.m.shards[s]];
  }

  /** The record `[url, name, producer]` of product `doc`. */
  record(doc) {
    return this.fileRecord('d', this.m.records.per_file, doc);
  }

  /** The record `[url, name, listed products]` of producer `k` (doc n + k). */
  producerRecord(k) {
    return this.fileRecord('p', this.m.producers.per_file, k);
  }

  async fileRecord(prefix, per, i) {
    const name = `${this.m.version}/${prefix}${Math.floor(i / per)}.json`;
    if (!this.files.has(name)) this.files.set(name, this.load(name));
    return (await this.files.get(name))[i % per];
  }

  /** The district of producer `k`: producers are numbered by district. */
  producerDistrict(k) {
    const starts = this.m.producers.district_starts;
    let d = 0;
    while (d + 1 < starts.length && starts[d + 1] <= k) d++;
    return d;
  }

  /** Products whose decision or certificate number has one of `keys`, in order. */
  async codeDocs(keys) {
    const starts = this.m.codes;
    const docs = new Set();
    await Promise.all(keys.map(async (key) => {
      // The last shard whose first key is not after `key`.
      let s = -1;
      for (let i = 0; i < starts.length && starts[i] <= key; i++) s = i;
      if (s < 0) return;
      const name = `${this.m.version}/c${s}.json`;
      if (!this.files.has(name)) this.files.set(name, this.load(name));
      const entry = (await this.files.get(name)).find(([k]) => k === key);
      let doc = 0;
      for (const delta of entry ? entry[1] : []) docs.add((doc += delta));
    }));
    return [...docs].sort((a, b) => a - b);
  }

  shardOf(w) {
    const starts = this.m.shards;
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= w) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Vocabulary words a query word stands for, each with its tier. `prefix` is false
   * for a finished word, `'loaded'` to complete it only from shards already loaded.
   */
  candidates(word, prefix) {
    const out = new Map();
    const exact = this.wordAt.get(word.key);
    if (exact !== undefined) out.set(exact, FOLDED);
    if (prefix) {
      this.vocab.forEach((v, i) => {
        if (i === exact || !v.startsWith(word.key)) return;
        if (prefix === 'loaded' && !this.shards.has(this.shardOf(i))) return;
        out.set(i, PREFIX);
      });
    }
    if (out.size === 0 && [...word.key].length >= TYPO_MIN) {
      this.vocab.forEach((v, i) => { if (oneEdit(word.key, v)) out.set(i, TYPO); });
    }
    return out;
  }

  /** Products matching one query word: doc → {score, places}. */
  async matches(word, candidates) {
    const hits = new Map();
    // Only an accented query word can match "exactly": "hoa" is how anyone types "hòa".
    const accent = word.written !== word.key ? accentKey(word.written) : null;
    const add = (doc, field, pos, tier) => {
      let hit = hits.get(doc);
      if (!hit) hits.set(doc, (hit = { score: 0, places: [] }));
      hit.score = Math.max(hit.score, tier * TIER + WEIGHT[field]);
      hit.places.push(field * 65536 + pos);
    };
    await Promise.all([...candidates].map(async ([w, tier]) => {
      const [variantText, postings] = await this.entry(w);
      const variants = variantText.split('|');
      const exact = variants.map((written) => tier === FOLDED && accentKey(written) === accent);
      const v = variants.length;
      let doc = 0;
      for (let i = 0; i < postings.length;) {
        doc += postings[i];
        const count = postings[i + 1];
        for (let k = 0; k < count; k++) {
          const code = postings[i + 2 + k];
          const place = Math.floor(code / v);
          add(doc, place % FIELDS, Math.floor(place / FIELDS), exact[code % v] ? ACCENT : tier);
        }
        i += 2 + count;
      }
    }));
    const tiers = new Map([...candidates].map(([w, tier]) => [this.vocab[w], tier]));
    for (const [field, value, labelWords] of this.labels) {
      labelWords.forEach((lw, pos) => {
        let tier = tiers.get(lw.key);
        if (!tier) return;
        if (tier === FOLDED && accentKey(lw.written) === accent) tier = ACCENT;
        for (const doc of this.docsWithLabel(field, value)) add(doc, field, pos, tier);
      });
    }
    return hits;
  }

  docsWithLabel(field, value) {
    const out = [];
    const n = this.subcategoryOf.length;
    if (field === DISTRICT) {
      // Products, then producers, are numbered by district: one run of each.
      const starts = this.m.district_starts;
      for (let doc = starts[value]; doc < (starts[value + 1] ?? n); doc++) out.push(doc);
      const ps = this.m.producers.district_starts;
      const end = ps[value + 1] ?? this.m.producers.count;
      for (let k = ps[value]; k < end; k++) out.push(n + k);
      return out;
    }
    for (let doc = 0; doc < n; doc++) {
      const hit = field === CATEGORY ? this.facetOf[2][doc] === value
        : this.facetOf[2][doc] === value[0] && this.subcategoryOf[doc] === value[1];
      if (hit) out.push(doc);
    }
    return out;
  }

  /**
   * Answer `query` within the facet values `selected` ({param: [id, …]}).
   * Returns {docs (ranked), producers (ranked, numbered from 0), counts (per facet,
   * per value), missing (a word that matches nothing, or null)}.
   */
  async search(query, selected = {}) {
    const n = this.m.records.count;
    const qWords = words(query);
    const complete = query === '' || ENDS_WITH_SEPARATOR.test(query);
    const wanted = this.params.map((param, f) => {
      const ids = new Set(selected[param]?.length ? selected[param] : this.defaults.get(param) || []);
      const set = new Set();
      this.values[f].forEach(([id], i) => { if (ids.has(id)) set.add(i); });
      return set;
    });
    let scored = null;
    let missing = null;
    // A decision or certificate number is one key: "1873/QĐ-UBND" finds its products.
    const codes = codeKeys(query);
    const coded = codes.length ? await this.codeDocs(codes) : [];
    if (coded.length) {
      scored = new Map(coded.map((doc) => [doc, 1]));
      qWords.length = 0;
    }
    const candidates = qWords.map((w, i) => {
      if (i < qWords.length - 1 || complete) return this.candidates(w, false);
      // One letter still being typed would complete to a good part of a national
      // vocabulary: use only the shards at hand, and until it says more, ignore it.
      return this.candidates(w, w.key.length >= 2 || 'loaded');
    });
    const last = qWords.length - 1;
    if (last >= 0 && !complete && qWords[last].key.length < 2 && candidates[last].size === 0) {
      qWords.pop();
      candidates.pop();
    }
    if (qWords.length) {
      const unmatched = candidates.findIndex((c) => c.size === 0);
      if (unmatched >= 0) {
        missing = qWords[unmatched].written;
        scored = new Map();
      } else {
        const perWord = await Promise.all(qWords.map((w, i) => this.matches(w, candidates[i])));
        scored = combine(perWord);
      }
    }
    const passes = (doc, except) => wanted.every((set, f) =>
      f === except || set.size === 0 || set.has(this.facetOf[f][doc]));
    const counts = this.values.map((values) => new Array(values.length).fill(0));
    const docs = [];
    const consider = (doc) => {
      for (let f = 0; f < wanted.length; f++) {
        if (passes(doc, f)) counts[f][this.facetOf[f][doc]]++;
      }
      if (passes(doc, -1)) docs.push(doc);
    };
    const producers = [];
    // Producers answer a query, within the chosen districts.
    const districts = wanted[0];
    if (scored) {
      scored.forEach((_, doc) => {
        if (doc < n) consider(doc);
        else if (!districts.size || districts.has(this.producerDistrict(doc - n))) producers.push(doc);
      });
    } else for (let doc = 0; doc < n; doc++) consider(doc);
    const rank = (a, b) => scored.get(b) - scored.get(a) || a - b;
    if (scored) docs.sort(rank);
    else docs.sort((a, b) => a - b);
    producers.sort(rank);
    return { docs, producers: producers.map((doc) => doc - n), counts, missing };
  }
}

/** Products matching every word (AND), with their scores. */
function combine(perWord) {
  const scores = new Map();
  const [smallest] = [...perWord].sort((a, b) => a.size - b.size);
  for (const [doc] of smallest) {
    if (!perWord.every((hits) => hits.has(doc))) continue;
    let score = 0;
    perWord.forEach((hits, i) => {
      score += hits.get(doc).score;
      if (i === 0) return;
      // A phrase: the previous word right before this one, in the same field.
      const here = new Set(hits.get(doc).places);
      let best = 0;
      for (const place of perWord[i - 1].get(doc).places) {
        if (here.has(place + 1)) best = Math.max(best, PHRASE * WEIGHT[Math.floor(place / 65536)]);
      }
      score += best;
    });
    scores.set(doc, score);
  }
  return scores;
}

/** Whether `b` is exactly one insertion, deletion or substitution away from `a`. */
export function oneEdit(a, b) {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// ---- The page: only in a browser, on a page with a [data-search] element. ----

const PAGE = 20;
// Producer results shown above the products: the best few.
const PRODUCERS_SHOWN = 5;

function page(root) {
  const form = root.querySelector('form');
  const input = form.querySelector('input[type=search]');
  // The facets' boxes; the archive switch has no name of its own.
  const boxes = [...form.querySelectorAll('input[type=checkbox][name]')];
  const archive = form.querySelector('[data-search-archive]');
  const statusBoxes = boxes.filter((box) => archive && box.name === archive.dataset.param);
  const expiredBox = statusBoxes.find((box) => box.value === archive.dataset.value);
  const producerSection = root.querySelector('[data-search-producers]');
  const producerList = producerSection?.querySelector('ul');
  const producerCard = root.querySelector('template[data-search-producer]');
  const list = root.querySelector('[data-search-results]');
  const status = root.querySelector('[data-search-status]');
  const more = root.querySelector('[data-search-more]');
  const link = root.querySelector('[data-search-link]');
  const card = root.querySelector('template[data-search-result]');
  const indexUrl = new URL(root.dataset.index, location.href);
  const load = (name) => fetch(new URL(name, indexUrl), name === 'index.json' ? { cache: 'no-cache' } : {})
    .then((r) => { if (!r.ok) throw new Error(`${r.status} ${name}`); return r.json(); });
  const opening = open(load);
  let run = 0;
  let shown = [];

  const say = (key, values = {}) => {
    status.textContent = (status.dataset[key] || '').replace(/\{(\w+)\}/g, (_, k) => values[k] ?? '');
  };

  // The state lives in the URL so that a search can be shared: ?q=lap+suon&huyen=hoa-an.
  const state = () => {
    const params = new URLSearchParams();
    if (input.value) params.set(input.name, input.value);
    for (const box of boxes) if (box.checked) params.append(box.name, box.value);
    const query = params.toString();
    return location.pathname + (query ? `?${query}` : '');
  };
  const restore = () => {
    const params = new URLSearchParams(location.search);
    input.value = params.get(input.name) || '';
    for (const box of boxes) {
      box.checked = params.getAll(box.name).includes(box.value);
      // Facets start folded; one in use is shown open.
      if (box.checked) box.closest('details')?.setAttribute('open', '');
    }
    if (archive) archive.checked = Boolean(expiredBox?.checked);
  };
  // Including the expired means every status; leaving them out again returns to the
  // default, valid and expiring, which the URL need not name.
  archive?.addEventListener('change', (e) => {
    e.stopPropagation();
    const listed = statusBoxes.filter((box) => box !== expiredBox);
    if (archive.checked) {
      if (!statusBoxes.some((box) => box.checked)) listed.forEach((box) => { box.checked = true; });
      expiredBox.checked = true;
    } else {
      expiredBox.checked = false;
      if (listed.every((box) => box.checked)) listed.forEach((box) => { box.checked = false; });
    }
    update();
  });

  async function render(index, docs, from) {
    const records = await Promise.all(docs.slice(from, from + PAGE).map((d) => index.record(d)));
    records.forEach(([url, name, producer], k) => {
      const doc = docs[from + k];
      const item = card.content.firstElementChild.cloneNode(true);
      const slot = (s) => item.querySelector(`[data-slot=${s}]`);
      slot('name').href = url;
      slot('name').textContent = name;
      const stars = index.values[1][index.facetOf[1][doc]];
      slot('stars').textContent = '★'.repeat(Number(stars[0]));
      slot('stars').setAttribute('aria-label', stars[1]);
      slot('producer').textContent = producer;
      slot('district').textContent = index.values[0][index.facetOf[0][doc]][1];
      // The status facet's values: valid, expiring, expired; a badge for the last two.
      const status = index.facetOf[4][doc];
      if (status !== 1) slot('expiring').remove();
      if (status !== 2) slot('expired').remove();
      list.append(item);
    });
    more.hidden = docs.length <= from + PAGE;
  }

  // Producers matching the query, as their own kind of result: a few, by rank.
  async function renderProducers(index, producers) {
    if (!producerSection) return;
    const top = producers.slice(0, PRODUCERS_SHOWN);
    const records = await Promise.all(top.map((k) => index.producerRecord(k)));
    producerList.replaceChildren(...records.map(([url, name, count], i) => {
      const item = producerCard.content.firstElementChild.cloneNode(true);
      const slot = (s) => item.querySelector(`[data-slot=${s}]`);
      slot('name').href = url;
      slot('name').textContent = name;
      slot('district').textContent = index.values[0][index.producerDistrict(top[i])][1];
      const key = count === 1 && producerList.dataset.msgProductsOne ? 'msgProductsOne' : 'msgProducts';
      slot('products').textContent = producerList.dataset[key].replace('{count}', count);
      return item;
    }));
    producerSection.hidden = top.length === 0;
  }

  async function update() {
    const mine = ++run;
    const url = state();
    history.replaceState(history.state, '', url);
    link.href = url;
    link.hidden = false;
    root.dataset.state = 'loading';
    try {
      const index = await opening;
      const selected = {};
      for (const box of boxes) if (box.checked) (selected[box.name] ||= []).push(box.value);
      const result = await index.search(input.value, selected);
      if (mine !== run) return;
      index.params.forEach((param, f) => index.values[f].forEach(([id], i) => {
        const count = root.querySelector(`[data-count="${CSS.escape(`${param}=${id}`)}"]`);
        if (!count) return;
        count.textContent = result.counts[f][i];
        count.classList.toggle('zero', result.counts[f][i] === 0);
      }));
      list.replaceChildren();
      shown = result.docs;
      if (result.missing) say('msgMissing', { word: result.missing });
      else if (!shown.length) say('msgNone');
      else {
        // "1 product" where the language has a singular; the page's language formats the number.
        const key = shown.length === 1 && status.dataset.msgCountOne ? 'msgCountOne' : 'msgCount';
        say(key, { count: shown.length.toLocaleString(root.dataset.locale || document.documentElement.lang || undefined) });
      }
      await Promise.all([render(index, shown, 0), renderProducers(index, result.producers)]);
      if (mine === run) root.dataset.state = 'done';
    } catch (error) {
      if (mine !== run) return;
      say('msgError');
      root.dataset.state = 'error';
      console.error(error);
    }
  }

  let timer = 0;
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(update, 80); });
  form.addEventListener('change', (e) => { if (e.target !== input) update(); });
  form.addEventListener('submit', (e) => { e.preventDefault(); update(); });
  more.addEventListener('click', async () => {
    render(await opening, shown, list.children.length);
  });
  restore();
  update();
}

if (typeof document !== 'undefined') {
  const root = document.querySelector('[data-search]');
  if (root) page(root);
}

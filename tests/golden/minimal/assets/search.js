// The search page (see docs/search.md). A query that is exactly a title, 发文字号 or 索引号 is answered
// from the exact-lookup shards: that page and the pages that cite it. Any other query goes to
// Pagefind as exact phrases of single characters, folded to Simplified as the build folded the index.
import { exactKey, fnv1a, ownExcerpt, pagefindQuery, toSimplified } from "./search-text.js";

const app = document.getElementById("search-app");
const root = new URL(app.dataset.root, location.href);
const exactShards = Number(app.dataset.exactShards || "1");
// The Pagefind indexes searched together. A department's site has one, at pagefind/, with its shards
// newest first: the first shard is pagefind/ itself, the others pagefind/<name>/. Each shard covers its
// own span of dates, so shard after shard, each newest first, is the whole site newest first. A portal
// lists every department's (its folder, its shards, its name: the 部门 filter of its pages).
const indexes = app.dataset.indexes ? JSON.parse(app.dataset.indexes)
  : [{ path: "", shards: (app.dataset.indexShards || "").split(" ").filter(Boolean), department: "" }];
const SHARD_FILTER = "分片";
const DEPARTMENT_FILTER = "部门";
const PAGE = 10;  // results per batch: each one costs a fragment download
const FILTER_ORDER = (app.dataset.filters || "栏目 年份 发布机构 有效性 体裁").split(" ");
const EXACT_MIN = 6;  // a shorter query without digits is a term, not a title or a number
const EXCERPT_WORDS = 40;  // an excerpt's length in Pagefind's words: about 40 characters of Chinese
// The page's text in its short form (meta `text`) is for excerpts only: a match in it must not rank.
const RANKING = { metaWeights: { text: 0 } };

const input = document.getElementById("search-page-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results-list");
const more = document.getElementById("search-more");
const fullText = document.getElementById("search-full-text");
const resultsHeading = document.getElementById("results-heading");
const sortSelect = document.getElementById("search-sort");
const groups = document.getElementById("filter-groups");
document.querySelector(".search-layout").hidden = false;

async function lookupExact(key) {
  if (key.length < EXACT_MIN && !/[0-9]/.test(key)) return null;
  try {
    const response = await fetch(new URL(`search/exact/${fnv1a(key) % exactShards}.json`, root));
    return response.ok ? (await response.json())[key] || null : null;
  } catch {
    return null;
  }
}

function readState() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const name of FILTER_ORDER) {
    const values = params.getAll(name);
    if (values.length) filters[name] = values;
  }
  return { q: params.get("q") || "", sort: params.get("sort") || "", full: params.get("full") === "1", filters };
}

function writeState(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.sort) params.set("sort", state.sort);
  if (state.full) params.set("full", "1");
  for (const [name, values] of Object.entries(state.filters)) for (const v of values) params.append(name, v);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

function cleanExcerpt(html) {
  return html.replaceAll("\u200b", "").replace(/<\/mark>(\s*)<mark>/g, "$1");
}

// The excerpt in the page's own text, or null for Pagefind's (see ownExcerpt): never a broken result.
function pageExcerpt(data) {
  try {
    return ownExcerpt(data, EXCERPT_WORDS);
  } catch (error) {
    console.error(error);
    return null;
  }
}

const BADGES = { match: "文件名称、文号或索引号完全匹配", cites: "引用了该文件" };

// data: {url, meta, excerpt}; the excerpt is Pagefind's HTML, or [before, cited, after] from a shard.
// own: the excerpt in the page's own text, [text, marked] parts (ownExcerpt), shown instead of Pagefind's.
function resultItem(data, kind = "", own = null) {
  const meta = data.meta || {};
  const li = element("li", { class: kind === "match" ? "result result-exact" : "result" });
  const heading = element("h3", { class: "result-title" });
  // Pagefind's URLs already carry the site's path (/gk/...); the shards hold site-relative ones.
  heading.append(element("a", { href: new URL(data.url, data.url.startsWith("/") ? location.href : root).href },
    meta.title || data.url));
  li.append(heading);
  const facts = element("p", { class: "result-meta" });
  if (kind) facts.append(element("span", { class: `badge ${kind === "match" ? "badge-valid" : ""}`.trim() }, BADGES[kind]));
  for (const [label, value] of [["发布日期", meta.date], ["发布机构", meta.publisher], ["栏目", meta.column]]) {
    if (value) facts.append(element("span", {}, `${label}：${value}`));
  }
  if (meta.validity) {
    facts.append(element("span", { class: `badge ${meta.validity === "有效" ? "badge-valid" : "badge-invalid"}` },
      meta.validity));
  }
  li.append(facts);
  if (own) {
    const excerpt = element("p", { class: "result-excerpt" });
    excerpt.append(...own.map(([text, marked]) => (marked ? element("mark", {}, text) : text)));
    li.append(excerpt);
  } else if (Array.isArray(data.excerpt)) {
    const [before, cited, after] = data.excerpt;
    const excerpt = element("p", { class: "result-excerpt" });
    excerpt.append(before, element("mark", {}, cited), after);
    li.append(excerpt);
  } else if (data.excerpt) {
    const excerpt = element("p", { class: "result-excerpt" });
    excerpt.innerHTML = cleanExcerpt(data.excerpt);  // Pagefind escapes the text and adds <mark> only
    li.append(excerpt);
  }
  return li;
}

function renderFilters(available, counts, state) {
  // the boxes are drawn anew with new counts: keep the keyboard focus on the box that had it
  const focused = groups.contains(document.activeElement) ? document.activeElement.id : null;
  groups.replaceChildren();
  for (const name of FILTER_ORDER) {
    const values = Object.keys(available[name] || {}).sort((a, b) => (name === "年份" ? b.localeCompare(a) : 0));
    if (!values.length) continue;
    const fieldset = element("fieldset", { class: "filter-group" });
    fieldset.append(element("legend", {}, name));
    for (const value of values) {
      const id = `filter-${name}-${value}`.replace(/\s+/g, "-");
      const box = element("input", { type: "checkbox", id, name, value });
      box.checked = (state.filters[name] || []).includes(value);
      const count = (counts[name] || {})[value] ?? 0;
      const label = element("label", { for: id }, `${value}（${count}）`);
      const row = element("div", { class: "filter-option" });
      row.append(box, label);
      fieldset.append(row);
    }
    groups.append(fieldset);
  }
  if (focused) document.getElementById(focused)?.focus();
}

// Several values of one filter widen the search (any of them); different filters narrow it.
function pagefindFilters(filters) {
  return Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, { any: values }]));
}

function passes(card, filters) {
  return Object.entries(filters).every(([name, values]) => (card.filters[name] || []).some((v) => values.includes(v)));
}

function without(filters, name) {
  return Object.fromEntries(Object.entries(filters).filter(([other]) => other !== name));
}

// The count beside a value is what ticking it would show: within a filter that already has a choice,
// the other values are counted without that choice, as several values of one filter find either.
function valueCounts(cards, filters) {
  const counts = {};
  for (const name of FILTER_ORDER) {
    counts[name] = {};
    for (const card of cards.filter((c) => passes(c, without(filters, name)))) {
      for (const value of card.filters[name] || []) counts[name][value] = (counts[name][value] || 0) + 1;
    }
  }
  return counts;
}

async function pagefindCounts(query, search, filters) {
  const counts = { ...(search.filters || {}) };
  for (const name of Object.keys(filters)) {
    const wider = await pagefind.search(query || null, { filters: pagefindFilters(without(filters, name)) });
    counts[name] = (wider.filters || {})[name] || {};
  }
  return counts;
}

function announce(state, total, exact) {
  const what = state.q ? `“${state.q}”` : "全部信息";
  if (!total) status.textContent = `${what}没有找到结果，请换个关键词或减少筛选条件`;
  else if (exact) status.textContent = `${what}共找到 ${total} 条结果（文件名称、文号或索引号完全匹配的文件及引用它的信息）`;
  else status.textContent = `${what}共找到 ${total} 条结果`;
}

let latest = 0;  // the newest run(): an older one that finishes later must not overwrite it

let pagefind;
let available = {};
let current = { source: inOrder([]), shown: 0, pinned: [] };

// Results in order, fetched a batch at a time: take(n) gives the next n results' data.
function inOrder(results) {
  let at = 0;
  return {
    get done() { return at >= results.length; },
    async take(n) {
      const batch = results.slice(at, at + n);
      at += batch.length;
      return Promise.all(batch.map((r) => r.data()));
    },
  };
}

// Several lists, each newest first (one per department of a portal), merged newest first: the next
// result is the newest of the lists' first ones, so only those are fetched ahead.
function newestOfEach(lists) {
  const heads = lists.map(() => null);
  const next = lists.map(() => 0);
  const key = (data) => `${data.meta.date || ""} ${data.url}`;
  const head = async (i) => {
    if (heads[i] === null && next[i] < lists[i].length) heads[i] = await lists[i][next[i]].data();
    return heads[i];
  };
  return {
    get done() { return lists.every((list, i) => next[i] >= list.length); },
    async take(n) {
      const out = [];
      while (out.length < n && !this.done) {
        const candidates = await Promise.all(lists.map((_, i) => head(i)));
        let best = -1;
        candidates.forEach((data, i) => {
          if (data && (best < 0 || key(data) > key(candidates[best]))) best = i;
        });
        out.push(candidates[best]);
        heads[best] = null;
        next[best] += 1;
      }
      return out;
    },
  };
}

async function showMore() {
  const items = await current.source.take(PAGE);
  if (current.shown === 0 && current.title) {  // a page whose title is exactly the query goes first
    // compared folded as the query was (a Traditional title matches its Simplified query)
    const keys = await Promise.all(items.map(async (data) => exactKey(await toSimplified((data.meta.title || "").normalize("NFKC"), root))));
    const exact = keys.indexOf(current.title);
    if (exact > 0) items.unshift(...items.splice(exact, 1));
  }
  const pinned = new Set(current.pinned.map((card) => new URL(card.url, root).href));
  for (const data of items) {
    if (!pinned.has(new URL(data.url, location.href).href)) list.append(resultItem(data, "", pageExcerpt(data)));
  }
  current.shown += items.length;
  more.hidden = current.source.done;
}

function showExact(exact, state) {
  const cards = [...exact.match.map((c) => ({ ...c, kind: "match" })), ...exact.cited_by.map((c) => ({ ...c, kind: "cites" }))];
  const shown = cards.filter((card) => passes(card, state.filters));
  if (state.sort === "date") shown.sort((a, b) => (b.meta.date || "").localeCompare(a.meta.date || ""));
  list.replaceChildren(...shown.map((card) => resultItem(card, card.kind)));
  const hidden = (exact.cited_total || 0) - exact.cited_by.length;
  if (hidden > 0) {
    list.append(element("li", { class: "result" }, `另有 ${hidden} 条较早的信息引用了该文件，请点击下面的按钮在全文中检索。`));
  }
  renderFilters(available, valueCounts(cards, state.filters), state);
  more.hidden = true;
  fullText.hidden = false;
  announce(state, shown.length, true);
}

function searchOptions(filters, byDate) {
  const options = { filters: pagefindFilters(filters) };
  if (byDate) options.sort = { date: "desc" };
  return options;
}

// Pagefind merges the results of several indexes by score, and a sorted search scores a page by its place
// within its own index: so "newest first" over several shards asks each shard in turn, and over several
// departments merges their lists by date.
async function newestFirst(query, filters) {
  const lists = await Promise.all(indexes.map(async (index) => {
    const own = index.department ? { [DEPARTMENT_FILTER]: [index.department] } : {};
    const shards = index.shards.length > 1 ? index.shards : [null];
    const runs = await Promise.all(shards.map((name) => pagefind.search(query || null,
      searchOptions({ ...filters, ...own, ...(name ? { [SHARD_FILTER]: [name] } : {}) }, true))));
    return runs.flatMap((search) => search.results);
  }));
  return lists.length > 1 ? newestOfEach(lists) : inOrder(lists[0]);
}

const severalIndexes = indexes.length > 1 || indexes[0].shards.length > 1;

async function run(state) {
  const ticket = ++latest;
  writeState(state);
  const simplified = await toSimplified(state.q.normalize("NFKC").trim(), root);
  const key = exactKey(simplified);
  const exact = key ? await lookupExact(key) : null;
  if (ticket !== latest) return;
  if (exact && !state.full) {
    showExact(exact, state);
    return;
  }
  const query = pagefindQuery(simplified);
  const byDate = state.sort === "date" || !query;
  const search = await pagefind.search(query || null, searchOptions(state.filters, byDate && !severalIndexes));
  const counts = await pagefindCounts(query, search, state.filters);
  const source = byDate && severalIndexes ? await newestFirst(query, state.filters) : inOrder(search.results);
  if (ticket !== latest) return;
  const pinned = (exact?.match || []).filter((card) => passes(card, state.filters));
  current = { source, shown: 0, pinned, title: key };
  list.replaceChildren(...pinned.map((card) => resultItem(card, "match")));
  renderFilters(available, counts, state);
  if (document.activeElement === fullText) resultsHeading.focus();  // the pressed button goes away
  fullText.hidden = true;
  await showMore();
  announce(state, search.results.length || pinned.length, false);
}

function stateFromForm(full = false) {
  const filters = {};
  for (const box of groups.querySelectorAll("input[type=checkbox]:checked")) {
    (filters[box.name] ||= []).push(box.value);
  }
  return { q: input.value, sort: sortSelect.value, full, filters };
}

async function main() {
  const state = readState();
  input.value = state.q;
  sortSelect.value = state.sort;
  status.textContent = "正在加载搜索索引……";
  const labelled = (index) => (index.department ? { mergeFilter: { [DEPARTMENT_FILTER]: index.department } } : {});
  pagefind = await import(new URL(`${indexes[0].path}pagefind/pagefind.js`, root).href);
  await pagefind.options({ excerptLength: EXCERPT_WORDS, ranking: RANKING, ...labelled(indexes[0]) });
  for (const [position, index] of indexes.entries()) {
    for (const [order, name] of index.shards.entries()) {
      if (position === 0 && order === 0) continue;  // the bundle loaded above
      const bundle = new URL(`${index.path}pagefind/${order === 0 ? "" : `${name}/`}`, root).href;
      await pagefind.mergeIndex(bundle, { excerptLength: EXCERPT_WORDS, ranking: RANKING, ...labelled(index) });
    }
  }
  available = await pagefind.filters();
  await run(state);
  input.form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(stateFromForm());
  });
  document.getElementById("search-filters").addEventListener("change", () => run(stateFromForm(readState().full)));
  more.addEventListener("click", () => showMore());
  fullText.addEventListener("click", () => run(stateFromForm(true)));
  document.documentElement.dataset.searchReady = "true";
}

main().catch((error) => {
  status.textContent = "搜索暂时无法使用，请通过栏目浏览。";
  console.error(error);
});

// Search page: Pagefind over per-character Chinese text (see docs/search.md).
// Queries are folded to Simplified characters and sent as exact phrases of single characters,
// the same way the build split the indexed text; exact 发文字号/索引号 go first.
const app = document.getElementById("search-app");
const root = new URL(app.dataset.root, location.href);
const idShards = Number(app.dataset.idShards || "1");
const PAGE = 10;  // results per batch: each one costs a fragment download
const FILTER_ORDER = ["栏目", "年份", "发布机构", "有效性", "体裁"];
const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}";
const hanRun = new RegExp(`[${HAN}]`, "u");
const tokens = new RegExp(`[${HAN}]|[0-9A-Za-z]+`, "gu");

const input = document.getElementById("search-page-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results-list");
const more = document.getElementById("search-more");
const sortSelect = document.getElementById("search-sort");
const groups = document.getElementById("filter-groups");
document.querySelector(".search-layout").hidden = false;

let t2s = null;
async function toSimplified(text) {
  if (!hanRun.test(text)) return text;
  if (!t2s) {
    const data = await (await fetch(new URL("search/t2s.json", root))).json();
    const traditional = Array.from(data.t);  // by code point: some Simplified forms lie outside the BMP
    const simplified = Array.from(data.s);
    t2s = new Map(traditional.map((c, i) => [c, simplified[i]]));
  }
  return Array.from(text, (c) => t2s.get(c) || c).join("");
}

// Each part of the query between spaces or sentence punctuation becomes one exact phrase of its
// characters and numbers (brackets, quotes and dashes inside it are ignored, as in the index).
function pagefindQuery(text) {
  return text.split(/[\s，。；：！？,.;:!?]+/).map((part) => {
    const words = part.match(tokens) || [];
    if (!words.length) return "";
    return words.some((w) => hanRun.test(w)) || words.length > 1 ? `"${words.join(" ")}"` : words[0];
  }).filter(Boolean).join(" ");
}

function identifierKey(text) {
  return text.replace(/[\s\[\]()（）〔〕【】［］{}<>《》"'“”‘’]/g, "").toLowerCase();
}

function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

async function exactIdentifier(query) {
  if (!/[0-9]/.test(query)) return null;
  const key = identifierKey(query);
  try {
    const response = await fetch(new URL(`search/ids/${fnv1a(key) % idShards}.json`, root));
    if (!response.ok) return null;
    return (await response.json())[key] || null;
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
  return { q: params.get("q") || "", sort: params.get("sort") || "", filters };
}

function writeState(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.sort) params.set("sort", state.sort);
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

function resultItem(data, pinned) {
  const meta = data.meta || {};
  const li = element("li", { class: pinned ? "result result-exact" : "result" });
  const heading = element("h3", { class: "result-title" });
  // Pagefind's URLs already carry the site's path (/gk/...); the identifier shards hold site-relative ones.
  heading.append(element("a", { href: new URL(data.url, data.url.startsWith("/") ? location.href : root).href },
    meta.title || data.url));
  li.append(heading);
  const facts = element("p", { class: "result-meta" });
  if (pinned) facts.append(element("span", { class: "badge badge-valid" }, "文号或索引号完全匹配"));
  for (const [label, value] of [["发布日期", meta.date], ["发布机构", meta.publisher], ["栏目", meta.column]]) {
    if (value) facts.append(element("span", {}, `${label}：${value}`));
  }
  if (meta.validity) {
    facts.append(element("span", { class: `badge ${meta.validity === "有效" ? "badge-valid" : "badge-invalid"}` },
      meta.validity));
  }
  li.append(facts);
  if (data.excerpt) {
    const excerpt = element("p", { class: "result-excerpt" });
    excerpt.innerHTML = cleanExcerpt(data.excerpt);  // Pagefind escapes the text and adds <mark> only
    li.append(excerpt);
  }
  return li;
}

function renderFilters(available, counts, state) {
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
}

let pagefind;
let available = {};
let current = { results: [], shown: 0, pinned: null };

const folded = (text) => text.replace(/[^0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]+/g, "").toLowerCase();

async function showMore() {
  const batch = current.results.slice(current.shown, current.shown + PAGE);
  const items = await Promise.all(batch.map((r) => r.data()));
  if (current.shown === 0 && current.title) {  // a page whose title is exactly the query goes first
    const exact = items.findIndex((data) => folded(data.meta.title || "") === current.title);
    if (exact > 0) items.unshift(...items.splice(exact, 1));
  }
  for (const data of items) {
    if (current.pinned && new URL(data.url, location.href).href === new URL(current.pinned.url, root).href) continue;
    list.append(resultItem(data, false));
  }
  current.shown += batch.length;
  more.hidden = current.shown >= current.results.length;
}

async function run(state, announce = true) {
  writeState(state);
  const simplified = await toSimplified(state.q.normalize("NFKC").trim());
  const query = pagefindQuery(simplified);
  const options = { filters: state.filters };
  if (state.sort === "date" || !query) options.sort = { date: "desc" };
  const [search, pinned] = await Promise.all([
    pagefind.search(query || null, options),
    state.q ? exactIdentifier(simplified) : null,
  ]);
  current = { results: search.results, shown: 0, pinned, title: folded(simplified) };
  list.replaceChildren();
  if (pinned) list.append(resultItem({ url: pinned.url, meta: pinned, excerpt: "" }, true));
  renderFilters(available, search.filters || {}, state);
  await showMore();
  const total = search.results.length + (pinned && !search.results.length ? 1 : 0);
  const what = state.q ? `“${state.q}”` : "全部信息";
  if (announce) status.textContent = total ? `${what}共找到 ${total} 条结果` : `${what}没有找到结果，请换个关键词或减少筛选条件`;
}

function stateFromForm() {
  const filters = {};
  for (const box of groups.querySelectorAll("input[type=checkbox]:checked")) {
    (filters[box.name] ||= []).push(box.value);
  }
  return { q: input.value, sort: sortSelect.value, filters };
}

async function main() {
  const state = readState();
  input.value = state.q;
  sortSelect.value = state.sort;
  status.textContent = "正在加载搜索索引……";
  pagefind = await import(new URL("pagefind/pagefind.js", root).href);
  await pagefind.options({ excerptLength: 40 });
  available = await pagefind.filters();
  await run(state);
  input.form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(stateFromForm());
  });
  document.getElementById("search-filters").addEventListener("change", () => run(stateFromForm()));
  more.addEventListener("click", () => showMore());
  document.documentElement.dataset.searchReady = "true";
}

main().catch((error) => {
  status.textContent = "搜索暂时无法使用，请通过栏目浏览。";
  console.error(error);
});

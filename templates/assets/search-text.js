// Query text for the search page, folded exactly as the build folds the indexed text
// (xxgk/search_text.py and xxgk/search_exact.py): keep the two in step.
const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}";
const hanChar = new RegExp(`[${HAN}]`, "u");
const tokens = new RegExp(`[${HAN}]|[0-9A-Za-z]+`, "gu");
const notKey = new RegExp(`[^${HAN}0-9a-z]+`, "gu");

let t2s = null;

// Traditional to Simplified with the table the build used (xxgk/simplified.py, from OpenCC), by the
// same rule: at each character the longest listed phrase, else the character's own entry.
export async function toSimplified(text, root) {
  if (!hanChar.test(text)) return text;
  if (!t2s) {
    const data = await (await fetch(new URL("search/t2s.json", root))).json();
    const traditional = Array.from(data.t);  // by code point: some Simplified forms lie outside the BMP
    const simplified = Array.from(data.s);
    const phrases = new Map(Object.entries(data.phrases).map(([k, v]) => [k, Array.from(v)]));
    const longest = Math.max(1, ...Array.from(phrases.keys(), (k) => Array.from(k).length));
    t2s = { chars: new Map(traditional.map((c, i) => [c, simplified[i]])), phrases, longest };
  }
  const chars = Array.from(text);
  const out = [];
  for (let i = 0; i < chars.length;) {
    let size = Math.min(t2s.longest, chars.length - i);
    for (; size > 1; size--) {
      const phrase = t2s.phrases.get(chars.slice(i, i + size).join(""));
      if (phrase) {
        out.push(...phrase);
        break;
      }
    }
    if (size > 1) {
      i += size;
    } else {
      out.push(t2s.chars.get(chars[i]) || chars[i]);
      i += 1;
    }
  }
  return out.join("");
}

// Each part of the query between spaces or sentence punctuation becomes one exact phrase of its
// characters and numbers (brackets, quotes and dashes inside it are ignored, as in the index).
export function pagefindQuery(text) {
  return text.split(/[\s，。；：！？,.;:!?]+/).map((part) => {
    const words = part.match(tokens) || [];
    if (!words.length) return "";
    return words.some((w) => hanChar.test(w)) || words.length > 1 ? `"${words.join(" ")}"` : words[0];
  }).filter(Boolean).join(" ");
}

// What identifies a title, 发文字号 or 索引号 however it is typed (text already Simplified and NFKC),
// as search_exact.exact_key: 〔2023〕第1号 is 〔2023〕1号, and only Han characters, digits and letters count.
export function exactKey(text) {
  return text.replace(/([〕\])）】］])\s*第/gu, "$1").toLowerCase().replace(notKey, "");
}

// 32-bit FNV-1a over UTF-16 code units, as search_exact.fnv1a: the number of a key's shard.
export function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

// Excerpts in the page's own text. Pagefind's excerpt is cut from the index copy: folded to Simplified,
// without 〔〕《》“” and the like. The index copy also carries the page's text in a short form (meta
// `text`, xxgk/search_index.excerpt_text): "~" for each letter, digit or character the copy has
// unchanged, "^" before a literal "~" or "^", every other character as the page has it. Walking it
// with Pagefind's words gives the page's text and, for each word, the part of it the word came from.

const WORD_CHAR = /[\p{L}\p{N}]/u;
const BLANK = /\s/u;
const OPENING = /[〔([【{《〈<“‘"'「『]/u;  // joiners (xxgk/search_text.JOINERS) that open, after NFKC
const CLAUSE_END = /[\s。，；：！？,;:!?]/u;
const LEAD = 10;  // words shown before the first match

// What one character is, kept: a long page repeats a few thousand characters.
const known = new Map();
function about(char) {
  let found = known.get(char);
  if (!found) {
    const normal = Array.from(char.normalize("NFKC"));
    found = {
      word: WORD_CHAR.test(char),  // a letter, digit or character
      copied: normal.filter((c) => WORD_CHAR.test(c)),  // the letters, digits and characters NFKC makes of it
      han: normal.some((c) => hanChar.test(c)),  // Traditional to Simplified may change it
      opening: normal.length === 1 && OPENING.test(normal[0]),
    };
    known.set(char, found);
  }
  return found;
}

// The page's text (its title, a line break, its text) and the span of it each of Pagefind's words came
// from. Pagefind's words hold the index copy's letters, digits and characters in order; each character
// of the page stands for as many of them as NFKC makes it (a mark or a space for none), the same ones
// unless Traditional to Simplified folded it. Null if the two disagree.
function aligned(title, stored, words) {
  const copy = [];
  words.forEach((word, number) => {
    for (const char of word) if (about(char).word) copy.push({ char, number });
  });
  const spans = words.map(() => null);
  let text = "";
  let next = 0;
  const add = (char) => {
    const from = text.length;
    text += char;
    const { copied, han } = about(char);
    for (const [i, expected] of copied.entries()) {
      const there = copy[next + i];
      if (!there || (!han && there.char !== expected)) return false;
      const span = spans[there.number];
      spans[there.number] = [span ? span[0] : from, text.length];
    }
    next += copied.length;
    return true;
  };
  for (const char of `${title}\n`) if (!add(char)) return null;
  let literal = false;
  for (const char of stored) {
    if (!literal && char === "^") {
      literal = true;
      continue;
    }
    if (!literal && char === "~") {
      if (next >= copy.length || !add(copy[next].char)) return null;
    } else if (!add(char)) {
      return null;
    }
    literal = false;
  }
  return next === copy.length ? { text, spans } : null;
}

// [text, marked] parts of about `length` words of the page's text around the first match: in the text
// rather than the title (which the result shows as its heading), from the start of its clause if that is
// near, unless only the title matched; the start of the text without a query. Consecutive matched words
// are marked as one.
function excerptParts(original, textFrom, spans, locations, length) {
  const count = spans.length;
  const textStart = spans.findIndex((span) => span && span[0] >= textFrom);
  const hits = [...new Set(locations)].filter((k) => Number.isInteger(k) && spans[k]).sort((a, b) => a - b);
  const inText = textStart < 0 ? undefined : hits.find((k) => k >= textStart);
  let start = 0;
  if (inText !== undefined) start = Math.max(textStart, Math.min(inText - LEAD, count - length));
  else if (!hits.length && textStart >= 0) start = textStart;
  if (inText !== undefined && start > textStart) {
    let previous = start;
    for (let k = start + 1; k <= Math.min(inText, start + LEAD / 2); k += 1) {
      if (!spans[k]) continue;
      if (spans[previous] && CLAUSE_END.test(original.slice(spans[previous][1], spans[k][0]))) {
        start = k;
        break;
      }
      previous = k;
    }
  }
  const end = Math.min(count, start + length);
  const shown = spans.slice(start, end).filter(Boolean);
  if (!shown.length) return null;
  let from = shown[0][0];
  let to = shown[shown.length - 1][1];
  while (from > 0 && about(original[from - 1]).opening) from -= 1;  // 《 “ 〔 before the first word
  for (;;) {  // and 》 ” 〕 ， 。 after the last
    const char = String.fromCodePoint(original.codePointAt(to) ?? 32);
    if (BLANK.test(char) || about(char).word || about(char).opening) break;
    to += char.length;
  }
  const marks = [];
  for (const k of hits) {
    if (k < start || k >= end) continue;
    const last = marks[marks.length - 1];
    if (last && last.word === k - 1) Object.assign(last, { to: spans[k][1], word: k });
    else marks.push({ from: spans[k][0], to: spans[k][1], word: k });
  }
  const parts = [];
  let at = from;
  for (const mark of marks) {
    if (mark.from > at) parts.push([original.slice(at, mark.from), false]);
    parts.push([original.slice(mark.from, mark.to), true]);
    at = mark.to;
  }
  if (to > at) parts.push([original.slice(at, to), false]);
  return parts.map(([text, marked]) => [text.replace(/\s+/g, " "), marked]);
}

// The excerpt of one Pagefind result (its data()) in the page's own text, as [text, marked] parts, or
// null when the result has no stored text or it does not agree with Pagefind's words: the search page
// then shows Pagefind's excerpt.
export function ownExcerpt(data, length) {
  const { meta = {}, raw_content: content, locations = [] } = data;
  const { title, text: stored } = meta;
  if (typeof title !== "string" || typeof stored !== "string" || typeof content !== "string") return null;
  // Pagefind's words are split by U+200B; a match's location is the number of its word
  const words = content.split("\u200b").map((word) => word.replaceAll("&lt;", "<").replaceAll("&gt;", ">"));
  const page = aligned(title, stored, words);
  return page && excerptParts(page.text, title.length + 1, page.spans, locations, length);
}

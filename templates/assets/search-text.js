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

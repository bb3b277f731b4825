// ESLint for the browser scripts in templates/assets (run by tests/run.sh), from the repository root:
//   tests/node/node_modules/.bin/eslint --config tests/node/eslint.config.mjs templates/assets
// Correctness rules only, no formatting rules.
import path from "node:path";
import { fileURLToPath } from "node:url";
import js from "@eslint/js";
import globals from "globals";

// Patterns are relative to the repository root whatever directory ESLint is started from.
const basePath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export default [
  {
    basePath,
    files: ["templates/assets/**/*.js"],
    ...js.configs.recommended,
  },
  {
    basePath,
    files: ["templates/assets/**/*.js"],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      "eqeqeq": "error",
      "no-var": "error",
      "prefer-const": "error",
      "no-eval": "error",  // the Content-Security-Policy forbids it anyway
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },
  // search.js is a <script type="module"> (templates/layouts/search.html) and imports search-text.js
  // (also imported as a module by tests/test_search.py).
  {
    basePath,
    files: ["templates/assets/search.js", "templates/assets/search-text.js"],
    languageOptions: { sourceType: "module", ecmaVersion: "latest" },
  },
  // display.js is a classic <script> in every page's <head> (templates/base.html): it must declare no
  // globals, and keeps to ES2015 syntax so that an older browser still runs it (hence `catch (error)`).
  {
    basePath,
    files: ["templates/assets/display.js"],
    languageOptions: { sourceType: "script", ecmaVersion: 2015 },
    rules: {
      "no-implicit-globals": "error",
      "no-unused-vars": ["error", { caughtErrors: "none" }],
    },
  },
];

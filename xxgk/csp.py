"""The Content-Security-Policy every page carries: only the site's own scripts and styles."""

CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
                           "object-src 'none'; base-uri 'self'; form-action 'self'")
# The search page runs Pagefind's WebAssembly, which needs 'wasm-unsafe-eval' (it allows no JavaScript eval).
SEARCH_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'",
                                                                 "script-src 'self' 'wasm-unsafe-eval'")

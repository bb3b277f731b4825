"""What a department's build gives a portal (xxgk portal), beside its pages and search index:
`search/portal.json` (the department's name, latest documents, index shards and exact-lookup shard
count) and `search/exact/outgoing.json` (its citations of titles and numbers that no page of its own
answers to, which another department's page may). Both are small and deterministic."""

from __future__ import annotations

import importlib.metadata
import json

from .assemble import SiteModel
from .output import Staging

SUMMARY = "search/portal.json"
OUTGOING = "search/exact/outgoing.json"
LATEST_SHOWN = 5  # documents listed for a department on the portal's home page


def write_for_portal(staging: Staging, model: SiteModel, index_shards: tuple[str, ...], exact_shards: int,
                     outgoing: dict[str, dict]) -> None:
    summary = {
        "name": model.site.name,
        "latest": [{"title": view.document.title, "url": view.url, "date": view.document.published_on.isoformat()}
                   for view in model.documents[:LATEST_SHOWN]],
        "documents": len(model.documents),
        "index_shards": list(index_shards),
        "exact_shards": exact_shards,
        "pagefind": importlib.metadata.version("pagefind_bin_extended"),
    }
    staging.write_text(SUMMARY, json.dumps(summary, ensure_ascii=False, sort_keys=True, indent=1))
    staging.write_text(OUTGOING, json.dumps(outgoing, ensure_ascii=False, sort_keys=True, separators=(",", ":")))

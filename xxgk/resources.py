"""Where the product's templates, schemas and CI files are. In the repository they are the folders
`templates/`, `schema/` and `docs/ci/`; a wheel carries the same folders inside the package
(`xxgk/templates`, `xxgk/schema`, `xxgk/ci`, mapped in pyproject.toml), so an installed `xxgk` works
from any folder."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str, repo_path: str | None = None) -> Path:
    """`xxgk/<name>` when installed, else `<repo_path>` (default `<name>`) at the repository's top."""
    installed = PACKAGE / name
    return installed if installed.is_dir() else PACKAGE.parent / (repo_path or name)


TEMPLATE_DIR = resource_dir("templates")

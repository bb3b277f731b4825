"""Where the product's templates and schemas are. In the repository they are the top-level folders
`templates/` and `schema/`; a wheel carries the same folders inside the package (`xxgk/templates`,
`xxgk/schema`, mapped in pyproject.toml), so an installed `xxgk` works from any folder."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    installed = PACKAGE / name
    return installed if installed.is_dir() else PACKAGE.parent / name

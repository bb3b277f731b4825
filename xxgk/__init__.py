"""xxgk: a static site generator for the 政府信息公开 (government information disclosure) column."""

__version__ = "0.1.0"

"""A three-department portal made from tests/fixtures/minimal: the same column three times under three
names, so a phrase is in each, plus a document only 财政局 has and one of 统计局's citing it."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES, replace_in, write

NAMES = {"fgw": "测试市发展和改革委员会", "czj": "测试市财政局", "tjj": "测试市统计局"}
ONLY_CZJ = "蓝莓种植"  # a term only 财政局's pages have (and 统计局's page that cites it by title)
CZJ_TITLE = "测试市财政局关于蓝莓种植补贴的通知"
EVERYWHERE = "规范收费管理"  # a phrase every department has
PORTAL_YAML = """name: 测试市政府信息公开平台
base_url: https://gk.example.gov.cn/
groups:
  - name: 市政府组成部门
    departments: [fgw, czj]
"""


def make_portal(root: Path) -> Path:
    for slug, name in NAMES.items():
        shutil.copytree(FIXTURES / "minimal", root / "departments" / slug)
        replace_in(root / "departments" / slug / "site.yaml", "name: 测试市测试局", f"name: {name}")
    write(root / "departments/czj/documents/2024/blueberries.md", f"""---
title: {CZJ_TITLE}
index_no: 000000002/2024-00007
catalogue: 02-01
published_on: 2024-12-10
---
对{ONLY_CZJ}农户给予补贴。
""")
    write(root / "departments/tjj/documents/2024/citing.md", f"""---
title: 测试市统计局关于农业统计的说明
index_no: 000000003/2024-00009
catalogue: 02-01
published_on: 2024-12-11
---
根据《{CZJ_TITLE}》，统计补贴发放情况。
""")
    write(root / "portal.yaml", PORTAL_YAML)
    return root

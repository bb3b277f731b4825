"""Generate a large content folder for benchmarks: the demo's site, catalogue, guide, rules and
reports, plus N synthetic documents spread over every 主动 catalogue row.

    python bench/generate_content.py --out /tmp/big --documents 10000
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PHRASES = (
    "为进一步加强和规范政府信息公开工作", "根据《中华人民共和国政府信息公开条例》", "结合本市实际", "现将有关事项通知如下",
    "深化价格机制改革", "推进重大建设项目审批", "做好财政预决算公开", "优化营商环境", "加强社会信用体系建设",
    "落实节能降碳目标责任", "完善公共资源交易平台", "做好粮食和物资储备工作", "推动区域协调发展", "加快数字经济发展",
    "强化安全生产监督检查", "保障和改善民生", "稳定就业和社会保险", "实施乡村振兴战略", "推进新型城镇化建设",
    "各区县发展改革部门要高度重视", "请认真贯彻执行", "本通知自发布之日起施行", "预决算", "政务公开", "行政许可",
)
KINDS = ("通知", "公告", "决定", "报告", "规划", "统计数据")


def body(rng: random.Random, paragraphs: int) -> str:
    return "\n\n".join("，".join(rng.choice(PHRASES) for _ in range(rng.randint(4, 9))) + "。"
                       for _ in range(paragraphs))


def table(rng: random.Random) -> str:
    rows = [f"| {rng.choice(PHRASES)} | {rng.randint(1, 9999)} | {rng.randint(1, 999)}.{rng.randint(0, 9)}% |"
            for _ in range(rng.randint(3, 12))]
    return "| 项目 | 数量 | 同比 |\n| --- | ---: | ---: |\n" + "\n".join(rows)


def extra_text(number: int, seed: int, written: int) -> str:
    """More paragraphs, so bodies are 2-6 KB, and a table in one body in five. From a generator of its
    own, so titles, numbers and dates (which the benchmark queries name) stay as they were."""
    rng = random.Random(seed * 1_000_003 + number)
    target = rng.randint(2048, 6144)
    parts = []
    size = written
    while size < target:
        part = body(rng, 1)
        parts.append(part)
        size += len(part.encode("utf-8")) + 2
    if number % 5 == 0:
        parts.insert(rng.randint(0, len(parts)), table(rng))
    return "\n\n".join(parts)


def proactive_rows(content: Path) -> list[str]:
    with (content / "catalogue.csv").open(encoding="utf-8-sig", newline="") as handle:
        return [row["编号"] for row in csv.DictReader(handle) if row["公开方式"] == "主动"]


def generate(base: Path, out: Path, count: int, seed: int = 2024) -> None:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in ("site.yaml", "catalogue.csv", "guide.md"):
        shutil.copy2(base / name, out / name)
    for name in ("rules", "reports"):
        if (base / name).is_dir():
            shutil.copytree(base / name, out / name)
    rows = proactive_rows(base)
    start = dt.date(2023, 1, 2)
    for i in range(count):
        published = start + dt.timedelta(days=rng.randint(0, 3 * 365))
        folder = out / "documents" / str(published.year) / f"{i // 1000:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        title = f"示例市发展和改革委员会关于{rng.choice(PHRASES)}的{rng.choice(KINDS)}（{i}）"
        front = (
            "---\n"
            f"title: {title}\n"
            f"index_no: 11999900MB0000000X/{published.year}-B{i:06d}\n"
            f"catalogue: {rng.choice(rows)}\n"
            f"published_on: {published.isoformat()}\n"
            f"written_on: {(published - dt.timedelta(days=rng.randint(0, 5))).isoformat()}\n"
            f"doc_no: 示发改〔{published.year}〕{i}号\n"
            f"summary: {rng.choice(PHRASES)}。\n"
            "topic: 国民经济管理、国有资产监管\\经济体制改革\n"
            "keywords: [发展改革, 政务公开]\n"
            f"kind: {rng.choice(KINDS)}\n"
            "---\n")
        text = body(rng, rng.randint(3, 12))  # after the front matter: the generator's sequence as before
        (folder / f"doc-{i:06d}.md").write_text(
            front + text + "\n\n" + extra_text(i, seed, len(text.encode("utf-8"))) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, default=REPO / "content")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--documents", type=int, default=10_000)
    args = parser.parse_args()
    generate(args.base, args.out, args.documents)
    print(f"generated {args.documents} documents in {args.out}")


if __name__ == "__main__":
    main()

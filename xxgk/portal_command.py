"""`xxgk portal --content DIR --out OUT [--from SLUG=BUILT_SITE ...]`: the command line of xxgk.portal."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .environment import write_guarded

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
STATES = {"built": "已生成", "prebuilt": "已合并（预先生成）", "kept": "本次生成失败，保留上一次发布的版本",
          "missing": "生成失败，且没有可保留的版本：平台上暂不显示该部门"}


def add_parser(verbs: argparse._SubParsersAction, dated: argparse.ArgumentParser) -> None:
    portal = verbs.add_parser("portal", parents=[dated],
                              help="生成多部门平台：各部门专栏、平台首页和跨部门搜索（可合并各部门预先生成的网站）")
    portal.add_argument("--content", default=Path("."), type=Path, help="平台文件夹（含 portal.yaml 和 departments/，默认当前文件夹）")
    portal.add_argument("--out", default=Path("site"), type=Path, help="输出目录（默认 site）")
    portal.add_argument("--from", dest="prebuilt", action="append", default=[], metavar="SLUG=BUILT_SITE",
                        help="不重新生成，直接合并该部门已生成的网站（用 xxgk build --base-url <平台网址>/<部门>/ 生成）；可重复")
    portal.add_argument("--no-search", action="store_true", help="不生成搜索索引")
    portal.add_argument("--strict", action="store_true", help="警告也按错误处理；有部门生成失败时退出码为 1")
    portal.add_argument("--cache", default=Path(".cache"), type=Path, help="增量生成缓存目录（默认 .cache）")
    portal.add_argument("--no-cache", action="store_true", help="不使用缓存")
    portal.add_argument("--force", action="store_true", help="允许替换一个不是由 xxgk 生成的非空输出文件夹")


def parse_prebuilt(values: list[str]) -> dict[str, Path] | str:
    prebuilt: dict[str, Path] = {}
    for value in values:
        slug, _, folder = value.partition("=")
        if not slug or not folder:
            return f"--from 应写作 部门文件夹名=已生成的网站目录，\"{value}\" 不符合"
        prebuilt[slug] = Path(folder)
    return prebuilt


def run_portal(args: argparse.Namespace, today: dt.date) -> int:
    prebuilt = parse_prebuilt(args.prebuilt)
    if isinstance(prebuilt, str):
        print(f"xxgk: 用法错误：{prebuilt}", file=sys.stderr)
        return EXIT_USAGE
    from .portal import build_portal  # the whole pipeline: not imported by the other commands (cli)
    from .portal_config import DEPARTMENTS

    # site/ beside departments/ in the platform's repository is fine; only the departments are content
    result = write_guarded(args.out, args.content / DEPARTMENTS, args.force, "平台", lambda: build_portal(
        args.content, args.out, today, prebuilt, not args.no_search, None if args.no_cache else args.cache, args.strict))
    if result is None:
        return EXIT_USAGE
    for problem in result.problems.sorted():
        print(problem.format(), file=sys.stderr)
    if not result.written:
        print(f"平台未生成，{args.out} 保持不变。", file=sys.stderr)
        return EXIT_CONTENT
    for outcome in result.departments:
        print(f"{outcome.slug}：{STATES[outcome.state]}")
        if outcome.report:
            print("\n".join("  " + line for line in outcome.report.splitlines()), file=sys.stderr)
    failed = result.failed_departments
    print(f"已生成平台到 {args.out}：{len(result.departments)} 个部门" + (f"，其中 {len(failed)} 个本次生成失败（见上）" if failed else "") + "。")
    return EXIT_CONTENT if failed and args.strict else EXIT_OK

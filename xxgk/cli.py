"""Command line: `xxgk [build] [--content DIR] [--out DIR]` and `xxgk check [--strict] [--format FORMAT]`."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import NoReturn

from .build_cache import BuildCache
from .check_report import format_report, report_github, report_gitlab, report_json, report_sarif
from .check_result import check_run
from .department_commands import DEPARTMENT_VERBS, run_init, run_new, run_serve
from .department_commands import add_parsers as add_department_parsers
from .environment import environment_problem, write_guarded
from .portal_command import add_parser as add_portal_parser
from .portal_command import run_portal
from .progress import Progress
from .today import TodayError, resolve_today
from .work import Work
from .workers import default_jobs

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
VERBS = ("build", "check", "portal", *DEPARTMENT_VERBS)
DEFAULT_CACHE = Path(".cache")
BASE_URL = re.compile(r"https?://[^\s/]+(/[^\s]*)?/")
# `check --format`: each gives the whole report; the machine-readable ones (a file CI keeps) say the verdict on stderr
REPORTS = {"text": format_report, "json": report_json, "github": report_github, "gitlab": report_gitlab,
           "sarif": report_sarif}
MACHINE_READABLE = ("json", "gitlab", "sarif")


class ChineseArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse exits 2 on usage errors; keep that, say it in Chinese
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: 用法错误：{message}\n")


def make_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="xxgk", description="政府信息公开专栏静态网站生成器")
    verbs = parser.add_subparsers(dest="verb", parser_class=ChineseArgumentParser)
    dated = ChineseArgumentParser(add_help=False)
    dated.add_argument("--today", help="按指定日期（YYYY-MM-DD）检查与生成；也可用环境变量 SOURCE_DATE_EPOCH")
    common = ChineseArgumentParser(add_help=False, parents=[dated])
    common.add_argument("--content", default="content", type=Path, help="内容目录（默认 content）")
    common.add_argument("--strict", action="store_true", help="警告也按错误处理（用于持续集成）")
    common.add_argument("--quiet", action="store_true", help="只输出问题和错误")
    common.add_argument("--cache", default=DEFAULT_CACHE, type=Path,
                        help=f"增量生成缓存目录（默认 {DEFAULT_CACHE}，可随时删除）")
    common.add_argument("--no-cache", action="store_true", help="不读也不写缓存，全部重新处理")
    common.add_argument("--jobs", type=int, default=None,
                        help="并行进程数（默认等于可用的处理器核数；1 表示不并行）")
    build = verbs.add_parser("build", parents=[common], help="检查内容并生成网站（默认）")
    build.add_argument("--out", default="site", type=Path, help="输出目录（默认 site）")
    build.add_argument("--no-search", action="store_true", help="不生成搜索索引（快速预览）")
    build.add_argument("--force", action="store_true",
                       help="允许替换一个不是由 xxgk 生成的非空输出文件夹（内容目录、仓库和当前目录始终不会被替换）")
    build.add_argument("--verify", action="store_true", help="生成后再逐页读取网页，复查每个站内链接（较慢）")
    build.add_argument("--base-url", help="代替 site.yaml 的 base_url（如在平台上发布：<平台网址>/<部门>/）")
    verify = verbs.add_parser("check", parents=[common], help="只检查内容，不生成网站")
    verify.add_argument("--format", choices=tuple(REPORTS), default="text",
                        help="输出格式：text（默认）、json、github（GitHub Actions 的逐行标注）、"
                             "gitlab（GitLab 代码质量报告）、sarif（SARIF 2.1.0）")
    add_department_parsers(verbs, dated)
    add_portal_parser(verbs, dated)
    return parser


def parse_args(argv: list[str]) -> argparse.Namespace:
    if not argv or (argv[0] not in VERBS and argv[0] not in ("-h", "--help")):
        argv = ["build", *argv]
    return make_parser().parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        today = resolve_today(args.today)
    except TodayError as exc:
        print(f"xxgk: 用法错误：{exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.verb == "init":
        return run_init(args, today)
    if args.verb == "new":
        return run_new(args, today)
    if args.verb == "serve":
        return run_serve(args, today)
    if args.verb == "portal":
        return run_portal(args, today)
    if not args.content.is_dir():
        print(f"xxgk: 用法错误：内容目录 {args.content} 不存在", file=sys.stderr)
        return EXIT_USAGE
    if getattr(args, "base_url", None) is not None and not BASE_URL.fullmatch(args.base_url):
        print("xxgk: 用法错误：--base-url 应为以 http:// 或 https:// 开头、以 / 结尾的网址", file=sys.stderr)
        return EXIT_USAGE
    if args.jobs is not None and args.jobs < 1:
        print("xxgk: 用法错误：--jobs 应为不小于 1 的整数", file=sys.stderr)
        return EXIT_USAGE
    if args.verb == "check":
        work = Work(BuildCache(None if args.no_cache else args.cache), args.jobs or default_jobs())
        try:
            result = check_run(args.content, today, work, None if args.no_cache else args.cache)
        except OSError as error:
            print(f"xxgk: {environment_problem(error)}", file=sys.stderr)
            return EXIT_USAGE
        finally:
            work.cache.close()
        print(REPORTS[args.format](result.verdict, args.strict))
        if args.format in MACHINE_READABLE:
            print(result.verdict.summary(args.strict), file=sys.stderr)
        return EXIT_CONTENT if result.failed(args.strict) else EXIT_OK
    return run_build(args, today)


def run_build(args: argparse.Namespace, today) -> int:
    from .pipeline import build  # not imported when a check's outcome is remembered (check_result)

    outcome = write_guarded(args.out, args.content, args.force, "网站", lambda: build(
        args.content, args.out, today, strict=args.strict, progress=Progress(not args.quiet), search=not args.no_search,
        cache=None if args.no_cache else args.cache, jobs=args.jobs, verify=args.verify, base_url=args.base_url),
        search_hint="可先用 --no-search 生成不带搜索的网站。")
    if outcome is None:
        return EXIT_USAGE
    verdict = outcome.check.verdict
    if verdict.errors or verdict.warnings or not outcome.written:
        print(format_report(verdict, args.strict), file=sys.stderr)
    if not outcome.written:
        print(f"网站未生成，{args.out} 保持不变。", file=sys.stderr)
        return EXIT_CONTENT
    if not args.quiet and outcome.unchanged:
        print(f"内容和模板自上次生成以来没有改变，{args.out} 中的 {outcome.pages} 个页面原样保留，用时 {outcome.seconds:.1f} 秒。")
    elif not args.quiet:
        reused = f"（{outcome.pages - outcome.rendered} 个页面未变，取自缓存）" if outcome.rendered < outcome.pages else ""
        print(f"已生成 {outcome.pages} 个页面{reused}、{outcome.files} 个其他文件到 {args.out}，用时 {outcome.seconds:.1f} 秒。")
        if outcome.index_shards > 1:
            print(f"搜索索引共 {outcome.index_shards} 个分片，本次重建 {outcome.indexed} 个。")
    return EXIT_OK

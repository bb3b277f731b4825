"""The commands a department uses in its own repository besides build and check: `init` (a new
repository), `new document` / `new interpretation` (a new file, numbered), `serve` (preview)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

EXIT_OK, EXIT_USAGE = 0, 2
DEPARTMENT_VERBS = ("init", "new", "serve")


def add_parsers(verbs: argparse._SubParsersAction, dated: argparse.ArgumentParser) -> None:
    """`dated` carries --today, shared with build and check."""
    init = verbs.add_parser("init", parents=[dated], help="新建一个部门的专栏仓库（内容模板、标准目录、持续集成文件）")
    init.add_argument("dir", type=Path, help="新仓库的文件夹（可以已存在，但其中不能已有 content/）")
    init.add_argument("--catalogue", type=Path, help="本机关公布的标准目录（.xlsx 或 .csv），导入为 content/catalogue.csv")
    new = verbs.add_parser("new", help="新建一条主动公开信息或政策解读（自动编排索引号）")
    kinds = new.add_subparsers(dest="kind", required=True, parser_class=type(new))
    document = kinds.add_parser("document", parents=[dated], help="新建一条主动公开信息")
    document.add_argument("--catalogue", required=True, help="标准目录中的编号，如 01-01")
    interpretation = kinds.add_parser("interpretation", parents=[dated], help="为一份文件新建政策解读")
    interpretation.add_argument("--of", required=True, dest="policy", help="所解读文件的索引号")
    serve = verbs.add_parser("serve", parents=[dated], help="本机预览：生成并在 http://127.0.0.1:端口/ 提供网站，文件改动后自动重新生成并刷新浏览器")
    serve.add_argument("--content", default="content", type=Path, help="内容目录（默认 content）")
    serve.add_argument("--port", type=int, default=8000, help="端口（默认 8000；0 表示任选一个空闲端口）")
    serve.add_argument("--no-search", action="store_true", help="不生成搜索索引（改动后生成更快）")
    serve.add_argument("--cache", default=Path(".cache"), type=Path, help="增量生成缓存目录（默认 .cache）")
    serve.add_argument("--no-cache", action="store_true", help="不使用缓存")
    for parser in (document, interpretation):
        parser.add_argument("--content", default="content", type=Path, help="内容目录（默认 content）")
        parser.add_argument("--title", help="标题（不写则留待填写）")
        parser.add_argument("--name", help="文件名（不含 .md；默认用索引号的流水号）")


# Each command imports its own modules when it runs: `xxgk check` imports this module for the parsers.
def run_init(args: argparse.Namespace, today: dt.date) -> int:
    from .catalogue_import import ImportError_
    from .scaffold import InitRefused, init_department

    try:
        made = init_department(args.dir, args.catalogue, today)
    except (InitRefused, ImportError_) as refused:
        print(f"xxgk: {refused}", file=sys.stderr)
        return EXIT_USAGE
    for note in made.notes:
        print(note)
    content = args.dir / "content"
    print(f"已新建 {args.dir}：{len(made.files)} 个文件。\n"
          f"下一步：把 {content} 中标有【待填写】的地方改成本机关的信息，\n"
          f"运行 xxgk check --content {content} 逐个文件列出还要填写的地方，全部改完后运行 xxgk serve --content {content} 预览。")
    return EXIT_OK


def run_new(args: argparse.Namespace, today: dt.date) -> int:
    from .new_content import NewRefused, new_document, new_interpretation

    try:
        if args.kind == "document":
            created = new_document(args.content, args.catalogue, args.title, args.name, today)
        else:
            created = new_interpretation(args.content, args.policy, args.title, args.name, today)
    except NewRefused as refused:
        print(f"xxgk: {refused}", file=sys.stderr)
        return EXIT_USAGE
    print(f"已新建 {created.path}（索引号 {created.index_no}）：请填写标有【待填写】的地方，然后运行 xxgk check。")
    return EXIT_OK


def run_serve(args: argparse.Namespace, today: dt.date) -> int:
    if not args.content.is_dir():
        print(f"xxgk: 用法错误：内容目录 {args.content} 不存在", file=sys.stderr)
        return EXIT_USAGE
    if not 0 <= args.port <= 65535:
        print("xxgk: 用法错误：--port 应为 0 到 65535 之间的整数", file=sys.stderr)
        return EXIT_USAGE
    from .serve import serve

    return serve(args.content, args.port, today, not args.no_search, None if args.no_cache else args.cache)

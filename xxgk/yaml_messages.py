"""PyYAML's error messages in the clerk's words.

Both loaders are covered: libyaml's (the C loader we use) and PyYAML's pure-Python one, in the
versions the lock file pins and the ones `pyproject.toml` admits. A message is recognised by a
fragment of its English text, so the %r values PyYAML inserts do not matter; the clerk reads only
Chinese. tests/test_yaml_messages.py harvests every message from the installed PyYAML and fails on
one that falls through to the generic text.
"""

from __future__ import annotations

QUOTE_HINT = "值里含有冒号加空格（: ）、井号（#）或以特殊符号开头时，请给整个值加引号"
TAG_HINT = "以 ! 开头的写法是 YAML 的类型标记，这里不支持；如果这是文字，请给整个值加引号"
DIRECTIVE_HINT = "以 % 开头的行是 YAML 指令，这里不支持；如果这是文字，请给整个值加引号"
BLOCK_SCALAR_HINT = "| 或 > 后面只能写 1 到 9 的缩进数字或 + -，然后换行再写正文"
CHARACTER_HINT = "文件中有不可见的控制字符（常见于从其他软件复制的文字），请删除后重新输入"
NESTING_HINT = "嵌套层数过深，请检查是否有多余的括号 [ { 或缩进"

# (fragment of PyYAML's problem text, Chinese explanation); the first fragment found wins, so
# longer, more specific fragments come before shorter ones they contain.
PROBLEMS: tuple[tuple[str, str], ...] = (
    ("exceeded maximum nesting depth", NESTING_HINT),
    ("mapping values are not allowed", f"这里不能出现“: ”：{QUOTE_HINT}"),
    ("could not find expected ':'", "缺少“: ”，或上一行的引号没有闭合"),
    ("did not find expected key", "缩进不一致，或缺少键名"),
    ("did not find expected ',' or ']'", "方括号 [ ] 没有闭合，或缺少逗号"),
    ("expected ',' or ']'", "方括号 [ ] 没有闭合，或缺少逗号"),
    ("did not find expected ',' or '}'", "花括号 { } 没有闭合，或缺少逗号"),
    ("expected ',' or '}'", "花括号 { } 没有闭合，或缺少逗号"),
    ("invalid indentation or unclosed", "缩进不对，或方括号 [ ]、花括号 { } 没有闭合"),
    ("found unexpected end of stream", "文件意外结束：引号或括号没有闭合"),
    ("found undefined alias", "引用了未定义的锚点（*别名）：如果这是文字，请给整个值加引号"),
    ("found duplicate anchor", "同一个锚点（&名称）定义了两次"),
    ("second occurrence", "同一个锚点（&名称）定义了两次"),
    ("expected a single document", "文件里只能有一个 YAML 文档（不要再写单独一行的 --- ）"),
    ("found another document", "文件里只能有一个 YAML 文档（不要再写单独一行的 --- ）"),
    ("found unexpected document", "正文里出现了单独一行的 --- 或 ...：如果这是文字，请给整个值加引号"),
    ("found unknown escape character", "双引号中的反斜杠 \\ 被当作转义符：请改用单引号，或写成 \\\\"),
    ("hexdecimal number", "双引号中的 \\x、\\u 或 \\U 转义不完整：请改用单引号，或写成 \\\\"),
    ("hexadecimal numbers", "双引号中的 \\x、\\u 或 \\U 转义不完整：请改用单引号，或写成 \\\\"),
    ("invalid Unicode character escape", "双引号中的 \\u 或 \\U 转义不是有效的字符：请改用单引号，或写成 \\\\"),
    ("expected <block end>", "缩进不一致"),
    ("found a tab character", "用了 Tab 缩进：请改用空格"),
    ("found character that cannot start any token",
     "有不能作为值开头的字符（例如 Tab 缩进，或以 @、` 开头）：请改用空格缩进，或给整个值加引号"),
    ("that cannot start any token",
     "有不能作为值开头的字符（例如 Tab 缩进，或以 @、` 开头）：请改用空格缩进，或给整个值加引号"),
    ("block sequence entries are not allowed", "这里不能以“- ”开始列表项：请检查缩进"),
    ("sequence entries are not allowed", "这里不能以“- ”开始列表项：请检查缩进"),
    ("mapping keys are not allowed", "这里不能出现“? ”：如果这是文字，请给整个值加引号"),
    ("did not find expected '-' indicator", "列表缩进不一致：每一项都应以对齐的“- ”开头"),
    ("did not find expected node content", "这里缺少值，或值以不能开头的符号开始：请补全，或给整个值加引号"),
    ("expected the node content", "这里缺少值，或值以不能开头的符号开始：请补全，或给整个值加引号"),
    ("found unexpected ':'", f"这里的冒号无法识别：{QUOTE_HINT}"),
    ("<document start>", "文件开头的写法不对：应以“键: 值”开始"),
    ("<stream-start>", "文件开头的写法不对：应以“键: 值”开始"),
    ("comment or line break", "引号或 | > 标记之后只能写注释（#）或换行：请把整个值放在引号里"),
    ("comment or a line break", "引号或 | > 标记之后只能写注释（#）或换行：请把整个值放在引号里"),
    ("alphabetic or numeric character", "& 或 * 后面应是锚点名称（字母或数字）：如果这是文字，请给整个值加引号"),
    ("indentation indicator", BLOCK_SCALAR_HINT),
    ("chomping or indentation", BLOCK_SCALAR_HINT),
    ("tag URI", TAG_HINT),
    ("expected URI", TAG_HINT),
    ("URI escape", TAG_HINT),
    ("URI escaped octet", TAG_HINT),
    ("tag handle", TAG_HINT),
    ("non-specific tag", TAG_HINT),
    ("did not find expected '!'", TAG_HINT),
    ("expected '!'", TAG_HINT),
    ("expected '>'", TAG_HINT),
    ("%TAG directive", DIRECTIVE_HINT),
    ("%YAML directive", DIRECTIVE_HINT),
    ("YAML directive", DIRECTIVE_HINT),
    ("directive name", DIRECTIVE_HINT),
    ("incompatible YAML document", DIRECTIVE_HINT),
    ("version number", DIRECTIVE_HINT),
    ("non-alphabetical character", DIRECTIVE_HINT),
    ("digit or '.'", DIRECTIVE_HINT),
    ("digit or ' '", DIRECTIVE_HINT),
    ("expected a digit", DIRECTIVE_HINT),
    ("expected whitespace", DIRECTIVE_HINT),
    ("expected ' '", DIRECTIVE_HINT),
    ("control characters are not allowed", CHARACTER_HINT),
    ("special characters are not allowed", CHARACTER_HINT),
    ("unacceptable character", CHARACTER_HINT),
    ("invalid Unicode character", CHARACTER_HINT),
    ("UTF-8", "文件中有无法识别的字符，请确认文件以 UTF-8 编码保存"),
    ("UTF-16", "文件中有无法识别的字符，请确认文件以 UTF-8 编码保存"),
    ("input is too long", "文件过长，无法读取"),
    ("codec can't decode", "文件中有无法识别的字符，请确认文件以 UTF-8 编码保存"),
)
GENERIC = "这里的写法无法识别，请检查缩进、冒号和引号"

# What PyYAML was reading when it failed (its "while ..." context), named for the clerk: the message
# adds where that started, which for an unclosed quote or bracket is the line to look at.
CONTEXTS: tuple[tuple[str, str], ...] = (
    ("quoted scalar", "引号中的文字"),
    ("plain scalar", "文字"),
    ("block scalar", "| 或 > 之后的文字"),
    ("simple key", "键名"),
    ("flow mapping", "花括号 { }"),
    ("flow sequence", "方括号 [ ]"),
    ("block mapping", "键值对"),
    ("block collection", "列表或键值对"),
    ("directive", "指令"),
    ("tag", "类型标记"),
    ("duplicate anchor", "第一次定义的锚点"),
    ("anchor", "锚点"),
    ("alias", "别名"),
    ("flow level", "括号嵌套"),
    ("block level", "缩进嵌套"),
    ("node", "值"),
    ("next token", ""),
    ("a mapping", "键值对"),
    ("single document", "第一个文档"),
)


def explain(problem: str | None) -> str:
    """The Chinese explanation of a PyYAML problem text; GENERIC when it is not known."""
    text = problem or ""
    return next((hint for fragment, hint in PROBLEMS if fragment in text), GENERIC)


def context_name(context: str | None) -> str:
    """What was being read, in Chinese ('' when PyYAML gives nothing worth naming)."""
    text = context or ""
    return next((name for fragment, name in CONTEXTS if fragment in text), "")

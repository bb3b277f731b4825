"""How the build writes: byte-identical output, atomic swap, link check, overrides, terminal output."""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURE_EPOCH, REPO, replace_in, soup, write
from xxgk import write as write_module
from xxgk.output import OutputFile, Staging, digest_of


def digest(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.relative_to(folder).as_posix().startswith(skip)}


def test_two_builds_are_byte_identical(content, build_site):
    first = digest(build_site(content, "one"))
    second = digest(build_site(content, "two"))
    assert first == second
    assert len(first) > 15
    for part in ("pagefind/fragment/", "pagefind/index/", "pagefind/filter/", "pagefind/pagefind.", "search/exact/"):
        assert any(name.startswith(part) for name in first), part  # the whole search bundle is compared


def test_identical_builds_without_search_are_wholly_byte_identical(content, build_site):
    assert digest(build_site(content, "one", "--no-search")) == digest(build_site(content, "two", "--no-search"))


def test_a_failed_build_leaves_the_previous_site_untouched(content, build_site, run):
    site = build_site(content)
    before = digest(site)
    replace_in(content / "documents/2024/functions.md", "2024-12-06", "2024-05-32")
    result = run("build", "--content", "content", "--out", "site")
    assert result.code == 1
    assert result.err.splitlines()[-1] == "网站未生成，site 保持不变。"
    assert digest(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == [".cache", ".site.xxgk-lock", "content", "site"]  # no staging folder left


def test_a_crash_in_the_middle_leaves_the_previous_site_and_is_cleaned_up(content, build_site, run, monkeypatch):
    site = build_site(content)
    before = digest(site)
    replace_in(content / "documents/2024/functions.md", "负责全市测试工作。", "负责全市测试工作（已修订）。")
    calls = {"n": 0}
    original = write_module.render_page

    def crash_after_three(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] > 3:
            raise KeyboardInterrupt
        return original(*args, **kwargs)

    monkeypatch.setattr(write_module, "render_page", crash_after_three)
    with pytest.raises(KeyboardInterrupt):  # without the cache, so that every page is rendered again
        run("build", "--content", "content", "--out", "site", "--no-cache")
    assert digest(site) == before
    monkeypatch.setattr(write_module, "render_page", original)
    stale = site.parent / ".xxgk-staging-site-leftover"
    stale.mkdir()
    build_site(content)
    assert not stale.exists()
    assert "（已修订）" in (site / "documents/2024/functions/index.html").read_text(encoding="utf-8")


def test_a_broken_link_in_the_output_fails_the_build(content, build_site, run):
    site = build_site(content)
    before = digest(site)
    write(content / "templates/layouts/rules.html",
          '{% extends "base.html" %}{% block content %}<a href="{{ url(\'no-such-page/\') }}">坏链接</a>{% endblock %}')
    result = run("build", "--content", "content", "--out", "site")
    assert result.code == 1
    assert "site/rules/index.html: 错误 [output-link] 生成的页面中有无法打开的链接 \"../no-such-page/\"" in result.err
    assert digest(site) == before


def test_a_department_overrides_one_template_without_copying_the_rest(content, build_site):
    write(content / "templates/components/attachment-list/macro.html",
          "{% macro attachment_list(params) %}<p class=\"own\">本单位附件样式：{{ params['items'] | length }} 个</p>"
          "{% endmacro %}")
    write(content / "templates/assets/extra.css", "body { }")
    site = build_site(content)
    page = soup(site / "documents/2024/fee-rules/index.html")
    assert page.select_one(".own").get_text() == "本单位附件样式：1 个"
    assert page.select_one(".metadata")  # the rest still comes from the product's templates
    assert (site / "assets/extra.css").is_file() and (site / "assets/site.css").is_file()


def test_summary_line_and_quiet(content, run):
    result = run("build", "--content", "content", "--out", "site")
    assert result.code == 0
    assert result.out.startswith("已生成 27 个页面、8 个其他文件到 site，用时 ")
    quiet = run("build", "--content", "content", "--out", "site", "--quiet")
    assert quiet.out == "" and quiet.err == ""


def test_no_progress_display_when_not_a_terminal(content):
    result = subprocess.run([sys.executable, str(REPO / "build.py")], capture_output=True, text=True,
                            env={**os.environ, "SOURCE_DATE_EPOCH": FIXTURE_EPOCH})
    assert result.returncode == 0, result.stderr
    assert "\r" not in result.stderr + result.stdout
    assert result.stdout.count("\n") == 1


def test_progress_display_on_a_terminal(content):
    import pty
    main, secondary = pty.openpty()
    process = subprocess.Popen([sys.executable, str(REPO / "build.py")], stdout=secondary, stderr=secondary,
                               env={**os.environ, "SOURCE_DATE_EPOCH": FIXTURE_EPOCH})
    os.close(secondary)
    output = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    assert process.wait() == 0
    text = output.decode("utf-8")
    assert "生成页面 27/27" in text and "\r" in text
    assert "已生成 27 个页面" in text


def test_no_search_option_skips_the_index(content, run):
    result = run("build", "--content", "content", "--out", "site", "--quiet", "--no-search")
    assert result.code == 0
    assert not (content.parent / "site/pagefind").exists()
    assert (content.parent / "site/search/index.html").is_file()


def test_verify_reads_the_output_back_and_finds_a_link_typed_into_a_template(content, build_site, run):
    site = build_site(content)
    before = digest(site)
    # a link typed by hand bypasses the pages' linker: only --verify, which reads every page back, sees it
    write(content / "templates/layouts/rules.html",
          '{% extends "base.html" %}{% block content %}<a href="../typed-by-hand/">坏链接</a>{% endblock %}')
    result = run("build", "--content", "content", "--out", "site", "--verify")
    assert result.code == 1
    assert "site/rules/index.html: 错误 [output-link] 生成的页面中有无法打开的链接 \"../typed-by-hand/\"" in result.err
    assert digest(site) == before


def test_publishing_only_the_changes_stages_them_without_folders(tmp_path):
    out = tmp_path / "site"
    (out / "old").mkdir(parents=True)
    (out / "old/index.html").write_text("旧页面", encoding="utf-8")
    status = os.stat(out / "old/index.html")
    manifest = {"old/index.html": OutputFile(digest_of("旧页面".encode()), status.st_size, status.st_mtime_ns)}
    staging = Staging(out, manifest)
    staging.write_text("documents/2024/a/index.html", "新页面")
    staging.write_text("old/index.html", "旧页面")  # unchanged: not staged at all
    assert [p.name for p in staging.path.iterdir()] == ["0"] and not any(p.is_dir() for p in staging.path.iterdir())
    staging.commit()
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == ["documents/2024/a/index.html", "old/index.html"]
    assert (out / "documents/2024/a/index.html").read_text(encoding="utf-8") == "新页面"
    assert not staging.path.exists()

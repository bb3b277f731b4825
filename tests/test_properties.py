"""Property tests: no input makes the loader crash; every failure is a reported problem."""

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURE_TODAY, FIXTURES
from xxgk.pipeline import check

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**30, max_value=10**30), st.floats(allow_nan=True),
    st.text(max_size=30), st.dates().map(str), st.sampled_from(["2024-02-30", "2024-1-5", "no", "010", "~", "有效"]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=12), inner, max_size=5)), max_leaves=20)
FRONT_MATTER_KEYS = ["title", "index_no", "catalogue", "published_on", "written_on", "kind", "validity",
                     "interprets", "replaced_by", "attachments", "keywords", "topic", "expires_on"]
front_matter = st.dictionaries(st.sampled_from(FRONT_MATTER_KEYS) | st.text(max_size=8), values, max_size=10)


def run_on_copy(mutate) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "content"
        shutil.copytree(FIXTURES / "minimal", root)
        mutate(root)
        result = check(root, FIXTURE_TODAY)
        assert (result.content is None) == bool(result.problems.errors)
        for problem in result.problems.items:
            assert problem.message and problem.path


@SETTINGS
@given(front_matter)
def test_any_front_matter_values(data):
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n正文\n"
    run_on_copy(lambda root: (root / "documents/2024/functions.md").write_text(text, encoding="utf-8"))


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_as_a_document(data):
    run_on_copy(lambda root: (root / "documents/2024/functions.md").write_bytes(b"---\n" + data))


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list(",\"\n\r、 主动依申请全社会特定群体01-a编号")), max_size=200))
def test_any_catalogue_rows(rows):
    def mutate(root):
        path = root / "catalogue.csv"
        path.write_text(path.read_text(encoding="utf-8") + rows, encoding="utf-8")
    run_on_copy(mutate)


@SETTINGS
@given(st.text(max_size=400))
def test_any_catalogue_text(text):
    run_on_copy(lambda root: (root / "catalogue.csv").write_text(text, encoding="utf-8"))


@SETTINGS
@given(st.dictionaries(st.sampled_from(["year", "published_on", "format", "proactive", "applications",
                                        "reviews_and_lawsuits", "overview"]), values, max_size=7))
def test_any_report_yaml(data):
    text = yaml.safe_dump(data, allow_unicode=True)
    run_on_copy(lambda root: (root / "reports/2024.yaml").write_text(text, encoding="utf-8"))


@SETTINGS
@given(st.text(max_size=300))
def test_any_text_as_yaml(text):
    run_on_copy(lambda root: (root / "site.yaml").write_text(text, encoding="utf-8"))


hostile_text = st.lists(st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
    st.sampled_from(["\x00", "\x07", "\x1b", "\x85", "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\ufffe",
                     "<", "&", "]]>", "\\", "/", "..", "%20", "\n", "a.pdf", ".html"])), min_size=1, max_size=20).map("".join)


file_names = st.lists(st.one_of(st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="/\x00"),
                                st.sampled_from(["..", " ", "%2F", "\\", "\u202e", "\u200b", ".md"])),
                      min_size=1, max_size=30).map("".join)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=hostile_text, summary=hostile_text, doc_no=hostile_text, attachment=hostile_text, file_name=file_names)
def test_hostile_strings_never_crash_a_build_or_break_the_feeds(title, summary, doc_no, attachment, file_name):
    """Front matter strings, attachment names and document file names of any characters: a build either
    reports problems or writes feeds and a sitemap that parse as XML."""
    from xml.etree import ElementTree

    from xxgk.pipeline import build
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "content"
        shutil.copytree(FIXTURES / "minimal", root)
        data = {"title": title, "index_no": "000000001/2024-00003", "catalogue": "02-01", "published_on": "2024-12-06",
                "summary": summary, "doc_no": doc_no, "attachments": [{"file": attachment}]}
        (root / "documents/2024/functions.md").unlink()
        try:
            document = root / "documents/2024" / (file_name + ".md")
            document.write_text("---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n正文\n", encoding="utf-8")
        except OSError:  # a name this file system cannot hold is not something a clerk can commit either
            return
        result = build(root, Path(tmp) / "site", FIXTURE_TODAY, search=False, jobs=1)
        assert result.written == (not result.check.problems.errors)
        for problem in result.check.problems.items:
            assert problem.message and problem.path
        if result.written:
            for name in ("feed.xml", "sitemap.xml"):
                ElementTree.parse(Path(tmp) / "site" / name)

"""The ready-made CI a department copies (docs/ci/): each file valid for its platform, the script run for
real on a department repository, and the GitLab and SARIF reports of `check` those files rely on."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import FIXTURE_EPOCH, FIXTURES, REPO, replace_in
from xxgk.check_report import Verdict, report_sarif
from xxgk.problems import Problems
from xxgk.resources import resource_dir

CI = REPO / "docs/ci"
BAD_DATE = "published_on（发布日期）\"2024-02-30\" 不是有效日期，应为 YYYY-MM-DD（如 2024-03-05）"
UNKNOWN_KEY = "未知字段 \"titel\"，将被忽略，是不是 title（标题）？"
DOCUMENT = "content/documents/2024/functions.md"


def validate(*command: str) -> None:
    result = subprocess.run([sys.executable, "-m", *command], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_wheel_and_the_repository_find_the_same_ci_files():
    assert resource_dir("ci", repo_path="docs/ci") == CI  # `xxgk init` copies from here
    assert sorted(p.name for p in CI.iterdir()) == [
        "README.md", "github-actions.yml", "gitlab-ci.yml", "pre-commit-config.yaml", "xxgk-ci.sh"]
    assert os.access(CI / "xxgk-ci.sh", os.X_OK)


def test_github_workflow_matches_githubs_schema():
    validate("check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(CI / "github-actions.yml"))


def test_gitlab_pipeline_matches_gitlabs_schema():
    validate("check_jsonschema", "--builtin-schema", "vendor.gitlab-ci", str(CI / "gitlab-ci.yml"))


def test_pre_commit_hook_is_a_valid_config_checking_content_changes():
    validate("pre_commit", "validate-config", str(CI / "pre-commit-config.yaml"))
    (repo,) = yaml.safe_load((CI / "pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"]
    (hook,) = repo["hooks"]
    assert repo["repo"] == "local"
    assert {k: hook[k] for k in ("entry", "language", "files", "pass_filenames")} == {
        "entry": "xxgk check --strict", "language": "system", "files": "^content/", "pass_filenames": False}


def test_ci_script_passes_shellcheck():
    shellcheck = shutil.which("shellcheck")
    assert shellcheck, "ShellCheck is missing: tests/run.sh installs it (apt-get install shellcheck)"
    result = subprocess.run([shellcheck, str(CI / "xxgk-ci.sh")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pipelines_install_from_requirements_and_check_strictly():
    github = yaml.safe_load((CI / "github-actions.yml").read_text(encoding="utf-8"))["jobs"]
    runs = [step.get("run") for job in github.values() for step in job["steps"]]
    assert runs.count("pip install -r requirements.txt") == 2
    assert "xxgk check --strict --format github" in runs and "xxgk build --strict" in runs
    assert "github.event_name != 'pull_request'" in github["build-and-publish"]["if"]
    gitlab = yaml.safe_load((CI / "gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["default"]["before_script"] == ["pip install --quiet -r requirements.txt"]
    assert gitlab["check"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert "xxgk check --strict --format gitlab > gl-code-quality-report.json || status=$?" in gitlab["check"]["script"]
    assert gitlab["check"]["script"][-1] == "exit $status"
    assert gitlab["pages"]["artifacts"]["paths"] == ["public/"]


# --- xxgk-ci.sh run for real --------------------------------------------------------------------------------

@pytest.fixture
def department(tmp_path: Path) -> Path:
    """A department's repository as `xxgk init` lays it out, on branch main."""
    repo = tmp_path / "department"
    shutil.copytree(FIXTURES / "minimal", repo / "content")
    (repo / "ci").mkdir()
    shutil.copy2(CI / "xxgk-ci.sh", repo / "ci/xxgk-ci.sh")
    (repo / "requirements.txt").write_text("xxgk==0.1.0\n", encoding="utf-8")
    subprocess.run(["git", "init", "--quiet", "--initial-branch=main", str(repo)], check=True)
    return repo


def ci_script(repo: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    # A clean environment, so the CI variables of whatever runs these tests do not leak in; the `xxgk` of this
    # environment stands in for the one requirements.txt would install.
    base = {"PATH": f"{Path(sys.executable).parent}{os.pathsep}/usr/bin:/bin", "HOME": str(repo.parent),
            "SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "XXGK_SKIP_INSTALL": "1"}
    return subprocess.run(["sh", "ci/xxgk-ci.sh", *args], cwd=repo, capture_output=True, text=True,
                          env={**base, **env})


def test_ci_script_checks_and_builds_on_main_then_fails_on_an_error(department):
    passed = ci_script(department)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "检查通过：没有发现问题。" in passed.stdout
    assert "测试市测试局" in (department / "site/index.html").read_text(encoding="utf-8")
    assert (department / "site/pagefind/pagefind.js").is_file()

    shutil.rmtree(department / "site")
    replace_in(department / "content/documents/2024/functions.md", "published_on: 2024-12-06",
               "published_on: 2024-02-30")
    failed = ci_script(department)
    assert failed.returncode == 1
    assert f"{DOCUMENT}:5: 错误 [date] {BAD_DATE}" in failed.stdout
    assert "xxgk-ci：检查未通过，网站未生成。" in failed.stderr
    assert not (department / "site").exists()


def test_ci_script_only_checks_other_branches_and_merge_requests_unless_asked(department):
    subprocess.run(["git", "checkout", "--quiet", "-b", "draft"], cwd=department, check=True)
    checked = ci_script(department)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "xxgk-ci：不是主分支（draft），只检查不生成网站；需要生成时加 --build。" in checked.stdout
    assert not (department / "site").exists()
    # Gitee Go names a pull request's target branch as the branch: still only checked
    assert ci_script(department, GITEE_BRANCH="main", GITEE_PULL_ID="7").returncode == 0
    assert not (department / "site").exists()
    built = ci_script(department, "--build", "--", "--no-search", "--out", "public")
    assert built.returncode == 0, built.stdout + built.stderr
    assert (department / "public/index.html").is_file() and not (department / "public/pagefind").exists()


def test_ci_script_explains_setup_problems_and_exits_2(department):
    (department / "requirements.txt").unlink()
    missing = ci_script(department, XXGK_SKIP_INSTALL="0")
    assert missing.returncode == 2
    assert "xxgk-ci：仓库根目录没有 requirements.txt" in missing.stderr
    unknown = ci_script(department, "--publish")
    assert unknown.returncode == 2
    assert "xxgk-ci：不认识的参数 --publish" in unknown.stderr


# --- check --format gitlab and sarif ------------------------------------------------------------------------

def test_gitlab_code_quality_report(content, run):
    replace_in(content / "documents/2024/functions.md", "published_on: 2024-12-06", "published_on: 2024-02-30")
    result = run("check", "--content", "content", "--format", "gitlab")
    assert result.code == 1
    assert result.json() == [{
        "description": BAD_DATE,
        "check_name": "date",
        "fingerprint": "e533671e4a47f87ad23f6957fc49b7d90c64a5c6cd17e0f891881f226cc89403",
        "severity": "major",
        "location": {"path": DOCUMENT, "lines": {"begin": 5}},
    }]
    assert result.err == "共 1 个错误，0 个警告。请修改后重新检查。\n"  # the summary stays out of the report


def test_gitlab_warnings_are_minor_unless_strict(content, run):
    replace_in(content / "documents/2024/functions.md", "title:", "titel: x\ntitle:")
    relaxed = run("check", "--content", "content", "--format", "gitlab")
    strict = run("check", "--content", "content", "--format", "gitlab", "--strict")
    assert (relaxed.code, strict.code) == (0, 1)
    (warning,) = relaxed.json()
    assert warning["check_name"] == "unknown-key" and warning["severity"] == "minor"
    assert warning["location"] == {"path": DOCUMENT, "lines": {"begin": 2}}
    assert strict.json() == [{**warning, "severity": "major"}]  # it fails the job: shown like an error


def test_passing_content_gives_empty_reports(content, run):
    assert run("check", "--content", "content", "--format", "gitlab").json() == []
    sarif = run("check", "--content", "content", "--format", "sarif")
    assert sarif.code == 0
    assert sarif.json()["runs"][0]["results"] == [] and sarif.json()["runs"][0]["tool"]["driver"]["rules"] == []


# The parts of the official SARIF 2.1.0 schema that xxgk's report uses, as published by OASIS
# (github.com/oasis-tcs/sarif-spec, sarif-2.1/schema/sarif-schema-2.1.0.json): each definition keeps its
# type, required properties, enums, minimums and `additionalProperties: false`, and lists only the properties
# xxgk writes, so a property it does not know fails. (The whole schema is 110 KB; tests do not download.)
SARIF_SUBSET = {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "type": "object", "required": ["version", "runs"], "additionalProperties": False,
    "properties": {"$schema": {"type": "string", "format": "uri"}, "version": {"enum": ["2.1.0"], "type": "string"},
                   "runs": {"type": ["array", "null"], "items": {"$ref": "#/definitions/run"}}},
    "definitions": {
        "run": {"type": "object", "required": ["tool"], "additionalProperties": False, "properties": {
            "tool": {"$ref": "#/definitions/tool"},
            "results": {"type": "array", "items": {"$ref": "#/definitions/result"}}}},
        "tool": {"type": "object", "required": ["driver"], "additionalProperties": False,
                 "properties": {"driver": {"$ref": "#/definitions/toolComponent"}}},
        "toolComponent": {"type": "object", "required": ["name"], "additionalProperties": False, "properties": {
            "name": {"type": "string"}, "version": {"type": "string"},
            "rules": {"type": "array", "uniqueItems": True, "items": {"$ref": "#/definitions/reportingDescriptor"}}}},
        "reportingDescriptor": {"type": "object", "required": ["id"], "additionalProperties": False, "properties": {
            "id": {"type": "string"}, "shortDescription": {"$ref": "#/definitions/multiformatMessageString"}}},
        "multiformatMessageString": {"type": "object", "required": ["text"], "additionalProperties": False,
                                     "properties": {"text": {"type": "string"}}},
        "result": {"type": "object", "required": ["message"], "additionalProperties": False, "properties": {
            "ruleId": {"type": "string"}, "ruleIndex": {"type": "integer", "minimum": -1},
            "level": {"enum": ["none", "note", "warning", "error"], "type": "string"},
            "message": {"$ref": "#/definitions/message"},
            "locations": {"type": "array", "items": {"$ref": "#/definitions/location"}}}},
        "message": {"type": "object", "additionalProperties": False, "anyOf": [{"required": ["text"]}, {"required": ["id"]}],
                    "properties": {"text": {"type": "string"}}},
        "location": {"type": "object", "additionalProperties": False,
                     "properties": {"physicalLocation": {"$ref": "#/definitions/physicalLocation"}}},
        "physicalLocation": {"type": "object", "additionalProperties": False,
                             "anyOf": [{"required": ["address"]}, {"required": ["artifactLocation"]}],
                             "properties": {"artifactLocation": {"$ref": "#/definitions/artifactLocation"},
                                            "region": {"$ref": "#/definitions/region"}}},
        "artifactLocation": {"type": "object", "additionalProperties": False,
                             "properties": {"uri": {"type": "string", "format": "uri-reference"}}},
        "region": {"type": "object", "additionalProperties": False,
                   "anyOf": [{"required": ["startLine"]}, {"required": ["charOffset"]}, {"required": ["byteOffset"]}],
                   "properties": {"startLine": {"type": "integer", "minimum": 1}}},
    },
}


def assert_valid_sarif(log: dict) -> None:
    jsonschema.Draft4Validator.check_schema(SARIF_SUBSET)
    jsonschema.Draft4Validator(SARIF_SUBSET).validate(log)
    for result in log["runs"][0]["results"]:  # what the driver's rules say of the rule it names
        assert log["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.isascii() and " " not in uri and "\\" not in uri and not uri.startswith("/")


def test_sarif_report(content, run):
    replace_in(content / "documents/2024/functions.md", "published_on: 2024-12-06", "published_on: 2024-02-30")
    replace_in(content / "documents/2024/functions.md", "title:", "titel: x\ntitle:")
    result = run("check", "--content", "content", "--format", "sarif")
    assert result.code == 1
    log = result.json()
    assert_valid_sarif(log)
    assert log["version"] == "2.1.0"
    assert log["$schema"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    (only_run,) = log["runs"]
    assert only_run["tool"]["driver"] == {"name": "xxgk", "version": "0.1.0", "rules": [
        {"id": "date"}, {"id": "unknown-key", "shortDescription": {"text": "字段名不在规范中"}}]}
    location = {"artifactLocation": {"uri": DOCUMENT}}
    assert only_run["results"] == [  # sorted by file and line, like every report
        {"ruleId": "unknown-key", "ruleIndex": 1, "level": "warning", "message": {"text": UNKNOWN_KEY},
         "locations": [{"physicalLocation": {**location, "region": {"startLine": 2}}}]},
        {"ruleId": "date", "ruleIndex": 0, "level": "error", "message": {"text": BAD_DATE},
         "locations": [{"physicalLocation": {**location, "region": {"startLine": 6}}}]},
    ]
    strict = run("check", "--content", "content", "--format", "sarif", "--strict").json()
    assert [r["level"] for r in strict["runs"][0]["results"]] == ["error", "error"]
    assert result.err == "共 1 个错误，1 个警告。请修改后重新检查。\n"


def test_sarif_locations_are_uris_and_whole_file_problems_have_no_region():
    problems = Problems()
    problems.error("encoding", "不是 UTF-8 编码", "content/documents/2024/通知 附件.md")
    problems.warning("base-url", "site.yaml 未设置 base_url", "content/site.yaml", 1)
    log = json.loads(report_sarif(Verdict(problems, None), strict=False))
    assert_valid_sarif(log)
    first, second = log["runs"][0]["results"]
    assert first["locations"] == [{"physicalLocation": {"artifactLocation": {
        "uri": "content/documents/2024/%E9%80%9A%E7%9F%A5%20%E9%99%84%E4%BB%B6.md"}}}]
    assert second["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}

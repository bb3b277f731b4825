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
from portal_fixture import NAMES, make_portal

from conftest import FIXTURE_EPOCH, FIXTURES, REPO, replace_in, tree
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
        "README.md", "github-actions.yml", "gitlab-ci.yml", "portal-ci.sh", "portal-github-actions.yml",
        "portal-gitlab-ci.yml", "pre-commit-config.yaml", "xxgk-ci.sh"]
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


# --- the portal's CI (docs/ci/portal-*): a job per department, a combining job, publishing ----------------

PORTAL_GITHUB = CI / "portal-github-actions.yml"
PORTAL_GITLAB = CI / "portal-gitlab-ci.yml"
PORTAL_SCRIPT = CI / "portal-ci.sh"
OUTSIDE = "../site"  # most runs below put the site beside the platform folder; one keeps the CI files' `site`


def test_portal_ci_files_are_shipped_beside_the_departments_ones():
    assert {p.name for p in CI.iterdir()} >= {"portal-github-actions.yml", "portal-gitlab-ci.yml", "portal-ci.sh"}
    assert os.access(PORTAL_SCRIPT, os.X_OK)
    assert "## Portal (many departments)" in (CI / "README.md").read_text(encoding="utf-8")


def test_portal_github_workflow_matches_githubs_schema():
    validate("check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(PORTAL_GITHUB))


def test_portal_gitlab_pipeline_matches_gitlabs_schema():
    validate("check_jsonschema", "--builtin-schema", "vendor.gitlab-ci", str(PORTAL_GITLAB))


def test_portal_ci_script_passes_shellcheck():
    shellcheck = shutil.which("shellcheck")
    assert shellcheck, "ShellCheck is missing: tests/run.sh installs it (apt-get install shellcheck)"
    result = subprocess.run([shellcheck, str(PORTAL_SCRIPT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def actions_used(workflow: dict) -> dict[str, set[str]]:
    used: dict[str, set[str]] = {}
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if "uses" in step:
                action, _, version = step["uses"].partition("@")
                used.setdefault(action, set()).add(version)
    return used


def test_portal_github_workflow_builds_each_department_apart_and_publishes_the_combined_site():
    workflow = yaml.safe_load(PORTAL_GITHUB.read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    assert list(jobs) == ["departments", "build", "portal", "publish"]
    build = jobs["build"]
    assert build["continue-on-error"] is True and build["strategy"]["fail-fast"] is False
    assert build["strategy"]["matrix"]["department"] == "${{ fromJSON(needs.departments.outputs.list) }}"
    runs = [step.get("run", "") for step in build["steps"]]
    assert "pip install -r requirements.txt" in runs
    assert 'xxgk check --strict --format github --content "departments/$DEPARTMENT"' in runs
    upload = next(step["with"] for step in build["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["name"] == "built-${{ matrix.department }}" and upload["include-hidden-files"] is True
    portal = jobs["portal"]
    assert portal["needs"] == ["departments", "build"] and "!cancelled()" in portal["if"]
    assert next(s for s in portal["steps"] if s.get("uses") == "actions/checkout@v5")["with"]["submodules"] == "recursive"
    restore = next(s["with"] for s in portal["steps"] if s.get("uses", "").startswith("actions/cache/restore@"))
    save = next(s for s in portal["steps"] if s.get("uses", "").startswith("actions/cache/save@"))
    assert restore["path"] == save["with"]["path"] == "site"
    assert restore["key"].startswith(restore["restore-keys"]) and save["with"]["key"].startswith(restore["restore-keys"])
    assert save["if"] == "env.PUBLISH == 'true'"  # only the published site is cached
    download = next(s for s in portal["steps"] if s.get("uses", "").startswith("actions/download-artifact@"))
    assert download["with"] == {"pattern": "built-*", "path": "built", "merge-multiple": True}
    assert next(s for s in portal["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))["if"] == (
        "env.PUBLISH == 'true'")
    # GitHub Pages: only the publishing job may write, on the default branch
    assert workflow["permissions"] == {"contents": "read"}
    assert jobs["publish"]["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert "github.event_name != 'pull_request'" in jobs["publish"]["if"]
    assert [s["uses"] for s in jobs["publish"]["steps"]] == ["actions/deploy-pages@v4"]
    # the same versions of the actions as a department's workflow
    department = actions_used(yaml.safe_load((CI / "github-actions.yml").read_text(encoding="utf-8")))
    portal_actions = actions_used(workflow)
    assert {action: portal_actions[action] for action in department} == department
    assert all(len(versions) == 1 for versions in portal_actions.values())


def test_portal_gitlab_pipeline_builds_each_department_apart_and_publishes_the_combined_site():
    pipeline = yaml.safe_load(PORTAL_GITLAB.read_text(encoding="utf-8"))
    assert pipeline["variables"]["GIT_SUBMODULE_STRATEGY"] == "recursive"
    build = pipeline["build"]
    assert build["parallel"]["matrix"] == [{"DEPARTMENT": list(NAMES)}]
    assert build["allow_failure"] is True
    assert build["variables"] == {"GIT_SUBMODULE_PATHS": "departments/$DEPARTMENT"}
    assert build["artifacts"]["paths"] == ["built/$DEPARTMENT/"]
    assert build["script"][0] == 'xxgk check --strict --content "departments/$DEPARTMENT"'
    assert pipeline["departments"]["needs"] == []
    portal = pipeline["portal"]
    assert portal["needs"] == [{"job": "build", "artifacts": True, "optional": True}]
    assert {"key": "xxgk-portal-site", "paths": ["site/"]} in portal["cache"]
    assert portal["artifacts"]["paths"] == ["site/"]
    pages = pipeline["pages"]
    assert pages["needs"] == ["portal"] and pages["artifacts"]["paths"] == ["public/"]
    assert pages["variables"] == {"GIT_STRATEGY": "none"}
    default_branch = [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert portal["rules"] == pages["rules"] == default_branch


# --- the portal's CI run for real on a three-department platform ---------------------------------------------

@pytest.fixture
def platform(tmp_path: Path) -> Path:
    """A platform repository: portal.yaml, departments/{fgw,czj,tjj}, requirements.txt and ci/portal-ci.sh."""
    root = make_portal(tmp_path / "platform")
    (root / "ci").mkdir()
    shutil.copy2(PORTAL_SCRIPT, root / "ci/portal-ci.sh")
    (root / "requirements.txt").write_text("xxgk==0.1.0\n", encoding="utf-8")
    return root


def clean_env(root: Path, **env: str) -> dict[str, str]:
    # As ci_script: no CI variables of whatever runs these tests, and this environment's `xxgk` and `python`
    # (Python with PyYAML) in place of what requirements.txt would install.
    return {"PATH": f"{Path(sys.executable).parent}{os.pathsep}/usr/bin:/bin", "HOME": str(root.parent),
            "SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "XXGK_SKIP_INSTALL": "1", "XXGK_PYTHON": sys.executable, **env}


def portal_script(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", "ci/portal-ci.sh", *args], cwd=root, capture_output=True, text=True,
                          env=clean_env(root, **{"XXGK_OUT": OUTSIDE, **env}))


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same platform as `xxgk portal` builds it, every department built by itself: what the CI files must
    give, and the site a run finds published before it."""
    root = make_portal(tmp_path_factory.mktemp("published") / "platform")
    result = subprocess.run([sys.executable, "-m", "xxgk", "portal", "--content", "platform", "--out", "site"],
                            cwd=root.parent, capture_output=True, text=True, env=clean_env(root))
    assert result.returncode == 0, result.stdout + result.stderr
    return root.parent / "site"


def test_portal_ci_script_builds_every_department_then_combines_them(platform, published):
    result = portal_script(platform)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "portal-ci：检查并生成 czj（https://gk.example.gov.cn/czj/）" in result.stdout.splitlines()
    assert result.stdout.splitlines()[-4:] == [
        "fgw：已合并（预先生成）", "czj：已合并（预先生成）", "tjj：已合并（预先生成）", "已生成平台到 ../site：3 个部门。"]
    # each department built with portal.yaml's address for it: the same site as xxgk portal building them
    assert tree(platform.parent / "site") == tree(published)


def test_portal_ci_script_keeps_a_failed_departments_last_version(platform, published):
    shutil.copytree(published, platform.parent / "site")  # restored from where it is published
    before = tree(platform.parent / "site/czj")
    replace_in(platform / "departments/czj/documents/2024/functions.md", "published_on: 2024-12-06",
               "published_on: 2024-02-30")
    replace_in(platform / "departments/fgw/documents/2024/functions.md", "title: 测试市测试局主要职责",
               "title: 测试市测试局主要职责（修订）")
    result = portal_script(platform)
    assert result.returncode == 0, result.stdout + result.stderr  # the others are published
    assert "portal-ci：czj 未通过检查或生成失败（见上），合并时保留它上一次发布的版本。" in result.stderr.splitlines()
    assert "czj：本次生成失败，保留上一次发布的版本" in result.stdout.splitlines()
    assert not (platform / "built/czj").exists()
    assert tree(platform.parent / "site/czj") == before
    assert "（修订）" in (platform.parent / "site/fgw/documents/2024/functions/index.html").read_text(encoding="utf-8")
    assert portal_script(platform, "--strict", "combine").returncode == 1  # for a CI that should turn red


def test_portal_ci_script_builds_and_combines_in_separate_jobs(platform):
    built = portal_script(platform, "build", "fgw")
    assert built.returncode == 0, built.stdout + built.stderr
    assert sorted(p.name for p in (platform / "built").iterdir() if not p.name.startswith(".")) == ["fgw"]
    combined = portal_script(platform, "combine")
    assert combined.returncode == 0, combined.stdout + combined.stderr
    assert "portal-ci：检查并生成" not in combined.stdout  # combining builds nothing
    assert "fgw：已合并（预先生成）" in combined.stdout.splitlines()
    assert "czj：生成失败，且没有可保留的版本：平台上暂不显示该部门" in combined.stdout.splitlines()  # no earlier site
    assert (platform.parent / "site/fgw/index.html").is_file() and not (platform.parent / "site/czj").exists()
    replace_in(platform / "departments/czj/documents/2024/functions.md", "published_on: 2024-12-06",
               "published_on: 2024-02-30")
    failed = portal_script(platform, "build", "czj")
    assert failed.returncode == 1
    assert "portal-ci：本次生成失败的部门：czj" in failed.stderr.splitlines()


def test_portal_ci_script_explains_setup_problems_and_exits_2(platform):
    unknown = portal_script(platform, "build", "fgw", "jtj")
    assert (unknown.returncode, unknown.stderr) == (2, "portal-ci：departments 中没有部门 jtj\n")
    assert not (platform / "built").exists()
    for args, message in [(["--publish"], "不认识的参数 --publish（可用 build 部门...、combine、--strict）"),
                          (["publish"], "不认识的参数 publish（可用 build 部门...、combine、--strict）"),
                          (["combine", "fgw"], "combine 之后不接参数（多余的是 fgw）"),
                          (["build"], "build 之后写要生成的部门文件夹名，如 build fgw czj")]:
        result = portal_script(platform, *args)
        assert (result.returncode, result.stderr) == (2, f"portal-ci：{message}\n"), args
    (platform / "requirements.txt").unlink()
    missing = portal_script(platform, XXGK_SKIP_INSTALL="0")
    assert missing.returncode == 2 and "portal-ci：仓库根目录没有 requirements.txt" in missing.stderr
    (platform / "portal.yaml").unlink()
    outside = portal_script(platform)
    assert outside.returncode == 2 and "portal-ci：当前目录下没有 portal.yaml 和 departments 文件夹" in outside.stderr


def test_portal_ci_script_reads_the_address_from_portal_yaml(platform):
    replace_in(platform / "portal.yaml", "base_url: https://gk.example.gov.cn/\n", "")
    result = portal_script(platform, "build", "fgw")
    assert result.returncode == 2
    assert result.stderr == ("portal-ci：portal.yaml 中没有 base_url（平台网址，如 https://gk.example.gov.cn/）："
                             "各部门按它生成自己的网址。\n")


def test_portal_ci_script_combines_into_site_inside_the_platform(platform, published):
    shutil.copytree(published / "fgw", platform / "built/fgw")  # as `portal-ci.sh build fgw` leaves it
    result = portal_script(platform, "combine", XXGK_OUT="site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (platform / "site/fgw/index.html").is_file()


def workflow_step(workflow: Path, job: str, step_id: str) -> dict:
    jobs = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]
    return next(step for step in jobs[job]["steps"] if step.get("id") == step_id)


def run_shell(script: str, root: Path, options: list[str], **env: str) -> subprocess.CompletedProcess:
    """A step's script as the runner runs it: a file, run by bash from the repository's root."""
    path = root.parent / "step.sh"
    path.write_text(script.replace("--out site", f"--out {OUTSIDE}"), encoding="utf-8")
    return subprocess.run(["bash", "--noprofile", "--norc", *options, str(path)], cwd=root, capture_output=True,
                          text=True, env=clean_env(root, **env))


def github_step(root: Path, job: str, step_id: str, **env: str) -> subprocess.CompletedProcess:
    step = workflow_step(PORTAL_GITHUB, job, step_id)
    # GitHub runs `bash -e {0}`, or `bash --noprofile --norc -eo pipefail {0}` with `shell: bash`
    options = ["-eo", "pipefail"] if step.get("shell") == "bash" else ["-e"]
    return run_shell(step["run"], root, options, **env)


def test_portal_github_steps_list_build_and_combine_the_departments(platform, published):
    outputs, summary = platform.parent / "outputs", platform.parent / "summary.md"
    listed = github_step(platform, "departments", "list", GITHUB_OUTPUT=str(outputs))
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert outputs.read_text(encoding="utf-8") == 'list=["czj","fgw","tjj"]\n'
    checked = github_step(platform, "build", "check", DEPARTMENT="czj")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    for slug in json.loads(outputs.read_text(encoding="utf-8").partition("=")[2]):
        built = github_step(platform, "build", "build", DEPARTMENT=slug)
        assert built.returncode == 0, built.stdout + built.stderr
    combined = github_step(platform, "portal", "combine", GITHUB_STEP_SUMMARY=str(summary))
    assert combined.returncode == 0, combined.stdout + combined.stderr
    assert "::warning" not in combined.stdout
    assert tree(platform.parent / "site") == tree(published)
    assert summary.read_text(encoding="utf-8").splitlines()[1:4] == [
        "fgw：已合并（预先生成）", "czj：已合并（预先生成）", "tjj：已合并（预先生成）"]

    # czj's job failed: no artifact; the restored site keeps its last version
    shutil.rmtree(platform / "built/czj")
    combined = github_step(platform, "portal", "combine", GITHUB_STEP_SUMMARY=str(summary))
    assert combined.returncode == 0, combined.stdout + combined.stderr
    assert ("::warning title=部门 czj 本次未生成::见任务“生成 czj”的日志；平台上保留该部门上一次发布的版本（如有）"
            in combined.stdout.splitlines())
    assert "czj：本次生成失败，保留上一次发布的版本" in summary.read_text(encoding="utf-8").splitlines()
    assert tree(platform.parent / "site/czj") == tree(published / "czj")

    # no base_url in portal.yaml: the build job says so
    replace_in(platform / "portal.yaml", "base_url: https://gk.example.gov.cn/\n", "")
    failed = github_step(platform, "build", "build", DEPARTMENT="fgw")
    assert failed.returncode == 1
    assert failed.stdout.startswith("::error file=portal.yaml::portal.yaml 中没有 base_url")


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.gov.cn",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.gov.cn",
                        "GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "protocol.file.allow",
                        "GIT_CONFIG_VALUE_0": "always"})


def test_portal_github_build_job_fetches_only_its_own_departments_submodule(tmp_path):
    # fgw and czj are submodules (their own repositories), tjj a plain folder of the platform's repository
    source = make_portal(tmp_path / "source")
    upstream = tmp_path / "upstream"
    upstream.mkdir()
    (upstream / "departments").mkdir()
    shutil.copy2(source / "portal.yaml", upstream / "portal.yaml")
    shutil.copytree(source / "departments/tjj", upstream / "departments/tjj")
    git("init", "--quiet", "--initial-branch=main", cwd=upstream)
    for slug in ("fgw", "czj"):
        shutil.copytree(source / "departments" / slug, tmp_path / slug)
        git("init", "--quiet", "--initial-branch=main", cwd=tmp_path / slug)
        git("add", ".", cwd=tmp_path / slug)
        git("commit", "--quiet", "-m", slug, cwd=tmp_path / slug)
        git("submodule", "add", "--quiet", f"../{slug}", f"departments/{slug}", cwd=upstream)
    git("add", ".", cwd=upstream)
    git("commit", "--quiet", "-m", "platform", cwd=upstream)
    checkout = tmp_path / "checkout"
    git("clone", "--quiet", str(upstream), str(checkout), cwd=tmp_path)  # actions/checkout: no submodules
    assert not any((checkout / "departments/fgw").iterdir())

    file_protocol = {"GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "protocol.file.allow", "GIT_CONFIG_VALUE_0": "always"}
    for slug in ("fgw", "tjj"):
        result = github_step(checkout, "build", "submodule", DEPARTMENT=slug, TOKEN="t0ken", **file_protocol)
        assert result.returncode == 0, result.stdout + result.stderr
    assert (checkout / "departments/fgw/site.yaml").is_file() and (checkout / "departments/tjj/site.yaml").is_file()
    assert not any((checkout / "departments/czj").iterdir())  # another department's submodule is never fetched
    # the departments job lists submodules, checked out or not, and plain folders alike
    outputs = tmp_path / "outputs"
    assert github_step(checkout, "departments", "list", GITHUB_OUTPUT=str(outputs)).returncode == 0
    assert outputs.read_text(encoding="utf-8") == 'list=["czj","fgw","tjj"]\n'


def gitlab_job(root: Path, job: str, **env: str) -> subprocess.CompletedProcess:
    # The runner runs a job's script lines one after another in one bash, stopping at the first that fails.
    script = "\n".join(yaml.safe_load(PORTAL_GITLAB.read_text(encoding="utf-8"))[job]["script"])
    return run_shell(script, root, ["-eo", "pipefail"], **env)


def test_portal_gitlab_jobs_build_and_combine_the_departments_and_check_the_list(platform):
    shutil.copy2(PORTAL_GITLAB, platform / ".gitlab-ci.yml")
    listed = gitlab_job(platform, "departments")
    assert listed.returncode == 0, listed.stdout + listed.stderr
    for slug in ("fgw", "tjj"):  # czj's job failed
        built = gitlab_job(platform, "build", DEPARTMENT=slug)
        assert built.returncode == 0, built.stdout + built.stderr
    combined = gitlab_job(platform, "portal")
    assert combined.returncode == 0, combined.stdout + combined.stderr
    assert "没有上一次发布的网站：本次未生成的部门暂不显示。" in combined.stdout.splitlines()
    assert "czj：生成失败，且没有可保留的版本：平台上暂不显示该部门" in combined.stdout.splitlines()
    assert (platform.parent / "site/fgw/index.html").is_file() and not (platform.parent / "site/czj").exists()

    (platform / "departments/jtj").mkdir()  # a department added without its line in the matrix
    replace_in(platform / ".gitlab-ci.yml", "DEPARTMENT: [fgw, czj, tjj]", "DEPARTMENT: [fgw, czj, tjj, gxj]")
    unlisted = gitlab_job(platform, "departments")
    assert unlisted.returncode == 1
    assert unlisted.stdout.splitlines() == [
        "departments/jtj 不在 .gitlab-ci.yml 中 build 任务的 DEPARTMENT 列表里，不会生成：请把 jtj 加入列表",
        ".gitlab-ci.yml 中 build 任务的 DEPARTMENT 列表里的 gxj 在 departments/ 中没有对应的文件夹：请从列表中删除"]

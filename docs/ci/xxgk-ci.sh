#!/bin/sh
# xxgk for any CI (an intranet GitLab runner, Gitee Go, Jenkins...) or by hand. Goes to ci/xxgk-ci.sh and
# runs from the repository root (content/ and requirements.txt there); explained in xxgk's docs/ci/README.md.
#
#   sh ci/xxgk-ci.sh                      check; on the main branch also build the site into site/
#   sh ci/xxgk-ci.sh --build              check, then build, whatever the branch
#   sh ci/xxgk-ci.sh --check-only         check only
#   sh ci/xxgk-ci.sh --build -- --no-search    options after -- are passed to `xxgk build`
#
# Environment:
#   XXGK_BUILD=1 | 0          as --build | --check-only
#   XXGK_MAIN_BRANCHES        the branches that are built (default: "main master")
#   XXGK_PYTHON               the Python that makes the virtual environment (default: python3)
#   XXGK_VENV                 where the virtual environment goes (default: .venv)
#   XXGK_SKIP_INSTALL=1       no virtual environment: use the `xxgk` already on PATH
#   SOURCE_DATE_EPOCH         pins "today" (see the README: not for the publishing build)
#
# Exit status: 0 checked (and built); 1 content errors, or warnings (the check is --strict);
# 2 a usage or setup problem (no content/ or requirements.txt, an unknown option, pip failing...).
# site/ is left for the platform's publishing step; nothing is published from here.
set -eu

say() { printf 'xxgk-ci：%s\n' "$*"; }
fail() { printf 'xxgk-ci：%s\n' "$*" >&2; exit 2; }

build="${XXGK_BUILD:-auto}"
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=1 ;;
    --check-only) build=0 ;;
    --) shift; break ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) fail "不认识的参数 $1（可用 --build、--check-only，-- 之后的参数交给 xxgk build）" ;;
  esac
  shift
done

# The branch this run is for, from the CI platform's variables or else git; empty for a pull or merge
# request (whose target branch some platforms report as the branch) and for a detached checkout.
current_branch() {
  if [ -n "${CI_MERGE_REQUEST_IID:-}${GITHUB_HEAD_REF:-}${GITEE_PULL_ID:-}${CHANGE_ID:-}" ]; then
    return 0
  fi
  jenkins_branch="${GIT_BRANCH:-}"
  github_branch=""
  if [ "${GITHUB_REF_TYPE:-}" = branch ]; then github_branch="${GITHUB_REF_NAME:-}"; fi
  # GitLab, GitHub, Gitee Go, Jenkins (multibranch, then the git plugin's origin/main)
  for name in "${CI_COMMIT_BRANCH:-}" "$github_branch" "${GITEE_BRANCH:-}" "${BRANCH_NAME:-}" \
      "${jenkins_branch#origin/}"; do
    if [ -n "$name" ]; then
      printf '%s\n' "$name"
      return 0
    fi
  done
  git symbolic-ref --quiet --short HEAD 2>/dev/null || true
}

if [ "$build" != 0 ] && [ "$build" != 1 ]; then
  [ "$build" = auto ] || fail "XXGK_BUILD 应为 1 或 0，而不是 \"$build\""
  branch="$(current_branch)"
  build=0
  for main in ${XXGK_MAIN_BRANCHES:-main master}; do
    if [ "$branch" = "$main" ]; then build=1; fi
  done
  if [ "$build" = 0 ]; then
    say "不是主分支（${branch:-合并请求或未知分支}），只检查不生成网站；需要生成时加 --build。"
  fi
fi

[ -d content ] || fail "当前目录下没有 content 文件夹：请在仓库根目录运行本脚本。"

if [ "${XXGK_SKIP_INSTALL:-0}" = 1 ]; then
  command -v xxgk >/dev/null 2>&1 || fail "XXGK_SKIP_INSTALL=1，但 PATH 中找不到 xxgk 命令。"
  xxgk=xxgk
else
  [ -f requirements.txt ] || fail "仓库根目录没有 requirements.txt：其中一行安装 xxgk，如 xxgk 的 wheel 地址或 xxgk @ git+https://…"
  venv="${XXGK_VENV:-.venv}"
  say "安装 requirements.txt 到 $venv"
  "${XXGK_PYTHON:-python3}" -m venv "$venv" || fail "无法创建虚拟环境 $venv（需要 Python 3.11 或更新版本及其 venv 模块）。"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt \
    || fail "pip install -r requirements.txt 失败，请查看上面的信息。"
  xxgk="$venv/bin/xxgk"
fi

say "检查内容（--strict：警告也按错误处理）"
status=0
"$xxgk" check --strict || status=$?
if [ "$status" -ne 0 ]; then
  say "检查未通过，网站未生成。" >&2
  exit "$status"
fi

if [ "$build" = 1 ]; then
  say "生成网站"
  "$xxgk" build --strict "$@"
  say "网站已生成，由发布步骤上传（默认在 site 文件夹）。"
fi

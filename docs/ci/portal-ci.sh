#!/bin/sh
# xxgk portal for any CI (Jenkins, Gitee Go, an intranet runner...) or by hand: check and build each
# department of a platform repository, then combine them into one site. Goes to ci/portal-ci.sh of the
# platform repository and runs from its root (portal.yaml, departments/ and requirements.txt there);
# explained in xxgk's docs/ci/README.md ("Portal").
#
#   sh ci/portal-ci.sh                  build every department, one after another, then combine them into site/
#   sh ci/portal-ci.sh build SLUG...    check and build only these departments into built/<slug>/
#                                       (one parallel job each; exits 1 when one of them fails)
#   sh ci/portal-ci.sh combine          combine built/<slug>/ of every department into site/, building nothing
#   sh ci/portal-ci.sh --strict ...     combining exits 1 when a department failed (the others are still combined)
#
# Each department is checked with `xxgk check --strict` and built with `xxgk build --strict --base-url
# <portal base_url><slug>/` (the address from portal.yaml). Combining never builds: a department without
# a built folder (its check or build failed) keeps the version in site/, the portal published last, so
# keep site/ between runs (or restore it before combining); without it, that department is left out.
#
# Environment:
#   XXGK_OUT                 the published site, read for the versions to keep, then replaced (default: site)
#   XXGK_BUILT               where the departments are built (default: built)
#   XXGK_PYTHON              the Python that makes the virtual environment (default: python3)
#   XXGK_VENV                where the virtual environment goes (default: .venv)
#   XXGK_SKIP_INSTALL=1      no virtual environment: use the `xxgk` on PATH (and XXGK_PYTHON, which must
#                            be the Python that has xxgk, to read portal.yaml)
#
# Exit status: 0 combined (a department that failed is named and keeps its last version); 1 a department
# failed (`build`; or combining with --strict), or portal.yaml has errors (nothing is combined then);
# 2 a usage or setup problem (no portal.yaml or requirements.txt, an unknown option, pip failing...).
set -eu

say() { printf 'portal-ci：%s\n' "$*"; }
fail() { printf 'portal-ci：%s\n' "$*" >&2; exit 2; }

strict=0
while [ $# -gt 0 ]; do
  case "$1" in
    --strict) strict=1 ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    -*) fail "不认识的参数 $1（可用 build 部门...、combine、--strict）" ;;
    *) break ;;
  esac
  shift
done
mode="${1:-all}"
[ $# -eq 0 ] || shift
case "$mode" in
  all|combine) [ $# -eq 0 ] || fail "$mode 之后不接参数（多余的是 $*）" ;;
  build) [ $# -gt 0 ] || fail "build 之后写要生成的部门文件夹名，如 build fgw czj" ;;
  *) fail "不认识的参数 $mode（可用 build 部门...、combine、--strict）" ;;
esac

out="${XXGK_OUT:-site}"
built="${XXGK_BUILT:-built}"
if [ ! -f portal.yaml ] || [ ! -d departments ]; then
  fail "当前目录下没有 portal.yaml 和 departments 文件夹：请在平台仓库的根目录运行本脚本。"
fi

# The departments: the folders under departments/ (as xxgk portal finds them).
departments() {
  for folder in departments/*/; do
    [ -d "$folder" ] || continue
    folder="${folder%/}"
    printf '%s\n' "${folder#departments/}"
  done
}

if [ "${XXGK_SKIP_INSTALL:-0}" = 1 ]; then
  command -v xxgk >/dev/null 2>&1 || fail "XXGK_SKIP_INSTALL=1，但 PATH 中找不到 xxgk 命令。"
  xxgk=xxgk
  python="${XXGK_PYTHON:-python3}"
else
  [ -f requirements.txt ] || fail "仓库根目录没有 requirements.txt：其中一行安装 xxgk，如 xxgk 的 wheel 地址或 xxgk @ git+https://…"
  venv="${XXGK_VENV:-.venv}"
  say "安装 requirements.txt 到 $venv"
  "${XXGK_PYTHON:-python3}" -m venv "$venv" || fail "无法创建虚拟环境 $venv（需要 Python 3.11 或更新版本及其 venv 模块）。"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt \
    || fail "pip install -r requirements.txt 失败，请查看上面的信息。"
  xxgk="$venv/bin/xxgk"
  python="$venv/bin/python"
fi

# Check and build one department with the portal's address; 1 when it fails (nothing left in built/<slug>).
build_department() {
  slug="$1"
  rm -rf "${built:?}/$slug"  # never combine a folder an earlier run left behind
  say "检查并生成 $slug（$base_url$slug/）"
  if "$xxgk" check --strict --quiet --content "departments/$slug" --cache ".cache/portal/$slug" \
      && "$xxgk" build --strict --quiet --content "departments/$slug" --out "$built/$slug" \
           --cache ".cache/portal/$slug" --base-url "$base_url$slug/"; then
    return 0
  fi
  rm -rf "${built:?}/$slug"
  say "$slug 未通过检查或生成失败（见上），合并时保留它上一次发布的版本。" >&2
  return 1
}

build_all() {
  base_url="$("$python" -c 'import sys, yaml
url = (yaml.safe_load(open("portal.yaml", encoding="utf-8")) or {}).get("base_url")
print(url) if url else sys.exit(1)')" \
    || fail "portal.yaml 中没有 base_url（平台网址，如 https://gk.example.gov.cn/）：各部门按它生成自己的网址。"
  failed=""
  for slug in "$@"; do
    build_department "$slug" || failed="$failed $slug"
  done
  [ -z "$failed" ] || say "本次生成失败的部门：${failed# }" >&2
  [ -z "$failed" ]
}

combine() {
  set --
  for slug in $(departments); do
    set -- "$@" --from "$slug=$built/$slug"
  done
  [ $# -gt 0 ] || fail "departments 中没有任何部门文件夹。"
  if [ "$strict" = 1 ]; then set -- --strict "$@"; fi
  say "合并各部门的网站到 $out"
  "$xxgk" portal --content . --out "$out" "$@"
}

case "$mode" in
  build)
    for slug in "$@"; do
      [ -d "departments/$slug" ] || fail "departments 中没有部门 $slug"
    done
    build_all "$@"
    ;;
  combine)
    combine
    ;;
  all)
    # shellcheck disable=SC2046  # folder names are URL segments: letters, digits, . - _
    build_all $(departments) || true
    combine
    ;;
esac

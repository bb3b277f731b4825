"""The wheel is the product: installed into a fresh virtual environment, its `xxgk` command builds a
department's content from a folder outside the repository (templates and schemas travel inside it)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import jinja2

from conftest import FIXTURE_EPOCH, FIXTURES, REPO


def test_the_installed_wheel_builds_a_department_anywhere(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(wheels), str(REPO)],
                   check=True, cwd=tmp_path)
    (wheel,) = wheels.glob("xxgk-*.whl")
    assert "xxgk/ci/github-actions.yml" in zipfile.ZipFile(wheel).namelist()  # docs/ci, for `xxgk init` to copy
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                  check=True, capture_output=True, text=True).stdout.strip())
    # The dependencies at the versions of this environment (requirements.lock); xxgk itself only from the wheel.
    dependencies = Path(jinja2.__file__).resolve().parent.parent
    assert dependencies == Path(sysconfig.get_paths()["purelib"]).resolve()
    (purelib / "xxgk-test-dependencies.pth").write_text(f"{dependencies}\n", encoding="utf-8")
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)], check=True)

    department = tmp_path / "department"
    shutil.copytree(FIXTURES / "minimal", department / "content")
    located = subprocess.run([str(python), "-c", "import xxgk; print(xxgk.__file__)"], check=True, cwd=department,
                             capture_output=True, text=True).stdout
    assert located.startswith(str(purelib)), located  # the installed package, not the repository
    result = subprocess.run([str(venv / "bin" / "xxgk"), "build", "--quiet"], cwd=department, capture_output=True,
                            text=True, env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": FIXTURE_EPOCH})
    assert result.returncode == 0, result.stdout + result.stderr
    site = department / "site"
    assert "测试市测试局" in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "assets/site.css").read_bytes() == (REPO / "templates/assets/site.css").read_bytes()
    assert (site / "pagefind/pagefind.js").is_file()
    check = subprocess.run([str(venv / "bin" / "xxgk"), "check"], cwd=department, capture_output=True, text=True,
                           env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": FIXTURE_EPOCH})
    assert check.returncode == 0 and check.stdout == "检查通过：没有发现问题。\n", check.stdout + check.stderr
    # a new department's repository, from the installed wheel alone: the scaffold and CI files travel in it
    init = subprocess.run([str(venv / "bin" / "xxgk"), "init", "new-department"], cwd=tmp_path, capture_output=True,
                          text=True, env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": FIXTURE_EPOCH})
    assert init.returncode == 0, init.stdout + init.stderr
    for made in ("content/site.yaml", "content/guide.md", "content/catalogue.csv", ".gitignore", ".gitlab-ci.yml",
                 ".github/workflows/xxgk.yml", "ci/xxgk-ci.sh"):
        assert (tmp_path / "new-department" / made).is_file(), made

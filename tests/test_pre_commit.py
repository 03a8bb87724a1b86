"""The pre-commit hooks run offline on a copy of the checkout: clean files pass; a notebook with
front-end noise, an unsynced chapter and unformatted code are caught and fixed."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(sys.executable).parent.parent


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def checkout(tmp_path_factory):
    """The tracked and new (not ignored) files of this checkout, as a fresh git repository."""
    copy = tmp_path_factory.mktemp("checkout")
    files = git("ls-files", "--cached", "--others", "--exclude-standard", "-z", cwd=ROOT).split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    (copy / ".venv").symlink_to(VENV)
    git("init", "-q", cwd=copy)
    git("add", "-A", cwd=copy)
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "copy", cwd=copy)
    return copy


def pre_commit(checkout: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    return subprocess.run(
        [str(VENV / "bin" / "pre-commit"), "run", "--all-files"],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_hooks_pass_on_the_checkout_as_it_is(checkout, tmp_path):
    result = pre_commit(checkout, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hooks_catch_and_fix_noise_unsynced_text_and_formatting(checkout, tmp_path):
    nb_path = checkout / "notebooks" / "07-afghan-drugs.ipynb"
    nb = json.loads(nb_path.read_text())
    nb["cells"][1]["metadata"]["execution"] = {"iopub.execute_input": "2026-12-01T10:00:00Z"}
    nb_path.write_text(json.dumps(nb, indent=1) + "\n")
    md = checkout / "notebooks" / "08-security-belt.md"
    md.write_text(md.read_text().replace("# ", "# An edited title: ", 1))
    module = checkout / "maturing" / "text.py"
    module.write_text(module.read_text() + "\nX = {  'a':1 }\n")

    result = pre_commit(checkout, tmp_path)
    assert result.returncode != 0
    assert "execution" not in json.loads(nb_path.read_text())["cells"][1]["metadata"]
    paired = json.loads((checkout / "notebooks" / "08-security-belt.ipynb").read_text())
    assert any("An edited title: " in "".join(c["source"]) for c in paired["cells"])
    assert module.read_text().endswith('\nX = {"a": 1}\n')

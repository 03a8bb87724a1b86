"""The tests of the built book fail, rather than skip, when there is no built book."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE_TESTS = ["tests/site/test_weight.py", "tests/site/test_pages.py"]


def test_page_tests_fail_without_a_build(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rA", "--built", str(tmp_path), *PAGE_TESTS],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    summary = run.stdout.strip().splitlines()[-1]
    assert run.returncode == 1, run.stdout[-2000:]
    assert "skipped" not in summary and "no tests ran" not in summary, summary
    assert "no built book at" in run.stdout
    assert "test_page_weight_within_budget[(no built book)]" in run.stdout

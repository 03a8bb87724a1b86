"""nbval, as `make test` runs it, fails when a committed figure or its caption no longer matches a
fresh run (tests/support/nbval_figures.py): without the plugin it would not."""

import base64
import io
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]


def png(colour: str) -> str:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), colour).save(out, format="PNG")
    return base64.b64encode(out.getvalue()).decode("ascii")


def notebook(tmp_path: Path, committed_png: str, committed_caption: str) -> Path:
    """A one-cell notebook that displays a red square captioned 'fresh', committed with other outputs."""
    code = (
        "from IPython.display import display\n"
        f"display({{'image/png': {png('red')!r}, 'text/plain': 'square'}}, raw=True, "
        "metadata={'maturing/figure': {'caption': 'fresh'}})"
    )
    cell = nbformat.v4.new_code_cell(code, execution_count=1)
    cell.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={"image/png": committed_png, "text/plain": "square"},
            metadata={"maturing/figure": {"caption": committed_caption}},
        )
    ]
    nb = nbformat.v4.new_notebook(cells=[cell])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "figure.ipynb"
    nbformat.write(nb, path)
    return path


def run_nbval(path: Path, *, plugin: bool) -> subprocess.CompletedProcess:
    args = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        f"--rootdir={path.parent}",
        "--nbval",
        "--nbval-current-env",
        str(path),
    ]
    if plugin:
        args[3:3] = ["-p", "tests.support.nbval_figures"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(args, cwd=path.parent, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    ("committed_png", "caption", "what"),
    [
        (png("blue"), "fresh", "the image"),
        (png("red"), "stale caption", "the output metadata"),
    ],
)
def test_a_stale_figure_fails_nbval_only_with_the_plugin(tmp_path, committed_png, caption, what):
    nb = notebook(tmp_path, committed_png, caption)
    with_plugin = run_nbval(nb, plugin=True)
    assert with_plugin.returncode == 1, f"nbval passed although {what} differs:\n{with_plugin.stdout}"
    without = run_nbval(nb, plugin=False)
    assert without.returncode == 0, without.stdout  # nbval alone would have let it through


def test_an_unchanged_figure_passes(tmp_path):
    nb = notebook(tmp_path, png("red"), "fresh")
    result = run_nbval(nb, plugin=True)
    assert result.returncode == 0, result.stdout

"""Every chapter is a MyST text file (what people edit) paired with a notebook (which keeps the
committed outputs): the two must say the same thing, and syncing an edit must touch only it."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest

from maturing.chapter import declaration, from_metadata
from maturing.data import resource_names

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
STEMS = sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))


def test_every_notebook_has_a_text_source_and_back():
    assert STEMS, "no chapters found"
    assert sorted(p.stem for p in NOTEBOOKS.glob("*.md")) == STEMS


def cells(nb) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(c.cell_type, c.source.strip(), tuple(c.metadata.get("tags", ()))) for c in nb.cells]


@pytest.mark.parametrize("stem", STEMS)
def test_text_source_and_notebook_agree(stem):
    text = jupytext.read(NOTEBOOKS / f"{stem}.md")
    notebook = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    in_text, in_notebook = cells(text), cells(notebook)
    for i, (a, b) in enumerate(zip(in_text, in_notebook, strict=False)):
        assert a == b, f"{stem}: cell {i + 1} differs between the .md and the .ipynb: run `make sync`"
    assert len(in_text) == len(in_notebook), f"{stem}: the .md and the .ipynb have different cells: run `make sync`"
    assert text.metadata.get("maturing") == notebook.metadata.get("maturing"), f"{stem}: declarations differ"


@pytest.mark.parametrize("stem", STEMS)
def test_chapter_declares_what_it_reads_and_opens_its_own_declaration(stem):
    declared = declaration(NOTEBOOKS / f"{stem}.ipynb")
    assert declared.tables, stem
    assert set(declared.tables) <= set(resource_names()), f"{stem}: declares tables the data package lacks"
    assert set(declared.geometry) <= {"10m", "50m", "110m"}
    code = [c.source for c in nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4).cells if c.cell_type == "code"]
    assert f'begin("{stem}")' in code[0], f"{stem}: the first code cell must open the chapter's own declaration"


def test_a_declaration_without_tables_is_refused():
    with pytest.raises(ValueError, match="no `maturing: tables:` list"):
        from_metadata("99-x", {"maturing": {"geometry": ["10m"]}})
    with pytest.raises(ValueError, match="unknown keys"):
        from_metadata("99-x", {"maturing": {"tables": [], "table": ["claims"]}})


def test_syncing_a_one_sentence_edit_changes_only_that_sentence(tmp_path):
    """What `make sync` does after an edit of the text: the notebook's cell ids, outputs and every
    other cell stay as they were."""
    stem = "07-afghan-drugs"
    for suffix in (".md", ".ipynb"):
        shutil.copy2(NOTEBOOKS / f"{stem}{suffix}", tmp_path / f"{stem}{suffix}")
    shutil.copy2(ROOT / "jupytext.toml", tmp_path / "jupytext.toml")
    before = json.loads((tmp_path / f"{stem}.ipynb").read_text())
    md = tmp_path / f"{stem}.md"
    old = "rests on numbers"
    assert md.read_text().count(old) == 1
    md.write_text(md.read_text().replace(old, "rests on figures"))
    jupytext_cli = Path(sys.executable).with_name("jupytext")
    subprocess.run([str(jupytext_cli), "--quiet", "--sync", str(md)], check=True, cwd=tmp_path)
    after = json.loads((tmp_path / f"{stem}.ipynb").read_text())
    changed = [i for i, (a, b) in enumerate(zip(before["cells"], after["cells"], strict=True)) if a != b]
    assert len(changed) == 1
    a, b = before["cells"][changed[0]], after["cells"][changed[0]]
    assert a["id"] == b["id"] and a.get("outputs") == b.get("outputs")
    assert "".join(b["source"]) == "".join(a["source"]).replace(old, "rests on figures")
    assert {k: v for k, v in after.items() if k != "cells"} == {k: v for k, v in before.items() if k != "cells"}
    text_diff = [line for line in md.read_text().splitlines() if "rests on figures" in line]
    assert len(text_diff) == 1

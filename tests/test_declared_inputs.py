"""A chapter declares the tables and geometry it reads (its front matter); the cache fingerprint is
built from that declaration, and a chapter that reads anything else fails."""

import json
import shutil
from pathlib import Path

import pytest

from maturing import chapter, geo
from maturing.data import load
from maturing_book import cache

ROOT = Path(__file__).resolve().parents[1]


def notebook(tmp_path: Path, declared: dict, stem: str = "99-test") -> Path:
    (tmp_path / "notebooks").mkdir(exist_ok=True)
    path = tmp_path / "notebooks" / f"{stem}.ipynb"
    path.write_text(json.dumps({"cells": [], "metadata": {"maturing": declared}, "nbformat": 4, "nbformat_minor": 5}))
    return path


@pytest.fixture
def data(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy, ignore=shutil.ignore_patterns("*.geojson"))
    return copy


def test_fingerprint_moves_with_a_declared_table_only(tmp_path, data):
    nb = notebook(tmp_path, {"tables": ["opium_afghanistan"]})
    before = cache.fingerprint(nb, data)
    with open(data / "drug_evidence.csv", "a") as f:  # a table it does not declare
        f.write("\n")
    assert cache.fingerprint(nb, data) == before
    with open(data / "opium_afghanistan.csv", "a") as f:  # the table it declares
        f.write("\n")
    assert cache.fingerprint(nb, data) != before


def test_fingerprint_moves_with_the_declaration_itself(tmp_path, data):
    one = cache.fingerprint(notebook(tmp_path, {"tables": ["opium_afghanistan"]}), data)
    two = cache.fingerprint(notebook(tmp_path, {"tables": ["opium_afghanistan", "drug_evidence"]}), data)
    assert one != two


def test_inputs_cover_what_every_chapter_reads_and_the_declared_geometry(tmp_path, data):
    names = {p.name for p in cache.inputs(notebook(tmp_path, {"tables": [], "geometry": ["50m"]}), data)}
    assert {
        "requirements.txt",
        "data.py",
        "figures.py",
        "datapackage.json",
        "sources.csv",
        "maturing-partnership.txt",
        "ne_50m_countries.geojson",
    } <= names
    assert "ne_10m_countries.geojson" not in names


def test_a_declared_table_the_data_package_lacks_is_an_error(tmp_path, data):
    with pytest.raises(ValueError, match="no_such_table"):
        cache.inputs(notebook(tmp_path, {"tables": ["no_such_table"]}), data)


def test_a_chapter_cannot_read_what_it_does_not_declare(tmp_path):
    notebook(tmp_path, {"tables": ["drug_evidence"], "geometry": ["110m"]})
    try:
        chapter.begin("99-test", root=tmp_path)
        assert len(load("drug_evidence")) > 0
        assert len(load("sources")) > 0  # read by every chapter, no declaration needed
        with pytest.raises(chapter.UndeclaredInput, match="chapter 99-test reads table 'opium_afghanistan'"):
            load("opium_afghanistan")
        assert geo.geometry_file("110m").name == "ne_110m_countries.geojson"
        with pytest.raises(chapter.UndeclaredInput, match="reads the 10m geometry"):
            geo.geometry_file("10m")
    finally:
        chapter.end()
    assert len(load("opium_afghanistan")) > 0  # outside a chapter nothing is enforced

"""Each chapter's download runs on its own, and the pages offer it.

Every chapter's zip is unzipped into a temporary folder outside the repository and its notebook
run top to bottom with nbval against its own outputs (figures compared too). While it runs, an
audit hook in the kernel refuses any file under the repository's ``data/``, ``maturing/`` and
``notebooks/``, so a chapter that still needs the repository fails; the kernel records which
``maturing`` it imported and which packages, and every package must be in the archive's
requirements. Two builds (here: the book's and a second one from a copy of its files with other
dates and permissions, in another process) give identical zips.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import zipfile
from importlib.metadata import distributions
from pathlib import Path

import nbformat
import pytest
import yaml
from frictionless import Package
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from maturing.chapter import declaration

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))
REPOSITORY_PARTS = ("data", "maturing", "notebooks")

# Runs in the chapter's kernel before its first cell (an IPython startup file).
KERNEL_GUARD = textwrap.dedent(
    """
    import json, os, sys

    _FORBIDDEN = tuple(json.loads(os.environ["MATURING_FORBIDDEN"]))
    _RECORD = os.environ["MATURING_RECORD"]
    _AT_START = set(sys.modules)


    def _refuse_the_repository(event, args):
        if event in ("open", "os.listdir", "os.scandir") and args and isinstance(args[0], (str, bytes, os.PathLike)):
            path = os.path.abspath(os.fsdecode(args[0]))
            if path.startswith(_FORBIDDEN):
                raise PermissionError(f"the chapter read {path}, which is in the book's repository")


    def _record_imports(*_):
        package = sys.modules.get("maturing")
        with open(_RECORD, "w") as out:
            files = {getattr(sys.modules[name], "__file__", None) for name in set(sys.modules) - _AT_START}
            json.dump({"maturing": getattr(package, "__file__", None), "files": sorted(f for f in files if f)}, out)


    sys.addaudithook(_refuse_the_repository)
    get_ipython().events.register("post_run_cell", _record_imports)
    """
)

# nbval in its own process, with the book's figure-comparing plugin (imported from the repository
# by pytest only: the kernel it starts has no path to the repository).
RUN_NBVAL = (
    "import sys; sys.path.insert(0, sys.argv[1]); import pytest; "
    "sys.exit(pytest.main(['-q', '-p', 'no:cacheprovider', '-p', 'tests.support.nbval_figures', "
    "'--nbval', '--nbval-current-env', sys.argv[2]]))"
)


def archive_of(html: Path, stem: str) -> Path:
    return html / "archives" / f"maturing-{stem}.zip"


def unzip(archive: Path, into: Path) -> Path:
    with zipfile.ZipFile(archive) as z:
        z.extractall(into)
    return into


def run_with_nbval(notebook: Path, scratch: Path) -> tuple[subprocess.CompletedProcess, dict]:
    startup = scratch / "ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True)
    (startup / "00-refuse-the-repository.py").write_text(KERNEL_GUARD, encoding="utf-8")
    record = scratch / "imports.json"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env |= {
        "IPYTHONDIR": str(scratch / "ipython"),
        "MATURING_FORBIDDEN": json.dumps([f"{ROOT / part}{os.sep}" for part in REPOSITORY_PARTS]),
        "MATURING_RECORD": str(record),
    }
    run = subprocess.run(
        [sys.executable, "-c", RUN_NBVAL, str(ROOT), notebook.name],
        cwd=notebook.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return run, json.loads(record.read_text()) if record.exists() else {}


def requirement_names(text: str) -> set[str]:
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return {canonicalize_name(Requirement(line).name) for line in lines}


def installed_files() -> dict[Path, str]:
    """Every file of every installed distribution -> that distribution's canonical name."""
    return {
        Path(dist.locate_file(f)).resolve(): canonicalize_name(dist.metadata["Name"])
        for dist in distributions()
        for f in dist.files or []
        if f.suffix in (".py", ".so", ".pyd")
    }


def distributions_loaded(files: list[str], folder: Path) -> set[str]:
    """The distributions whose modules the kernel loaded: the standard library's and the
    archive's own (``maturing``) left out; a module from anywhere else fails."""
    stdlib = Path(sysconfig.get_paths()["stdlib"]).resolve()
    owners = installed_files()
    loaded, unknown = set(), []
    for file in (Path(f).resolve() for f in files):
        if file.is_relative_to(folder) or (file.is_relative_to(stdlib) and "site-packages" not in file.parts):
            continue
        if file in owners:
            loaded.add(owners[file])
        else:
            unknown.append(str(file))
    assert unknown == [], f"modules loaded from outside any installed distribution: {unknown}"
    return loaded


@pytest.mark.parametrize("stem", CHAPTERS)
def test_chapter_archive_runs_offline_outside_the_repository(html, tmp_path, stem):
    folder = unzip(archive_of(html, stem), tmp_path / "unzipped")
    assert not folder.resolve().is_relative_to(ROOT)
    notebook = folder / f"{stem}.ipynb"
    run, record = run_with_nbval(notebook, tmp_path)
    cells = sum(c.cell_type == "code" for c in nbformat.read(str(notebook), as_version=4).cells)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert re.search(rf"\b{cells} passed\b", run.stdout), run.stdout[-1000:]
    assert Path(record["maturing"]).resolve().is_relative_to(folder.resolve()), record["maturing"]
    required = requirement_names((folder / "requirements.txt").read_text(encoding="utf-8"))
    missing = sorted(distributions_loaded(record["files"], folder.resolve()) - required)
    assert missing == [], f"the chapter imports packages its requirements.txt lacks: {missing}"


def test_the_kernel_guard_refuses_the_repository(tmp_path):
    """The guard above is what makes "no access to the repository" true: a notebook that reads a
    file of the repository's data/ fails under it."""
    cell = nbformat.v4.new_code_cell(f"len(open({str(ROOT / 'data' / 'sources.csv')!r}).read()) > 0", execution_count=1)
    cell.outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "True"}, execution_count=1)]
    nb = nbformat.v4.new_notebook(cells=[cell])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    folder = tmp_path / "chapter"
    folder.mkdir()
    nbformat.write(nb, str(folder / "reads-the-repository.ipynb"))
    run, _ = run_with_nbval(folder / "reads-the-repository.ipynb", tmp_path)
    assert run.returncode != 0
    assert "which is in the book's repository" in run.stdout


@pytest.mark.parametrize("stem", CHAPTERS)
def test_chapter_archive_holds_exactly_what_the_chapter_reads(html, tmp_path, stem):
    with zipfile.ZipFile(archive_of(html, stem)) as z:
        names = set(z.namelist())
        folder = unzip(archive_of(html, stem), tmp_path)
    declared = declaration(ROOT / "notebooks" / f"{stem}.ipynb")
    assert (folder / f"{stem}.ipynb").read_bytes() == (ROOT / "notebooks" / f"{stem}.ipynb").read_bytes()
    package = sorted(p.name for p in (ROOT / "maturing").glob("*.py"))
    assert sorted(n[len("maturing/") :] for n in names if n.startswith("maturing/")) == package
    for name in package:
        assert (folder / "maturing" / name).read_bytes() == (ROOT / "maturing" / name).read_bytes()

    descriptor = json.loads((folder / "data" / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    referenced = {
        key["reference"]["resource"]
        for name in declared.tables
        for key in resources[name]["schema"].get("foreignKeys", [])
    }
    assert set(resources) == {*declared.tables, "sources", *referenced}
    csvs = {n for n in names if n.startswith("data/") and n.endswith(".csv")}
    assert csvs == {f"data/{r['path']}" for r in resources.values()}
    for name in csvs:
        assert (folder / name).read_bytes() == (ROOT / name).read_bytes(), name
    geometry = {n for n in names if n.endswith(".geojson")}
    assert geometry == {f"data/geo/ne_{r}_countries.geojson" for r in declared.geometry}
    assert (folder / "data" / "article" / "maturing-partnership.txt").read_bytes() == (
        ROOT / "data" / "article" / "maturing-partnership.txt"
    ).read_bytes()
    report = Package(str(folder / "data" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]

    requirements = (folder / "requirements.txt").read_text(encoding="utf-8").splitlines()
    pinned = set((ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines())
    packages = [line for line in requirements if line and not line.startswith("#") and ";" not in line]
    assert set(packages) <= pinned, sorted(set(packages) - pinned)
    elsewhere = [Requirement(line) for line in requirements if ";" in line and not line.startswith("#")]
    assert all(r.marker and not r.marker.evaluate() for r in elsewhere), "only what other systems need"
    assert {"ipykernel", "jupyterlab", "pandas", "frictionless"} <= requirement_names("\n".join(packages))
    assert "pytest" not in requirement_names("\n".join(packages))  # the book's tests are not the chapter's
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "python -m pip install --no-deps -r requirements.txt" in readme
    assert f".venv/bin/jupyter lab {stem}.ipynb" in readme


def repository_url() -> str:
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    return (config.get("repository") or {}).get("url") or ""


def copy_of_the_inputs(into: Path) -> Path:
    """The files the archives are made from, copied with new dates and other permissions."""
    for part in ("notebooks", "maturing", "data"):
        shutil.copytree(
            ROOT / part, into / part, copy_function=shutil.copy, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "requirements.txt", into / "requirements.txt")
    for path in into.rglob("*"):
        if path.is_file():
            path.chmod(0o600)
            os.utime(path, (1_000_000_000, 1_000_000_000))
    return into


SECOND_BUILD = (
    "import hashlib, json, os, sys; from pathlib import Path; os.umask(0o077); "
    "from maturing_book import archive; root = Path(sys.argv[1]); "
    "print(json.dumps({nb.stem: hashlib.sha256(archive.chapter_archive(nb, root, sys.argv[2])).hexdigest() "
    "for nb in sorted((root / 'notebooks').glob('*.ipynb'))}))"
)


def test_two_builds_give_identical_archives(html, tmp_path):
    built = {stem: hashlib.sha256(archive_of(html, stem).read_bytes()).hexdigest() for stem in CHAPTERS}
    copy = copy_of_the_inputs(tmp_path / "checkout")
    second = subprocess.run(
        [sys.executable, "-c", SECOND_BUILD, str(copy), repository_url()],
        cwd=tmp_path,
        env={**os.environ, "TZ": "Pacific/Kiritimati"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(second.stdout) == built


@pytest.mark.parametrize("stem", CHAPTERS)
def test_archive_entries_are_sorted_with_fixed_dates_and_modes(html, stem):
    with zipfile.ZipFile(archive_of(html, stem)) as z:
        infos = z.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {0o100644}
    assert not any("__pycache__" in i.filename or i.filename.endswith("/") for i in infos)


def page(html: Path, stem: str) -> str:
    return (html / "notebooks" / f"{stem}.html").read_text(encoding="utf-8")


def human_size(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{max(1, round(size / 1e3))} kB"


@pytest.mark.parametrize("stem", CHAPTERS)
def test_chapter_page_links_its_archive_in_sources_and_data(html, stem):
    raw = page(html, stem)
    section = re.search(r'<section id="sources-and-data">(.*?)</section>', raw, flags=re.S)
    assert section, "no 'Sources and data' section"
    link = re.search(
        r'id="run-this-chapter".*?<a [^>]*href="([^"]+\.zip)"[^>]*>.*?</a>\s*\(([^)]+)\)', section.group(1), re.S
    )
    assert link, "no download of the chapter in 'Sources and data'"
    target = (html / "notebooks" / link.group(1)).resolve()
    assert target == archive_of(html, stem).resolve() and target.is_file()
    assert link.group(2) == human_size(target.stat().st_size)


@pytest.mark.parametrize("stem", CHAPTERS)
def test_download_menu_offers_the_archive_not_the_bare_notebook(html, stem):
    raw = page(html, stem)
    menu = re.search(r'<ul class="dropdown-menu">(.*?)</ul>', raw, flags=re.S)
    assert menu, "no download menu"
    hrefs = re.findall(r'href="([^"]+)"', menu.group(1))
    assert f"../archives/maturing-{stem}.zip" in hrefs
    assert not any(h.endswith(".ipynb") for h in hrefs), hrefs


def test_no_repository_address_is_invented(html):
    """With ``repository.url`` empty (the default), no page shows a repository button or tells the
    reader to clone anything, and no archive's README does."""
    if repository_url():
        pytest.skip("a repository address is configured")
    for path in sorted(html.rglob("*.html")):
        assert "source-repository-button" not in path.read_text(encoding="utf-8"), path
    for stem in CHAPTERS:
        assert "Or clone" not in page(html, stem)
        with zipfile.ZipFile(archive_of(html, stem)) as z:
            assert "clone" not in z.read("README.md").decode("utf-8")

"""A download per chapter that runs: one zip with everything the chapter reads.

Each chapter's archive, ``archives/maturing-<stem>.zip`` in the built site, holds::

    <stem>.ipynb          the chapter, with the outputs of the page
    maturing/             the helper package (beside the notebook, so it imports without installing)
    data/datapackage.json only the resources the chapter reads, and `sources`
    data/<table>.csv      exactly those tables, and sources.csv
    data/article/         the article's text (every chapter quotes it) and its notice
    data/geo/             the Natural Earth geometry the chapter declares, and its provenance
    requirements.txt      what running the chapter needs, pinned as in the book's requirements.txt
    README.md             the two commands: create the environment; open or run the chapter

Everything comes from the chapter's declaration (front matter ``maturing: tables/geometry``,
:mod:`maturing.chapter`). The helper package finds its data beside itself, so the unzipped
folder runs with no access to the book's repository. A table's foreign keys are read when it is
validated, so a resource that a declared table refers to goes in too.

The zip is byte-for-byte reproducible: entries sorted by name, every date 1980-01-01 00:00, every
file mode 0644, the same compression. The page links to it in its "Sources and data" section and
in the theme's download menu, instead of the bare ``.ipynb`` that cannot run on its own.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.metadata
import io
import json
import sys
import zipfile
from functools import cache
from pathlib import Path

import nbformat
from docutils import nodes
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from maturing.chapter import declaration
from maturing.paths import ROOT

from .chapters import chapter_title, resources_read

logger = logging.getLogger(__name__)

FOLDER = "archives"
PACKAGE = "maturing"
ARTICLE_FILES = ("article/maturing-partnership.txt", "article/README.md")
GEOMETRY_NOTICE = "geo/README.md"
# What opening and running a notebook needs besides the chapter's own imports: a kernel, and
# JupyterLab (which brings `jupyter execute`, nbclient's headless runner, with it).
RUNNERS = ("ipykernel", "jupyterlab")
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip can hold
FILE_MODE = 0o100644  # a regular file, rw-r--r--
UNIX = 3  # ZipInfo.create_system: the mode bits above are Unix ones


def archive_name(stem: str) -> str:
    return f"maturing-{stem}.zip"


# --- what goes in -----------------------------------------------------------------------------


def chapter_descriptor(descriptor: dict, resources: list[str]) -> dict:
    """The data package with only ``resources``."""
    return {**descriptor, "resources": [r for r in descriptor["resources"] if r["name"] in resources]}


def data_files(notebook: Path, root: Path) -> dict[str, bytes]:
    """Archive path -> content of every data file the chapter reads."""
    data = root / "data"
    declared = declaration(notebook)
    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    resources = resources_read(declared.tables, descriptor)
    files = {
        "data/datapackage.json": (
            json.dumps(chapter_descriptor(descriptor, resources), indent=2, ensure_ascii=False) + "\n"
        ).encode("utf-8")
    }
    for resource in chapter_descriptor(descriptor, resources)["resources"]:
        files[f"data/{resource['path']}"] = (data / resource["path"]).read_bytes()
    for name in ARTICLE_FILES:
        files[f"data/{name}"] = (data / name).read_bytes()
    if declared.geometry:
        files[f"data/{GEOMETRY_NOTICE}"] = (data / GEOMETRY_NOTICE).read_bytes()
    for resolution in declared.geometry:
        name = f"geo/ne_{resolution}_countries.geojson"
        files[f"data/{name}"] = (data / name).read_bytes()
    return files


def package_files(root: Path) -> dict[str, bytes]:
    """Archive path -> content of every module of the helper package."""
    return {f"{PACKAGE}/{p.name}": p.read_bytes() for p in sorted((root / PACKAGE).glob("*.py"))}


# --- what running it needs --------------------------------------------------------------------


def code_cells(notebook: Path) -> list[str]:
    """The source of each code cell, IPython magics and shell lines left out."""
    cells = nbformat.read(str(notebook), as_version=4).cells
    return [
        "\n".join(line for line in c.source.splitlines() if not line.lstrip().startswith(("%", "!")))
        for c in cells
        if c.cell_type == "code"
    ]


def imports(source: str, package: str | None = None) -> set[str]:
    """Dotted names of the modules ``source`` imports; relative imports resolved inside ``package``."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = f"{package}.{node.module}" if node.level and node.module else package if node.level else node.module
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}  # `from pkg import module`
    return found


def third_party_imports(notebook: Path, root: Path) -> set[str]:
    """Top-level names of the modules the chapter needs outside the standard library: its own
    imports and those of every helper module it reaches."""
    modules = {p.stem: p for p in (root / PACKAGE).glob("*.py")}
    found: set[str] = set()
    for source in code_cells(notebook):
        found |= imports(source)
    seen: set[str] = set()
    todo = ["__init__", *(name.split(".")[1] for name in found if name.startswith(f"{PACKAGE}."))]
    while todo:
        module = todo.pop()
        if module in seen or module not in modules:
            continue
        seen.add(module)
        inner = imports(modules[module].read_text(encoding="utf-8"), PACKAGE)
        found |= inner
        todo += [name.split(".")[1] for name in inner if name.startswith(f"{PACKAGE}.")]
    tops = {name.split(".")[0] for name in found}
    return {t for t in tops if t != PACKAGE and t not in sys.stdlib_module_names}


def pinned(requirements: Path) -> dict[str, str]:
    """Canonical name -> its ``name==version`` line in a fully pinned requirements file."""
    pins = {}
    for line in requirements.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            if not version:
                raise ValueError(f"{requirements.name}: {line!r} is not pinned with ==")
            pins[canonicalize_name(name)] = line
    return pins


@cache
def _module_distributions() -> dict[str, list[str]]:
    return importlib.metadata.packages_distributions()


def distribution_of(module: str) -> str:
    names = _module_distributions().get(module)
    if not names:
        raise LookupError(f"no installed distribution provides the module {module!r}")
    return names[0]


def requirement_closure(roots: set[str], pins: dict[str, str]) -> set[str]:
    """Canonical names of ``roots`` and everything they require in this environment (markers
    evaluated, extras followed). An extra's dependency that the pins leave out is left out (the
    book's requirements.txt omits one on purpose); a plain dependency missing from them is an
    error."""
    done: set[tuple[str, tuple[str, ...]]] = set()
    todo = [(canonicalize_name(r), ()) for r in roots]
    while todo:
        name, extras = todo.pop()
        if (name, extras) in done:
            continue
        if name not in pins:
            raise LookupError(f"{name} is needed but not pinned in requirements.txt")
        done.add((name, extras))
        for requirement in map(Requirement, importlib.metadata.distribution(name).requires or []):
            environments = [{"extra": e} for e in extras] or [{"extra": ""}]
            if requirement.marker and not any(requirement.marker.evaluate(e) for e in environments):
                continue
            dependency = canonicalize_name(requirement.name)
            if dependency not in pins and requirement.marker and "extra" in str(requirement.marker):
                continue
            todo.append((dependency, tuple(sorted(requirement.extras))))
    return {name for name, _ in done}


PLATFORM_MARKERS = ("sys_platform", "platform_system", "os_name")


def other_platforms(needed: set[str], pins: dict[str, str]) -> list[str]:
    """Requirement lines, with their markers, for what ``needed`` requires on other operating
    systems only (appnope on macOS, colorama and pywinpty on Windows): the book's requirements.txt
    is a freeze on Linux and has no pin for them."""
    markers: dict[str, list[str]] = {}
    for name in sorted(needed):
        for requirement in map(Requirement, importlib.metadata.distribution(name).requires or []):
            marker = str(requirement.marker or "")
            dependency = canonicalize_name(requirement.name)
            if (
                requirement.marker
                and "extra" not in marker
                and any(m in marker for m in PLATFORM_MARKERS)
                and not requirement.marker.evaluate()
                and dependency not in pins
            ):
                markers.setdefault(dependency, [])
                if marker not in markers[dependency]:
                    markers[dependency].append(marker)
    return [f"{name} ; " + " or ".join(f"({m})" for m in found) for name, found in markers.items()]


INSTALL = "python -m pip install --no-deps -r requirements.txt"


@cache
def _requirements_for(modules: frozenset[str], requirements: Path, text: str) -> str:
    pins = pinned(requirements)
    roots = {distribution_of(m) for m in modules} | set(RUNNERS)
    needed = requirement_closure(roots, pins)
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    lines = [
        "# What running this chapter needs, complete (dependencies included) and pinned as in the",
        f"# book's requirements.txt, on Linux with Python {python}. Install with: {INSTALL}",
        *(line for name, line in pins.items() if name in needed),
        "# Needed on other operating systems only, and not pinned (never tested by the book):",
        *other_platforms(needed, pins),
    ]
    return "\n".join(lines) + "\n"


def chapter_requirements(notebook: Path, root: Path) -> str:
    """The chapter's requirements file: its third-party imports, a kernel and JupyterLab, with
    everything they require, in the order and with the pins of the book's requirements.txt."""
    requirements = root / "requirements.txt"
    return _requirements_for(
        frozenset(third_party_imports(notebook, root)), requirements, requirements.read_text(encoding="utf-8")
    )


# --- the README -------------------------------------------------------------------------------


def readme(notebook: Path, repository_url: str = "") -> str:
    stem = notebook.stem
    clone = (
        f"\nThe whole book, with every chapter and its tests, is at <{repository_url}>: clone it and run\n`make lab`.\n"
        if repository_url
        else ""
    )
    return f"""# {chapter_title(notebook)}

A chapter of *Maturing Partnership, Measured*, with everything it needs to run on your own
computer, offline: the notebook `{stem}.ipynb` (with the outputs shown in the book), the helper
package `maturing/` it imports, the tables and geometry it reads in `data/` (described in
`data/datapackage.json`, every row's source in `data/sources.csv`), and `requirements.txt`.

## Run it

You need Python 3 (see the first lines of `requirements.txt` for the version it was tested with).
In a terminal, in this folder:

```bash
python3 -m venv .venv && .venv/bin/{INSTALL}
.venv/bin/jupyter lab {stem}.ipynb
```

The first command creates an environment in `.venv` with exactly the pinned packages (once,
online; `--no-deps` because the list is already complete). The second opens the chapter in
JupyterLab: run all cells, change the code, do the exercises. To run it top to bottom without
opening it: `.venv/bin/jupyter execute {stem}.ipynb`.
On Windows, write `.venv\\Scripts\\` where the commands say `.venv/bin/`.
{clone}
## Licences

The text and figures are CC BY 4.0 and the code (`maturing/`) is MIT. Each data row's source
and its terms are in `data/sources.csv`; Natural Earth geometry is public domain. The article in
`data/article/` is © NATO, reproduced for criticism and review (see `data/article/README.md`).
"""


# --- the zip ----------------------------------------------------------------------------------


def members(notebook: Path, root: Path = ROOT, repository_url: str = "") -> dict[str, bytes]:
    """Archive path -> content of every file of the chapter's archive."""
    files = {f"{notebook.stem}.ipynb": notebook.read_bytes()}
    files |= package_files(root)
    files |= data_files(notebook, root)
    files["requirements.txt"] = chapter_requirements(notebook, root).encode("utf-8")
    files["README.md"] = readme(notebook, repository_url).encode("utf-8")
    return files


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """A zip of ``files`` that depends on nothing but their names and contents."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.create_system = UNIX
            info.external_attr = FILE_MODE << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name], compresslevel=9)
    return out.getvalue()


_zips: dict[str, bytes] = {}


def chapter_archive(notebook: Path, root: Path = ROOT, repository_url: str = "") -> bytes:
    """The chapter's zip (compressed once per content, however often it is asked for)."""
    files = members(notebook, root, repository_url)
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    key = digest.hexdigest()
    if key not in _zips:
        _zips[key] = zip_bytes(files)
    return _zips[key]


# --- the book ---------------------------------------------------------------------------------


def repository_url(app) -> str:
    return app.config.html_theme_options.get("repository_url") or ""


def repository_button(app, config):
    """``config-inited``: the theme's repository button is shown when, and only when,
    ``repository.url`` is set in _config.yml (Jupyter Book refuses the button without one)."""
    if config.html_theme_options.get("repository_url"):
        config.html_theme_options["use_repository_button"] = True


def notice_digest() -> str:
    """A digest of the archives' files that no chapter's cache fingerprint covers (the notices
    beside the article and the geometry): registered as a config value, so that a change to them
    re-writes the pages that give the archives' sizes."""
    digest = hashlib.sha256()
    for name in (*ARTICLE_FILES, GEOMETRY_NOTICE):
        digest.update((ROOT / "data" / name).read_bytes())
    return digest.hexdigest()


def chapter_notebook(app, docname: str) -> Path | None:
    """The notebook of a chapter page (one that declares what it reads), else None."""
    path = Path(app.env.doc2path(docname))
    if path.suffix != ".ipynb":
        return None
    metadata = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
    return path if "maturing" in metadata else None


def human_size(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{max(1, round(size / 1e3))} kB"


def writes_archives(app) -> bool:
    return app.builder.name in ("html", "dirhtml")


def link_to_archive(app, doctree, docname):
    """``doctree-resolved``: the chapter's "Sources and data" section ends with its download."""
    notebook = chapter_notebook(app, docname)
    if notebook is None or not writes_archives(app):
        return
    section = next((s for s in doctree.findall(nodes.section) if "sources-and-data" in s["ids"]), None)
    if section is None:
        logger.warning("a chapter needs a 'Sources and data' section (for its download)", location=docname)
        return
    size = len(chapter_archive(notebook, repository_url=repository_url(app)))
    href = relative_uri(app.builder.get_target_uri(docname), f"{FOLDER}/{archive_name(notebook.stem)}")
    paragraph = nodes.paragraph(ids=["run-this-chapter"], classes=["maturing-archive"])
    paragraph += nodes.strong(text="Run this chapter yourself: ")
    paragraph += nodes.reference(
        "", archive_name(notebook.stem), refuri=href, internal=True, classes=["download", "maturing-archive-link"]
    )
    paragraph += nodes.Text(
        f" ({human_size(size)}) holds the notebook, the helper package, the tables and geometry it "
        "reads and a README with the two commands that run it on your computer."
    )
    if repository_url(app):
        paragraph += nodes.Text(" Or clone ")
        paragraph += nodes.reference("", "the book's repository", refuri=repository_url(app))
        paragraph += nodes.Text(" and run ")
        paragraph += nodes.literal(text="make lab")
        paragraph += nodes.Text(".")
    section += paragraph


def download_menu_offers_archive(app, pagename, templatename, context, doctree):
    """``html-page-context`` (after the theme's buttons): on a chapter page, the download menu's
    ``.ipynb`` (a notebook that cannot run without the book's package and data) becomes the
    chapter's archive."""
    if "header_buttons" not in context or chapter_notebook(app, pagename) is None:
        return
    href = relative_uri(app.builder.get_target_uri(pagename), f"{FOLDER}/{archive_name(Path(pagename).name)}")
    for group in context["header_buttons"]:
        for button in group.get("buttons", []):
            if button.get("label") in ("download-notebook-button", "download-source-button") and button.get(
                "url", ""
            ).endswith(".ipynb"):
                button.update(
                    url=href,
                    text=".zip",
                    icon="fas fa-file-zipper",
                    tooltip="Download the chapter to run it: notebook, data, code",
                    label="download-archive-button",
                )


def write_archives(app, exception):
    """``build-finished``: every chapter's archive, written into the built site."""
    if exception is not None or not writes_archives(app):
        return
    folder = Path(app.outdir) / FOLDER
    folder.mkdir(exist_ok=True)
    wanted = set()
    for docname in sorted(app.env.found_docs):
        notebook = chapter_notebook(app, docname)
        if notebook is None:
            continue
        path = folder / archive_name(notebook.stem)
        data = chapter_archive(notebook, repository_url=repository_url(app))
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        wanted.add(path.name)
    for stale in folder.glob("*.zip"):
        if stale.name not in wanted:
            stale.unlink()

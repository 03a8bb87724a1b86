"""The CSS purge (maturing_book.purge) and the change to the theme's script
(maturing_book.theme_scripts), on small inputs and on the installed theme's own files. How the
result looks in the browser is tested in tests/browser/test_load.py."""

from pathlib import Path

import pydata_sphinx_theme

from maturing_book import purge, theme_scripts

WORDS = {"bd-header", "navbar", "show", "tooltip", "a"}


def kept(css: str) -> str:
    return purge.purge(css, WORDS)


def test_a_rule_whose_class_is_nowhere_on_the_site_is_dropped():
    assert kept(".carousel-item{color:red}").strip() == ""
    assert "navbar" in kept(".navbar{color:red}")
    assert kept(".bd-header .carousel{x:1}").strip() == ""  # every name must be there


def test_a_selector_list_keeps_only_the_selectors_that_can_match():
    out = kept(".navbar,.carousel,.show>a{color:red}")
    assert out.strip() == ".navbar,.show>a{color:red}"


def test_names_inside_functional_pseudo_classes_and_attributes_do_not_drop_a_rule():
    # :not(.absent) matches everything; the class in [class*=...] is not a class selector
    assert "color" in kept(".navbar:not(.carousel){color:red}")
    assert "color" in kept('[class*="carousel"]{color:red}')
    assert "color" in kept(".navbar:is(.absent, .show){color:red}")


def test_element_selectors_custom_properties_font_faces_keyframes_and_escapes_are_kept():
    css = (
        ":root{--x:1}html[data-theme=dark]{--y:2}kbd{font:mono}"
        "@font-face{font-family:F;src:url(f.woff2)}@keyframes spin{to{transform:rotate(1turn)}}"
        r".md\:flex{display:flex}"
    )
    out = kept(css)
    for part in ("--x:1", "--y:2", "kbd{", "@font-face", "@keyframes spin", r".md\:flex"):
        assert part in out, part


def test_media_blocks_are_purged_inside_and_dropped_when_empty():
    out = kept("@media (min-width:960px){.navbar{a:1}.carousel{b:2}}@media print{.carousel{c:3}}")
    assert "@media (min-width:960px){.navbar{a:1}}" in out.replace("\n", "")
    assert "print" not in out


def test_classes_bootstrap_builds_from_parts_are_kept():
    assert "a:1" in kept(".bs-tooltip-auto[data-popper-placement^=top]{a:1}")
    assert kept(".bs-carousel-auto{a:1}").strip() == ""


def test_the_words_of_a_site_are_those_of_its_pages_and_scripts(tmp_path: Path):
    (tmp_path / "page.html").write_text('<div class="bd-header x-page">', encoding="utf-8")
    (tmp_path / "s.js").write_text('el.classList.add("is-overflowing")', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("carousel", encoding="utf-8")
    words = purge.site_words(tmp_path)
    assert {"bd-header", "x-page", "is-overflowing"} <= words and "carousel" not in words


THEME_SCRIPT = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static" / "scripts"


def test_the_installed_theme_script_has_the_call_the_book_takes_out():
    """Fails when a new pydata-sphinx-theme changes the code theme_scripts.py changes (the build
    would warn, and fail, too)."""
    original = (THEME_SCRIPT / "pydata-sphinx-theme.js").read_text(encoding="utf-8")
    assert theme_scripts.tab_stops_call(original) is not None
    patched = theme_scripts.without_tab_stops_at_load(original)
    assert patched is not None and theme_scripts.tab_stops_call(patched) is None
    assert theme_scripts.without_tab_stops_at_load(patched) == patched  # a second build changes nothing
    assert len(patched) - len(original) < 120  # one call replaced, one comment added


def test_a_script_without_the_expected_call_is_reported_not_changed():
    assert theme_scripts.without_tab_stops_at_load("(()=>{console.log(1)})();") is None

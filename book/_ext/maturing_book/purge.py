"""Unused CSS rules out of the page bundles.

pydata-sphinx-theme ships all of Bootstrap's stylesheet and its own (some 400 KB, 87 KB
gzipped); a page of this book uses a fraction of it. Every byte of it is render-blocking: on a
slow phone connection it is downloaded and parsed before the first paint, and every style
recalculation matches the page against every rule. A rule is dropped here only when it can
match nothing the book ever shows: when a class or id it needs (outside a functional
pseudo-class such as ``:not()``, whose argument may be absent on purpose) is a word that appears
nowhere in any built page and nowhere in any script the site ships, so that classes a script
adds later (Bootstrap's ``show``, the theme's ``pst-squeeze``, ours) keep their rules. Two
classes Bootstrap builds from parts (``bs-tooltip-auto``, ``bs-popover-auto``) are kept by name.
Everything else is kept as it is: element and attribute selectors, custom properties,
``@font-face``, ``@keyframes``, and a rule whose selector has an escape in it.

The browser tests check the result on the pages as a reader meets them: every selector left
out, widened to any hover, focus or pseudo-element state, matches no element of six pages on a
phone and a laptop, light and dark, with the menu or the contents open or a tooltip showing
(tests/browser/test_load.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import tinycss2

WORD = re.compile(r"[A-Za-z0-9_-]+")
BUILT_FROM_PARTS = re.compile(r"^bs-(tooltip|popover)-")
FUNCTIONAL = re.compile(r":(?:not|is|where|has|host|host-context|nth-child|nth-last-child|nth-of-type|lang|dir)\(")
NAME = re.compile(r"[.#](-?[A-Za-z_][\w-]*)")
GROUPS = {"media", "supports", "layer", "container", "document"}


def site_words(outdir: Path) -> set[str]:
    """Every word of every built page and every script under the output folder."""
    words: set[str] = set()
    for path in outdir.rglob("*"):
        if path.suffix in (".html", ".js") and path.is_file():
            words.update(WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    return words


def _outside_functions(selector: str) -> str:
    """The selector without the arguments of functional pseudo-classes and attribute tests."""
    out, i = [], 0
    while i < len(selector):
        m = FUNCTIONAL.match(selector, i)
        if m is None:
            out.append(selector[i])
            i += 1
            continue
        depth, i = 1, m.end()
        while i < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[i], 0)
            i += 1
    return re.sub(r"\[[^\]]*\]", "", "".join(out))


def can_match(selector: str, words: set[str]) -> bool:
    if "\\" in selector:
        return True
    return all(n in words or BUILT_FROM_PARTS.match(n) for n in NAME.findall(_outside_functions(selector)))


def _selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas."""
    parts, depth, current = [], 0, []
    for ch in prelude:
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    return [*parts, "".join(current).strip()]


def _purge_rules(rules: Iterable, words: set[str]) -> list[str]:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [s for s in _selectors(tinycss2.serialize(rule.prelude)) if can_match(s, words)]
            if kept:
                out.append(",".join(kept) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule":
            if rule.lower_at_keyword in GROUPS and rule.content is not None:
                inner = _purge_rules(
                    tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), words
                )
                if inner:
                    out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
            else:
                out.append(tinycss2.serialize([rule]))
    return out


def purge(css: str, words: set[str]) -> str:
    """The stylesheet without the rules that can match nothing on the site (see the module text)."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "\n".join(_purge_rules(rules, words)) + "\n"

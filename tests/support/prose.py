"""The prose of a chapter's MyST source (notebooks/NN-slug.md): the lines of its markdown cells,
without the front matter, code cells, literal blocks, directive options, cell breaks and labels,
grouped in paragraphs. Used by the digit scan and the quotation check."""

from __future__ import annotations

import re

FENCE = re.compile(r"^(`{3,}|:{3,})(.*)$")
LABEL = re.compile(r"^\(([\w:-]+)\)=\s*$")
COMMENT = re.compile(r"<!--.*?-->", re.S)


def without_comments(source: str) -> str:
    """The source with HTML comments blanked, line breaks kept (line numbers stay right)."""
    return COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), source)


def prose_lines(source: str) -> list[tuple[int, str]]:
    """(line number, text) of the lines of markdown cells that are prose."""
    lines = source.splitlines()
    start = _after_front_matter(lines)
    prose, fences = [], []  # fences: the open fenced blocks, innermost last, with their kind
    for number, line in enumerate(lines[start:], start=start + 1):
        fence = FENCE.match(line.strip())
        if fence:
            marker, info = fence.groups()
            if fences and fences[-1][0] == marker and not info.strip():
                fences.pop()
                continue
            if info.strip():
                fences.append((marker, info.strip()))
                continue
        if any(kind.startswith("{code-cell}") or not kind.startswith("{") for _, kind in fences):
            continue  # code, or a literal block
        if fences and re.match(r"^\s*:[\w-]+:", line):
            continue  # a directive's option (:class: tip, :label: ex-1)
        if line.strip() == "+++" or LABEL.match(line.strip()):
            continue
        prose.append((number, line))
    return prose


def _after_front_matter(lines: list[str]) -> int:
    if lines and lines[0].strip() == "---":
        for index, line in enumerate(lines[1:], start=1):
            if line.strip() == "---":
                return index + 1
    return 0


def paragraphs(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Consecutive prose lines, a quotation may run over several of them."""
    found, current = [], []
    for number, line in lines:
        if line.strip():
            current.append((number, line))
        elif current:
            found.append(current)
            current = []
    return [*found, current] if current else found

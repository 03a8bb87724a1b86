"""A built site as a set of files and their digests, to compare two builds byte for byte."""

import hashlib
from pathlib import Path


def digests(html: Path) -> dict[str, str]:
    """Every file the site has, by its path in the site, with the SHA-256 of its bytes."""
    return {
        p.relative_to(html).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(html.rglob("*"))
        if p.is_file()
    }


def differences(one: dict[str, str], two: dict[str, str]) -> list[str]:
    """The paths whose bytes differ, or that only one of the two sites has."""
    return sorted(name for name in one.keys() | two.keys() if one.get(name) != two.get(name))

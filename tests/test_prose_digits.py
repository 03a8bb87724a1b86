"""No number or date is typed by hand in a chapter's prose: each comes from the code (a glue
role), so that it follows the data. The scanner and its short allow-list are in tests/support/."""

from pathlib import Path

import pytest

import tests.support.allowed_digits as allowed_digits
import tests.support.digits as digits
from maturing.claims import article_text

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "notebooks").glob("*.md"))

SAMPLE = """---
jupytext:
  text_representation: {format_version: 0.13}
---

(chapter-sample)=
# A sample, 1999

The article says "some 20 permanent, dedicated working groups are
currently operating". Ivanov wrote in 2005, and {glue:text}`n_groups:.0f` groups met in
{glue:text}`year_met`. See {numref}`fig-x2` and [the 2003 table](../data/x2003.csv), `ne_10m`.

1. a numbered step
2. another, on the WGS84 ellipsoid

> "Whereas in 2003 some 360 tons of heroin was produced there, in 2004 that figure rose to 420
> tons"

```{code-cell} ipython3
year = 1997
```

+++

```{admonition} Key findings
:class: tip
- Output fell in 1998 and 2000, and "Some 90 per cent" is not the article's capital.
```
<!-- a note for authors: 2017 -->
"""


@pytest.fixture
def sample(tmp_path) -> Path:
    path = tmp_path / "99-sample.md"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_the_scanner_finds_typed_numbers_and_nothing_else(sample):
    found = [(d.line, d.token) for d in digits.typed_digits(sample, article_text())]
    assert found == [(7, "1999"), (11, "2003"), (27, "1998"), (27, "2000"), (27, "90")]


def test_the_allow_list_is_short_and_explained():
    assert len(allowed_digits.ALLOWED) <= 10
    assert all(len(reason) > 20 for reason in allowed_digits.ALLOWED.values())


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[c.stem for c in CHAPTERS])
def test_no_digits_typed_in_the_prose(chapter):
    typed = digits.typed_digits(chapter, article_text())
    assert typed == [], f"{len(typed)} hand-typed number(s): glue them, or quote the article exactly:\n" + "\n".join(
        map(str, typed)
    )

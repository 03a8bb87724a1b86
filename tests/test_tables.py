"""maturing.tables: every table in a focusable, labelled scroll container."""

import pandas as pd

from maturing import tables


def test_wrap_puts_a_table_in_a_focusable_region_named_after_its_columns():
    html = "<table><thead><tr><th>Verdict</th><th>Claim &amp; quote</th></tr></thead><tbody><tr><th>x</th></tr></tbody></table>"
    wrapped = tables.wrap(html)
    assert wrapped.startswith('<div class="maturing-scroll" tabindex="0" role="region" ')
    assert 'aria-label="Table: Verdict, Claim &amp; quote"' in wrapped  # the header row only, escaped
    assert wrapped.endswith(f"{html}</div>")


def test_wrap_of_a_table_without_headings_is_still_named():
    assert 'aria-label="Table"' in tables.wrap("<table><tr><td>1</td></tr></table>")


def test_show_displays_the_wrapped_table_and_a_text_fallback(monkeypatch):
    shown = []
    monkeypatch.setattr(tables, "display", lambda bundle, raw: shown.append(bundle))
    tables.show(pd.DataFrame({"country": ["Poland"], "km": [206.4]}), formats={"km": "{:.0f}"})
    html = shown[0]["text/html"]
    assert html.startswith('<div class="maturing-scroll" tabindex="0"') and 'aria-label="Table: country, km"' in html
    assert 'class="dataframe maturing-table"' in html and "<td>206</td>" in html
    assert "Poland" in shown[0]["text/plain"]

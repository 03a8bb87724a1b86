"""The screens and colour schemes the browser tests read the book on, and how they open a page."""

from __future__ import annotations

SCREENS = {
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 3,
        "is_mobile": True,
        "has_touch": True,
    },
    "tablet": {"viewport": {"width": 800, "height": 1000}},
    "laptop": {"viewport": {"width": 1366, "height": 900}},
}
SCHEMES = ("light", "dark")


def open_page(context, url: str):
    """Open ``url`` in ``context``; return the page and the list its console errors and 4xx/5xx
    responses are collected in."""
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("response", lambda r: errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    page.goto(url, wait_until="networkidle")
    return page, errors

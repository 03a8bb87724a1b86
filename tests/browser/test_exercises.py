"""A reader on a phone meets a chapter's exercises: the solution is folded until tapped, its code
and output then show; an exercise's link opens at the exercise; the chapter's download is there."""

import re

import pytest

CHAPTER = "notebooks/07-afghan-drugs.html"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}


@pytest.fixture
def phone_page(browser, site):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    yield page
    context.close()


def test_solution_is_folded_until_tapped(phone_page, site, shots):
    page = phone_page
    page.goto(f"{site}/{CHAPTER}#ex-drugs-later-ratio", wait_until="networkidle")
    exercise = page.locator("#ex-drugs-later-ratio")
    assert exercise.is_visible()
    assert re.fullmatch(r"Exercise 7\.\d+", exercise.locator(".caption-number").inner_text().strip())
    solution = page.locator("#sol-drugs-later-ratio")
    output = solution.locator(".cell_output").first
    assert not output.is_visible(), "the solution shows before the reader asks for it"
    page.screenshot(path=str(shots / "exercise-folded-390.png"))
    solution.locator(".admonition-title").tap()
    output.wait_for(state="visible")
    assert page.url.endswith("#ex-drugs-later-ratio"), "tapping the solution's title only unfolds it"
    assert "opium per heroin" in output.inner_text()
    solution.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "exercise-open-390.png"))


@pytest.mark.parametrize("width", [390, 800, 1366])
def test_download_of_the_chapter_is_on_the_page(browser, site, shots, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{site}/{CHAPTER}#run-this-chapter", wait_until="networkidle")
    link = page.locator("#run-this-chapter a[href$='.zip']")
    assert link.is_visible()
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok and response.body()[:2] == b"PK"
    page.screenshot(path=str(shots / f"run-this-chapter-{width}.png"))
    page.close()

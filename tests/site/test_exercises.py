"""Every chapter ends with exercises for the classroom (sphinx-exercise): at least two numbered,
linkable exercises, each with a folded solution whose code ran with the notebook (its output is
on the page)."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))

MIN_EXERCISES = 2


def exercises_and_solutions(html, stem):
    soup = BeautifulSoup((html / "notebooks" / f"{stem}.html").read_text(encoding="utf-8"), "html.parser")
    return soup, soup.select("div.exercise[id]"), soup.select("div.solution[id]")


def solution_for(solutions, number):
    """The solutions titled "Solution to Exercise N"."""
    return [
        s
        for s in solutions
        if " ".join(s.select_one(".admonition-title").get_text().split()) == f"Solution to {number}"
    ]


@pytest.mark.parametrize("stem", CHAPTERS)
def test_chapter_has_numbered_exercises_with_folded_executed_solutions(html, stem):
    soup, exercises, solutions = exercises_and_solutions(html, stem)
    assert len(exercises) >= MIN_EXERCISES, f"{stem}: {len(exercises)} exercise(s), at least {MIN_EXERCISES} wanted"
    numbers = [e.select_one(".caption-number").get_text(strip=True) for e in exercises]
    chapter = int(stem.split("-", 1)[0])  # numbered within the chapter, like its figures: "Exercise 7.2"
    assert all(re.fullmatch(rf"Exercise {chapter}\.\d+", n) for n in numbers), numbers
    assert len(set(numbers)) == len(numbers), numbers
    for exercise, number in zip(exercises, numbers, strict=True):
        found = solution_for(solutions, number)
        assert len(found) == 1, f"{stem}: exercise {exercise['id']} has {len(found)} solution(s)"
        solution = found[0]
        assert "dropdown" in solution["class"], f"{stem}: the solution of {exercise['id']} is not folded"
        assert not solution.select_one(".admonition-title a"), "a link in the title a reader taps to unfold it"
        outputs = solution.select(".cell_output")
        assert outputs and any(o.get_text(strip=True) or o.find("img") for o in outputs), (
            f"{stem}: the solution of {exercise['id']} shows no executed code output"
        )
    assert soup.find("script", src=re.compile(r"togglebutton\.js")), "solutions fold with sphinx-togglebutton"


@pytest.mark.parametrize("stem", CHAPTERS)
def test_exercise_ids_are_unique_on_the_page(html, stem):
    soup, _, _ = exercises_and_solutions(html, stem)
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == [], duplicates

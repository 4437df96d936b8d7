"""The handout as an HTML page: it parses, holds one section per case, and whatever a case holds
reaches the page as text, never as markup."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from tests.clirun import example_lines, run_cli
from tests.conftest import case_mapping

HOSTILE_ID = '<script>alert(1)</script> & <img src=x onerror=alert(2)> [link](javascript:alert(3)) *bold*'


class Page(HTMLParser):
    """The tags of a page, its text, and whether every opened section was closed."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.open_sections = 0
        self.sections: list[str | None] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)
        if tag == "section":
            self.open_sections += 1
            self.sections.append(dict(attrs).get("class"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self.open_sections -= 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_one_case_is_one_self_contained_page() -> None:
    run = run_cli("recommend", "examples/bone-cord-compression.json", "--format", "html", "--date", "2026-11-29")
    assert run.code == 0
    page = Page(run.stdout)
    assert run.stdout.startswith("<!DOCTYPE html>")
    assert page.sections == ["case"] and page.open_sections == 0
    assert {"script", "link", "img", "iframe"}.isdisjoint(page.tags)  # nothing fetched, nothing run
    text = "".join(page.text)
    assert "Prepared 2026-11-29" in text
    assert text.index("give dexamethasone now") < text.index("Systemic options")  # urgent first
    assert ("href", "https://doi.org/10.1056/NEJMoa2115022") in page.attributes


def test_a_batch_page_has_the_summary_then_one_section_per_case_each_on_a_new_sheet() -> None:
    lines = example_lines()
    run = run_cli("batch", "-", "--format", "html", stdin="\n".join(lines).encode() + b"\n")
    page = Page(run.stdout)
    assert page.sections == ["summary"] + ["case"] * len(lines)
    assert page.open_sections == 0
    assert "section + section.case { break-before: page" in run.stdout


def test_markup_in_the_case_is_shown_as_text() -> None:
    case = json.dumps(case_mapping(id=HOSTILE_ID))
    for args in (("recommend", "-", "--format", "html"), ("batch", "-", "--format", "html")):
        run = run_cli(*args, stdin=case.encode() + b"\n")
        assert run.code == 0, run.stderr
        page = Page(run.stdout)
        assert {"script", "img"}.isdisjoint(page.tags)
        assert not any(value and "javascript" in value for _, value in page.attributes)
        assert HOSTILE_ID in "".join(page.text)

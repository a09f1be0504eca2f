"""The PDF itself: every example renders, its text says what the engine says, the CLI works."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfminer.high_level import extract_text
from report_common import EXAMPLE_DIR, MAIN_HEADINGS, NASTY, WHY_NOT, check_decision_page, squeezed

from advisor.cli import main
from advisor.core.engine import recommend
from advisor.core.errors import AdvisorInputError
from advisor.core.loading import load_plan
from advisor.core.tables import why_not_text
from advisor.core.vocab import Role
from advisor.report import fmt, write_report

EXAMPLES = sorted(EXAMPLE_DIR.glob("*.yaml"))


@pytest.fixture(autouse=True)
def _app(qapp):
    """Use pytest-qt's QApplication, so GUI tests in the same run get the right app class."""
    return qapp


def _flat(text: str) -> str:
    return " ".join(text.split())


def _squeezed(text: str) -> str:
    """No whitespace at all: long strings may wrap anywhere (no word joiners either)."""
    return squeezed(text)


def _page_texts(path: Path, until: str | None = None) -> list[str]:
    """Each page's text, flattened; stop after the page holding ``until`` (the appendix
    tables are the slowest pages to extract and hold none of the numbers we check)."""
    pages = []
    while True:
        text = extract_text(path, page_numbers=[len(pages)])
        if not text.strip():
            return pages
        pages.append(_flat(text))
        if until is not None and until in pages[-1]:
            return pages


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_example_report_matches_the_engine(example, catalog, tmp_path):
    plan = load_plan(example)
    out = tmp_path / "report.pdf"
    write_report(plan, catalog, out, file=str(example))
    rec = recommend(plan, None, catalog)
    pages = _page_texts(out, until=MAIN_HEADINGS[-1])
    first = pages[0]
    for s in (plan.profile.name, plan.profile.prepared_by, f"Scenario: {rec.scenario}"):
        assert s in first
    assert pages[1].startswith(f"{plan.profile.name} · {rec.scenario} page 2 of ")
    # Page 1 is the decision alone: the reasons start on page 2.
    assert "The decision" in first and "Channels in the mix" not in first
    assert "Channels in the mix" in pages[1]
    check_decision_page(first, rec, catalog)

    text = " ".join(pages)
    names = [rec.channel(c).name for c in rec.mix]
    why_not = [WHY_NOT] if any(not c.in_mix for c in rec.channels) else []
    at = 0
    for heading in MAIN_HEADINGS[:2] + names + why_not + MAIN_HEADINGS[2:]:  # in order
        at = text.index(heading, at)
    flat = _squeezed(text)
    for c in rec.channels:
        if c.in_mix and c.why:  # the cadence's reason, on the channel's page
            assert "Why this cadence" in text
        elif not c.in_mix and c.why_not is not None:
            assert _squeezed(why_not_text(rec, c.id)) in flat
    staffing = next(p for p in pages if "Staffing The plan needs" in p)
    near = " ".join(pages[pages.index(staffing) : pages.index(staffing) + 2])
    for name in names:  # the activity table's headers: no word broken ("Instagra m")
        assert name in near, name
    assert _table_in(staffing, _role_rows(rec))
    if rec.setup_hours:
        setup = [(k, fmt.hours(v)) for k, v in rec.setup_hours.items()]
        assert _table_in(
            staffing, [*setup, ("Total, once", fmt.hours(sum(rec.setup_hours.values())))]
        )
    for scenario in plan.scenarios:
        assert scenario.name in text
    assert "\t" not in text and "ﬁ" not in text  # spaces are spaces, no ligatures


def _role_rows(rec) -> list[tuple[str, ...]]:
    """The roles the plan needs (a role with no hours is not listed)."""
    return [
        (r.label, fmt.hours(rec.hours_by_role[r]), fmt.fte(rec.fte_by_role[r]))
        for r in Role
        if rec.hours_by_role[r] >= 0.05 or r == Role.marketing
    ]


def _table_in(text: str, rows: list[tuple[str, ...]]) -> bool:
    """The table's cells appear row by row or column by column (pdfminer reads narrow tables
    either way), whitespace ignored."""
    flat = _squeezed(text)
    by_row = "".join(_squeezed(" ".join(r)) for r in rows)
    columns = ["".join(_squeezed(r[k]) for r in rows) for k in range(len(rows[0]))]
    return by_row in flat or all(col in flat for col in columns)


def test_cadence_wording():
    assert fmt.cadence(4.0) == "4 a week" and fmt.cadence(2.5) == "2.5 a week"
    assert fmt.cadence(0.25, 4.33) == "1 a month" and fmt.cadence(0.5, 4.33) == "2 a month"
    assert fmt.cadence(0.05, 4.33) == "1 every 5 months"
    assert fmt.cadence_range(2, 14) == "2 to 14 a week"
    assert fmt.cadence_range(0.25, 7, 4.33) == "1 a month to 7 a week"


def test_markup_in_user_strings_appears_literally(catalog, tmp_path):
    plan = load_plan(EXAMPLES[0].parent / "local_restaurant.yaml")
    prof = plan.profile.model_copy(
        update={"name": NASTY, "prepared_by": "R&D <team>", "notes": "Use <i>tags</i> & stay calm"}
    )
    first = plan.scenarios[0].model_copy(update={"name": 'Q1 <plan> & "more"'})
    plan = plan.model_copy(update={"profile": prof, "scenarios": [first, *plan.scenarios[1:]]})
    out = tmp_path / "nasty.pdf"
    write_report(plan, catalog, out)
    text = _squeezed(extract_text(out))
    for s in (NASTY, "R&D <team>", "Use <i>tags</i> & stay calm", 'Q1 <plan> & "more"'):
        assert _squeezed(s) in text


def test_pdf_is_vector_with_embedded_fonts(catalog, tmp_path):
    out = tmp_path / "r.pdf"
    write_report(load_plan(EXAMPLES[0].parent / "local_restaurant.yaml"), catalog, out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"/FontFile2" in data
    assert b"/Subtype /Image" not in data  # charts are drawn as paths and text, not pictures
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]  # no temporary file left


def test_bad_scenario_leaves_existing_file_alone(catalog, tmp_path):
    out = tmp_path / "r.pdf"
    out.write_bytes(b"old")
    with pytest.raises(AdvisorInputError, match="no such scenario"):
        write_report(load_plan(EXAMPLES[0]), catalog, out, scenario="Nope")
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def test_cli_report(tmp_path, capsys):
    plan = str(EXAMPLES[0].parent / "local_restaurant.yaml")
    out = tmp_path / "out.pdf"
    assert main(["report", plan, "-o", str(out), "--scenario", "No tool"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "Scenario: No tool" in _flat(extract_text(out, page_numbers=[0]))
    bad = tmp_path / "bad.pdf"
    assert main(["report", plan, "-o", str(bad), "--scenario", "Nope"]) == 2
    assert not bad.exists()
    assert "no such scenario" in capsys.readouterr().err

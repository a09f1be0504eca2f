"""Page 1 and the one-page summary, the PDF's metadata, text in any script and literal `$`."""

from __future__ import annotations

import datetime as dt

import pytest
from pdfminer.high_level import extract_pages, extract_text
from pdfminer.layout import LTChar, LTTextContainer
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.utils import decode_text
from report_common import EXAMPLE_DIR, check_decision_page

from advisor.cli import main
from advisor.core.engine import recommend
from advisor.core.loading import load_plan
from advisor.report.model import Cover, Paragraph, Report, Section
from advisor.report.render import render_pdf


@pytest.fixture(autouse=True)
def _app(qapp):
    return qapp


def _info(path) -> dict[str, str]:
    with open(path, "rb") as fh:
        doc = PDFDocument(PDFParser(fh))
        info = doc.info[-1]  # the newest version of the information dictionary
        pages = len(list(PDFPage.create_pages(doc)))
        return {"pages": str(pages)} | {
            k: decode_text(v) for k, v in info.items() if k != "Trapped"
        }


def test_summary_is_one_page_with_the_engines_decision_and_metadata(catalog, tmp_path):
    example = EXAMPLE_DIR / "regional_bank.yaml"
    plan = load_plan(example)
    out = tmp_path / "board.pdf"
    assert main(["report", str(example), "--summary", "-o", str(out)]) == 0
    info = _info(out)
    assert info["pages"] == "1"
    rec = recommend(plan, None, catalog)
    check_decision_page(" ".join(extract_text(out).split()), rec, catalog)
    assert info["Author"] == plan.profile.prepared_by
    assert info["Title"] == f"Social media channel plan: {plan.profile.name}, {rec.scenario}"
    assert all(rec.channel(c).name in info["Subject"] for c in rec.mix)
    assert "social media" in info["Keywords"] and plan.profile.industry in info["Keywords"]


@pytest.mark.parametrize("example", ["local_restaurant", "b2b_software"])
def test_summary_fits_one_page(example, tmp_path):
    out = tmp_path / "s.pdf"
    assert main(["report", str(EXAMPLE_DIR / f"{example}.yaml"), "--summary", "-o", str(out)]) == 0
    assert _info(out)["pages"] == "1"


def test_dollar_names_cjk_and_emoji_render_literally(tmp_path, capsys):
    """A `$` in a scenario name is a dollar sign, `$\\foo$` does not crash, and a Japanese
    company name gets a CJK font embedded (not empty boxes)."""
    text = (EXAMPLE_DIR / "local_restaurant.yaml").read_text(encoding="utf-8")
    text = text.replace("name: Casa Olivia", "name: 株式会社オリビア食堂 🍝")
    text = text.replace("- name: No tool", "- name: Cut from $5,000 to $3,000")
    text = text.replace("- name: Summer help", "- name: Budget $\\foo$")
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    out = tmp_path / "r.pdf"
    assert main(["report", str(plan), "-o", str(out)]) == 0, capsys.readouterr().err
    data = out.read_bytes()
    assert b"NotoSansCJK" in data and b"/FontFile2" in data
    flat = " ".join(extract_text(out).split())
    assert "株式会社オリビア食堂" in flat
    # in the what-if table and in the charts' labels and legends
    assert flat.count("Cut from $5,000 to $3,000") >= 3
    assert flat.count("Budget $\\foo$") >= 3


def _words(page) -> list[tuple[float, str]]:
    """(x, character) of every character in the running header (the page's top lines)."""
    out = []
    for box in page:
        if isinstance(box, LTTextContainer) and box.y0 > page.height - 60:
            for line in box:
                out += [(ch.x0, ch.get_text()) for ch in line if isinstance(ch, LTChar)]
    return out


def test_arabic_company_keeps_its_place_in_the_running_header(tmp_path):
    company, scenario = "مطعم زيتونة", "Summer help"
    report = Report(
        company=company,
        scenario=scenario,
        cover=Cover("Social media channel plan", company, scenario, (("Date", "2026-01-02"),)),
        sections=(
            Section("First", (Paragraph("One."),), new_page=False),
            Section("Second", (Paragraph("Two."),)),
        ),
    )
    out = tmp_path / "ar.pdf"
    assert render_pdf(report, out) == 2
    header = _words(list(extract_pages(out))[1])
    arabic = [x for x, ch in header if "\u0600" <= ch <= "\u06ff" or "\ufe70" <= ch <= "\ufeff"]
    latin = [x for x, ch in header if ch in "Summer"]
    assert arabic and latin and max(arabic) < min(latin)  # company left, scenario after it


def test_decision_page_is_dated_and_signed(catalog):
    from advisor.report.content import build_report

    plan = load_plan(EXAMPLE_DIR / "hospital.yaml")
    report = build_report(plan, catalog, today=dt.date(2026, 1, 2), summary=True)
    assert [s.heading for s in report.sections] == ["The decision"]
    assert ("Date", "2026-01-02") in report.cover.lines

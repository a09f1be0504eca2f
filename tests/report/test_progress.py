"""write_report's progress and cancel callbacks: fractions in order, no file left on cancel."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.core.loading import load_plan
from advisor.report import Cancelled, write_report
from advisor.report.progress import Progress

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


@pytest.fixture(autouse=True)
def _app(qapp):
    return qapp


def test_progress_rises_to_one(catalog, tmp_path):
    seen: list[float] = []
    out = tmp_path / "r.pdf"
    write_report(
        load_plan(EXAMPLES / "local_restaurant.yaml"), catalog, out, on_progress=seen.append
    )
    assert out.read_bytes().startswith(b"%PDF")
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0)
    assert 0.0 <= seen[0] < 0.1
    # every stage reports: no jump over a fifth of the work without a word
    assert max(b - a for a, b in zip([0.0, *seen], seen, strict=False)) < 0.2


# stops in the engine, the sensitivity analysis, the charts and the page painting
@pytest.mark.parametrize("stop_at", [0.0, 0.1, 0.3, 0.5, 0.9])
def test_cancel_raises_and_leaves_no_file(catalog, tmp_path, stop_at):
    out = tmp_path / "r.pdf"
    out.write_bytes(b"old")
    last = [0.0]

    def on_progress(f: float) -> None:
        last[0] = f

    with pytest.raises(Cancelled):
        write_report(
            load_plan(EXAMPLES / "b2b_software.yaml"),
            catalog,
            out,
            on_progress=on_progress,
            should_stop=lambda: last[0] >= stop_at,
        )
    assert out.read_bytes() == b"old"  # the earlier file is untouched
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]  # and no temporary file


def test_part_maps_onto_the_parent_range():
    seen: list[float] = []
    whole = Progress(seen.append)
    second_half = whole.part(0.5, 1.0)
    second_half.part(0.5, 1.0)(0.5)
    second_half(2.0)  # clamped
    assert seen == [pytest.approx(0.875), 1.0]
    with pytest.raises(Cancelled):
        Progress(should_stop=lambda: True)(0.1)

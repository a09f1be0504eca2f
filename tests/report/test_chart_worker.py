"""The report's charts drawn in a second process: the same bytes as drawn here, and drawn
here when the child fails, dies or cannot be started (Qt running, not Linux)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from advisor.report.chart_worker import ChartWorker

# Run in a fresh interpreter: pytest's own process has Qt started (the worker then never forks).
SCRIPT = textwrap.dedent("""
    import os, signal, sys
    from advisor.core.engine import recommend
    from advisor.core.loading import load_catalog, load_plan
    from advisor.report.chart_worker import ChartWorker
    from advisor.report.chartsvg import chart_svg
    from advisor.report.model import Chart

    def drawn(charts, specs):
        if specs != charts._specs:
            charts.submit(specs)
        return [charts.svg(i) for i in range(len(specs))]

    rec = recommend(load_plan(sys.argv[1]), None, load_catalog())
    specs = [Chart("draw_staffing", (rec,)), Chart("draw_coverage", (rec,), width=4, height=2)]
    here = [chart_svg(s) for s in specs]
    with ChartWorker.start() as charts:
        assert charts.parallel, "no child process"
        charts.submit(specs)
        assert drawn(charts, specs) == here, "the child drew something else"
        bad = [Chart("draw_nothing", ())]
        charts.submit(bad)
        try:
            drawn(charts, bad)
        except ValueError as exc:
            assert "unknown chart" in str(exc)
        else:
            raise AssertionError("the child's error was swallowed")
        assert not charts.parallel  # after a failure it draws here
    with ChartWorker.start() as charts:  # page 1's chart sent early is not drawn twice
        charts.prefetch(specs[:1])
        charts.submit(specs)
        assert charts._where == [(1, 0), (2, 0)], charts._where
        assert drawn(charts, specs) == here, "a prefetched chart came back different"
    with ChartWorker.start() as charts:
        os.kill(charts._proc.pid, signal.SIGKILL)
        charts._proc.join()
        charts.submit(specs)
        assert drawn(charts, specs) == here, "no fallback when the child died"
    print("ok")
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the child is forked on Linux")
def test_child_draws_the_same_bytes_and_falls_back(tmp_path):
    from report_common import EXAMPLE_DIR

    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(EXAMPLE_DIR / "local_restaurant.yaml")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "ok"


def test_no_child_once_qt_runs(qapp):
    with ChartWorker.start() as charts:
        assert not charts.parallel  # forking a process with Qt's threads is unsafe


def test_one_font_when_dejavu_has_every_character(monkeypatch):
    """A chart whose text DejaVu covers names DejaVu alone (the glyph look-up along five
    families is a third of matplotlib's drawing time); one with a character it lacks, even
    one written by the draw function rather than passed in, gets the whole fallback list."""
    from advisor import fonts
    from advisor.report import chartsvg
    from advisor.report.model import Chart

    def draw_titled(ax, title):
        ax.barh(["a", "b"], [1.0, 2.0])
        ax.set_title(title)

    def draw_fixed(ax, title):
        draw_titled(ax, title + " 食堂")

    monkeypatch.setitem(chartsvg.CHARTS, "draw_titled", draw_titled)
    monkeypatch.setitem(chartsvg.CHARTS, "draw_fixed", draw_fixed)
    latin = chartsvg.chart_svg(Chart("draw_titled", ("Cut from $5,000 − 7 · ±3 …",)))
    assert b"DejaVu Sans" in latin and b"Noto Sans CJK JP" not in latin
    cjk = chartsvg.chart_svg(Chart("draw_titled", ("食堂",)))
    fixed = chartsvg.chart_svg(Chart("draw_fixed", ("Menu",)))
    for svg in (cjk, fixed):
        assert all(f.encode() in svg for f in fonts.FAMILIES)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the child is forked on Linux")
def test_ctrl_c_stops_both_processes_and_writes_nothing(tmp_path):
    import os
    import signal
    import time
    from pathlib import Path

    from report_common import EXAMPLE_DIR

    out = tmp_path / "r.pdf"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    cmd = [sys.executable, "-m", "advisor.cli", "report", str(EXAMPLE_DIR / "b2b_software.yaml")]
    proc = subprocess.Popen(
        [*cmd, "-o", str(out)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    deadline = time.monotonic() + 60
    kids: list[str] = []
    while not kids and time.monotonic() < deadline and proc.poll() is None:
        kids = children.read_text().split() if children.exists() else []
        time.sleep(0.01)
    assert kids, "the report did not start its chart process"
    proc.send_signal(signal.SIGINT)
    for kid in kids:  # a terminal sends Ctrl+C to the whole group: the child ignores it
        os.kill(int(kid), signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err[-2000:]
    assert "interrupted" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []  # no report, no temporary file
    for kid in kids:  # gone, or a zombie waiting for its (finished) parent's reaper
        stat = Path(f"/proc/{kid}/stat")
        assert not stat.exists() or stat.read_text().rsplit(")", 1)[1].split()[0] == "Z"

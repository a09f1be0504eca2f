"""`advisor calendar`: the .ics opens in a real iCalendar parser with posts a week x weeks
events per channel at sensible hours; the .csv has the bulk composer's columns; bad options
exit 2 and write nothing."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from advisor.cli import main
from advisor.core.engine import recommend
from advisor.core.loading import load_catalog, load_plan

ROOT = Path(__file__).parents[2]
EXAMPLES = ROOT / "resources" / "examples"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("example", "scenario", "weeks"),
    [
        ("b2b_software", None, 4),
        ("fashion_retailer", None, 3),
        ("b2b_software", "Ambitious cadence", 2),
    ],
)
def test_ics_round_trip(capsys, tmp_path, example, scenario, weeks) -> None:
    plan_path = str(EXAMPLES / f"{example}.yaml")
    out = tmp_path / "plan.ics"
    extra = ["--scenario", scenario] if scenario else []
    code, stdout, err = run(
        capsys,
        "calendar",
        plan_path,
        *extra,
        "--weeks",
        str(weeks),
        "--start",
        "2027-01-04",
        "-o",
        str(out),
    )
    assert code == 0, err
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    events = list(cal.walk("VEVENT"))
    rec = recommend(load_plan(plan_path), scenario, load_catalog())
    names = {rec.channel(cid).name: cid for cid in rec.mix}
    per_channel = Counter(str(ev["summary"]).split(":")[0] for ev in events)
    expected = {
        rec.channel(cid).name: round(rec.channel(cid).posts_per_week * weeks) for cid in rec.mix
    }
    assert per_channel == {k: v for k, v in expected.items() if v}
    assert f"{len(events)} posts over {weeks} weeks" in stdout
    first = date(2027, 1, 4)
    last = first + timedelta(days=7 * weeks - 1)
    for ev in events:
        start: datetime = ev.decoded("dtstart")
        assert first <= start.date() <= last
        assert 8 <= start.hour <= 20  # within the working day's posting hours
        name, _, fmt = str(ev["summary"]).partition(": ")
        assert name in names and fmt in {
            "text post",
            "image post",
            "short video",
            "long video",
            "live session",
        }
        assert str(ev["description"]).startswith(f"Message style on {name}: ")
    uids = [str(ev["uid"]) for ev in events]
    assert len(set(uids)) == len(uids)


def test_linkedin_stays_on_weekdays_at_its_hour(capsys, tmp_path) -> None:
    out = tmp_path / "plan.ics"
    args = ["--weeks", "4", "--start", "2027-01-04", "-o", str(out)]
    assert run(capsys, "calendar", str(EXAMPLES / "b2b_software.yaml"), *args)[0] == 0
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    linkedin = [
        ev.decoded("dtstart")
        for ev in cal.walk("VEVENT")
        if str(ev["summary"]).startswith("LinkedIn")
    ]
    assert linkedin and all(d.weekday() < 5 and d.hour == 11 for d in linkedin)
    # spread, not bunched: no more than one LinkedIn post a day at 4 a week
    assert len({d.date() for d in linkedin}) == len(linkedin)


def test_csv_for_a_bulk_scheduler(capsys, tmp_path) -> None:
    out = tmp_path / "plan.csv"
    args = ["--weeks", "2", "--start", "2027-01-04", "-o", str(out)]
    assert run(capsys, "calendar", str(EXAMPLES / "b2b_software.yaml"), *args)[0] == 0
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0] == ["Date", "Message", "Link", "Channel", "Format"]
    for row in rows[1:]:
        when = datetime.strptime(row[0], "%m/%d/%Y %H:%M")
        assert date(2027, 1, 4) <= when.date() <= date(2027, 1, 17)
        assert row[3] in row[1] and row[4] in row[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--weeks", "0"], "--weeks: must be a whole number from 1 to 52"),
        (["--weeks", "53"], "from 1 to 52"),
        (["--start", "next week"], "--start: expected a date as YYYY-MM-DD"),
        (["--scenario", "Nope"], "no such scenario"),
    ],
)
def test_bad_options_exit_2(capsys, tmp_path, args, message) -> None:
    out = tmp_path / "plan.ics"
    code, _, err = run(
        capsys, "calendar", str(EXAMPLES / "b2b_software.yaml"), *args, "-o", str(out)
    )
    assert code == 2 and message in err, err
    assert not out.exists()


def test_unknown_suffix_exit_2(capsys, tmp_path) -> None:
    out = tmp_path / "plan.txt"
    code, _, err = run(capsys, "calendar", str(EXAMPLES / "b2b_software.yaml"), "-o", str(out))
    assert code == 2 and "must end in .ics or .csv" in err and not out.exists()

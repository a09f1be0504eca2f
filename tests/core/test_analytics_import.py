"""`advisor import-analytics`: the shipped sample exports fill today's presence; bad exports
get a message naming the file, the row or column and what is expected, exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.cli import main
from advisor.core.loading import load_plan

ROOT = Path(__file__).parents[2]
PLAN = str(ROOT / "resources" / "examples" / "b2b_software.yaml")
SAMPLES = ROOT / "resources" / "samples"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("sample", "channel", "posts_per_week", "layout"),
    [
        ("meta_facebook_posts.csv", "facebook", 2.0, "Meta Business Suite"),
        ("meta_instagram_posts.csv", "instagram", 1.5, "Meta Business Suite"),
        ("linkedin_page_content.csv", "linkedin", 3.0, "LinkedIn Page"),
        ("x_analytics_posts.csv", "x", 4.0, "X analytics"),
        ("hootsuite_post_performance.csv", "facebook", 2.5, "Hootsuite"),
    ],
)
def test_each_sample_export(capsys, tmp_path, sample, channel, posts_per_week, layout) -> None:
    out_plan = tmp_path / "new.yaml"
    code, out, err = run(
        capsys, "import-analytics", PLAN, str(SAMPLES / sample), "-o", str(out_plan)
    )
    assert code == 0, err
    assert layout in out and f"wrote {out_plan}" in out
    assert "# the channels run today" in out_plan.read_text()  # the plan's comments kept
    before = load_plan(PLAN).profile.presence
    after = load_plan(out_plan).profile.presence
    assert after[channel].posts_per_week == pytest.approx(posts_per_week)
    assert after[channel].inbound_per_month is not None and after[channel].inbound_per_month > 0
    if channel in before:  # the hours the team gave are kept, other channels untouched
        assert after[channel].hours_per_week == before[channel].hours_per_week
    for cid in set(before) - {channel}:
        assert after[cid] == before[cid]


def test_sprout_mixes_networks_and_reports_the_skipped_total(capsys, tmp_path) -> None:
    out_plan = tmp_path / "new.yaml"
    code, out, _ = run(
        capsys,
        "import-analytics",
        PLAN,
        str(SAMPLES / "sprout_post_performance.csv"),
        "-o",
        str(out_plan),
    )
    assert code == 0
    assert "12 rows read, 1 skipped" in out and "row 14 skipped: no date" in out
    after = load_plan(out_plan).profile.presence
    assert after["linkedin"].posts_per_week == pytest.approx(2.0)
    assert after["youtube"].posts_per_week == pytest.approx(1.0)


def test_followers_come_from_the_latest_row(capsys, tmp_path) -> None:
    out_plan = tmp_path / "new.yaml"
    code, out, _ = run(
        capsys,
        "import-analytics",
        PLAN,
        str(SAMPLES / "hootsuite_post_performance.csv"),
        "-o",
        str(out_plan),
    )
    assert code == 0
    assert load_plan(out_plan).profile.presence["facebook"].followers == 9090
    assert "Facebook: followers not given -> 9,090" in out


def test_a_mapping_reads_any_other_tool(capsys, tmp_path) -> None:
    out_plan = tmp_path / "new.yaml"
    sample = str(SAMPLES / "other_tool_posts.csv")
    code, _, err = run(capsys, "import-analytics", PLAN, sample, "-o", str(out_plan))
    assert code == 2 and "other_tool_posts.csv" in err and "--map date=COLUMN" in err
    assert not out_plan.exists()
    args = ["--map", "date=Posted on", "--map", "channel=Platform", "--map", "followers=Fans"]
    code, out, err = run(capsys, "import-analytics", PLAN, sample, *args, "-o", str(out_plan))
    assert code == 0, err
    bluesky = load_plan(out_plan).profile.presence["bluesky"]
    assert bluesky.posts_per_week == pytest.approx(2.0) and bluesky.followers == 635


def test_the_same_post_in_two_exports_counts_once(capsys, tmp_path) -> None:
    out_plan = tmp_path / "new.yaml"
    x = str(SAMPLES / "x_analytics_posts.csv")
    code, out, _ = run(capsys, "import-analytics", PLAN, x, x, "-o", str(out_plan))
    assert code == 0 and "16 posts were in more than one export" in out
    assert load_plan(out_plan).profile.presence["x"].posts_per_week == pytest.approx(4.0)


BAD = {
    "empty": ("", "the export is empty"),
    "no_date": ("Post,Network\nhello,Facebook\n", "no date column found"),
    "bad_date": (
        "Date,Social network\n2026-10-01 09:00,Facebook\nlast Tuesday,Facebook\n",
        "row 3, column 'Date': date not understood",
    ),
    "unknown_channel": (
        "Date,Social network\n2026-10-01 09:00,Friendster\n",
        "row 2, column 'Social network': unknown channel; allowed: ",
    ),
    "retired_channel": (
        "Date,Social network\n2026-10-01 09:00,Google+\n",
        "a channel the advisor does not plan for",
    ),
    "negative": (
        "Date,Social network,Comments\n2026-10-01 09:00,Facebook,-4\n",
        "row 2, column 'Comments': must be 0 or more",
    ),
    "not_a_number": (
        "Date,Social network,Followers\n2026-10-01 09:00,Facebook,lots\n",
        "column 'Followers': expected a number",
    ),
    "header_only": ("Date,Social network\n", "no post rows with a date"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_exports_exit_2_and_write_nothing(capsys, tmp_path, case) -> None:
    text, message = BAD[case]
    export = tmp_path / f"{case}.csv"
    export.write_text(text, encoding="utf-8")
    out_plan = tmp_path / "new.yaml"
    code, _, err = run(capsys, "import-analytics", PLAN, str(export), "-o", str(out_plan))
    assert code == 2
    assert str(export) in err and message in err, err
    assert "Traceback" not in err
    assert not out_plan.exists()


def test_another_encoding_is_named(capsys, tmp_path) -> None:
    export = tmp_path / "latin1.csv"
    export.write_bytes(
        "Date,Social network,Post\n2026-10-01 09:00,Facebook,Café\n".encode("latin-1")
    )
    code, _, err = run(
        capsys, "import-analytics", PLAN, str(export), "-o", str(tmp_path / "n.yaml")
    )
    assert code == 2 and "latin1.csv" in err and "not UTF-8" in err and "CSV UTF-8" in err
    # UTF-16 with a byte-order mark (Excel's 'Unicode text') is read
    export.write_bytes("Date\tSocial network\n2026-10-01 09:00\tFacebook\n".encode("utf-16"))
    code, _, err = run(
        capsys, "import-analytics", PLAN, str(export), "-o", str(tmp_path / "n.yaml")
    )
    assert code == 0, err


def test_one_bad_file_among_good_ones_changes_nothing(capsys, tmp_path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("Date,Social network\nnot a date,Facebook\n", encoding="utf-8")
    good = str(SAMPLES / "x_analytics_posts.csv")
    out_plan = tmp_path / "new.yaml"
    code, _, err = run(capsys, "import-analytics", PLAN, good, str(bad), "-o", str(out_plan))
    assert code == 2 and "bad.csv" in err and not out_plan.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--map", "date"], "expected FIELD=COLUMN"),
        (["--map", "when=Date", "--channel", "x"], "unknown field"),
        (["--map", "date=Date", "--channel", "myspace"], "--channel: unknown channel"),
    ],
)
def test_bad_options(capsys, tmp_path, args, message) -> None:
    sample = str(SAMPLES / "x_analytics_posts.csv")
    code, _, err = run(
        capsys, "import-analytics", PLAN, sample, *args, "-o", str(tmp_path / "n.yaml")
    )
    assert code == 2 and message in err, err


def test_posts_without_an_address_are_never_merged(capsys, tmp_path) -> None:
    export = tmp_path / "two.csv"
    days = "".join(
        f"2026-10-{d:02d},Facebook Page\n2026-10-{d:02d},Facebook Page\n" for d in range(1, 15)
    )
    export.write_text("Date,Social network\n" + days, encoding="utf-8")
    out_plan = tmp_path / "new.yaml"
    code, out, _ = run(capsys, "import-analytics", PLAN, str(export), "-o", str(out_plan))
    assert code == 0 and "28 posts from 01 Oct 2026 to 14 Oct 2026 (14 days)" in out
    assert load_plan(out_plan).profile.presence["facebook"].posts_per_week == pytest.approx(14.0)
    assert "under four weeks" in out


def test_an_account_level_export_with_posts_per_row(capsys, tmp_path) -> None:
    export = tmp_path / "daily.csv"
    rows = "".join(f"2026-11-{d:02d};{d % 2};{3000 + d}\n" for d in range(1, 29))
    export.write_text("Day;Posts published;Audience\n" + rows, encoding="utf-8")  # ';' as Excel
    out_plan = tmp_path / "new.yaml"
    args = ["--map", "date=Day", "--map", "posts=Posts published", "--map", "followers=Audience"]
    code, out, err = run(
        capsys,
        "import-analytics",
        PLAN,
        str(export),
        *args,
        "--channel",
        "threads",
        "-o",
        str(out_plan),
    )
    assert code == 0, err
    threads = load_plan(out_plan).profile.presence["threads"]
    assert threads.posts_per_week == pytest.approx(14 / 28 * 7)  # odd days post once
    assert threads.followers == 3028  # the latest day's audience

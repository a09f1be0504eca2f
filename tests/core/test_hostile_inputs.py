"""Hostile files through the command line: each refused with exit 2 within a second, with a
message that names the file (and the line where it has one); no traceback, no hang, no NaN."""

from __future__ import annotations

import json
import math
import os
import re
import time
from pathlib import Path

import pytest

from advisor.cli import main

ROOT = Path(__file__).parents[2]
HOSTILE = ROOT / "tests" / "hostile"
EXAMPLE = str(ROOT / "resources" / "examples" / "b2b_software.yaml")

# file in tests/hostile -> (line or None, what the message must say)
EXPECTED = {
    "plan_alias_bomb.yaml": (2, "YAML aliases (*name) are not allowed"),
    "overlay_alias_bomb.yaml": (2, "YAML aliases (*name) are not allowed"),
    "plan_merge_key.yaml": (3, "YAML aliases (*name) are not allowed"),
    "plan_deep_lists.yaml": (1, "nests deeper than 32 levels"),
    "plan_deep_maps.yaml": (33, "nests deeper than 32 levels"),
    "plan_deep.json": (1, "nests deeper than 32 levels"),
    "plan_long_int.yaml": (3, "numbers here have at most 20 digits"),
    "plan_long_int_tagged.yaml": (3, "numbers here have at most 20 digits"),
    "plan_long_int.json": (1, "numbers here have at most 20 digits"),
    "overlay_long_int.yaml": (2, "numbers here have at most 20 digits"),
    "plan_nan_goal.yaml": (3, "profile.goals.brand_awareness: Input should be a finite number"),
    "plan_inf_age.yaml": (3, "profile.audience_age.18-29: Input should be a finite number"),
    "plan_nan.json": (None, "NaN is not a number JSON allows"),
    "plan_huge_goals.yaml": (3, "goal weight of 'trust_transparency' must be 0 or between"),
    "plan_subnormal_goals.yaml": (5, "goal weight of 'brand_awareness' must be 0 or between"),
    "plan_tool_slash.yaml": (5, "scenarios[0].tool: write a tool id ('hootsuite')"),
    "plan_too_many_scenarios.yaml": (4, "scenarios: List should have at most 50 items"),
    "plan_python_tag.yaml": (1, "could not determine a constructor for the tag"),
    "plan_nul.yaml": (2, "character #x0000 is not allowed"),
    "plan_bad_utf8.yaml": (2, "is not UTF-8 text: byte 0xe9 at column 12"),
    "plan_top_list.yaml": (1, "expected a mapping (field: value lines) at the top level, got a"),
    "plan_complex_key.yaml": (2, "a key must be a plain name"),
    "plan_unknown_ids.yaml": (6, "scenarios[0].force_in: unknown channel; allowed: blog"),
    "overlay_platform_id_mapping.yaml": (2, "platforms[16].id: Input should be a valid string"),
    "overlay_productive_hours_zero.yaml": (2, "productive_hours_per_fte must be between 1 and"),
    "overlay_productive_hours_nan.yaml": (
        2,
        "productive_hours_per_fte.v: Input should be a finite",
    ),
    "overlay_weeks_negative.yaml": (2, "weeks_per_month must be between 4 and 4.5"),
    "overlay_tailor_inf.yaml": (2, "tailor_share.v: Input should be a finite number"),
    "overlay_effort_reference_zero.yaml": (2, "effort_reference_hours must be above 0"),
    "overlay_fit_weights_negative.yaml": (3, "fit_weights must be >= 0"),
    "overlay_effort_huge.yaml": (2, "platforms[blog]: effort_hours 'text' must be between 0 and"),
    "overlay_unknown_source.yaml": (4, "platforms[blog].b2b: unknown source id"),
    "overlay_list.yaml": (1, "expected a mapping (field: value lines) at the top level"),
}


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """Import what the commands import once, so each timing measures the refusal alone."""
    import advisor.commands
    import advisor.core.engine  # noqa: F401

    advisor.commands.load_catalog()


def run(capsys, *args: str) -> tuple[int, str, str, float]:
    start = time.perf_counter()
    code = main(list(args))
    took = time.perf_counter() - start
    out, err = capsys.readouterr()
    return code, out, err, took


def _commands(path: str) -> list[list[str]]:
    """Every command that reads the file: as a plan, or as an overlay."""
    if Path(path).name.startswith("overlay"):
        return [
            ["--overlay", path, cmd, *extra]
            for cmd, *extra in (["validate", EXAMPLE], ["recommend", EXAMPLE], ["catalog"])
        ] + [["validate", path]]
    return [["validate", path], ["recommend", path], ["compare", path]]


def test_the_corpus_is_all_covered() -> None:
    assert sorted(EXPECTED) == sorted(p.name for p in HOSTILE.iterdir() if p.suffix != ".md")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hostile_file_is_refused_clearly_and_fast(capsys, name: str) -> None:
    line, phrase = EXPECTED[name]
    path = str(HOSTILE / name)
    for args in _commands(path):
        code, out, err, took = run(capsys, *args)
        assert code == 2, (args, out, err)
        assert took < 1.0, (args, took)
        # a merged overlay's problems name it "FILE (overlay on platforms.yaml):LINE"
        where = (
            re.escape(path) + r"( \(overlay on platforms\.yaml\))?" + (f":{line}:" if line else ":")
        )
        assert re.search(where, err) and phrase in err, (args, err)
        assert "Traceback" not in err and "<unicode string>" not in err


def test_a_fifo_as_plan_and_overlay(capsys, tmp_path: Path) -> None:
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    for args in (["recommend", str(fifo)], ["--overlay", str(fifo), "catalog"]):
        code, _, err, took = run(capsys, *args)
        assert code == 2 and "is a named pipe (FIFO), not a regular file" in err and took < 1


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_as_plan(capsys, device: str) -> None:
    code, _, err, took = run(capsys, "compare", device)
    assert code == 2 and f"{device}: is a device" in err and took < 1


def test_a_50_mb_plan_is_refused_at_once(capsys, tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"- 1\n" * (13 * 1024 * 1024))
    code, _, err, took = run(capsys, "validate", str(big))
    assert code == 2 and "larger than the 2.0 MB" in err and took < 1


def test_too_many_values_are_refused_before_building_them(capsys, tmp_path: Path) -> None:
    many = tmp_path / "many.yaml"
    many.write_text("profile: {name: x}\nscenarios:\n" + "  - {name: a}\n" * 50_000)
    code, _, err, took = run(capsys, "validate", str(many))
    assert code == 2 and "has more than 40,000 values" in err and took < 1


def test_an_overlay_edit_of_many_channels_is_capped(capsys, tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text("platforms:\n" + "".join(f"  - {{id: c{i}}}\n" for i in range(200)))
    code, _, err, _took = run(capsys, "--overlay", str(overlay), "catalog")
    assert code == 2 and "platforms: List should have at most 200 items" in err


# --- regressions of answers that were wrong rather than refused --------------------------------


def test_a_fixed_tool_that_cannot_manage_a_forced_channel(capsys, tmp_path: Path) -> None:
    """Emplifi does not publish to Tumblr: no -inf hours saved, no 'need 0.0 h/week'."""
    plan = tmp_path / "plan.yaml"
    text = Path(EXAMPLE).read_text(encoding="utf-8")
    plan.write_text(
        text + "  - name: Emplifi and Tumblr\n    tool: emplifi\n    force_in: [tumblr]\n",
        encoding="utf-8",
    )
    args = ("recommend", str(plan), "--scenario", "Emplifi and Tumblr")
    code, out, _, _ = run(capsys, *args)
    assert code == 0 and "inf" not in out.replace("info", "")
    assert "the tool this scenario fixes cannot manage Tumblr" in out
    assert "forced channels need 0.0 h/week" not in out  # the old, wrong warning
    code, out, _, _ = run(capsys, *args, "--format", "json")
    data = json.loads(out, parse_constant=lambda c: pytest.fail(f"{c} in the JSON"))
    assert data["tool"] is None or math.isfinite(data["tool"]["hours_saved"])


@pytest.mark.parametrize(
    "target, phrase",
    [
        ("{tmp}", "is a folder, not a regular file; it was left untouched"),
        ("", "no file name given for the report"),
        ("{tmp}/missing/report.pdf", "does not exist"),
        ("/proc/version", "the folder /proc does not accept new files"),
        ("/dev/full", "/dev/full: is a device, not a regular file"),
    ],
)
def test_report_onto_a_target_it_must_not_write(capsys, tmp_path: Path, target, phrase) -> None:
    target = target.format(tmp=tmp_path)
    if target.startswith(("/proc", "/dev")) and not os.path.exists(target):
        pytest.skip(f"{target} does not exist here")
    code, _, err, _ = run(capsys, "report", EXAMPLE, "-o", target)
    assert code == 2 and "error: cannot write the output" in err and phrase in err, err
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    if target == "/dev/full":
        assert not Path("/dev/full").is_file()


def test_what_the_tool_writes_it_reads_back_without_aliases(tmp_path: Path) -> None:
    """Aliases are refused in user files, so our own YAML never contains one."""
    from advisor.core.loading import dump_yaml, read_document

    shared = [1.0, "est"]
    text = dump_yaml({"a": shared, "b": shared})
    assert "&" not in text and "*" not in text
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    assert read_document(path)[0] == {"a": shared, "b": shared}


def test_presence_and_channel_lists_are_capped(capsys, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    presence = "".join(f"    c{i}: {{followers: 1}}\n" for i in range(201))
    forced = ", ".join(f"c{i}" for i in range(201))
    plan.write_text(
        f"profile:\n  name: x\n  presence:\n{presence}scenarios:\n"
        f"  - name: a\n    force_in: [{forced}]\n"
    )
    code, _, err, took = run(capsys, "validate", str(plan))
    assert code == 2 and took < 1.0
    assert f"{plan}:4: profile.presence: Dictionary should have at most 200 items" in err
    assert "scenarios[0].force_in: List should have at most 200 items" in err

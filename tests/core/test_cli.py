"""The command line: outputs, the JSON contract, and exit code 2 with clear messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from advisor.cli import main
from advisor.core.engine import recommend
from advisor.core.loading import load_catalog, load_plan

EXAMPLE = str(Path(__file__).parents[2] / "resources" / "examples" / "b2b_software.yaml")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_recommend_table(capsys) -> None:
    code, out, _ = run(capsys, "recommend", EXAMPLE)
    assert code == 0
    rec = recommend(load_plan(EXAMPLE), None, load_catalog())
    line = next(x for x in out.splitlines() if x.startswith("Recommended mix: "))
    for cid in rec.mix:
        c = rec.channel(cid)
        assert c.name in line
    assert f"{rec.hours_per_week:.1f}" in out and f"{rec.fte:.2f}" in out
    assert f"{rec.spare_hours_per_week:.1f} h/week spare" in out
    assert "Marketing & communications" in out and "IT / CIO" in out
    assert "Cadence per channel:" in out and "Why not" in out


def test_calibration_command(capsys) -> None:
    code, out, _ = run(capsys, "calibration")
    assert code == 0, out
    assert "published benchmarks pass" in out and "FAIL" not in out
    code, out, _ = run(capsys, "calibration", "--format", "json")
    rows = json.loads(out)
    assert len(rows) >= 8 and all(r["passed"] for r in rows)
    assert all(r["source"] and r["published"] and r["engine"] for r in rows)


def test_calibration_fails_when_an_overlay_breaks_a_benchmark(capsys, tmp_path) -> None:
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(
        "platforms:\n  - id: blog\n    effort_hours:\n      text: [12, est]\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "--overlay", str(overlay), "calibration")
    assert code == 1
    assert "[FAIL] Writing a blog post" in out


def test_recommend_json_contract(capsys) -> None:
    code, out, _ = run(capsys, "recommend", EXAMPLE, "--format", "json", "--scenario", "Baseline")
    assert code == 0
    data = json.loads(out)
    for key in (
        "mix",
        "channels",
        "hours_per_week",
        "fte",
        "tool",
        "monthly_cost",
        "coverage",
        "warnings",
        "advice",
    ):
        assert key in data
    assert data["schema"] == "channel-advisor/recommendation/1"
    ch = data["channels"][0]
    for key in ("id", "fit", "contributions", "in_mix", "posts_per_week", "hours_per_week"):
        assert key in ch
    assert sorted(c["id"] for c in data["channels"] if c["in_mix"]) == sorted(data["mix"])
    assert set(data["coverage"]) == {
        "brand_awareness",
        "customer_service",
        "lead_generation",
        "community_loyalty",
        "product_feedback",
        "recruiting",
        "thought_leadership",
        "trust_transparency",
        "internal_knowledge",
    }


def test_recommend_csv_and_sensitivity(capsys) -> None:
    code, out, _ = run(capsys, "recommend", EXAMPLE, "--format", "csv")
    assert code == 0 and out.startswith("rank,id,name,fit")
    code, out, _ = run(capsys, "recommend", EXAMPLE, "--sensitivity")
    assert code == 0 and "Robustness:" in out


def test_compare(capsys) -> None:
    code, out, _ = run(capsys, "compare", EXAMPLE)
    assert code == 0
    for s in load_plan(EXAMPLE).scenarios:
        assert s.name in out
    assert "d_hours" in out and "Goal coverage" in out
    code, out, _ = run(capsys, "compare", EXAMPLE, "--format", "json")
    rows = json.loads(out)
    assert rows[0]["d_hours"] == 0


def test_catalog_lists_sources(capsys) -> None:
    code, out, _ = run(capsys, "catalog")
    assert code == 0 and "linkedin" in out and "pew" in out
    code, out, _ = run(capsys, "catalog", "--tools")
    assert code == 0 and "buddy_media" in out and "retired" in out
    code, out, _ = run(capsys, "catalog", "--figures", "--format", "csv")
    assert code == 0 and "estimate" in out.splitlines()[0]


def test_validate_good_files(capsys) -> None:
    code, out, _ = run(capsys, "validate", EXAMPLE)
    assert code == 0 and "valid plan" in out
    from advisor.core.loading import catalog_path

    code, out, _ = run(capsys, "validate", str(catalog_path()))
    assert code == 0 and "valid knowledge base" in out


BAD = {
    "malformed.yaml": ("profile: [unclosed\n", "malformed YAML"),
    "empty.yaml": ("   \n", "empty"),
    "list.yaml": ("- 1\n- 2\n", "mapping"),
    "types.yaml": (
        "schema_version: 1\nprofile: {name: X, people: lots}\nscenarios: [{name: A}]\n",
        "profile.people",
    ),
    "hours.yaml": (
        "schema_version: 1\nprofile: {name: X, hours_per_person: 200}\nscenarios: [{name: A}]\n",
        "168",
    ),
    "zero.yaml": (
        "schema_version: 1\nprofile:\n  name: X\n  goals: {brand_awareness: 0}\n"
        "scenarios: [{name: A}]\n",
        "at least one goal",
    ),
    "missing.yaml": ("schema_version: 1\nscenarios: [{name: A}]\n", "profile"),
    "unknown.yaml": (
        "schema_version: 1\nprofile: {name: X}\nscenarios: [{name: A, force_in: [myspace]}]\n",
        "unknown channel",
    ),
    "both.yaml": (
        "schema_version: 1\nprofile: {name: X}\n"
        "scenarios: [{name: A, force_in: [x], force_out: [x]}]\n",
        "both forced",
    ),
    "unsafe.yaml": ("!!python/object/apply:os.system ['echo hi']\n", "malformed YAML"),
    "bad.json": ('{"schema_version": 1,', "malformed JSON"),
}


@pytest.mark.parametrize("name", sorted(BAD))
@pytest.mark.parametrize("command", ["recommend", "validate"])
def test_bad_input_exits_2_with_file_and_field(tmp_path, capsys, name: str, command: str) -> None:
    text, expected = BAD[name]
    path = tmp_path / name
    path.write_text(text)
    code, out, err = run(capsys, command, str(path))
    assert code == 2
    assert str(path) in err and expected in err
    assert "Traceback" not in err


def test_line_numbers_are_reported(tmp_path, capsys) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("schema_version: 1\nprofile:\n  name: X\n  voice: 7\nscenarios:\n- name: A\n")
    code, _, err = run(capsys, "recommend", str(path))
    assert code == 2 and f"{path}:4: profile.voice" in err and "(got 7)" in err


def test_missing_file_and_scenario(tmp_path, capsys) -> None:
    code, _, err = run(capsys, "recommend", str(tmp_path / "nope.yaml"))
    assert code == 2 and "file not found" in err
    code, _, err = run(capsys, "recommend", EXAMPLE, "--scenario", "Nope")
    assert code == 2 and "no such scenario" in err and "Baseline" in err


def test_bad_catalog_names_field_and_source(tmp_path, capsys) -> None:
    from advisor.core.loading import catalog_path

    lines = catalog_path().read_text().splitlines()
    i = next(k for k, line in enumerate(lines) if "productive_hours_per_fte:" in line)
    lines[i] = "  productive_hours_per_fte: [32.5, nowhere_source]"
    bad = tmp_path / "kb.yaml"
    bad.write_text("\n".join(lines))
    code, _, err = run(capsys, "validate", str(bad))
    assert code == 2 and "nowhere_source" in err
    assert f"{bad}:{i + 1}: assumptions.productive_hours_per_fte" in err


def test_overlay_overrides_a_figure(tmp_path, capsys) -> None:
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(
        "platforms:\n- id: linkedin\n  cadence: {min: [3, est], typical: [5, est],"
        " max: [14, est]}\n"
    )
    cat = load_catalog(overlay=overlay)
    assert cat.platform("linkedin").cadence.typical.v == 5
    code, out, _ = run(capsys, "--overlay", str(overlay), "recommend", EXAMPLE, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert next(c for c in data["channels"] if c["id"] == "linkedin")["posts_per_week"] == 5
    overlay.write_text("platforms:\n- id: linkedin\n  b2b: [7, est]\n")
    code, _, err = run(capsys, "--overlay", str(overlay), "recommend", EXAMPLE)
    assert code == 2 and "b2b" in err


def test_without_a_display_the_answer_goes_to_the_terminal(capsys, monkeypatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    code, out, err = run(capsys)
    assert code == 0 and "No display found" in err
    assert "Northwind Cloud" in out and "Recommended mix:" in out
    code, out, _ = run(capsys, str(Path(EXAMPLE).with_name("hospital.yaml")))
    assert code == 0 and "St. Brigid" in out


def test_validate_an_overlay(tmp_path, capsys) -> None:
    overlay = tmp_path / "mine.yaml"
    overlay.write_text("platforms:\n- id: linkedin\n  b2b: [0.9, est]\n")
    code, out, _ = run(capsys, "validate", str(overlay))
    assert code == 0 and "valid overlay" in out
    overlay.write_text("platforms:\n- id: linkedin\n  b2b: [9, est]\n")
    code, _, err = run(capsys, "validate", str(overlay))
    assert code == 2 and "b2b" in err and "between 0 and 1" in err


def test_json_contract_matches_its_documentation(capsys) -> None:
    import re

    doc = (Path(__file__).parents[2] / "docs" / "json-contract.md").read_text()
    top, channel = doc.split("Each entry of `channels`:")
    documented = set(re.findall(r"^\| `([a-z_]+)`", top, re.M))
    for row in re.findall(r"^\| (`[^|]+`) \|", top, re.M):  # rows naming several fields
        documented |= set(re.findall(r"`([a-z_]+)`", row))
    documented_channel = set()
    for row in re.findall(r"^\| (`[^|]+`) \|", channel.split("Goal ids:")[0], re.M):
        documented_channel |= set(re.findall(r"`([a-z_]+)`", row))
    code, out, _ = run(capsys, "recommend", EXAMPLE, "--format", "json", "--sensitivity")
    data = json.loads(out)
    assert set(data) == documented
    assert set(data["channels"][0]) == documented_channel


def test_overlay_option_after_the_command(tmp_path, capsys) -> None:
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text("platforms:\n- id: linkedin\n  b2b: [9, est]\n")
    code, _, err = run(capsys, "recommend", EXAMPLE, "--overlay", str(overlay))
    assert code == 2 and "b2b" in err


@pytest.mark.parametrize(
    ("profile_extra", "field"),
    [
        ("  answer_share: 1.5\n", "profile.answer_share"),
        ("  presence:\n    myspace: {followers: 10}\n", "profile.presence"),
        ("  presence:\n    linkedin: {followers: -5}\n", "profile.presence.linkedin.followers"),
        ("  value_threshold: -1\n", "profile.value_threshold"),
    ],
)
def test_bad_staffing_inputs_name_the_field(tmp_path, capsys, profile_extra, field) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "profile:\n  name: Test\n" + profile_extra + "scenarios:\n  - name: Base\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "recommend", str(plan))
    assert code == 2, err
    assert str(plan) in err and field in err


def test_overlay_breaking_the_model_is_refused(tmp_path, capsys) -> None:
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text("assumptions:\n  productive_hours_per_fte: [0, est]\n", encoding="utf-8")
    code, _, err = run(capsys, "recommend", EXAMPLE, "--overlay", str(overlay))
    assert code == 2
    assert "productive_hours_per_fte" in err and "between 1 and 168" in err

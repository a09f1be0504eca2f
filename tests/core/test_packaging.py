"""A non-editable install carries the knowledge base, the example plans and the icon, and
`uv tool install` of the wheel gives a working `advisor` outside the source tree."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
UV = shutil.which("uv")
pytestmark = pytest.mark.skipif(UV is None, reason="uv is needed to build and install the wheel")


def _uv(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> str:
    proc = subprocess.run(
        [str(UV), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    try:  # hatchling is in uv's cache once `uv sync` has built the project
        _uv("build", "--wheel", "-q", "--offline", "-o", str(out))
    except AssertionError:
        _uv("build", "--wheel", "-q", "-o", str(out))
    return next(out.glob("*.whl"))


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """`uv tool install` of the wheel into a private tool folder; the environment to run it.

    Pinned to the lock's versions so the cached wheels serve it (offline when uv's cache
    knows the index; else PyPI is asked for the index only)."""
    base = tmp_path_factory.mktemp("tool")
    constraints = base / "constraints.txt"
    _uv(
        "export",
        "--frozen",
        "--no-dev",
        "--no-emit-project",
        "--no-hashes",
        "-q",
        "-o",
        str(constraints),
    )
    env = {
        **os.environ,
        "UV_TOOL_DIR": str(base / "tools"),
        "UV_TOOL_BIN_DIR": str(base / "bin"),
        "XDG_DATA_HOME": str(base / "share"),
        "ADVISOR_CONFIG_DIR": str(base / "config"),
    }
    env.pop("VIRTUAL_ENV", None)  # the test's own environment is not the tool's
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):  # no screen: plain `advisor`
        env.pop(name, None)  # answers in the terminal (the gui tests set offscreen Qt)
    install = ["tool", "install", "-q", "-c", str(constraints), str(wheel)]
    try:
        _uv(*install, "--offline", cwd=base, env=env)
    except AssertionError:
        _uv(*install, cwd=base, env=env)
    env["PATH"] = f"{base / 'bin'}{os.pathsep}{env['PATH']}"
    env["HOME_OF_TEST"] = str(base)
    return env


def _advisor(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed `advisor` from a folder outside the source tree."""
    exe = shutil.which("advisor", path=env["PATH"])
    assert exe is not None and Path(exe).is_relative_to(env["HOME_OF_TEST"])
    return subprocess.run(
        [exe, *args],
        cwd=env["HOME_OF_TEST"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_wheel_ships_data_and_examples(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "advisor/data/platforms.yaml" in names
    assert "advisor/resources/examples/b2b_software.yaml" in names
    assert "advisor/core/engine.py" in names
    assert "advisor/resources/icons/channel-advisor.svg" in names
    assert "advisor/resources/icons/channel-advisor-48.png" in names


def test_tool_install_gives_a_working_advisor_outside_the_source_tree(installed) -> None:
    # with no display, plain `advisor` answers for the bundled example in the terminal
    out = _advisor(installed)
    assert out.returncode == 0, out.stderr
    assert "No display found" in out.stderr and "Recommended mix:" in out.stdout
    site = Path(installed["UV_TOOL_DIR"]) / "channel-advisor"
    examples = sorted(site.glob("lib/python*/site-packages/advisor/resources/examples/*.yaml"))
    shipped = sorted(p.name for p in (ROOT / "resources" / "examples").glob("*.yaml"))
    assert [p.name for p in examples] == shipped
    out = _advisor(installed, "recommend", str(examples[0]), "--format", "json")
    assert out.returncode == 0, out.stderr
    assert '"mix"' in out.stdout
    out = _advisor(installed, "calibration")  # runs the engine on every shipped example
    assert out.returncode == 0, out.stderr
    assert "[pass]" in out.stdout and "[fail]" not in out.stdout
    assert "example plans" in out.stdout


def test_installed_advisor_adds_itself_to_the_applications_menu(installed) -> None:
    out = _advisor(installed, "install-desktop")
    assert out.returncode == 0, out.stderr
    entry = Path(installed["XDG_DATA_HOME"]) / "applications" / "channel-advisor.desktop"
    keys = dict(x.split("=", 1) for x in entry.read_text().splitlines()[1:])
    # the menu runs the tool's own advisor, by absolute path (the session's PATH may lack it)
    program = Path(keys["TryExec"])
    assert program.is_relative_to(installed["UV_TOOL_DIR"]) and program.name == "advisor"
    assert keys["Exec"] == f"{program} gui %f"
    hicolor = Path(installed["XDG_DATA_HOME"]) / "icons" / "hicolor"
    assert (hicolor / "256x256" / "apps" / "channel-advisor.png").stat().st_size > 1000
    validator = shutil.which("desktop-file-validate")
    if validator:
        subprocess.run([validator, str(entry)], check=True)

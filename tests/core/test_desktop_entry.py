"""`advisor install-desktop [--remove]`: a valid desktop entry and the icon in the user's data
folder, the menu cache refreshed, and clear messages when the folder cannot be written."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from advisor import desktop
from advisor.cli import main

VALIDATOR = shutil.which("desktop-file-validate")
needs_validator = pytest.mark.skipif(
    VALIDATOR is None, reason="desktop-file-validate comes with desktop-file-utils (scripts/dev)"
)


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(path))
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def validate(entry: Path) -> None:
    done = subprocess.run([str(VALIDATOR), str(entry)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def entry_keys(entry: Path) -> dict[str, str]:
    lines = entry.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:])


@needs_validator
def test_install_writes_a_valid_entry_and_every_icon(capsys, data_home: Path) -> None:
    code, out, err = run(capsys, "install-desktop")
    assert code == 0, err
    entry = data_home / "applications" / "channel-advisor.desktop"
    validate(entry)
    keys = entry_keys(entry)
    assert keys["Name"] == "Channel Advisor" and keys["Icon"] == "channel-advisor"
    assert keys["Exec"].endswith(" gui %f")  # opens the plan file it is given
    program = keys["TryExec"]
    assert Path(program).is_absolute() and Path(program).is_file()
    assert "application/x-yaml;" in keys["MimeType"]
    hicolor = data_home / "icons" / "hicolor"
    assert (hicolor / "scalable/apps/channel-advisor.svg").read_bytes() == (
        desktop.ICON_SVG.read_bytes()
    )
    for size in desktop.ICON_SIZES:
        png = hicolor / f"{size}x{size}/apps/channel-advisor.png"
        assert png.read_bytes() == desktop.icon_png(size).read_bytes()
    assert str(entry) in out and "install-desktop --remove" in out
    if shutil.which("update-desktop-database"):  # plans (YAML) now open with the app
        cache = (data_home / "applications" / "mimeinfo.cache").read_text()
        assert "application/x-yaml=channel-advisor.desktop;" in cache
        assert "menu cache was refreshed" in out


@needs_validator
def test_exec_quotes_paths_with_spaces_and_special_characters(tmp_path: Path) -> None:
    program = '/opt/My Apps/50% "best" $HOME/advisor'
    text = desktop.desktop_entry([program, "gui"])
    entry = tmp_path / "x.desktop"
    entry.write_text(text)
    validate(entry)
    # quoted, with ", $ and \ escaped inside the quotes, then every \ doubled for the file
    assert entry_keys(entry)["Exec"] == (r'"/opt/My Apps/50%% \\"best\\" \\$HOME/advisor" gui %f')


def test_remove_takes_away_entry_and_icons_only(capsys, data_home: Path) -> None:
    assert run(capsys, "install-desktop")[0] == 0
    other = data_home / "icons" / "hicolor" / "48x48" / "apps" / "someone-else.png"
    other.write_bytes(b"not ours")
    code, out, _ = run(capsys, "install-desktop", "--remove")
    assert code == 0
    assert "no longer in your applications menu" in out and "removed 9 files" in out
    assert not desktop.is_installed()
    left = sorted(p.relative_to(data_home).as_posix() for p in data_home.rglob("*") if p.is_file())
    assert [p for p in left if "channel-advisor" in p] == []
    assert other.exists()  # a folder shared with another app stays
    assert not (data_home / "icons" / "hicolor" / "16x16").exists()  # ours, now empty
    code, out, _ = run(capsys, "install-desktop", "--remove")
    assert code == 0 and "nothing to remove" in out


def test_unwritable_data_folder_is_a_clear_error(capsys, data_home: Path) -> None:
    data_home.parent.mkdir(parents=True, exist_ok=True)
    data_home.write_text("a file where the data folder should be")
    code, out, err = run(capsys, "install-desktop")
    assert code == 2 and out == ""
    assert err.startswith("error: cannot write ") and str(data_home) in err
    assert "Traceback" not in err


def test_relative_xdg_data_home_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")  # the spec says: ignore it
    assert desktop.entry_path() == tmp_path / ".local/share/applications/channel-advisor.desktop"

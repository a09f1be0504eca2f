"""scripts/dev on fresh machines, simulated: stand-ins for python3, apt-get, dpkg, sudo, id and uv
record what the script asks of them, so nothing is ever really installed.

The machine is described by a few switches (root or not, has pip, has ensurepip, has uv, sudo
allowed, network up); each test reads the script's message and the commands it chose.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
SCRIPT = ROOT / "scripts" / "dev"
# The packages the window, the PDF checks and install-desktop need (read from the script)
ALL_PACKAGES = (
    next(x for x in SCRIPT.read_text().splitlines() if x.startswith("SYSTEM_PACKAGES="))
    .split('"')[1]
    .split()
)
KEPT = ["libegl1", "fonts-noto-core", "fonts-noto-cjk", "fonts-symbola", "desktop-file-utils"]
# The real tools the script (and the stand-ins) may use; everything else is absent.
REAL_TOOLS = ("bash", "env", "dirname", "mkdir", "ln", "cat", "touch", "cp", "chmod")

STUBS = {
    # python3 without pip; ensurepip only once python3-venv is "installed" (a marker file)
    "python3": r"""
echo "python3 $*" >> "$FAKE/log"
case "$*" in
  *"import ensurepip"*) [ -e "$FAKE/has-ensurepip" ] || { echo "No module named 'ensurepip'" >&2; exit 1; } ;;
  "-m pip --version") [ -e "$FAKE/has-pip" ] || { echo "/usr/bin/python3: No module named pip" >&2; exit 1; } ;;
  "-m pip install"*) [ -e "$FAKE/network" ] || exit 1
     cp "$FAKE/uv-template" "$HOME/.local/bin/uv" 2>/dev/null || { mkdir -p "$HOME/.local/bin"; cp "$FAKE/uv-template" "$HOME/.local/bin/uv"; } ;;
  "-m venv "*) [ -e "$FAKE/has-ensurepip" ] || exit 1
     mkdir -p "$3/bin"; cp "$FAKE/pip-template" "$3/bin/pip" ;;
  *version_info*) [ -e "$FAKE/python-ok" ] ;;
  "--version") echo "Python 3.10.12" ;;
esac
""",
    "pip-template": r"""
echo "pip $*" >> "$FAKE/log"
[ -e "$FAKE/network" ] || { echo "pip: network unreachable" >&2; exit 1; }
cp "$FAKE/uv-template" "$(dirname "$0")/uv"
""",
    "uv-template": r"""
echo "uv $*" >> "$FAKE/log"
case "$1" in
  python) [ -e "$FAKE/python-ok" ] || exit 2 ;;
  sync) [ -e "$FAKE/network" ] || { echo "error: Failed to fetch: https://pypi.org/simple/" >&2; exit 2; } ;;
esac
""",
    "apt-get": r"""
echo "apt-get $* DEBIAN_FRONTEND=${DEBIAN_FRONTEND:-}" >> "$FAKE/log"
[ -e "$FAKE/network" ] || { echo "E: could not resolve deb.debian.org" >&2; exit 100; }
case " $* " in *" python3-venv "*) touch "$FAKE/has-ensurepip" ;; esac
""",
    # dpkg-query -W -f='${db:Status-Status}' PKG: "installed"; "config-files" once removed
    "dpkg-query": r"""
[ -e "$FAKE/installed/$3" ] && printf installed && exit 0
[ -e "$FAKE/removed/$3" ] && printf config-files && exit 0
echo "dpkg-query: no packages found matching $3" >&2; exit 1
""",
    "id": r"""cat "$FAKE/uid" """,
    "sudo": r"""
echo "sudo $*" >> "$FAKE/log"
[ -e "$FAKE/sudo-ok" ] || { echo "tester is not in the sudoers file." >&2; exit 1; }
[ "$1" = -v ] && exit 0
exec "$@"
""",
}


@dataclass
class Machine:
    """A simulated fresh machine. Every switch off means: nothing but bash and python3."""

    root: bool = True
    pip: bool = False
    ensurepip: bool = False
    uv: bool = False
    sudo: bool | None = None  # None: not installed; False: refuses; True: allowed
    apt: bool = True
    network: bool = True
    python_ok: bool = True
    installed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # removed, config files kept


def run_setup(tmp_path: Path, machine: Machine, *args: str) -> tuple[int, str, list[str]]:
    """Run scripts/dev on the simulated machine: (exit code, stderr, commands it ran)."""
    fake, bin_dir, home = tmp_path / "fake", tmp_path / "bin", tmp_path / "home"
    for d in (fake / "installed", fake / "removed", bin_dir, home):
        d.mkdir(parents=True)
    for tool in REAL_TOOLS:
        (bin_dir / tool).symlink_to(shutil.which(tool) or f"/bin/{tool}")
    wanted = {"python3", "pip-template", "uv-template", "id"}
    wanted |= {"apt-get", "dpkg-query"} if machine.apt else set()
    wanted |= {"sudo"} if machine.sudo is not None else set()
    for name in wanted:
        where = fake if name.endswith("template") else bin_dir
        (where / name).write_text("#!/bin/bash\n" + STUBS[name])
        (where / name).chmod(0o755)
    if machine.uv:
        shutil.copy(fake / "uv-template", bin_dir / "uv")
    (fake / "uid").write_text("0\n" if machine.root else "1000\n")
    for flag, on in [
        ("has-pip", machine.pip),
        ("has-ensurepip", machine.ensurepip),
        ("sudo-ok", machine.sudo),
        ("network", machine.network),
        ("python-ok", machine.python_ok),
    ]:
        if on:
            (fake / flag).touch()
    for pkg in machine.installed:
        (fake / "installed" / pkg).touch()
    for pkg in machine.removed:
        (fake / "removed" / pkg).touch()
    (fake / "log").touch()
    env = {"PATH": str(bin_dir), "HOME": str(home), "FAKE": str(fake)}
    proc = subprocess.run(
        [shutil.which("bash") or "/bin/bash", str(SCRIPT), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return proc.returncode, proc.stderr, (fake / "log").read_text().splitlines()


def _apt_install(log: list[str]) -> list[str]:
    line = next(x for x in log if " install " in x and "apt-get" in x)
    return line.split(" install -y -qq ")[1].split(" DEBIAN_FRONTEND=")[0].split()


def test_fresh_debian_as_root_installs_venv_then_uv_then_runs(tmp_path: Path) -> None:
    code, err, log = run_setup(tmp_path, Machine(), "advisor", "--help")
    assert code == 0, err
    installing = [line for line in err.splitlines() if "installing" in line]
    assert len(installing) == 1  # one line says what and why
    assert "python3-venv" in installing[0] and "uv from PyPI" in installing[0]
    assert "Qt's libraries, fonts" in installing[0]
    packages = _apt_install(log)
    assert "python3-venv" in packages
    assert packages == [*ALL_PACKAGES, "python3-venv"]
    assert set(KEPT) <= set(packages)  # fonts and desktop-file-utils stay in the list
    assert "apt-get update -qq DEBIAN_FRONTEND=" in log
    assert any(x.endswith("DEBIAN_FRONTEND=noninteractive") for x in log if " install " in x)
    assert not any(x.startswith("sudo") for x in log)
    uv_home = tmp_path / "home/.local/share/channel-advisor/uv"
    assert f"python3 -m venv {uv_home}" in log
    assert "pip install --quiet --disable-pip-version-check uv" in log
    assert (tmp_path / "home/.local/bin/uv").resolve() == uv_home / "bin/uv"
    assert log[-2:] == [
        "uv sync --locked --compile-bytecode --quiet",
        "uv run --locked advisor --help",
    ]
    assert "Traceback" not in err and "No module named" not in err


def test_fresh_ubuntu_as_user_with_sudo_uses_sudo_for_apt_only(tmp_path: Path) -> None:
    code, err, log = run_setup(tmp_path, Machine(root=False, sudo=True), "pytest")
    assert code == 0, err
    assert "sudo -v" in log
    apt_lines = [x for x in log if x.startswith("apt-get")]
    assert len(apt_lines) == 2
    assert "sudo apt-get update -qq" in log
    assert any(x.startswith("sudo env DEBIAN_FRONTEND=noninteractive apt-get install") for x in log)
    assert not any(x.startswith("sudo") and ("pip" in x or "uv" in x) for x in log)
    assert log[-1] == "uv run --locked pytest"


def test_machine_with_uv_and_packages_installs_nothing(tmp_path: Path) -> None:
    machine = Machine(root=False, uv=True, installed=ALL_PACKAGES)
    code, err, log = run_setup(tmp_path, machine)
    assert code == 0, err
    assert not any(x.startswith(("apt-get", "sudo", "python3 -m")) for x in log)
    assert "uv sync --locked --compile-bytecode --quiet" in log
    assert not any(x.startswith("uv run") for x in log)  # no command given: set up only


def test_a_removed_package_counts_as_missing(tmp_path: Path) -> None:
    kept = [p for p in ALL_PACKAGES if p != "libxcb-cursor0"]
    machine = Machine(uv=True, installed=kept, removed=["libxcb-cursor0"])
    code, err, log = run_setup(tmp_path, machine, "advisor")
    assert code == 0, err
    assert _apt_install(log) == ["libxcb-cursor0"]


def test_python_with_pip_but_no_venv_installs_uv_for_the_user(tmp_path: Path) -> None:
    code, err, log = run_setup(tmp_path, Machine(pip=True), "advisor")
    assert code == 0, err
    assert "python3-venv" not in _apt_install(log)
    assert any(x.startswith("python3 -m pip install --quiet --user") for x in log)
    assert log[-1] == "uv run --locked advisor"


@pytest.mark.parametrize(
    ("machine", "said", "fix"),
    [
        (Machine(root=False), "sudo is not installed", "su -c 'apt-get update && apt-get install"),
        (Machine(root=False, sudo=False), "sudo refused this user", "apt-get install -y"),
        (Machine(network=False), "could not read the package lists", "apt-get update"),
        (
            Machine(apt=False),
            "python3 has neither pip nor venv, and there is no apt-get",
            "install python3-pip",
        ),
        (
            Machine(ensurepip=True, network=False, installed=ALL_PACKAGES),
            "could not download uv from PyPI",
            "pip install uv",
        ),
        (Machine(uv=True, network=False, installed=ALL_PACKAGES), "uv could not", "uv self update"),
        (Machine(python_ok=False), "needs Python 3.11 or newer", "apt-get install python3.11"),
        (Machine(uv=True, python_ok=False), "needs Python 3.11", "apt-get install python3.11"),
    ],
    ids=[
        "no-sudo",
        "sudo-refused",
        "no-network",
        "no-apt",
        "pypi-unreachable",
        "sync-failed",
        "old-python",
        "old-python-uv",
    ],
)
def test_where_it_cannot_go_on_it_says_what_is_missing_and_the_fix(
    tmp_path: Path, machine: Machine, said: str, fix: str
) -> None:
    code, err, log = run_setup(tmp_path, machine, "advisor")
    assert code == 1
    lines = err.strip().splitlines()
    assert said in lines[-2] and lines[-2].startswith("scripts/dev: cannot go on:")
    assert lines[-1].startswith("  to fix it: ") and fix in lines[-1]
    assert "Traceback" not in err
    assert not any(x.startswith("uv run") for x in log)
    if "Python 3.11" in said:  # checked before anything is installed
        assert not any(x.startswith(("apt-get", "sudo")) for x in log)


def test_readme_first_two_commands_are_the_set_up_commands() -> None:
    lines = [x for x in (ROOT / "README.md").read_text().splitlines() if x.startswith("bash ")]
    assert lines[:2] == ["bash scripts/dev advisor", "bash scripts/dev pytest"]
    assert os.access(SCRIPT, os.R_OK)

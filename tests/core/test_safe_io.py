"""Bounded reading and safe writing (advisor.core.safe_io): what a hostile path cannot do."""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path

import pytest

from advisor.core.errors import AdvisorInputError
from advisor.core.loading import save_plan
from advisor.core.plan import CompanyProfile, Plan, Scenario
from advisor.core.safe_io import (
    FileWriteError,
    atomic_write_text,
    read_user_bytes,
    read_user_text,
    replacing,
)


def _refusal(path, **kw) -> str:
    kw.setdefault("what", "plan")
    start = time.perf_counter()
    with pytest.raises(AdvisorInputError) as info:
        read_user_bytes(path, **kw)
    assert time.perf_counter() - start < 1.0
    return str(info.value)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    # no writer ever opens the pipe: a blocking open would hang this test for ever
    assert "named pipe" in _refusal(fifo) and str(fifo) in _refusal(fifo)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"{device} does not exist here")
    assert f"{device}: is a device, not a regular file" in _refusal(device)


def test_a_symlink_to_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "plan.yaml"
    link.symlink_to("/dev/zero")
    assert "is a device" in _refusal(link)


def test_folder_missing_file_and_empty_name(tmp_path: Path) -> None:
    assert "is a folder, not a regular file" in _refusal(tmp_path)
    assert "file not found" in _refusal(tmp_path / "nope.yaml")
    assert "no file name given for the plan" in _refusal("")


def test_a_50_mb_file_is_refused_quickly(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: the size is what matters
    message = _refusal(big)
    assert "larger than the 2.0 MB a plan may be" in message and "50.0 MB" in message


def test_a_file_that_grows_past_the_cap_while_read_is_refused(tmp_path: Path) -> None:
    # /proc files report size 0; the cap also holds while reading
    path = tmp_path / "small.yaml"
    path.write_bytes(b"x" * 100)
    assert read_user_bytes(path, what="plan", max_bytes=100) == b"x" * 100
    assert "larger than" in _refusal(path, max_bytes=99)
    if os.path.exists("/proc/self/status"):
        assert b"Name:" in read_user_bytes("/proc/self/status", what="file")


def test_text_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"profile:\n  name: caf\xe9\n")
    with pytest.raises(AdvisorInputError) as info:
        read_user_text(path, what="plan")
    assert f"{path}:2: is not UTF-8 text: byte 0xe9 at column 12" in str(info.value)
    path.write_bytes(b"\xef\xbb\xbfprofile: x\n")  # a byte-order mark is dropped
    assert read_user_text(path, what="plan") == "profile: x\n"


# --- writing ---------------------------------------------------------------------------------


def _plan() -> Plan:
    return Plan(profile=CompanyProfile(name="Acme"), scenarios=[Scenario(name="Base")])


def test_a_resave_keeps_the_files_permissions(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    save_plan(_plan(), path)
    os.chmod(path, 0o644)
    save_plan(_plan(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    os.chmod(path, 0o640)
    atomic_write_text(path, "x")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_new_file_gets_the_umask_not_0600(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic_write_text(tmp_path / "new.yaml", "x")
        with replacing(tmp_path / "report.pdf", what="report") as tmp:
            # a renderer that makes its own private temporary file and renames it over ours
            private = tmp_path / "private"
            private.write_text("pdf")
            os.chmod(private, 0o600)
            os.replace(private, tmp)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.yaml").stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "report.pdf").stat().st_mode) == 0o640


def test_saving_through_a_symlink_writes_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real.yaml"
    target.write_text("old")
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    save_plan(_plan(), link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "Acme" in target.read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.yaml", "real.yaml"]


def _write_refused(path) -> str:
    with pytest.raises(FileWriteError) as info:
        atomic_write_text(path, "x", what="report")
    assert isinstance(info.value, OSError)  # the window's `except OSError` shows it
    return str(info.value)


def test_non_regular_targets_are_refused_and_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    assert "is a folder, not a regular file; it was left untouched" in _write_refused(folder)
    assert folder.is_dir()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert "named pipe" in _write_refused(fifo)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    if os.path.exists("/dev/full"):  # even as root, the device is never replaced
        assert "/dev/full: is a device" in _write_refused("/dev/full")
        assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    assert "no file name given for the report" in _write_refused("")


def test_a_missing_folder_is_an_error_not_created(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "plan.yaml"
    assert f"the folder {tmp_path / 'missing'} does not exist" in _write_refused(target)
    assert not (tmp_path / "missing").exists()
    blocked = tmp_path / "file"
    blocked.write_text("x")
    assert "is a file, not a folder" in _write_refused(blocked / "plan.yaml")


def test_a_folder_that_takes_no_new_files(tmp_path: Path) -> None:
    if not os.path.exists("/proc/version"):
        pytest.skip("no /proc here")
    message = _write_refused("/proc/version")
    assert "the folder /proc does not accept new files" in message


def test_temporary_files_are_removed_on_every_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("old")

    def broken_replace(*_a) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    assert "No space left on device" in _write_refused(target)
    monkeypatch.undo()
    with pytest.raises(KeyboardInterrupt), replacing(target) as tmp:
        tmp.write_text("half")
        raise KeyboardInterrupt  # a cancel or a crash inside the block
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]


def test_concurrent_writers_leave_one_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    texts = [f"{i}\n" * 20_000 for i in range(8)]
    threads = [threading.Thread(target=atomic_write_text, args=(target, t)) for t in texts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert target.read_text() in texts
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_root_saving_a_users_file_keeps_its_owner(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("old")
    os.chown(path, 1234, 1234)
    atomic_write_text(path, "new")
    assert (path.stat().st_uid, path.stat().st_gid) == (1234, 1234)


def test_temporary_files_of_a_killed_writer_are_swept(tmp_path: Path) -> None:
    """kill -9 leaves a temporary file no code can remove then; the next save does."""
    target = tmp_path / "plan.yaml"
    stale = tmp_path / ".plan.yaml.0badc0de.tmp"
    fresh = tmp_path / ".plan.yaml.0000cafe.tmp"  # another writer, at work right now
    other = tmp_path / ".notes.yaml.0badc0de.tmp"
    for p in (stale, fresh, other):
        p.write_text("half")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    atomic_write_text(target, "whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["plan.yaml", fresh.name, other.name]
    )

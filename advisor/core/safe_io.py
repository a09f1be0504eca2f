"""Bounded reading of the files a user hands the tool, and safe, atomic writing.

Reading: regular files only (a FIFO, a device such as /dev/zero, a folder is refused before a
single byte is read, so nothing blocks), at most ``max_bytes``, UTF-8 with the line of a bad byte.

Writing: to a temporary file beside the real target, then renamed over it, so a crash leaves the
old file or the new one. The target keeps its permissions (a new file gets the umask), a symlink
is written through (the link stays a link), a folder, device or FIFO is refused and never
replaced, a missing folder is an error, and the temporary file is removed on every failure.

    data = read_user_bytes("analytics.csv", what="analytics export", max_bytes=MAX_BYTES)
    atomic_write_text("plan.yaml", text)
    with replacing("report.pdf", what="report") as tmp:
        render_to(tmp)
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path

from .errors import AdvisorInputError, Problem

__all__ = [
    "MAX_BYTES",
    "FileWriteError",
    "atomic_write_bytes",
    "atomic_write_text",
    "read_user_bytes",
    "read_user_text",
    "replacing",
]

# The shipped knowledge base is 65 KB and the largest example plan 3 KB; a file 30 times the
# knowledge base is still read, checked and parsed in well under a second.
MAX_BYTES = 2 * 1024 * 1024
_READ_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


class FileWriteError(AdvisorInputError, OSError):
    """A file could not be written (or must not be): an input error that is also an OSError,
    so the command line exits 2 and the window's ``except OSError`` shows it."""


def _refuse(
    path: str | os.PathLike[str], message: str, line: int | None = None
) -> AdvisorInputError:
    return AdvisorInputError([Problem(str(path), "", message, line=line)])


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _megabytes(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def _check_regular(path: str | os.PathLike[str], st: os.stat_result) -> None:
    if not stat.S_ISREG(st.st_mode):
        raise _refuse(path, f"is {_kind(st.st_mode)}, not a regular file")


def _check_size(path: str | os.PathLike[str], size: int, what: str, max_bytes: int) -> None:
    if size > max_bytes:
        raise _refuse(
            path,
            f"is larger than the {_megabytes(max_bytes)} a {what} may be "
            f"({_megabytes(size)} or more); is it the right file?",
        )


def read_user_bytes(
    path: str | os.PathLike[str], *, what: str, max_bytes: int = MAX_BYTES
) -> bytes:
    """The bytes of a file a user gave, or AdvisorInputError naming the file and the refusal.

    ``what`` names the file in messages ("plan", "overlay", "analytics export"). Refused at once,
    without blocking: a missing or unreadable file, a folder, a FIFO, a device, a socket, and a
    file over ``max_bytes`` (checked before reading and again while reading, for files such as
    those in /proc whose size is not known in advance).
    """
    if not os.fspath(path).strip():
        raise _refuse(path, f"no file name given for the {what}")
    try:
        _check_regular(path, os.stat(path))  # before open: opening a device can act
        fd = os.open(path, _READ_FLAGS)
    except AdvisorInputError:
        raise
    except FileNotFoundError:
        raise _refuse(path, "file not found") from None
    except PermissionError:
        raise _refuse(path, f"permission denied: the {what} cannot be read") from None
    except OSError as exc:
        raise _refuse(path, f"cannot be opened: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        _check_regular(path, st)  # it may have been swapped since the stat
        _check_size(path, st.st_size, what, max_bytes)
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        _check_size(path, total, what, max_bytes)
        return b"".join(chunks)
    except OSError as exc:
        raise _refuse(path, f"cannot be read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def read_user_text(path: str | os.PathLike[str], *, what: str, max_bytes: int = MAX_BYTES) -> str:
    """The file as UTF-8 text (a leading byte-order mark dropped); bounded as read_user_bytes.

    A byte that is not UTF-8 is refused with its line and column.
    """
    data = read_user_bytes(path, what=what, max_bytes=max_bytes)
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _refuse(
            path,
            f"is not UTF-8 text: byte 0x{data[exc.start]:02x} at column {column}; "
            f"save the {what} as UTF-8",
            line=line,
        ) from None


# --- writing ---------------------------------------------------------------------------------


def _write_refused(path: str | os.PathLike[str], message: str) -> FileWriteError:
    return FileWriteError([Problem(str(path), "", message)])


def _target(path: str | os.PathLike[str], what: str) -> tuple[Path, int | None]:
    """The real file to replace (symlinks followed) and its permission bits (None: new file)."""
    if not os.fspath(path).strip():
        raise _write_refused(path, f"no file name given for the {what}")
    real = Path(os.path.realpath(path))
    try:
        st = os.stat(real)
    except FileNotFoundError:
        st = None
    except NotADirectoryError:
        raise _write_refused(path, f"{real.parent} is a file, not a folder") from None
    except OSError as exc:
        raise _write_refused(path, f"cannot be written: {exc.strerror or exc}") from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise _write_refused(
            path,
            f"is {_kind(st.st_mode)}, not a regular file; it was left untouched - "
            f"give the {what} a file name",
        )
    if not real.parent.is_dir():
        raise _write_refused(path, f"the folder {real.parent} does not exist")
    return real, (stat.S_IMODE(st.st_mode) if st is not None else None)


def _create_temp(path: str | os.PathLike[str], real: Path, what: str) -> tuple[int, Path]:
    """A new empty file beside ``real``; mode 0o666 so the kernel applies the umask."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC
    for _ in range(100):
        tmp = real.with_name(f".{real.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
        except OSError as exc:
            raise _write_refused(
                path,
                f"the {what} cannot be written: the folder {real.parent} does not accept "
                f"new files ({exc.strerror or exc})",
            ) from None
    raise _write_refused(path, f"the {what} cannot be written: no free temporary name")


@contextlib.contextmanager
def replacing(path: str | os.PathLike[str], *, what: str = "file") -> Iterator[Path]:
    """Yield a temporary path beside the target; when the block ends without error, it
    replaces the target atomically (mode kept, symlinks followed). On any error, or when the
    block raises, the temporary file is removed and the target left untouched.

    Refusals and failed writes raise FileWriteError (an AdvisorInputError and an OSError).
    """
    real, mode = _target(path, what)
    tmp: Path | None = None
    try:
        fd, tmp = _create_temp(path, real, what)
        if mode is None:
            mode = stat.S_IMODE(os.fstat(fd).st_mode)  # what the umask gave a new file
        os.close(fd)
        yield tmp
        os.chmod(tmp, mode)  # the caller may have replaced the file (with mode 0600)
        _fsync(tmp)
        os.replace(tmp, real)
        tmp = None
        _fsync_dir(real.parent)
    except OSError as exc:
        if isinstance(exc, FileWriteError):
            raise
        raise _write_refused(path, f"the {what} cannot be written: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    # the rename itself is durable only once the folder is synced; not every system allows it
    with contextlib.suppress(OSError):
        _fsync(folder)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, what: str = "file") -> None:
    """Write bytes so that a crash leaves either the old file or the new one, never half."""
    with replacing(path, what=what) as tmp, open(tmp, "wb") as fh:
        fh.write(data)


def atomic_write_text(path: str | os.PathLike[str], text: str, *, what: str = "file") -> None:
    """Write UTF-8 text atomically, with the guarantees of :func:`replacing`."""
    atomic_write_bytes(path, text.encode("utf-8"), what=what)

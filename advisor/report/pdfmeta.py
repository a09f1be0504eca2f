"""The PDF's document information (title, author, subject, keywords) as an incremental update.

QPdfWriter sets the title, author and creator but has no subject or keywords. Rather than
rewrite Qt's file (and every cross-reference offset in it), we append what PDF calls an
incremental update: a new version of the information dictionary, a cross-reference section
for that one object, and a trailer pointing back to Qt's (ISO 32000-1, 7.5.6). Every reader
takes the newest version of an object.
"""

from __future__ import annotations

import re

__all__ = ["with_info"]

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.S)


def _text(value: str) -> bytes:
    """A PDF text string: UTF-16BE with its byte-order mark, written in hex (no escaping)."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode() + b">"


def _entry(trailer: bytes, key: bytes) -> bytes:
    m = re.search(rb"/" + key + rb"\s+(\d+\s+\d+\s+R|\[[^\]]*\]|\d+)", trailer)
    if m is None:
        raise ValueError(f"the PDF's trailer has no /{key.decode()}")
    return m.group(1)


def with_info(pdf: bytes, info: dict[str, str]) -> bytes:
    """The PDF with its information dictionary replaced by ``info`` (Title, Author, Subject,
    Keywords, Creator ...), appended as an incremental update; empty values are left out."""
    start = _STARTXREF.search(pdf[-64:])
    trailers = _TRAILER.findall(pdf[-4096:])
    if start is None or not trailers:
        raise ValueError("not a PDF with a classic cross-reference table")
    trailer = trailers[-1]
    ref = _entry(trailer, b"Info")
    num = int(ref.split()[0])
    body = b"".join(b"/%s %s\n" % (k.encode(), _text(v)) for k, v in info.items() if v)
    old = re.search(rb"\n%d 0 obj\s*<<(.*?)>>\s*endobj" % num, pdf, re.S)
    if old is not None:  # keep Qt's dates (plain ASCII), which the update does not change
        body += b"".join(re.findall(rb"/(?:CreationDate|ModDate) \(D:[0-9Z+\-']*\)\n", old[1]))
    tail = pdf if pdf.endswith(b"\n") else pdf + b"\n"
    offset = len(tail)
    obj = b"%d 0 obj\n<<\n%s>>\nendobj\n" % (num, body)
    xref = len(tail) + len(obj)
    update = (
        obj
        + b"xref\n%d 1\n%010d 00000 n \n" % (num, offset)
        + b"trailer\n<<\n/Size %s\n/Root %s\n/Info %s\n/ID %s\n/Prev %s\n>>\n"
        % (
            _entry(trailer, b"Size"),
            _entry(trailer, b"Root"),
            ref,
            _entry(trailer, b"ID"),
            start.group(1),
        )
        + b"startxref\n%d\n%%%%EOF\n" % xref
    )
    return tail + update

"""Fonts and text direction for the charts: a fallback list, literal text, right-to-left text.

    configure()          once, before any chart is drawn (``charts.new_figure`` calls it)
    visual("شركة")       Arabic shaped and in display order, for renderers that do not shape
    with logical_text(): inside it, ``visual`` leaves text as typed (Qt shapes it itself)

matplotlib draws each glyph from the first family in ``FAMILIES`` that has it (Latin from
DejaVu, Japanese from Noto Sans CJK, emoji from Symbola), so no script prints as empty boxes
where a font for it is installed. It neither shapes Arabic nor reorders right-to-left text,
so ``visual`` does that with arabic_reshaper and python-bidi. The PDF's charts are SVG text
painted by Qt, which shapes and reorders on its own: there the text must stay logical, or Qt
would reverse it a second time.
"""

from __future__ import annotations

import contextlib
import functools
import textwrap
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextvars import ContextVar
from pathlib import Path

__all__ = [
    "FAMILIES",
    "configure",
    "distinct",
    "families_for",
    "logical_text",
    "visual",
    "wrap",
]

FAMILIES = ["DejaVu Sans", "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK JP", "Symbola"]
_shape = ContextVar("advisor_fonts_shape", default=True)
_configured = False


def configure() -> None:
    """Set matplotlib's font fallback list and turn maths parsing off, once per process.

    Text in our charts comes from users and the knowledge base ("Cut from $5,000 to
    $3,000"), never maths: with ``text.parse_math`` off, a dollar sign is a dollar sign and
    ``$\\foo$`` cannot crash the drawing. Tick labels are made when a figure is drawn, so
    this has to be the process-wide default, not a setting around one call.
    """
    global _configured
    if _configured:
        return
    import logging

    import matplotlib

    matplotlib.rcParams["text.parse_math"] = False
    matplotlib.rcParams["text.usetex"] = False
    # Concrete families, not "sans-serif": matplotlib falls back glyph by glyph only along
    # a list of families it is given here (a generic name resolves to one font).
    matplotlib.rcParams["font.family"] = [*FAMILIES, "sans-serif"]
    _register_missing(FAMILIES)
    # A family missing on this machine is skipped; matplotlib's warning about it is noise.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    _configured = True


def _register_missing(families: list[str]) -> None:
    """Add the installed fonts matplotlib's cache does not know (it is built once, so fonts
    installed after matplotlib first ran are missing from it), found with fontconfig."""
    import shutil
    import subprocess

    from matplotlib import font_manager

    known = {f.name for f in font_manager.fontManager.ttflist}
    fc_match = shutil.which("fc-match")
    added = False
    for family in families:
        if family in known or fc_match is None:
            continue
        for style in ("Regular", "Bold"):
            found = subprocess.run(
                [fc_match, "-f", "%{family[0]}|%{file}", f"{family}:style={style}"],
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            ).stdout
            name, _, path = found.partition("|")
            if name == family and path:  # fontconfig falls back to another font when absent
                font_manager.fontManager.addfont(path)
                added = True
    if added:  # keep them in matplotlib's cache, so the next start does not look again
        import matplotlib

        cache = Path(
            matplotlib.get_cachedir(), f"fontlist-v{font_manager.FontManager.__version__}.json"
        )
        with contextlib.suppress(OSError):
            font_manager.json_dump(font_manager.fontManager, cache)


def families_for(texts: Iterable[str]) -> list[str]:
    """The fallback list for a drawing whose text is ``texts``: DejaVu Sans alone when it has
    every character (then the drawing is the same, since DejaVu comes first and draws every
    glyph it has), else the whole list. Looking glyphs up along five families is a third of a
    chart's drawing time in matplotlib."""
    covered = _dejavu_chars()
    used = {ord(ch) for ch in set("".join(texts)) if ch.isprintable()}
    if covered and used <= covered:
        return FAMILIES[:1]
    return list(FAMILIES)


@functools.cache
def _dejavu_chars() -> frozenset[int]:
    """The code points DejaVu Sans (matplotlib's own copy) has glyphs for; empty if unknown."""
    try:
        from matplotlib import font_manager
        from matplotlib.ft2font import FT2Font

        path = font_manager.findfont("DejaVu Sans", fallback_to_default=False)
        return frozenset(FT2Font(path).get_charmap())
    except (OSError, ValueError, RuntimeError):
        return frozenset()


def _has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def visual(text: str) -> str:
    """Text as a non-shaping renderer must draw it: Arabic letters joined, right-to-left runs
    in display order. Text without right-to-left letters is returned unchanged, and so is
    every text inside ``logical_text()``."""
    if not _shape.get() or not _has_rtl(text):
        return text
    import arabic_reshaper
    from bidi import get_display

    return "\n".join(str(get_display(arabic_reshaper.reshape(line))) for line in text.split("\n"))


@contextlib.contextmanager
def logical_text() -> Iterator[None]:
    """Within this block ``visual`` keeps text as typed (for renderers that shape, like Qt)."""
    token = _shape.set(False)
    try:
        yield
    finally:
        _shape.reset(token)


def wrap(label: str, width: int = 22, lines: int = 3) -> str:
    """Break a long label (a scenario name) over a few lines so labels never overlap."""
    wrapped = textwrap.wrap(label, width, max_lines=lines, placeholder="…")
    return visual("\n".join(wrapped) or label)


def distinct(labels: Sequence[str], width: int = 22, lines: int = 3) -> list[str]:
    """Wrapped labels that stay distinguishable: names cut to the same text keep their ends
    instead ("Cut budget from $5,000 … in Q1" and "… in Q2")."""
    out = [wrap(x, width, lines) for x in labels]
    for i, text in enumerate(out):
        if out.count(text) > 1 and labels.count(labels[i]) == 1:
            head = width * (lines - 1) - 2
            short = f"{labels[i][:head].rstrip()} … {labels[i][-(width - 2) :].lstrip()}"
            out[i] = visual("\n".join(textwrap.wrap(short, width)))
    return out

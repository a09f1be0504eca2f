"""Constants the report tests share."""

from __future__ import annotations

from pathlib import Path

EXAMPLE_DIR = Path(__file__).resolve().parents[2] / "resources" / "examples"
MAIN_HEADINGS = [
    "Executive summary",
    "Channels in the mix",
    "Staffing",
    "Goal coverage",
    "What-if scenarios",
    "Robustness",
    "Roles and policy",
    "Appendix: assumptions and figures",
]
NASTY = '<b>Acme</b> & "Sons" <script>x</script>'
WHY_NOT = "Why not the other channels"

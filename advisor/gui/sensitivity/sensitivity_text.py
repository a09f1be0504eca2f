"""What the sensitivity analysis means, in words: which goal-weight moves change the mix.

Formatting only: the margins and mixes come from core.sensitivity.
"""

from __future__ import annotations

from ...core.result import GoalSensitivity, Sensitivity

__all__ = ["fragile_sentences", "swap_text"]


def swap_text(before: list[str], after: list[str], names: dict[str, str]) -> str:
    """'swaps Facebook for LinkedIn', 'drops X (Twitter)', 'adds TikTok', 'leaves no channel'."""
    if not after:
        return "leaves no channel"
    dropped = [names.get(c, c) for c in before if c not in after]
    added = [names.get(c, c) for c in after if c not in before]
    if dropped and added:
        return f"swaps {' and '.join(dropped)} for {' and '.join(added)}"
    if dropped:
        return f"drops {' and '.join(dropped)}"
    if added:
        return f"adds {' and '.join(added)}"
    return "changes the channels' cadences"


def _moves(g: GoalSensitivity) -> list[tuple[float, str, list[str]]]:
    out = []
    if g.up is not None:
        out.append((g.up, "towards", g.mix_up))
    if g.down is not None:
        out.append((g.down, "away from", g.mix_down))
    return out


def fragile_sentences(
    sens: Sensitivity, mix: list[str], names: dict[str, str], limit: int = 3
) -> list[str]:
    """The smallest goal-weight moves that change the mix, smallest first, in words:
    'A 4-point move towards recruiting swaps Facebook for LinkedIn.'"""
    moves = [
        (size, way, g.goal.label.lower(), after)
        for g in sens.goals
        for size, way, after in _moves(g)
    ]
    moves.sort(key=lambda m: m[0])
    return [
        f"A {_points(size)} move {way} {goal} {swap_text(mix, after, names)}."
        for size, way, goal, after in moves[:limit]
    ]


def _points(share: float) -> str:
    """A change of a weight share in points: 0.04 -> '4-point'; below 1, one decimal."""
    pts = share * 100
    return f"{pts:.0f}-point" if pts >= 1 else f"{pts:.1f}-point"

"""Advice notes drawn from the seed articles, in our own words, where they apply."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .plan import CompanyProfile
from .result import AdviceNote, Recommendation
from .vocab import Goal, Regime

__all__ = ["ADVICE", "advice_notes"]


@dataclass(frozen=True, slots=True)
class _Rule:
    note: AdviceNote
    applies: Callable[[CompanyProfile, Recommendation], bool]


def _w(prof: CompanyProfile, goal: Goal) -> float:
    return prof.normalised_goals()[goal]


ADVICE: list[_Rule] = [
    _Rule(
        AdviceNote(
            id="tailor",
            title="Tailor the message to each channel",
            text="Each channel has its own personality: write for it rather than pasting one post "
            "everywhere. The staffing estimate already counts the tailoring time.",
            source="seed_000",
        ),
        lambda p, r: len(r.mix) >= 2,
    ),
    _Rule(
        AdviceNote(
            id="dont_go_dark",
            title="Once you start, you can't disappear",
            text="Followers notice a channel that goes quiet for a week or a month, and a stagnant "
            "page hurts more than no page. Start only the channels the team can keep at their "
            "planned cadence, holidays and sick days included.",
            source="seed_000, seed_004",
        ),
        lambda p, r: bool(r.mix),
    ),
    _Rule(
        AdviceNote(
            id="respond",
            title="Answer and acknowledge your followers",
            text="Social media is two-way: like, reply to and share what followers post about your "
            "brand, and answer complaints quickly and in public.",
            source="seed_000, seed_001",
        ),
        lambda p, r: bool(r.mix),
    ),
    _Rule(
        AdviceNote(
            id="dont_censor",
            title="Don't try to control or censor the conversation",
            text="Deleting criticism or asking for tools to steer the conversation backfires once "
            "people notice. Answer openly instead: that is what builds trust.",
            source="seed_001",
        ),
        lambda p, r: bool(r.mix),
    ),
    _Rule(
        AdviceNote(
            id="privacy",
            title="Cover quotes and personal data in the privacy policy",
            text="Quoting customers or mining their posts for insight uses semi-public personal data: "
            "make sure the privacy and social media policy covers it and the data is protected.",
            source="seed_002",
        ),
        lambda p, r: (
            _w(p, Goal.product_feedback) > 0
            or _w(p, Goal.customer_service) > 0
            or (r.tool is not None)
        ),
    ),
    _Rule(
        AdviceNote(
            id="compliance",
            title="Compliance is no excuse to stay out",
            text="Regulation shapes how you take part - pre-approval of static posts, archiving of "
            "everything published, no confidential data in replies - but it is not a reason to "
            "be absent while others talk about you.",
            source="seed_003; FINRA Notice 10-06; SEC Rule 17a-4",
        ),
        lambda p, r: p.regulated is not Regime.none,
    ),
    _Rule(
        AdviceNote(
            id="roles",
            title="Split the roles: the CMO runs it, the CIO enables it",
            text="Day-to-day engagement belongs to marketing and communications. The CIO advises on "
            "platforms and vendors, integration, security, privacy and the use of social data.",
            source="seed_002, seed_004",
        ),
        lambda p, r: True,
    ),
    _Rule(
        AdviceNote(
            id="buy_dont_build",
            title="Buy a management suite rather than build one",
            text="Scheduling, shared inboxes, listening and reporting are solved problems: a vendor "
            "tool is quicker and cheaper than custom code.",
            source="seed_002",
        ),
        lambda p, r: r.tool is not None or p.tool_budget > 0,
    ),
    _Rule(
        AdviceNote(
            id="staff_access",
            title="Don't block staff from social networks without a reason",
            text="Many firms still ban social sites at work; it makes them look unattractive to "
            "candidates and shuts off internal knowledge exchange. Set a policy instead.",
            source="seed_003 (HCL survey: 48% of companies ban access), seed_004",
        ),
        lambda p, r: _w(p, Goal.recruiting) > 0 or _w(p, Goal.internal_knowledge) > 0,
    ),
    _Rule(
        AdviceNote(
            id="lifecycle",
            title="Own your audience: platforms can close",
            text="Google+ and Vine were shut down with their audiences. Keep an owned channel such "
            "as a blog or newsletter, and export followers' contacts where the rules allow.",
            source="seed_002; public record: Google+ closed 2 April 2019, Vine in October 2016",
        ),
        lambda p, r: bool(r.mix) and "blog" not in r.mix,
    ),
]


def advice_notes(prof: CompanyProfile, rec: Recommendation) -> list[AdviceNote]:
    """The notes that apply to this company and recommendation, in a stable order."""
    return [rule.note for rule in ADVICE if rule.applies(prof, rec)]

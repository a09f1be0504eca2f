"""The roles-and-policy section: the CMO/CIO split, the engine's advice notes, a checklist."""

from __future__ import annotations

from ..core.labels import cite_sources
from ..core.vocab import Regime
from . import fmt
from .content import Inputs
from .model import Bullets, Paragraph, Section, Table

__all__ = ["ROLES", "checklist", "policy_section"]

# (area, the CMO's team runs, the CIO enables) - after seed_002 and seed_004.
ROLES: tuple[tuple[str, str, str], ...] = (
    (
        "Strategy and content",
        "Owns the channel plan, the editorial calendar and every post",
        "Advises on which platforms are viable and how long they are likely to last",
    ),
    (
        "Engagement",
        "Answers followers, handles complaints and keeps the cadence up",
        "Keeps the tools running; no role in day-to-day conversation",
    ),
    (
        "Tools and vendors",
        "Chooses the features the team needs",
        "Assesses vendors, contracts, single sign-on and integration (CRM, web analytics)",
    ),
    (
        "Security and access",
        "Names the people who post for the company",
        "Owns account credentials, two-factor login and removing leavers' access",
    ),
    (
        "Privacy and social data",
        "Uses insight from listening within the policy",
        "Sets how quotes and personal data from social media are stored and protected",
    ),
    (
        "Measurement",
        "Reports reach, engagement and leads against the goals",
        "Connects social data to the company's own systems",
    ),
)


def checklist(inp: Inputs) -> list[str]:
    """Policy items that apply to this company, following the engine's advice notes."""
    prof = inp.prep.profile
    notes = {n.id for n in inp.rec.advice}
    items = []
    if "dont_go_dark" in notes:
        items.append(
            "Keep the cadence up: an editorial calendar with cover for holidays and "
            "sick days for every channel in the mix."
        )
    if "respond" in notes:
        items.append(
            f"Respond within {prof.response_hours:g} hours, the response time this plan "
            "is staffed for; name who answers out of hours."
        )
    if "dont_censor" in notes:
        items.append(
            "Respond rather than censor: a moderation policy that removes only abuse, "
            "spam and unlawful content, and answers criticism in public."
        )
    if "privacy" in notes:
        items.append(
            "Privacy: the policy covers quoting customers and storing personal data "
            "collected from social media."
        )
    if prof.regulated is not Regime.none:
        items += [
            f"Compliance ({prof.regulated.value.replace('_', ' ')}): pre-approval of static "
            "posts before publication, with a named approver.",
            "Archiving: capture every post and reply, with retention that meets the regulator's "
            "rules; plan for channels whose content disappears.",
            "No confidential or personal data in public replies: move such cases to a private "
            "channel.",
        ]
    if "staff_access" in notes:
        items.append("Staff access: a social media policy for employees instead of a ban.")
    if "lifecycle" in notes:
        items.append(
            "Own the audience: keep an owned channel (blog, newsletter) in case a platform closes."
        )
    items.append(
        "Account security: company-owned logins, two-factor authentication, access "
        "reviewed when people leave."
    )
    return items


def policy_section(inp: Inputs) -> Section:
    blocks: list = [
        Paragraph(
            "Day-to-day social media belongs to the CMO's team; the CIO advises on "
            "platforms, vendors, integration, security, privacy and social data."
        ),
        Table(
            ("Area", "CMO's team (runs it)", "CIO (enables it)"),
            ROLES,
            widths=(20, 40, 40),
            small=True,
            caption="Who does what",
        ),
        Paragraph("Policy checklist for this company", style="subhead"),
        Bullets(tuple(checklist(inp)), style="check"),
        Paragraph("Advice that applies", style="subhead"),
    ]
    for n in inp.rec.advice:
        source = cite_sources(n.source, inp.catalog)
        blocks.append(Paragraph(f"{n.text} [{source}]", label=fmt.sentence(n.title)))
    return Section("Roles and policy", tuple(blocks))

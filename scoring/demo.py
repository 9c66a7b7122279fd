"""Demo scoring data: 2026 sheets in every state, and a finished, published 2025 ranking.

Deterministic (seeded by unit names) and idempotent: a campaign that already
has sheets is left alone. Everything goes through the services with the demo
users as actors: the office (vanhoa) opens, finalises, locks and publishes;
each unit's head (thon1…, the offices' heads) self-assesses with evidence and
submits; the council members (hoidong1–3) score. The history reads as real.
"""

import random
import zlib
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from campaigns.models import Campaign
from units.enums import Role, UnitKind
from units.models import Membership, Unit

from .enums import CriterionKind, SheetState
from .models import RankingPublication, ScoreSheet
from .selectors import missing_members, sheet_recusal
from .services import (
    EntryInput,
    council_marks_submit,
    council_score_save,
    ranking_publish,
    self_assessment_save,
    sheet_finalise,
    sheet_lock,
    sheet_submit,
    sheets_open,
)

EVIDENCE_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
STATE_CYCLE = [
    SheetState.DRAFT,
    SheetState.SELF_ASSESSED,
    SheetState.REVIEWED,
    SheetState.LOCKED,
]
HALF = Decimal("0.5")
# The council asks three of its members (hoidong1–3) to mark the sheets.
MARKING_TEAM_REASON = (
    "Hội đồng phân công Tổ chấm điểm (03 thành viên) chấm phiếu; các thành viên "
    "khác của Hội đồng không chấm phiếu này."
)


def _say(stdout, text):
    if stdout is not None:
        stdout.write(text)


def _users(usernames):
    User = get_user_model()
    found = {u.username: u for u in User.objects.filter(username__in=usernames)}
    return [found[name] for name in usernames if name in found]


def _rng(unit, year, twin_of=None):
    key = f"{twin_of or unit.name}|{year}".encode()
    return random.Random(zlib.crc32(key))


def _round_half(value):
    return (value / HALF).quantize(Decimal("1"), rounding=ROUND_HALF_UP) * HALF


def _points(criterion, rng, quality):
    if criterion.kind == CriterionKind.PENALTY:
        return Decimal(rng.choice([0, 0, 0, 0, 0, 1, 2])).min(criterion.max_points)
    if criterion.kind == CriterionKind.BONUS:
        if rng.random() < 0.3:
            return _round_half(criterion.max_points * Decimal(str(rng.uniform(0.4, 1))))
        return Decimal("0")
    share = Decimal(str(min(1.0, max(0.2, quality + rng.uniform(-0.15, 0.1)))))
    return min(_round_half(criterion.max_points * share), criterion.max_points)


def _evidence(code):
    """A small PDF to attach as one criterion's evidence (checked like any upload)."""
    return SimpleUploadedFile(
        f"minh-chung-{code}.pdf", EVIDENCE_BYTES, content_type="application/pdf"
    )


def _self_assess(sheet, head, rng, quality):
    """The unit head fills every criterion, with evidence where required."""
    entries = list(sheet.entries.select_related("criterion"))
    rows = [
        EntryInput(
            entry=entry,
            points=_points(entry.criterion, rng, quality),
            text="Đã triển khai theo kế hoạch; số liệu theo báo cáo của đơn vị.",
            evidence=_evidence(entry.criterion.code)
            if entry.criterion.evidence_required
            else None,
        )
        for entry in entries
    ]
    self_assessment_save(sheet=sheet, actor=head, rows=rows)
    return list(sheet.entries.select_related("criterion"))


def _council(sheet, entries, members, rng, *, disagree=False):
    """Each member marks the sheet and submits his marks (blind marking).

    A member tied to the unit (he lives in the hamlet) does not mark it.
    """
    members = [m for m in members if not sheet_recusal(m, sheet)]
    for index, member in enumerate(members):
        rows = []
        for position, entry in enumerate(entries):
            value = entry.self_points - Decimal(rng.choice([0, 0, 0, "0.5", 1]))
            if disagree and index == len(members) - 1 and position == 0:
                # One member sees this criterion very differently: the page flags it.
                value = Decimal("0")
            value = max(Decimal("0"), min(value, entry.criterion.max_points))
            rows.append(EntryInput(entry=entry, points=value, text=""))
        council_score_save(sheet=sheet, member=member, rows=rows)
        council_marks_submit(sheet=sheet, member=member)


def _finalise(sheet, entries, office, rng):
    rows = []
    for entry in entries:
        scores = [s.points for s in entry.council_scores.all()]
        value = sum(scores) / len(scores) if scores else entry.self_points
        rows.append(
            EntryInput(
                entry=entry,
                points=value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
                text="",
            )
        )
    sheet_finalise(
        sheet=sheet,
        actor=office,
        rows=rows,
        reason="Theo kết quả chấm của Hội đồng Thi đua - Khen thưởng xã và biên bản họp.",
        missing_reason=MARKING_TEAM_REASON if missing_members(sheet) else "",
    )


def _heads():
    return {
        m.unit_id: m.user
        for m in Membership.objects.filter(role=Role.UNIT_HEAD).select_related("user")
    }


def _play(campaign, units, target_states, *, office, members, stdout):
    """Open sheets and move each unit's sheet to its target state."""
    sheets_open(campaign=campaign, actor=office, units=units)
    sheets = {
        s.unit_id: s
        for s in ScoreSheet.objects.filter(campaign=campaign).select_related(
            "unit", "campaign"
        )
    }
    heads = _heads()
    hamlets = [u for u in units if u.kind == UnitKind.HAMLET]
    # Two hamlets score exactly alike, so the ranking shows a tie.
    twins = {hamlets[7].pk: hamlets[6].name} if len(hamlets) > 7 else {}
    disagreement_done = False
    for unit in units:
        target = target_states[unit.pk]
        sheet = sheets[unit.pk]
        if target == SheetState.DRAFT and unit.kind != UnitKind.HAMLET:
            continue
        head = heads.get(unit.pk)
        if head is None:
            continue  # a unit without a head has nobody to self-assess it
        rng = _rng(unit, campaign.year, twins.get(unit.pk))
        quality = rng.uniform(0.55, 0.98)
        entries = _self_assess(sheet, head, rng, quality)
        if target == SheetState.DRAFT:
            continue
        sheet_submit(sheet=sheet, actor=head)
        # Twins keep their own points as final (no council scores), so both
        # totals stay equal and the ranking shows the tie.
        is_twin = unit.pk in twins or unit.pk in {h.pk for h in hamlets[6:7]}
        if (
            members
            and not is_twin
            and (target != SheetState.SELF_ASSESSED or unit.kind == UnitKind.HAMLET)
        ):
            disagree = (
                not disagreement_done
                and unit.kind == UnitKind.HAMLET
                and target == SheetState.SELF_ASSESSED
            )
            _council(
                sheet,
                entries,
                members,
                _rng(unit, campaign.year + 1),
                disagree=disagree,
            )
            disagreement_done = disagreement_done or disagree
        if target == SheetState.SELF_ASSESSED:
            continue
        entries = list(
            sheet.entries.select_related("criterion").prefetch_related("council_scores")
        )
        _finalise(sheet, entries, office, rng)
        if target == SheetState.LOCKED:
            sheet_lock(sheet=sheet, actor=office)
    _say(stdout, f"  {campaign.year}: {len(units)} phiếu chấm điểm\n")


@transaction.atomic
def seed(stdout=None):
    """Seed scoring demo data for the 2025 and 2026 campaigns; idempotent."""
    campaign_2025 = Campaign.objects.filter(year=2025).order_by("pk").first()
    if campaign_2025 is None:
        return
    campaign_2026 = Campaign.objects.filter(name=campaign_2025.name, year=2026).first()
    office = next(iter(_users(["vanhoa"])), None)
    members = _users(["hoidong1", "hoidong2", "hoidong3"])
    units = list(
        Unit.objects.filter(is_active=True).order_by("kind", "position", "name")
    )
    if not units or office is None:
        return
    _say(stdout, "Chấm điểm thi đua (scoring):\n")
    if not ScoreSheet.objects.filter(campaign=campaign_2025).exists():
        _play(
            campaign_2025,
            units,
            dict.fromkeys((u.pk for u in units), SheetState.LOCKED),
            office=office,
            members=members,
            stdout=stdout,
        )
    publication = RankingPublication.objects.filter(campaign=campaign_2025).first()
    if publication is None or not publication.is_published:
        ranking_publish(campaign=campaign_2025, actor=office, top_n=3)
    if (
        campaign_2026 is not None
        and not ScoreSheet.objects.filter(campaign=campaign_2026).exists()
    ):
        targets = {}
        by_kind = {}
        for unit in units:
            index = by_kind.setdefault(unit.kind, 0)
            targets[unit.pk] = STATE_CYCLE[index % len(STATE_CYCLE)]
            by_kind[unit.kind] = index + 1
        _play(
            campaign_2026, units, targets, office=office, members=members, stdout=stdout
        )

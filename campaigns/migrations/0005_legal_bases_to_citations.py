"""The free-text legal bases become citations of legal-document records.

The plan's documents are created as records (the same as plan/2025/campaigns.toml);
each campaign's "Căn cứ …" lines are matched to them by the document's number,
also when a copy had blindly changed the year inside the number (152/2026/NĐ-CP
is 152/2025/NĐ-CP). The line citing the campaign's own plan goes: decisions cite
the plan from its number and date. A line that matches no record becomes a record
of its own ("other document"), so nothing cited is lost.
"""

import datetime
import re

from django.db import migrations

DOCUMENTS = [
    {
        "kind": "law",
        "number": "06/2022/QH15",
        "issued_on": datetime.date(2022, 6, 15),
        "issuer": "Quốc hội",
        "title": "Thi đua, khen thưởng",
        "in_force_from": datetime.date(2024, 1, 1),
    },
    {
        "kind": "law",
        "number": "72/2025/QH15",
        "issued_on": datetime.date(2025, 6, 16),
        "issuer": "Quốc hội",
        "title": "Tổ chức chính quyền địa phương",
    },
    {
        "kind": "decree",
        "number": "152/2025/NĐ-CP",
        "issued_on": datetime.date(2025, 6, 14),
        "issuer": "Chính phủ",
        "title": "quy định chi tiết một số điều của Luật Thi đua, khen thưởng",
        "in_force_from": datetime.date(2025, 7, 1),
    },
    {
        "kind": "decision",
        "number": "749/QĐ-TTg",
        "issued_on": datetime.date(2020, 6, 3),
        "issuer": "Thủ tướng Chính phủ",
        "title": "về phê duyệt “Chương trình chuyển đổi số quốc gia” đến năm 2025, "
        "định hướng đến năm 2030",
        "in_force_from": datetime.date(2020, 6, 3),
    },
    {
        "kind": "resolution",
        "number": "01-NQ/TU",
        "issued_on": datetime.date(2020, 12, 31),
        "issuer": "Ban Chấp hành Đảng bộ tỉnh Thái Nguyên",
        "title": "về chương trình chuyển đổi số tỉnh Thái Nguyên, giai đoạn 2021 - 2025, "
        "định hướng đến năm 2030",
    },
    {
        "kind": "decree",
        "number": "73/2024/NĐ-CP",
        "issued_on": datetime.date(2024, 6, 30),
        "issuer": "Chính phủ",
        "title": "quy định mức lương cơ sở và chế độ tiền thưởng đối với cán bộ, công "
        "chức, viên chức và lực lượng vũ trang",
        "in_force_from": datetime.date(2024, 7, 1),
    },
]
# The competence of the issuer: cited by the chairman's decision only.
DECISION_ONLY = {"72/2025/QH15"}
# A number with any year: "152/2026/NĐ-CP" is the 152/2025 decree a copy mis-dated.
NUMBER_PATTERNS = {
    "06/2022/QH15": re.compile(r"06/\d{4}/QH15"),
    "72/2025/QH15": re.compile(r"72/\d{4}/QH15"),
    "152/2025/NĐ-CP": re.compile(r"152/\d{4}/NĐ-CP"),
    "749/QĐ-TTg": re.compile(r"749/QĐ-TTg"),
    "01-NQ/TU": re.compile(r"01-NQ/TU"),
    "73/2024/NĐ-CP": re.compile(r"73/\d{4}/NĐ-CP"),
}
PLAN_LINE = re.compile(r"^Căn cứ Kế hoạch tổ chức phong trào thi đua")


def forwards(apps, schema_editor):
    Campaign = apps.get_model("campaigns", "Campaign")
    LegalDocument = apps.get_model("campaigns", "LegalDocument")
    CampaignCitation = apps.get_model("campaigns", "CampaignCitation")
    documents = {}
    for row in DOCUMENTS:
        data = dict(row)
        kind, number = data.pop("kind"), data.pop("number")
        documents[number], _created = LegalDocument.objects.get_or_create(
            kind=kind, number=number, defaults=data
        )
    for campaign in Campaign.objects.all():
        lines = [
            line.strip() for line in campaign.legal_bases.splitlines() if line.strip()
        ]
        if not lines or CampaignCitation.objects.filter(campaign=campaign).exists():
            continue
        cited = []
        for line in lines:
            if PLAN_LINE.match(line):
                continue
            match = next(
                (n for n, pattern in NUMBER_PATTERNS.items() if pattern.search(line)),
                None,
            )
            if match is not None:
                document = documents[match]
            else:
                text = line.removeprefix("Căn cứ").strip().rstrip(";.").strip()
                document = LegalDocument.objects.create(kind="other", title=text[:500])
            if document.pk not in [d.pk for d in cited]:
                cited.append(document)
        if not any(d.number == "72/2025/QH15" for d in cited):
            # Decisions always cited the local-government law first.
            cited.insert(0, documents["72/2025/QH15"])
        for position, document in enumerate(cited, start=1):
            CampaignCitation.objects.create(
                campaign=campaign,
                document=document,
                position=position,
                decision_only=document.number in DECISION_ONLY,
            )


def backwards(apps, schema_editor):
    Campaign = apps.get_model("campaigns", "Campaign")
    CampaignCitation = apps.get_model("campaigns", "CampaignCitation")
    for campaign in Campaign.objects.all():
        lines = []
        for citation in CampaignCitation.objects.filter(campaign=campaign).order_by(
            "position"
        ):
            lines.append(f"Căn cứ {citation.document.title};")
        campaign.legal_bases = "\n".join(lines)
        campaign.save(update_fields=["legal_bases"])


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0004_legal_documents")]

    operations = [migrations.RunPython(forwards, backwards)]

"""Bounds on typed numbers, decision years, locked counters, evidence-file base.

Attachments take the core evidence-file fields (``created_at`` is renamed
``uploaded_at``, so no upload date is lost). Existing numbers outside the new
bounds are brought within them before the checks are added, decisions get
their year from the signing date, and the number counters continue after the
numbers already used.
"""

import django.core.validators
import django.db.models.deletion
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


BOUNDS = {
    "awardkind": {
        "quota_collective": (0, 99),
        "quota_individual": (0, 99),
        "position": (0, 999),
        "multiplier_individual": (Decimal("0"), Decimal("20")),
        "multiplier_collective": (Decimal("0"), Decimal("20")),
        "multiplier_household": (Decimal("0"), Decimal("20")),
    },
    "councilmeeting": {"members_total": (1, 99), "members_present": (0, 99)},
    "nomination": {
        "votes_for": (0, 99),
        "votes_against": (0, 99),
        "votes_abstain": (0, 99),
        "members_present": (0, 99),
    },
    "prioraward": {"year": (1945, 2100)},
}


def prepare_data(apps, schema_editor):
    for model_name, fields in BOUNDS.items():
        model = apps.get_model("awards", model_name)
        for field, (low, high) in fields.items():
            model.objects.filter(**{f"{field}__lt": low}).update(**{field: low})
            model.objects.filter(**{f"{field}__gt": high}).update(**{field: high})
    Meeting = apps.get_model("awards", "CouncilMeeting")
    for meeting in Meeting.objects.filter(
        members_present__gt=models.F("members_total")
    ):
        meeting.members_present = meeting.members_total
        meeting.save(update_fields=["members_present"])

    Decision = apps.get_model("awards", "Decision")
    Nomination = apps.get_model("awards", "Nomination")
    Counter = apps.get_model("core", "Counter")
    last = {}
    for decision in Decision.objects.all():
        decision.year = decision.signed_on.year
        decision.save(update_fields=["year"])
        if decision.number.isdigit():
            key = f"awards.decision.{decision.year}"
            last[key] = max(last.get(key, 0), int(decision.number))
    for number in Nomination.objects.exclude(golden_book_number="").values_list(
        "golden_book_number", flat=True
    ):
        year, _sep, rest = number.partition("/")
        if year.isdigit() and rest.isdigit():
            key = f"awards.golden_book.{year}"
            last[key] = max(last.get(key, 0), int(rest))
    for key, value in last.items():
        counter, _created = Counter.objects.get_or_create(key=key)
        if counter.value < value:
            counter.value = value
            counter.save(update_fields=["value"])


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0004_nomination_recent_index"),
        ("core", "0002_counter"),
        ("campaigns", "0002_reports"),
        ("units", "0002_vice_chairman_role"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="nomination",
            options={
                "ordering": ["campaign", "award_kind", "pk"],
                "verbose_name": "nomination",
                "verbose_name_plural": "nominations",
            },
        ),
        migrations.RenameField(
            model_name="attachment",
            old_name="created_at",
            new_name="uploaded_at",
        ),
        migrations.AlterField(
            model_name="attachment",
            name="uploaded_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="uploaded at"),
        ),
        migrations.AddField(
            model_name="attachment",
            name="file_type",
            field=models.CharField(blank=True, max_length=10, verbose_name="file type"),
        ),
        migrations.AddField(
            model_name="decision",
            name="year",
            field=models.PositiveSmallIntegerField(
                editable=False, null=True, verbose_name="year"
            ),
        ),
        migrations.RunPython(prepare_data, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="decision",
            name="year",
            field=models.PositiveSmallIntegerField(editable=False, verbose_name="year"),
        ),
        migrations.AlterField(
            model_name="attachment",
            name="size",
            field=models.PositiveIntegerField(default=0, verbose_name="size in bytes"),
        ),
        migrations.AlterField(
            model_name="attachment",
            name="uploaded_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="uploaded by",
            ),
        ),
        migrations.AlterField(
            model_name="awardkind",
            name="multiplier_collective",
            field=models.DecimalField(
                decimal_places=2,
                default=Decimal("0.60"),
                max_digits=5,
                validators=[
                    django.core.validators.MinValueValidator(Decimal("0")),
                    django.core.validators.MaxValueValidator(Decimal("20")),
                ],
                verbose_name="prize for a collective (× base salary)",
            ),
        ),
        migrations.AlterField(
            model_name="awardkind",
            name="multiplier_household",
            field=models.DecimalField(
                decimal_places=2,
                default=Decimal("1.50"),
                max_digits=5,
                validators=[
                    django.core.validators.MinValueValidator(Decimal("0")),
                    django.core.validators.MaxValueValidator(Decimal("20")),
                ],
                verbose_name="prize for a household (× the individual prize)",
            ),
        ),
        migrations.AlterField(
            model_name="awardkind",
            name="multiplier_individual",
            field=models.DecimalField(
                decimal_places=2,
                default=Decimal("0.30"),
                max_digits=5,
                validators=[
                    django.core.validators.MinValueValidator(Decimal("0")),
                    django.core.validators.MaxValueValidator(Decimal("20")),
                ],
                verbose_name="prize for an individual (× base salary)",
            ),
        ),
        migrations.AlterField(
            model_name="awardkind",
            name="position",
            field=models.PositiveSmallIntegerField(
                default=0,
                validators=[django.core.validators.MaxValueValidator(999)],
                verbose_name="order",
            ),
        ),
        migrations.AlterField(
            model_name="awardkind",
            name="quota_collective",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text="Empty: no quota.",
                null=True,
                validators=[django.core.validators.MaxValueValidator(99)],
                verbose_name="quota for collectives",
            ),
        ),
        migrations.AlterField(
            model_name="awardkind",
            name="quota_individual",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text="Empty: no quota. Households count as individuals.",
                null=True,
                validators=[django.core.validators.MaxValueValidator(99)],
                verbose_name="quota for individuals",
            ),
        ),
        migrations.AlterField(
            model_name="councilmeeting",
            name="members_present",
            field=models.PositiveSmallIntegerField(
                validators=[django.core.validators.MaxValueValidator(99)],
                verbose_name="members present",
            ),
        ),
        migrations.AlterField(
            model_name="councilmeeting",
            name="members_total",
            field=models.PositiveSmallIntegerField(
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(99),
                ],
                verbose_name="council members",
            ),
        ),
        migrations.AlterField(
            model_name="nomination",
            name="members_present",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[django.core.validators.MaxValueValidator(99)],
                verbose_name="members present",
            ),
        ),
        migrations.AlterField(
            model_name="nomination",
            name="votes_abstain",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[django.core.validators.MaxValueValidator(99)],
                verbose_name="abstentions",
            ),
        ),
        migrations.AlterField(
            model_name="nomination",
            name="votes_against",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[django.core.validators.MaxValueValidator(99)],
                verbose_name="votes against",
            ),
        ),
        migrations.AlterField(
            model_name="nomination",
            name="votes_for",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[django.core.validators.MaxValueValidator(99)],
                verbose_name="votes for",
            ),
        ),
        migrations.AlterField(
            model_name="prioraward",
            name="year",
            field=models.PositiveSmallIntegerField(
                validators=[
                    django.core.validators.MinValueValidator(1945),
                    django.core.validators.MaxValueValidator(2100),
                ],
                verbose_name="year",
            ),
        ),
        migrations.AddConstraint(
            model_name="awardkind",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("quota_collective__isnull", True),
                    ("quota_collective__lte", 99),
                    _connector="OR",
                ),
                name="awardkind_quota_collective_bounded",
            ),
        ),
        migrations.AddConstraint(
            model_name="awardkind",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("quota_individual__isnull", True),
                    ("quota_individual__lte", 99),
                    _connector="OR",
                ),
                name="awardkind_quota_individual_bounded",
            ),
        ),
        migrations.AddConstraint(
            model_name="awardkind",
            constraint=models.CheckConstraint(
                condition=models.Q(("position__lte", 999)),
                name="awardkind_position_bounded",
            ),
        ),
        migrations.AddConstraint(
            model_name="awardkind",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("multiplier_individual__gte", 0),
                    ("multiplier_individual__lte", 20),
                ),
                name="awardkind_multiplier_individual_bounded",
            ),
        ),
        migrations.AddConstraint(
            model_name="awardkind",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("multiplier_collective__gte", 0),
                    ("multiplier_collective__lte", 20),
                ),
                name="awardkind_multiplier_collective_bounded",
            ),
        ),
        migrations.AddConstraint(
            model_name="awardkind",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("multiplier_household__gte", 0), ("multiplier_household__lte", 20)
                ),
                name="awardkind_multiplier_household_bounded",
            ),
        ),
        migrations.AddConstraint(
            model_name="councilmeeting",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("members_total__gte", 1), ("members_total__lte", 99)
                ),
                name="councilmeeting_total_bounded",
            ),
        ),
        migrations.AddConstraint(
            model_name="decision",
            constraint=models.UniqueConstraint(
                fields=("year", "number"), name="decision_unique_number_per_year"
            ),
        ),
        migrations.AddConstraint(
            model_name="nomination",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("votes_for__isnull", True), ("votes_for__lte", 99), _connector="OR"
                ),
                name="nomination_votes_for_bounded",
            ),
        ),
        migrations.AddConstraint(
            model_name="nomination",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("votes_against__isnull", True),
                    ("votes_against__lte", 99),
                    _connector="OR",
                ),
                name="nomination_votes_against_bounded",
            ),
        ),
        migrations.AddConstraint(
            model_name="nomination",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("votes_abstain__isnull", True),
                    ("votes_abstain__lte", 99),
                    _connector="OR",
                ),
                name="nomination_votes_abstain_bounded",
            ),
        ),
        migrations.AddConstraint(
            model_name="nomination",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("members_present__isnull", True),
                    ("members_present__lte", 99),
                    _connector="OR",
                ),
                name="nomination_members_present_bounded",
            ),
        ),
        migrations.AddConstraint(
            model_name="nomination",
            constraint=models.UniqueConstraint(
                condition=models.Q(("golden_book_number", ""), _negated=True),
                fields=("golden_book_number",),
                name="nomination_unique_golden_book_number",
            ),
        ),
        migrations.AddConstraint(
            model_name="prioraward",
            constraint=models.CheckConstraint(
                condition=models.Q(("year__gte", 1945), ("year__lte", 2100)),
                name="prioraward_year_bounded",
            ),
        ),
    ]

"""Inflow figures: who came to live here in a period, counted from the new-resident list.

They use only the statistical fields, so they stay the same after personal data is removed.
"""

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, F, IntegerField, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from backoffice.models import NewResident

# EU member states (ISO 3166-1 alpha-2), Belgium included but counted apart.
EU = frozenset([
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "IE", "IT",
    "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "HU",
])

NATIONALITY_GROUPS = [
    ("belgian", _("Belgisch")),
    ("eu", _("Andere EU-landen")),
    ("non_eu", _("Buiten de EU")),
    ("unknown", _("Onbekend")),
]

# (code, label, lowest age, highest age): the age at registration in the inflow figures,
# in the year a person was reached in the monitoring.
AGE_BANDS = [
    ("0-17", _("0 tot 17 jaar"), 0, 17),
    ("18-25", _("18 tot 25 jaar"), 18, 25),
    ("26-35", _("26 tot 35 jaar"), 26, 35),
    ("36-50", _("36 tot 50 jaar"), 36, 50),
    ("51-65", _("51 tot 65 jaar"), 51, 65),
    ("66+", _("66 jaar en ouder"), 66, 200),
]


def nationality_group_q(group):
    if group == "belgian":
        return Q(nationality="BE")
    if group == "eu":
        return Q(nationality__in=EU - {"BE"})
    if group == "non_eu":
        return ~Q(nationality__in=EU) & ~Q(nationality="")
    return Q(nationality="")


def with_age(queryset):
    return queryset.annotate(
        age=ExtractYear("registered_on", output_field=IntegerField()) - F("birth_year")
    )


def age_band_q(code):
    for band, _label, low, high in AGE_BANDS:
        if band == code:
            return Q(age__gte=low, age__lte=high)
    return Q(pk__in=[])


# Periods are Belgian calendar days and months, whatever time zone a staff member's
# profile shows them.
BELGIAN_TIME = ZoneInfo(settings.TIME_ZONE)


def start_of_day(day):
    """Midnight at the start of `day`, Belgian time."""
    return datetime.combine(day, time.min, tzinfo=BELGIAN_TIME)


def shift_months(day, months):
    """The same day `months` later (earlier when negative), or the month's last day."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    return day.replace(year=year, month=month, day=min(day.day, monthrange(year, month)[1]))


@dataclass
class Period:
    kind: str  # month, quarter or year
    year: int
    part: int = 1

    @property
    def start(self):
        if self.kind == "year":
            return date(self.year, 1, 1)
        month = self.part if self.kind == "month" else 3 * self.part - 2
        return date(self.year, month, 1)

    @property
    def end(self):
        """The first day after the period."""
        return shift_months(self.start, {"month": 1, "quarter": 3, "year": 12}[self.kind])

    @property
    def label(self):
        if self.kind == "year":
            return str(self.year)
        if self.kind == "quarter":
            return f"Q{self.part} {self.year}"
        return f"{self.part:02d}/{self.year}"


def share(part, whole):
    return round(100 * part / whole, 1) if whole else 0.0


def inflow_figures(residents, period):
    """Counts and shares for the residents registered in the period."""
    from django_countries import countries

    rows = with_age(residents.filter(registered_on__gte=period.start,
                                     registered_on__lt=period.end))
    totals = rows.aggregate(
        total=Count("pk"),
        non_belgian=Count("pk", filter=~Q(nationality="BE") & ~Q(nationality="")),
        foreign_origin=Count("pk", filter=Q(origin=NewResident.Origin.FOREIGN)),
        origin_known=Count("pk", filter=~Q(origin="")),
        **{f"group_{code}": Count("pk", filter=nationality_group_q(code))
           for code, _label in NATIONALITY_GROUPS},
        **{f"age_{code}": Count("pk", filter=age_band_q(code)) for code, *_rest in AGE_BANDS},
        age_unknown=Count("pk", filter=Q(birth_year__isnull=True)),
        **{f"sex_{code}": Count("pk", filter=Q(sex=code)) for code, _label in
           NewResident.Sex.choices},
        sex_unknown=Count("pk", filter=Q(sex="")),
    )
    total = totals["total"]
    top = (rows.exclude(nationality__in=["", "BE"]).values("nationality")
           .annotate(count=Count("pk")).order_by("-count", "nationality")[:10])
    return {
        "period": period,
        "total": total,
        "non_belgian": totals["non_belgian"],
        "non_belgian_share": share(totals["non_belgian"], total),
        "foreign_origin": totals["foreign_origin"],
        "foreign_origin_share": share(totals["foreign_origin"], total),
        "origin_unknown": total - totals["origin_known"],
        "groups": [(label, totals[f"group_{code}"], share(totals[f"group_{code}"], total))
                   for code, label in NATIONALITY_GROUPS],
        "top_nationalities": [(countries.name(row["nationality"]) or row["nationality"],
                               row["count"], share(row["count"], total)) for row in top],
        "age_bands": [(label, totals[f"age_{code}"], share(totals[f"age_{code}"], total))
                      for code, label, *_rest in AGE_BANDS]
        + [(_("Onbekend"), totals["age_unknown"], share(totals["age_unknown"], total))],
        "sexes": [(label, totals[f"sex_{code}"], share(totals[f"sex_{code}"], total))
                  for code, label in NewResident.Sex.choices]
        + [(_("Onbekend"), totals["sex_unknown"], share(totals["sex_unknown"], total))],
    }


def per_municipality(residents, period):
    """One row per municipality: new residents and the two shares."""
    rows = (residents.filter(registered_on__gte=period.start, registered_on__lt=period.end)
            .values("municipality__name")
            .annotate(total=Count("pk"),
                      non_belgian=Count("pk", filter=~Q(nationality="BE") & ~Q(nationality="")),
                      foreign_origin=Count("pk", filter=Q(origin=NewResident.Origin.FOREIGN)))
            .order_by("municipality__name"))
    return [(row["municipality__name"], row["total"],
             share(row["non_belgian"], row["total"]), share(row["foreign_origin"], row["total"]))
            for row in rows]

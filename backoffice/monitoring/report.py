"""The monitoring report of one period: the counts of counts.py laid out as tables and charts.

The page, the PDF and the CSV/XLSX exports all show these same tables.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.formats import localize
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from appointments.choices import Channel, Sex
from backoffice.inflow.figures import AGE_BANDS, NATIONALITY_GROUPS, Period, share, shift_months
from backoffice.monitoring import charts, counts
from backoffice.monitoring.exports import Table
from home.models import PartnerKind
from portal.languages import SPOKEN_LANGUAGES
from portal.models import Municipality


@dataclass
class Report:
    period: Period
    previous: Period
    scope: str
    this: counts.Summary
    before: counts.Summary
    tables: list = field(default_factory=list)

    def table(self, slug):
        return next((table for table in self.tables if table.slug == slug), None)


def previous_period(period):
    return Period(period.kind, period.year - 1, period.part)


def month_label(month):
    return f"{month:%m/%Y}"


def difference(this, before):
    if this is None or before is None:
        return ""
    return round(this - before, 1)


def summary_table(report):
    this, before = report.this, report.before
    rows = [
        (_("Mensen bereikt"), this.reached["total"], before.reached["total"]),
        *[(_("bereikt via: %(channel)s") % {"channel": channel.label},
           this.reached[channel.value], before.reached[channel.value]) for channel in Channel],
        (_("Eerste gesprekken gehouden"), this.conversations["first"],
         before.conversations["first"]),
        (_("Opvolggesprekken gehouden"), this.conversations["follow_up"],
         before.conversations["follow_up"]),
        (_("Niet opgedaagd"), this.missed["no_shows"], before.missed["no_shows"]),
        (_("Annuleringen"), this.missed["cancellations"], before.missed["cancellations"]),
        (_("Nieuwe inwoners (rijksregister)"), this.reach["new_residents"],
         before.reach["new_residents"]),
        (_("Van hen bereikt"), this.reach["reached"], before.reach["reached"]),
        (_("Bereik onder nieuwe inwoners (%)"), this.reach["rate"], before.reach["rate"]),
        (_("Mensen met een gesprek"), this.dutch["people"], before.dutch["people"]),
        (_("Van hen doorverwezen naar Nederlandse les of oefenkansen"),
         this.dutch["to_dutch"], before.dutch["to_dutch"]),
        (_("Aandeel doorverwezen naar Nederlands (%)"), this.dutch["share"],
         before.dutch["share"]),
        (_("Opvolgingen gepland"), this.follow_ups["due"], before.follow_ups["due"]),
        (_("Opvolgingen gedaan"), this.follow_ups["done"], before.follow_ups["done"]),
        (_("Opvolgingen te laat"), this.follow_ups["overdue"], before.follow_ups["overdue"]),
        (_("Dagen van aanvraag tot eerste contact (mediaan)"),
         this.days_to_contact["median"], before.days_to_contact["median"]),
        (_("Dagen van aanvraag tot eerste contact (gemiddeld)"),
         this.days_to_contact["mean"], before.days_to_contact["mean"]),
    ]
    return Table(
        "summary", _("Kerncijfers"),
        [_("Cijfer"), report.period.label, report.previous.label, _("Verschil")],
        [[label, this_value, before_value, difference(this_value, before_value)]
         for label, this_value, before_value in rows],
    )


def trend_tables(series, period):
    """The twelve months up to the end of the period, and the same months a year before."""
    trend = list(counts.months(shift_months(period.end, -12), period.end))
    labels = [month_label(month) for month in trend]

    def of_month(count, month):
        return count(month, shift_months(month, 1))

    reached = {month: of_month(series.reached, month) for month in series.months}
    held = {month: sum(of_month(series.conversations, month).values())
            for month in series.months}
    held_first = {month: of_month(series.conversations, month) for month in trend}
    new = {month: of_month(series.residents, month)["new_residents"] for month in trend}

    def total(month):
        return reached[month]["total"]

    monthly = Table(
        "months", _("Per maand: bereikt per kanaal, gesprekken en nieuwe inwoners"),
        [_("Maand"), _("Bereikt"), *[channel.label for channel in Channel],
         _("Eerste gesprekken"), _("Opvolggesprekken"), _("Nieuwe inwoners")],
        [[month_label(month), total(month), *[reached[month][c] for c in Channel.values],
          held_first[month]["first"], held_first[month]["follow_up"], new[month]]
         for month in trend],
    )
    monthly.chart = charts.stacked_bars(
        _("Mensen bereikt per maand, per kanaal"),
        _("Gestapelde staven: per maand het aantal mensen dat voor het eerst bereikt werd, "
          "opgedeeld per kanaal. De cijfers staan in de tabel eronder."),
        labels, [(channel.label, [reached[month][channel.value] for month in trend])
                 for channel in Channel],
    )
    yearly = Table(
        "year_over_year", _("Dezelfde maand een jaar eerder"),
        [_("Maand"), _("Bereikt"), _("Bereikt een jaar eerder"), _("Gesprekken"),
         _("Gesprekken een jaar eerder")],
        [[month_label(month), total(month), total(shift_months(month, -12)), held[month],
          held[shift_months(month, -12)]] for month in trend],
    )
    yearly.chart = charts.grouped_bars(
        _("Mensen bereikt: dit jaar en een jaar eerder"),
        _("Per maand twee staven naast elkaar: mensen bereikt in de maand en in dezelfde "
          "maand een jaar eerder. De cijfers staan in de tabel eronder."),
        labels, [(_("Bereikt"), [row[1] for row in yearly.rows]),
                 (_("Een jaar eerder"), [row[2] for row in yearly.rows])],
    )
    return [monthly, yearly]


def count_table(slug, title, label, rows, total):
    """A table of (label, count) rows with each row's share of `total`."""
    return Table(slug, title, [label, _("Aantal"), _("Aandeel (%)")],
                 [[row_label, value, share(value, total)] for row_label, value in rows])


def profile_tables(municipalities, period):
    profile = counts.reached_profile(municipalities, period.start, period.end)
    total = profile["total"]
    languages = dict(SPOKEN_LANGUAGES)
    unknown = _("Onbekend")
    return [
        count_table("languages", _("Bereikte mensen naar contacttaal"), _("Taal"),
                    [(languages.get(code, code), value) for code, value in profile["languages"]],
                    total),
        count_table("nationality", _("Bereikte mensen naar nationaliteit"), _("Groep"),
                    [(label, profile[f"group_{code}"]) for code, label in NATIONALITY_GROUPS],
                    total),
        count_table("age", _("Bereikte mensen naar leeftijd"), _("Leeftijd"),
                    [(label, profile[f"age_{code}"]) for code, label, *_rest in AGE_BANDS]
                    + [(unknown, profile["age_unknown"])], total),
        count_table("sex", _("Bereikte mensen naar geslacht"), _("Geslacht"),
                    [(label, profile[f"sex_{code}"]) for code, label in Sex.choices]
                    + [(unknown, profile["sex_unknown"])], total),
        count_table("children", _("Bereikte mensen: gezin met kinderen"), _("Kinderen"),
                    [(_("Ja"), profile["children_yes"]), (_("Nee"), profile["children_no"]),
                     (unknown, profile["children_unknown"])], total),
    ]


def needs_table(municipalities, period, held):
    rows = counts.needs_by_category(municipalities, period.start, period.end, limit=10)
    table = count_table("needs", _("Vragen en noden: de tien meest gehoorde"),
                        _("Vraag of nood"), rows, held)
    table.columns[2] = _("Aandeel van de gesprekken (%)")
    table.chart = charts.ranking(
        _("De meest gehoorde vragen en noden"),
        _("Liggende staven, de vaakst gehoorde bovenaan: in hoeveel gesprekken elke vraag "
          "of nood aan bod kwam. De cijfers staan in de tabel eronder."),
        rows,
    )
    return table


def referral_table(report):
    this, before = report.this.referral_kinds, report.before.referral_kinds
    return Table(
        "referrals", _("Doorverwijzingen per soort partner"),
        [_("Soort partner"), report.period.label, report.previous.label],
        [[kind.label, this.get(kind.value, 0), before.get(kind.value, 0)]
         for kind in PartnerKind],
    )


def municipality_table(series, municipalities, period):
    names = dict(Municipality.objects.filter(pk__in=municipalities).values_list("pk", "name"))
    rows = []
    for pk in municipalities:
        new = series.residents(period.start, period.end, pk)
        rows.append([names[pk], series.reached(period.start, period.end, pk)["total"],
                     sum(series.conversations(period.start, period.end, pk).values()),
                     new["new_residents"], new["rate"]])
    return Table(
        "municipalities", _("Per gemeente"),
        [_("Gemeente"), _("Bereikt"), _("Gesprekken"), _("Nieuwe inwoners"),
         _("Bereik onder nieuwe inwoners (%)")],
        sorted(rows),
    )


def build_report(municipalities, period, scope, today=None):
    """The report of `period` for the municipalities (ids) under the name `scope`."""
    today = today or timezone.localdate()
    previous = previous_period(period)
    # Twenty-four months up to the period's end hold this period, the year before, and
    # the twelve months of the trend with theirs a year earlier.
    series = counts.MonthlySeries(municipalities, shift_months(period.end, -24), period.end)
    report = Report(
        period=period, previous=previous, scope=str(scope),
        this=counts.summary(municipalities, period.start, period.end, today, series),
        before=counts.summary(municipalities, previous.start, previous.end, today, series),
    )
    report.tables = [
        summary_table(report),
        *trend_tables(series, period),
        referral_table(report),
        needs_table(municipalities, period, sum(report.this.conversations.values())),
        *profile_tables(municipalities, period),
    ]
    if len(municipalities) > 1:
        report.tables.append(municipality_table(series, municipalities, period))
    return report


def cached_report(municipalities, period, scope):
    """The report, computed at most once per ONTHAAL_MONITORING_CACHE_SECONDS for the same
    municipalities, period and language: the page and its downloads share it."""
    key = "monitoring:{}:{}:{}:{}:{}:{}".format(
        get_language(), ",".join(map(str, municipalities)), period.kind, period.year,
        period.part, timezone.localdate())
    return cache.get_or_set(key, lambda: build_report(municipalities, period, scope),
                            settings.ONTHAAL_MONITORING_CACHE_SECONDS)


def summary_sentences(report):
    """A short summary in words for the college, from the same counts."""
    this, before = report.this, report.before
    channels = ", ".join(
        f"{this.reached[channel.value]} {channel.label.lower()}"
        for channel in Channel if this.reached[channel.value]
    )
    sentences = [
        _("In %(period)s werden %(reached)s mensen voor het eerst bereikt (een jaar eerder: "
          "%(before)s).") % {"period": report.period.label, "reached": this.reached["total"],
                             "before": before.reached["total"]},
        _("%(first)s eerste gesprekken en %(follow_up)s opvolggesprekken vonden plaats; "
          "%(no_shows)s keer daagde iemand niet op.") % {
            "first": this.conversations["first"], "follow_up": this.conversations["follow_up"],
            "no_shows": this.missed["no_shows"]},
    ]
    if channels:
        sentences.insert(1, _("Per kanaal: %(channels)s.") % {"channels": channels})
    if this.reach["new_residents"]:
        sentences.append(
            _("Van de %(new)s nieuwe inwoners van deze periode is %(rate)s %% bereikt.")
            % {"new": this.reach["new_residents"], "rate": localize(this.reach["rate"])})
    if this.dutch["people"]:
        sentences.append(
            _("%(share)s %% van de mensen met een gesprek werd doorverwezen naar Nederlandse "
              "les of oefenkansen.") % {"share": localize(this.dutch["share"])})
    needs = report.table("needs")
    if needs and needs.rows:
        sentences.append(_("De vaakst gehoorde vraag: %(need)s.") % {"need": needs.rows[0][0]})
    return sentences

"""The monitoring counts. Each is defined here, once; docs/monitoring.md says the same in words.

The page, its charts and every export read them from here, so they always agree. They use
only fields that stay when personal data is removed (retention, erasure), so the counts
are the same before and after. Periods run from `start` (included) to `end` (excluded),
in Belgian local time. `municipalities` is a list of municipality ids: one, or a cluster.
"""

import statistics
from dataclasses import dataclass
from datetime import timedelta

from django.db import connection
from django.db.models import Aggregate, Count, DurationField, F, IntegerField, Q
from django.db.models.functions import ExtractYear, TruncMonth
from django.utils import timezone
from django.utils.functional import cached_property

from appointments.choices import Channel, Sex, Status
from appointments.models import MISSED_STATUSES, AppointmentRequest, RequestEvent
from backoffice.inflow.figures import (
    AGE_BANDS,
    BELGIAN_TIME,
    NATIONALITY_GROUPS,
    age_band_q,
    nationality_group_q,
    share,
    shift_months,
    start_of_day,
)
from backoffice.models import Conversation, NeedCategory, NewResident, Referral
from home.models import DUTCH_PARTNER_KINDS
from portal.languages import SPOKEN_LANGUAGES


def months(start, end):
    """The first days of the months from `start` up to `end`."""
    month = start.replace(day=1)
    while month < end:
        yield month
        month = shift_months(month, 1)


# People reached ------------------------------------------------------------------------

def reached(municipalities, start, end):
    """People reached: each case counts once, in the month of its first successful contact
    (`reached_at`: met at the desk, a contact attempt marked reached, or a conversation
    held, whichever came first). A case reached again later is not counted again."""
    return AppointmentRequest.objects.filter(
        municipality_id__in=municipalities,
        reached_at__gte=start_of_day(start), reached_at__lt=start_of_day(end),
    )


def reached_by_channel(municipalities, start, end):
    """People reached per channel of their case (desk, letter, phone, online, partner)."""
    return MonthlySeries(municipalities, start, end).reached(start, end)


# Conversations, no-shows, cancellations -------------------------------------------------

def conversations(municipalities, start, end):
    """Conversations held on a day of the period: first ones and follow-up conversations."""
    return Conversation.objects.filter(
        municipality_id__in=municipalities, held_on__gte=start, held_on__lt=end
    )


def conversations_held(municipalities, start, end):
    return MonthlySeries(municipalities, start, end).conversations(start, end)


def missed_and_cancelled(municipalities, start, end):
    """No-shows: appointments marked 'did not show up' in the period (a person who misses
    two appointments counts twice). Cancellations: requests cancelled in the period, by
    the person through their link or by staff."""
    return RequestEvent.objects.filter(
        request__municipality_id__in=municipalities,
        at__gte=start_of_day(start), at__lt=start_of_day(end),
        status__in=MISSED_STATUSES,
    ).aggregate(
        # Counting request ids, not event ids, lets the index answer without the table.
        no_shows=Count("request", filter=Q(status=Status.NO_SHOW)),
        cancellations=Count("request", filter=Q(status=Status.CANCELLED)),
    )


# Reach among new residents ---------------------------------------------------------------

def residents(municipalities, start, end):
    return NewResident.objects.filter(
        municipality_id__in=municipalities, registered_on__gte=start, registered_on__lt=end
    )


def reach_rate(municipalities, start, end):
    """Of the new residents registered in the period (the national register list), how
    many have been reached so far (contact status 'reached' on the list)."""
    return MonthlySeries(municipalities, start, end).residents(start, end)


# Referrals --------------------------------------------------------------------------------

def referrals(municipalities, start, end):
    """Referrals made in conversations held in the period."""
    return Referral.objects.filter(
        conversation__municipality_id__in=municipalities,
        conversation__held_on__gte=start, conversation__held_on__lt=end,
    )


def referrals_by_partner_kind(municipalities, start, end):
    """{partner kind: referrals}, every referral counted."""
    return dict(referrals(municipalities, start, end).values_list("partner__kind")
                .annotate(count=Count("pk")).order_by())


def referred_to_dutch(municipalities, start, end):
    """Among the people with a conversation in the period, those referred to Dutch classes
    or Dutch practice in one of those conversations."""
    people = conversations(municipalities, start, end).aggregate(
        count=Count("request", distinct=True))["count"]
    to_dutch = referrals(municipalities, start, end).filter(
        partner__kind__in=DUTCH_PARTNER_KINDS
    ).aggregate(count=Count("conversation__request", distinct=True))["count"]
    return {"people": people, "to_dutch": to_dutch, "share": share(to_dutch, people)}


# Questions and needs (the signal function) ----------------------------------------------------

def needs_by_category(municipalities, start, end, limit=None):
    """[(category, conversations in which it came up)], most frequent first."""
    through = Conversation.needs.through
    counts = dict(through.objects.filter(
        conversation__municipality_id__in=municipalities,
        conversation__held_on__gte=start, conversation__held_on__lt=end,
    ).values_list("needcategory").annotate(count=Count("pk")).order_by())
    labels = dict(NeedCategory.objects.filter(pk__in=counts).values_list("pk", "label"))
    rows = sorted(((labels[pk], count) for pk, count in counts.items()),
                  key=lambda row: (-row[1], row[0]))
    return rows[:limit] if limit else rows


# Follow-ups and speed -------------------------------------------------------------------------

def follow_ups(municipalities, start, end, today=None):
    """Follow-ups planned for a day of the period; done; overdue (not done, date passed)."""
    today = today or timezone.localdate()
    return Conversation.objects.filter(
        municipality_id__in=municipalities,
        follow_up_on__gte=start, follow_up_on__lt=end,
    ).exclude(follow_up=Conversation.FollowUp.NONE).aggregate(
        due=Count("pk"),
        done=Count("pk", filter=Q(follow_up_done_at__isnull=False)),
        overdue=Count("pk", filter=Q(follow_up_done_at__isnull=True, follow_up_on__lt=today)),
    )


class Median(Aggregate):
    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"


def days_to_first_contact(municipalities, start, end):
    """For people reached in the period who had to wait, because their request came before
    the first contact (online, or a letter answered online): days from request to first
    contact, median and mean. People registered while they were there (the desk, a case
    started after a call) did not wait and are left out. None when nobody waited."""
    waits = reached(municipalities, start, end).annotate(
        wait=F("reached_at") - F("created_at")).filter(wait__gt=timedelta(0))
    if connection.vendor == "postgresql":
        from django.db.models import Avg

        result = waits.aggregate(median=Median("wait", output_field=DurationField()),
                                 mean=Avg("wait"))
        median, mean = result["median"], result["mean"]
    else:
        values = list(waits.values_list("wait", flat=True))
        median = statistics.median(values) if values else None
        mean = sum(values, timedelta(0)) / len(values) if values else None
    days = timedelta(days=1)
    return {"median": round(median / days, 1) if median is not None else None,
            "mean": round(mean / days, 1) if mean is not None else None}


# Who was reached ------------------------------------------------------------------------------

CHILDREN = [("yes", True), ("no", False), ("unknown", None)]


def reached_profile(municipalities, start, end):
    """The people reached in the period by contact language, nationality group, age band
    (age in the year they were reached), sex and family with children."""
    people = reached(municipalities, start, end).annotate(
        age=ExtractYear("reached_at", tzinfo=BELGIAN_TIME, output_field=IntegerField())
        - F("birth_year"))
    counts = people.aggregate(
        total=Count("pk"),
        **{f"group_{code}": Count("pk", filter=nationality_group_q(code))
           for code, _label in NATIONALITY_GROUPS},
        **{f"age_{code}": Count("pk", filter=age_band_q(code)) for code, *_rest in AGE_BANDS},
        age_unknown=Count("pk", filter=Q(birth_year__isnull=True)),
        **{f"sex_{code}": Count("pk", filter=Q(sex=code)) for code in Sex.values},
        sex_unknown=Count("pk", filter=Q(sex="")),
        **{f"children_{code}": Count("pk", filter=Q(has_children__isnull=True) if value is None
                                     else Q(has_children=value))
           for code, value in CHILDREN},
        **{f"language_{code}": Count("pk", filter=Q(contact_language=code))
           for code, _name in SPOKEN_LANGUAGES},
    )
    counts["languages"] = sorted(
        ((code, counts[f"language_{code}"]) for code, _name in SPOKEN_LANGUAGES
         if counts[f"language_{code}"]), key=lambda row: (-row[1], row[0]))
    return counts


# Monthly series ----------------------------------------------------------------------------

class MonthlySeries:
    """People reached, conversations and new residents per municipality and month over a run
    of whole months, in three grouped queries; every period inside it is summed from them.

    The definitions are those of `reached`, `conversations` and `residents` above.
    """

    def __init__(self, municipalities, start, end):
        self.municipalities, self.start, self.end = municipalities, start, end
        self.months = list(months(start, end))

    # Each grouped query runs when it is first needed, and once.
    @cached_property
    def _reached(self):
        rows = (reached(self.municipalities, self.start, self.end)
                .annotate(month=TruncMonth("reached_at", tzinfo=BELGIAN_TIME))
                .values_list("municipality", "month", "channel")
                .annotate(count=Count("pk")).order_by())
        return [(pk, month.astimezone(BELGIAN_TIME).date(), channel, count)
                for pk, month, channel, count in rows]

    @cached_property
    def _conversations(self):
        return list(
            conversations(self.municipalities, self.start, self.end)
            .annotate(month=TruncMonth("held_on"))
            .values_list("municipality", "month", "is_follow_up").annotate(count=Count("pk"))
            .order_by())

    @cached_property
    def _residents(self):
        return list(
            residents(self.municipalities, self.start, self.end)
            .annotate(month=TruncMonth("registered_on"))
            .values_list("municipality", "month").annotate(
                new=Count("pk"), reached=Count("pk", filter=Q(
                    outreach=NewResident.Outreach.REACHED)))
            .order_by())

    @staticmethod
    def _within(row_month, row_municipality, start, end, municipality):
        return start <= row_month < end and municipality in (None, row_municipality)

    def reached(self, start, end, municipality=None):
        by_channel = dict.fromkeys(Channel.values, 0)
        for pk, month, channel, count in self._reached:
            if self._within(month, pk, start, end, municipality):
                by_channel[channel] += count
        return {"total": sum(by_channel.values()), **by_channel}

    def conversations(self, start, end, municipality=None):
        held = {"first": 0, "follow_up": 0}
        for pk, month, is_follow_up, count in self._conversations:
            if self._within(month, pk, start, end, municipality):
                held["follow_up" if is_follow_up else "first"] += count
        return held

    def residents(self, start, end, municipality=None):
        new = reached_count = 0
        for pk, month, month_new, month_reached in self._residents:
            if self._within(month, pk, start, end, municipality):
                new, reached_count = new + month_new, reached_count + month_reached
        return {"new_residents": new, "reached": reached_count,
                "rate": share(reached_count, new)}


# Everything for one period ---------------------------------------------------------------------

@dataclass
class Summary:
    """The headline counts of one period, as the page, the report and the exports show them."""

    reached: dict
    conversations: dict
    missed: dict
    reach: dict
    dutch: dict
    follow_ups: dict
    days_to_contact: dict
    referral_kinds: dict


def summary(municipalities, start, end, today=None, series=None):
    """The headline counts of a period of whole months; `series` may already hold them."""
    series = series or MonthlySeries(municipalities, start, end)
    return Summary(
        reached=series.reached(start, end),
        conversations=series.conversations(start, end),
        missed=missed_and_cancelled(municipalities, start, end),
        reach=series.residents(start, end),
        dutch=referred_to_dutch(municipalities, start, end),
        follow_ups=follow_ups(municipalities, start, end, today),
        days_to_contact=days_to_first_contact(municipalities, start, end),
        referral_kinds=referrals_by_partner_kind(municipalities, start, end),
    )

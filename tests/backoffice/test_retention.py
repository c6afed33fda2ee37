"""Retention: finished cases lose their personal data after the municipality's period; the
statistics, the timeline and the monitoring counts stay the same."""

import io
from datetime import date, datetime, time

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from appointments.choices import Status
from appointments.models import AppointmentRequest, RequestEvent
from backoffice import services
from backoffice.inflow.figures import shift_months
from backoffice.models import ContactAttempt, Conversation, NeedCategory, NewResident, Referral
from backoffice.monitoring import counts
from backoffice.privacy.retention import anonymise_due_cases, apply_retention
from backoffice.privacy.tasks import apply_retention_task
from home.models import Partner

pytestmark = pytest.mark.django_db

TODAY = date(2027, 3, 15)


def at(day, hour=12, minute=0):
    """A moment on `day`, Belgian local time."""
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def closed(case, when, status=Status.CLOSED):
    AppointmentRequest.objects.filter(pk=case.pk).update(status=status, closed_at=when)
    case.refresh_from_db()
    return case


def months_ago(months, **kwargs):
    return at(shift_months(TODAY, -months), **kwargs)


@pytest.fixture
def worked_case(case_of, staff, demo):
    """A case with everything staff write down: an attempt, a conversation, a referral."""
    toeleider = staff["toeleider A"]
    case = case_of(question="Waar kan ik Nederlands leren?", birth_year=1988, sex="F",
                   nationality="SY", has_children=True, works=False, dutch_difficult=True,
                   topics=["dutch", "work"], address="Kerkstraat 12, 3990 Heidebeek")
    services.log_contact_attempt(case, toeleider, method="phone", reached=True,
                                 note="Teruggebeld op haar gsm")
    partner = Partner.objects.filter(municipality=demo["heidebeek"],
                                     locale__language_code="nl").first()
    conversation = services.record_conversation(
        case, toeleider,
        fields={"held_on": date(2025, 1, 10), "language": "ar", "needs_text": "Zoekt avondles",
                "follow_up": Conversation.FollowUp.CONVERSATION,
                "follow_up_on": date(2025, 7, 10)},
        needs=NeedCategory.objects.filter(archived=False)[:2],
        referrals=[(partner, "NT2-screening voor haar")],
    )
    services.change_status(case, Status.CLOSED, toeleider)
    assert conversation.referrals.count() == 1
    return closed(case, months_ago(25))


def statistics_of(cases):
    """The fields the monitoring counts from, per case and per conversation."""
    ids = [case.pk for case in cases]
    return (
        list(AppointmentRequest.objects.filter(pk__in=ids).order_by("pk").values_list(
            "reached_at", "channel", "sex", "nationality", "birth_year", "status", "closed_at",
            "created_at", "contact_language", "language", "has_children", "works",
            "dutch_difficult", "topics")),
        list(Conversation.objects.filter(request_id__in=ids).order_by(
            "pk", "needs", "referrals__pk").values_list(
            "held_on", "themes", "needs", "referrals__partner", "referrals__status",
            "follow_up", "follow_up_on")),
        list(RequestEvent.objects.filter(request_id__in=ids).exclude(
            kind=RequestEvent.Kind.ANONYMISED).order_by("pk").values_list(
            "kind", "status", "at", "note")),
    )


def test_only_finished_cases_past_the_period_are_anonymised(case_of, demo):
    cutoff = shift_months(TODAY, -24)
    gone = [closed(case_of(), months_ago(25)),
            closed(case_of(), months_ago(25), status=Status.CANCELLED),
            closed(case_of(), at(date.fromordinal(cutoff.toordinal() - 1), 23, 30))]
    kept = [closed(case_of(), months_ago(23)),
            closed(case_of(), at(cutoff, 0, 30)),  # closed on the cutoff day itself
            case_of()]  # still open and worked on, however old
    AppointmentRequest.objects.filter(pk=kept[-1].pk).update(created_at=months_ago(40),
                                                             updated_at=months_ago(23))

    assert anonymise_due_cases(today=TODAY) >= len(gone)
    for case in gone:
        case.refresh_from_db()
        assert case.anonymised_at is not None and case.name == "", case.closed_at
    for case in kept:
        case.refresh_from_db()
        assert case.anonymised_at is None and case.name == "Karim Voorbeeld", case.closed_at


def test_a_case_nobody_touched_for_the_whole_period_is_closed_and_anonymised(case_of, demo):
    forgotten, recent = case_of(), case_of()
    AppointmentRequest.objects.filter(pk=forgotten.pk).update(
        status=Status.CONTACTED, created_at=months_ago(30), updated_at=months_ago(25))
    AppointmentRequest.objects.filter(pk=recent.pk).update(
        created_at=months_ago(30), updated_at=months_ago(23))
    anonymise_due_cases(today=TODAY)
    forgotten.refresh_from_db()
    recent.refresh_from_db()
    assert (forgotten.status, forgotten.name, forgotten.anonymised_at is not None) == (
        Status.CLOSED, "", True)
    assert list(forgotten.events.filter(kind=RequestEvent.Kind.STATUS_CHANGED)
                .values_list("status", flat=True)) == [Status.CLOSED]
    assert (recent.status, recent.name, recent.anonymised_at) == (
        Status.NEW, "Karim Voorbeeld", None)


def test_each_municipality_has_its_own_period(case_of, demo):
    linderode = demo["linderode"]
    linderode.case_retention_months = 6
    linderode.save()
    short = closed(case_of("linderode"), months_ago(7))
    long = closed(case_of("heidebeek"), months_ago(7))
    anonymise_due_cases(today=TODAY)
    short.refresh_from_db()
    long.refresh_from_db()
    assert short.anonymised_at is not None
    assert long.anonymised_at is None


def test_personal_data_and_free_text_go_statistics_and_timeline_stay(worked_case):
    before = statistics_of([worked_case])
    events_before = worked_case.events.count()
    anonymise_due_cases(today=TODAY)

    case = AppointmentRequest.objects.get(pk=worked_case.pk)
    for name in AppointmentRequest.PERSONAL_FIELDS:
        assert not getattr(case, name), name
    assert case.access_key == "" and not case.link_works
    assert not ContactAttempt.objects.filter(request=case).exclude(note="").exists()
    assert not Conversation.objects.filter(request=case).exclude(needs_text="").exists()
    assert not Referral.objects.filter(conversation__request=case).exclude(purpose="").exists()

    assert statistics_of([case]) == before
    assert (case.birth_year, case.sex, case.nationality.code) == (1988, "F", "SY")
    assert case.topics == ["dutch", "work"] and case.has_children is True
    assert ContactAttempt.objects.filter(request=case, reached=True).count() == 1
    assert Conversation.objects.get(request=case).needs.count() == 2

    assert case.events.count() == events_before + 1
    note = case.events.get(kind=RequestEvent.Kind.ANONYMISED)
    assert note.note == "bewaartermijn verstreken" and note.actor is None


def test_a_second_run_changes_nothing(worked_case):
    anonymise_due_cases(today=TODAY)
    case = AppointmentRequest.objects.get(pk=worked_case.pk)
    events = case.events.count()
    assert anonymise_due_cases(today=TODAY) == 0
    case.refresh_from_db()
    assert case.events.count() == events
    assert case.events.filter(kind=RequestEvent.Kind.ANONYMISED).count() == 1


def test_the_monitoring_counts_are_the_same_before_and_after(worked_case, demo):
    municipalities = [demo["heidebeek"].pk, demo["linderode"].pk]
    start, end, today = date(2020, 1, 1), date(2031, 1, 1), date(2031, 1, 1)
    everyone = list(AppointmentRequest.objects.filter(municipality_id__in=municipalities))
    before = counts.summary(municipalities, start, end, today=today)
    profile = counts.reached_profile(municipalities, start, end)
    needs = counts.needs_by_category(municipalities, start, end)
    statistics = statistics_of(everyone)

    # Years later: every case and every new-resident record is past its period; the cases
    # still open were not touched since and are closed first.
    done = apply_retention(today=today)
    assert done["cases"] >= 1
    assert AppointmentRequest.objects.filter(pk=worked_case.pk,
                                             anonymised_at__isnull=False).exists()

    assert counts.summary(municipalities, start, end, today=today) == before
    assert counts.reached_profile(municipalities, start, end) == profile
    assert counts.needs_by_category(municipalities, start, end) == needs
    cases, conversations, events = statistics_of(everyone)

    def without_status(rows):
        return [row[:5] + row[7:] for row in rows]

    assert without_status(cases) == without_status(statistics[0])
    assert conversations == statistics[1]
    assert events[:len(statistics[2])] == statistics[2]
    assert {kind for kind, status, *_rest in events[len(statistics[2]):]} <= {
        RequestEvent.Kind.STATUS_CHANGED}


@pytest.fixture
def old_resident(demo):
    return NewResident.objects.create(
        municipality=demo["heidebeek"], last_name="Demo-Oud", first_name="Olga",
        birth_date=date(1980, 2, 3), birth_year=1980, sex="F", nationality="UA",
        street="Molenweg", house_number="3", postal_code="3990", town="Heidebeek",
        registered_on=shift_months(TODAY, -13), register_hash="a" * 64,
    )


def test_apply_retention_handles_cases_and_residents(worked_case, old_resident):
    done = apply_retention(today=TODAY)
    assert done["cases"] >= 1 and done["residents"] >= 1
    old_resident.refresh_from_db()
    assert old_resident.anonymised_at is not None
    assert (old_resident.last_name, old_resident.street, old_resident.register_hash) == ("", "",
                                                                                      "")
    assert (old_resident.birth_year, old_resident.nationality) == (1980, "UA")


def test_the_command_prints_both_counts(worked_case, old_resident):
    out = io.StringIO()
    call_command("apply_retention", "--date", TODAY.isoformat(), stdout=out)
    lines = out.getvalue().splitlines()
    assert any(line.endswith(" cases anonymised.") and line[0].isdigit() for line in lines)
    assert any(line.endswith(" new-resident records anonymised.") for line in lines)
    worked_case.refresh_from_db()
    old_resident.refresh_from_db()
    assert worked_case.anonymised_at is not None and old_resident.anonymised_at is not None

    call_command("apply_retention", "--date", TODAY.isoformat(), stdout=(again := io.StringIO()))
    assert "0 cases anonymised." in again.getvalue()


def test_the_command_can_leave_the_work_to_the_worker(worked_case):
    out = io.StringIO()
    call_command("apply_retention", "--enqueue", "--date", TODAY.isoformat(), stdout=out)
    assert "queued" in out.getvalue()
    worked_case.refresh_from_db()  # the test settings run tasks at once
    assert worked_case.anonymised_at is not None


def test_the_command_refuses_a_malformed_date():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("apply_retention", "--date", "15/03/2027", stdout=io.StringIO())


def test_the_task_returns_the_counts(worked_case, old_resident):
    result = apply_retention_task.enqueue(TODAY.isoformat())
    assert result.return_value["cases"] >= 1
    assert result.return_value["residents"] >= 1
    worked_case.refresh_from_db()
    assert worked_case.anonymised_at is not None

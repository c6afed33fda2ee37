"""The table of allowed status changes, and the timeline every change writes."""

import pytest
from wagtail.models import ModelLogEntry

from appointments.choices import Status
from appointments.models import RequestEvent
from backoffice.services import TRANSITIONS, TransitionNotAllowed, change_status

pytestmark = pytest.mark.django_db

PAIRS = [(a, b) for a in Status for b in Status if a != b]


@pytest.mark.parametrize(("current", "new"), PAIRS)
def test_every_status_change_follows_the_table(case_of, staff, current, new):
    case = case_of()
    case.status = current
    case.save(update_fields=["status"])
    user = staff["toeleider A"]
    if new in TRANSITIONS[current]:
        changed = change_status(case, new, user)
        assert changed.status == new
        event = case.events.filter(kind=RequestEvent.Kind.STATUS_CHANGED).get()
        assert event.actor == user
        assert ModelLogEntry.objects.filter(
            object_id=str(case.pk), action="onthaal.status_changed"
        ).exists()
    else:
        with pytest.raises(TransitionNotAllowed) as refused:
            change_status(case, new, user)
        assert str(Status(current).label) in str(refused.value)
        case.refresh_from_db()
        assert case.status == current


def test_closing_frees_the_slot_and_reopening_is_possible(case_of, staff, demo):
    from appointments.models import Slot

    slot = Slot.objects.bookable(demo["heidebeek"]).first()
    case = case_of(slot=None)
    from backoffice.services import schedule

    schedule(case, slot, staff["toeleider A"])
    change_status(case, Status.HELD, staff["toeleider A"])
    closed = change_status(case, Status.CLOSED, staff["toeleider A"])
    assert closed.slot is None and closed.closed_at is not None
    reopened = change_status(case, Status.CONTACTED, staff["toeleider A"])
    assert reopened.closed_at is None

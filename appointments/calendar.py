"""The iCalendar (.ics) invitation for a booked welcome conversation."""

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText


def invitation(request):
    """An .ics file (bytes) for the request's slot, in the active language."""
    slot, municipality = request.slot, request.municipality
    calendar = Calendar()
    calendar.add("prodid", "-//Onthaal//onthaalgesprek//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"{request.reference}@onthaal")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", slot.starts_at)
    event.add("dtend", slot.ends_at)
    event.add("summary", _("Onthaalgesprek, gemeente %(name)s") % {"name": municipality.name})
    event.add("location", vText(slot.location))
    event.add(
        "description",
        _("Referentie: %(reference)s. Contact: %(phone)s, %(email)s.")
        % {"reference": request.reference, "phone": municipality.phone,
           "email": municipality.email},
    )
    organizer = vCalAddress(f"mailto:{municipality.email}")
    organizer.params["cn"] = vText(municipality.name)
    event["organizer"] = organizer
    calendar.add_component(event)
    return calendar.to_ical()

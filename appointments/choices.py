"""The fixed lists of the request for a welcome conversation."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from portal.fields import CodeListField


class Status(models.TextChoices):
    NEW = "new", _("Nieuw")
    CONTACTED = "contacted", _("Contact gehad")
    SCHEDULED = "scheduled", _("Afspraak gepland")
    HELD = "held", _("Gesprek gehouden")
    CLOSED = "closed", _("Afgesloten")
    CANCELLED = "cancelled", _("Geannuleerd")
    NO_SHOW = "no_show", _("Niet opgedaagd")


# Statuses in which the person can still change or cancel their request online.
OPEN_STATUSES = {Status.NEW, Status.CONTACTED, Status.SCHEDULED}


class Channel(models.TextChoices):
    ONLINE = "online", _("Online aanvraag")
    DESK = "desk", _("Balie (permanentie)")
    LETTER = "letter", _("Brief")
    PHONE = "phone", _("Telefoon")
    PARTNER = "partner", _("Doorverwijzing door een partner")


class Sex(models.TextChoices):
    """As the national register writes it; counted in the monitoring, never required."""

    MALE = "M", _("Man")
    FEMALE = "F", _("Vrouw")
    X = "X", _("X")


class FilledInBy(models.TextChoices):
    SELF = "self", _("Ikzelf")
    RELATIVE = "relative", _("Een familielid of vriend")
    PARTNER = "partner", _("Een organisatie die mij helpt")


class SlotKind(models.TextChoices):
    PLACE = "place", _("Op het gemeentehuis of een andere plaats")
    PHONE = "phone", _("Telefonisch")
    VIDEO = "video", _("Videogesprek")


CONTACT_METHODS = [
    ("phone", gettext_noop("Telefoon")),
    ("sms", gettext_noop("Sms")),
    ("email", gettext_noop("E-mail")),
    ("whatsapp", gettext_noop("WhatsApp")),
]

WEEKDAYS = [
    ("mon", gettext_noop("Maandag")),
    ("tue", gettext_noop("Dinsdag")),
    ("wed", gettext_noop("Woensdag")),
    ("thu", gettext_noop("Donderdag")),
    ("fri", gettext_noop("Vrijdag")),
]
DAY_PARTS = [
    ("morning", gettext_noop("voormiddag")),
    ("afternoon", gettext_noop("namiddag")),
    ("evening", gettext_noop("avond")),
]
MOMENTS = [
    (f"{day}_{part}", f"{day_name} {part_name}")
    for day, day_name in WEEKDAYS
    for part, part_name in DAY_PARTS
]


class ContactMethodsField(CodeListField):
    choices_list = CONTACT_METHODS


class MomentsField(CodeListField):
    choices_list = MOMENTS

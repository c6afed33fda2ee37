import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from phonenumber_field.modelfields import PhoneNumberField

from appointments.choices import (
    OPEN_STATUSES,
    Channel,
    ContactMethodsField,
    FilledInBy,
    MomentsField,
    Sex,
    SlotKind,
    Status,
)
from home.life_domains import LifeDomainsField
from portal.fields import ManagedListItem, SpokenLanguagesField
from portal.languages import LANGUAGES, SPOKEN_LANGUAGES
from portal.models import MunicipalityOwnedQuerySet


class SlotQuerySet(MunicipalityOwnedQuerySet):
    def bookable(self, municipality, now=None, notice=None):
        """Free slots of a municipality that start at least `notice` from now.

        The notice is settings.ONTHAAL_SLOT_NOTICE (a day) unless given: staff who book for
        someone pass timedelta(0), any free slot that has not started yet.
        """
        if notice is None:
            notice = settings.ONTHAAL_SLOT_NOTICE
        start = (now or timezone.now()) + notice
        return self.filter(
            municipality=municipality, starts_at__gte=start, request__isnull=True
        ).order_by("starts_at")


class Slot(models.Model):
    """A time a toeleider offers for a welcome conversation; one request can book it."""

    municipality = models.ForeignKey(
        "portal.Municipality", verbose_name=_("gemeente"), on_delete=models.CASCADE,
        related_name="slots",
    )
    toeleider = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("toeleider"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="slots",
    )
    starts_at = models.DateTimeField(_("begin"))
    ends_at = models.DateTimeField(_("einde"))
    kind = models.CharField(_("soort"), max_length=10, choices=SlotKind, default=SlotKind.PLACE)
    place = models.CharField(
        _("plaats"), max_length=200, blank=True,
        help_text=_("Bv. 'Gemeentehuis, onthaalbalie, Marktplein 1'. Leeg bij telefoon of video."),
    )
    languages = SpokenLanguagesField(
        _("talen van de toeleider"), blank=True,
        help_text=_("De talen waarin het gesprek kan, naast Nederlands."),
    )

    objects = SlotQuerySet.as_manager()

    class Meta:
        verbose_name = _("afspraakmoment")
        verbose_name_plural = _("afspraakmomenten")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="slot_ends_after_it_starts",
                violation_error_message=_("Het einde moet na het begin liggen."),
            )
        ]

    def __str__(self):
        local = timezone.localtime(self.starts_at)
        return f"{local:%d/%m/%Y %H:%M} ({self.get_kind_display()})"

    @property
    def location(self):
        """Where the conversation is, as the person reads it: the place, else the kind."""
        return self.place or str(self.get_kind_display())


class Invitation(models.Model):
    """The code an invitation letter carries. A request sent with it is linked to the letter
    and counted under the letter channel. Codes are random: they say nothing about anyone."""

    ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O or 1/I: read aloud and typed
    LENGTH = 8

    code = models.CharField(_("code"), max_length=LENGTH, unique=True, editable=False)
    municipality = models.ForeignKey(
        "portal.Municipality", verbose_name=_("gemeente"), on_delete=models.CASCADE,
        related_name="+",
    )
    language = models.CharField(
        _("tweede taal van de brief"), max_length=5, choices=LANGUAGES, default="nl",
        help_text=_("De link op de brief opent het formulier in deze taal."),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self):
        return self.display_code

    @classmethod
    def new_code(cls):
        return "".join(secrets.choice(cls.ALPHABET) for _ in range(cls.LENGTH))

    @classmethod
    def clean_code(cls, text):
        """A code as people type it ("k7m2-qx9p ") in its stored form, or ""."""
        code = "".join(str(text or "").split()).replace("-", "").upper()
        if len(code) != cls.LENGTH or any(c not in cls.ALPHABET for c in code):
            return ""
        return code

    @property
    def display_code(self):
        return f"{self.code[:4]}-{self.code[4:]}"


class AppointmentRequest(models.Model):
    """A request for a welcome conversation: from the online form or the back office."""

    # Removed when the request is anonymised; everything else is statistics.
    PERSONAL_FIELDS = [
        "name", "phone", "email", "postal_code", "address", "question",
        "partner_organisation", "extra_information",
    ]

    municipality = models.ForeignKey(
        "portal.Municipality", verbose_name=_("gemeente"), on_delete=models.PROTECT,
        related_name="requests",
    )
    reference = models.CharField(_("referentie"), max_length=20, unique=True, editable=False)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.NEW)
    channel = models.CharField(_("kanaal"), max_length=10, choices=Channel, default=Channel.ONLINE)
    language = models.CharField(
        _("taal van het formulier"), max_length=5, choices=LANGUAGES, default="nl",
        help_text=_("Mails aan de persoon gaan in deze taal."),
    )

    # Who and how to reach them (personal data)
    name = models.CharField(_("naam"), max_length=150)
    phone = PhoneNumberField(_("telefoon"), blank=True, region="BE")
    email = models.EmailField(_("e-mailadres"), blank=True)
    postal_code = models.CharField(_("postcode"), max_length=4, blank=True)
    address = models.CharField(_("adres"), max_length=250, blank=True)
    arrival_date = models.DateField(_("aangekomen in de gemeente op"), null=True, blank=True)
    contact_language = models.CharField(
        _("contacttaal"), max_length=5, choices=SPOKEN_LANGUAGES, default="nl"
    )
    needs_interpreter = models.BooleanField(_("tolk nodig"), default=False)
    contact_methods = ContactMethodsField(_("contact via"), blank=True)
    preferred_moments = MomentsField(_("voorkeursmomenten"), blank=True)

    # What about
    topics = LifeDomainsField(_("onderwerpen"), blank=True)
    question = models.TextField(_("vraag"), blank=True)
    extra_information = models.TextField(_("aanvullende informatie"), blank=True)

    # Referral indicators (optional: None means not answered)
    dutch_difficult = models.BooleanField(_("Nederlands praten is moeilijk"), null=True)
    works = models.BooleanField(_("werkt"), null=True)
    has_children = models.BooleanField(_("kinderen in het gezin"), null=True)

    birth_year = models.PositiveSmallIntegerField(_("geboortejaar"), null=True, blank=True)
    # Statistical fields for the monitoring: asked at the desk or taken from the register.
    nationality = CountryField(_("nationaliteit"), blank=True)
    sex = models.CharField(_("geslacht"), max_length=1, choices=Sex, blank=True)
    referral_source = models.ForeignKey(
        "appointments.ReferralSource", verbose_name=_("doorverwezen door"),
        on_delete=models.PROTECT, null=True, blank=True, related_name="+",
    )
    invitation = models.ForeignKey(
        Invitation, verbose_name=_("uitnodigingsbrief"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="requests",
    )
    filled_in_by = models.CharField(
        _("ingevuld door"), max_length=10, choices=FilledInBy, default=FilledInBy.SELF
    )
    partner_organisation = models.CharField(_("organisatie"), max_length=150, blank=True)

    slot = models.OneToOneField(
        Slot, verbose_name=_("afspraakmoment"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="request",
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("toegewezen aan"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="assigned_requests",
    )

    consent_given_at = models.DateTimeField(_("toestemming gegeven op"), null=True, blank=True)
    consent_text = models.TextField(_("tekst van de toestemming"), blank=True)

    # The private link works while this key is set; clearing it revokes every link.
    access_key = models.CharField(max_length=32, blank=True, editable=False)
    # One request per form: sending it twice (double click, reload) finds this again.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    # The first successful contact: the moment this person counts as reached (see
    # backoffice/monitoring/counts.py). The back office's services keep the earliest.
    reached_at = models.DateTimeField(_("eerst bereikt op"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    staff_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = MunicipalityOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanvraag")
        verbose_name_plural = _("aanvragen")
        ordering = ["-created_at"]
        permissions = [
            ("view_monitoring", _("Kan de monitoringcijfers bekijken en exporteren")),
            ("handle_data_request", _("Kan een kopie of de wissing van iemands gegevens doen")),
        ]
        indexes = [
            models.Index(fields=["municipality", "status", "created_at"]),
            # The inbox lists newest first; with 100,000 cases this index keeps it fast.
            models.Index(fields=["-created_at"], name="request_newest_first"),
            # The monitoring counts people reached per municipality and month.
            models.Index(fields=["municipality", "reached_at"], include=["channel"],
                         name="request_reached"),
            # Rows that point at a request (timeline events) find its municipality here
            # without reading the request itself.
            models.Index(fields=["id"], include=["municipality"], name="request_municipality"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(channel="online")
                | ~models.Q(phone="", email="")
                | models.Q(anonymised_at__isnull=False),
                name="online_request_has_phone_or_email",
            )
        ]

    def __str__(self):
        return self.reference

    @staticmethod
    def new_access_key():
        return secrets.token_urlsafe(24)

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def link_works(self):
        """The private link works until the request is closed or anonymised."""
        return bool(self.access_key) and self.anonymised_at is None and (
            self.status != Status.CLOSED
        )


class ReferenceSequence(models.Model):
    """The last reference number given out per year (ONT-2026-0042)."""

    year = models.PositiveIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last_number}"


# The statuses of a missed appointment and a cancellation: counted from the timeline.
MISSED_STATUSES = [Status.NO_SHOW.value, Status.CANCELLED.value]


class RequestEvent(models.Model):
    """One line in a request's timeline: who did what, when."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Aanvraag ontvangen")
        SLOT_BOOKED = "slot_booked", _("Afspraakmoment geboekt")
        INFORMATION_ADDED = "information_added", _("Informatie toegevoegd door de persoon")
        CANCELLED = "cancelled", _("Geannuleerd door de persoon")
        CONFIRMATION_SENT = "confirmation_sent", _("Bevestiging verstuurd")
        STAFF_NOTIFIED = "staff_notified", _("Toeleiders verwittigd")
        STATUS_CHANGED = "status_changed", _("Status gewijzigd")
        CONTACT_ATTEMPT = "contact_attempt", _("Contactpoging")
        ASSIGNED = "assigned", _("Toegewezen")
        CONVERSATION_RECORDED = "conversation_recorded", _("Gesprek genoteerd")
        DETAILS_CHANGED = "details_changed", _("Contactgegevens gewijzigd")
        APPOINTMENT_SENT = "appointment_sent", _("Afspraak gemaild")
        REFERRAL_UPDATED = "referral_updated", _("Doorverwijzing bijgewerkt")
        FOLLOW_UP_DONE = "follow_up_done", _("Opvolging gedaan")
        ANONYMISED = "anonymised", _("Persoonsgegevens verwijderd")

    request = models.ForeignKey(
        AppointmentRequest, on_delete=models.CASCADE, related_name="events"
    )
    at = models.DateTimeField(default=timezone.now)
    kind = models.CharField(max_length=30, choices=Kind)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    # Never personal data: a description of what happened, not what was said.
    note = models.CharField(max_length=250, blank=True)
    # The status the request went to, for events that changed it (no-shows and
    # cancellations are counted from these).
    status = models.CharField(max_length=12, choices=Status, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [
            # No-shows and cancellations are counted per month from these few events.
            models.Index(fields=["at"], include=["request", "status"], name="event_missed_at",
                         condition=models.Q(status__in=MISSED_STATUSES)),
        ]

    def __str__(self):
        return self.get_kind_display()


class ReferralSource(ManagedListItem):
    """Who sent the person to the toeleider: reception, population, school, GP..."""

    def in_use(self):
        return AppointmentRequest.objects.filter(referral_source=self).exists()

    class Meta(ManagedListItem.Meta):
        verbose_name = _("doorverwijzer")
        verbose_name_plural = _("doorverwijzers")

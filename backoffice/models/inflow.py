"""The monthly new-resident list from the national register, kept as little as the work needs.

The national register number itself is never stored: only a keyed hash, to recognise a
person in a later list. Personal fields go after the municipality's retention period;
the statistical ones (birth year, sex, nationality, origin, registration date) stay.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from appointments.choices import Sex
from portal.languages import LANGUAGES
from portal.models import MunicipalityOwnedQuerySet


class InflowImport(models.Model):
    """One upload of a new-resident list: what came in and what was refused, never the file."""

    municipality = models.ForeignKey(
        "portal.Municipality", verbose_name=_("gemeente"), on_delete=models.CASCADE,
        related_name="+",
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.SET_NULL,
        null=True, related_name="+",
    )
    imported_at = models.DateTimeField(_("ingelezen op"), default=timezone.now)
    file_name = models.CharField(_("bestand"), max_length=200)
    rows_total = models.PositiveIntegerField(_("rijen"), default=0)
    rows_imported = models.PositiveIntegerField(_("nieuw"), default=0)
    rows_duplicate = models.PositiveIntegerField(_("al gekend"), default=0)
    rows_invalid = models.PositiveIntegerField(_("geweigerd"), default=0)
    # [{"row": 4, "column": "geboortedatum", "problem": "..."}]: never the values themselves.
    problems = models.JSONField(_("problemen"), default=list, blank=True)

    objects = MunicipalityOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("inlezing van nieuwe inwoners")
        verbose_name_plural = _("inlezingen van nieuwe inwoners")
        ordering = ["-imported_at"]

    def __str__(self):
        return f"{self.file_name} ({self.imported_at:%d/%m/%Y})"


class InflowColumnMapping(models.Model):
    """Which column of this municipality's population software holds which field."""

    municipality = models.OneToOneField(
        "portal.Municipality", on_delete=models.CASCADE, related_name="inflow_columns"
    )
    columns = models.JSONField(default=dict)  # {"naam": "Familienaam", ...}
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return str(self.municipality)


class NewResident(models.Model):
    """A person on the monthly new-resident list, and how the toeleiders reach out."""

    Sex = Sex

    class Origin(models.TextChoices):
        BELGIAN = "belgian", _("Belgische herkomst")
        FOREIGN = "foreign", _("Niet-Belgische herkomst")

    class Outreach(models.TextChoices):
        NEW = "new", _("Nog niet gecontacteerd")
        INVITED = "invited", _("Uitgenodigd per brief")
        CALLED = "called", _("Gebeld, niet bereikt")
        REACHED = "reached", _("Bereikt")
        NOT_INTERESTED = "not_interested", _("Niet geïnteresseerd")

    # Removed after the retention period; the rest is statistics.
    PERSONAL_FIELDS = [
        "register_hash", "match_key", "household_key", "last_name", "first_name",
        "birth_date", "street", "house_number", "box", "postal_code", "town", "phone", "email",
    ]

    municipality = models.ForeignKey(
        "portal.Municipality", verbose_name=_("gemeente"), on_delete=models.CASCADE,
        related_name="new_residents",
    )
    source_import = models.ForeignKey(
        InflowImport, verbose_name=_("inlezing"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="residents",
    )
    # Keyed hashes (HMAC-SHA256): they recognise a person again, they cannot be reversed.
    register_hash = models.CharField(max_length=64, blank=True, editable=False)
    match_key = models.CharField(max_length=64, blank=True, editable=False)
    household_key = models.CharField(max_length=64, blank=True, editable=False)

    last_name = models.CharField(_("naam"), max_length=100, blank=True)
    first_name = models.CharField(_("voornaam"), max_length=100, blank=True)
    birth_date = models.DateField(_("geboortedatum"), null=True, blank=True)
    street = models.CharField(_("straat"), max_length=150, blank=True)
    house_number = models.CharField(_("huisnummer"), max_length=10, blank=True)
    box = models.CharField(_("bus"), max_length=10, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=4, blank=True)
    town = models.CharField(_("gemeente (adres)"), max_length=100, blank=True)
    phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)

    birth_year = models.PositiveSmallIntegerField(_("geboortejaar"), null=True, blank=True)
    sex = models.CharField(_("geslacht"), max_length=1, choices=Sex, blank=True)
    nationality = models.CharField(
        _("nationaliteit"), max_length=2, blank=True, help_text=_("ISO 3166-code, bv. MA.")
    )
    origin = models.CharField(_("herkomst"), max_length=8, choices=Origin, blank=True)
    registered_on = models.DateField(_("ingeschreven op"))

    outreach = models.CharField(
        _("contact"), max_length=16, choices=Outreach, default=Outreach.NEW
    )
    outreach_changed_at = models.DateTimeField(_("contact bijgewerkt op"), null=True, blank=True)
    invitation = models.ForeignKey(
        "appointments.Invitation", verbose_name=_("uitnodigingsbrief"),
        on_delete=models.SET_NULL, null=True, blank=True, related_name="residents",
    )
    case = models.ForeignKey(
        "appointments.AppointmentRequest", verbose_name=_("dossier"),
        on_delete=models.SET_NULL, null=True, blank=True, related_name="new_residents",
    )
    imported_at = models.DateTimeField(_("ingelezen op"), default=timezone.now)
    anonymised_at = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    objects = MunicipalityOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("nieuwe inwoner")
        verbose_name_plural = _("nieuwe inwoners")
        ordering = ["-registered_on", "household_key", "last_name", "first_name"]
        indexes = [
            models.Index(fields=["municipality", "registered_on"], include=["outreach"],
                         name="resident_registered"),
            models.Index(fields=["municipality", "register_hash"]),
            models.Index(fields=["municipality", "match_key"]),
            models.Index(fields=["municipality", "household_key"]),
        ]

    def __str__(self):
        if self.anonymised_at:
            return str(_("Geanonimiseerd (%(date)s)") % {
                "date": self.registered_on.strftime("%m/%Y")})
        return f"{self.first_name} {self.last_name}"

    @property
    def full_name(self):
        return str(self)

    @property
    def nationality_name(self):
        from django_countries import countries

        return countries.name(self.nationality) or self.nationality

    @property
    def household_label(self):
        size = getattr(self, "household_size", 1) or 1
        if size <= 1:
            return ""
        return ngettext("%(count)s persoon", "%(count)s personen", size) % {"count": size}

    @property
    def address(self):
        number = self.house_number + (f" bus {self.box}" if self.box else "")
        return ", ".join(part for part in [f"{self.street} {number}".strip(),
                                           f"{self.postal_code} {self.town}".strip()] if part)

    @property
    def age_at_registration(self):
        if self.birth_year is None:
            return None
        return self.registered_on.year - self.birth_year


class InvitationLetterText(models.Model):
    """The invitation text in one language, as the municipality wants it on its letters."""

    municipality = models.ForeignKey(
        "portal.Municipality", verbose_name=_("gemeente"), on_delete=models.CASCADE,
        related_name="+",
    )
    language = models.CharField(_("taal"), max_length=5, choices=LANGUAGES)
    body = models.TextField(
        _("tekst"),
        help_text=_("In eenvoudige taal. Lege regels maken nieuwe alinea's."),
    )

    objects = MunicipalityOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("tekst van de uitnodigingsbrief")
        verbose_name_plural = _("teksten van de uitnodigingsbrief")
        ordering = ["municipality", "language"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "language"],
                                    name="one_letter_text_per_language"),
        ]

    def __str__(self):
        return f"{self.municipality} · {self.get_language_display()}"

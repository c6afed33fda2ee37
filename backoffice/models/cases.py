"""What staff record after a request exists: contacts, conversations, referrals, needs."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.life_domains import LifeDomainsField
from portal.fields import ManagedListItem
from portal.languages import SPOKEN_LANGUAGES
from portal.models import MunicipalityOwnedQuerySet


class NeedCategory(ManagedListItem):
    """A kind of question or need heard in conversations (the signal function)."""

    def in_use(self):
        return Conversation.objects.filter(needs=self).exists()

    class Meta(ManagedListItem.Meta):
        verbose_name = _("categorie van noden")
        verbose_name_plural = _("categorieën van noden")


class ContactAttempt(models.Model):
    """A try to reach the person: by phone, SMS, letter, a home visit or at the desk."""

    class Method(models.TextChoices):
        PHONE = "phone", _("Telefoon")
        SMS = "sms", _("Sms")
        LETTER = "letter", _("Brief")
        HOME_VISIT = "home_visit", _("Huisbezoek")
        DESK = "desk", _("Balie")
        EMAIL = "email", _("E-mail")

    request = models.ForeignKey(
        "appointments.AppointmentRequest", on_delete=models.CASCADE,
        related_name="contact_attempts",
    )
    at = models.DateTimeField(_("wanneer"), default=timezone.now)
    method = models.CharField(_("hoe"), max_length=12, choices=Method)
    reached = models.BooleanField(_("bereikt"))
    note = models.CharField(_("notitie"), max_length=250, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.SET_NULL,
        null=True, related_name="+",
    )

    class Meta:
        verbose_name = _("contactpoging")
        verbose_name_plural = _("contactpogingen")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.get_method_display()} ({self.at:%d/%m/%Y})"


class Conversation(models.Model):
    """A welcome conversation that was held, and what came out of it."""

    class FollowUp(models.TextChoices):
        NONE = "none", _("Geen opvolging")
        CONVERSATION = "conversation", _("Eén opvolggesprek")
        TRAJECTORY = "trajectory", _("Zorgtraject")

    DEFAULT_FOLLOW_UP = timedelta(days=182)

    request = models.ForeignKey(
        "appointments.AppointmentRequest", on_delete=models.CASCADE,
        related_name="conversations",
    )
    # The request's municipality, kept here too: the monitoring counts conversations,
    # needs and referrals per municipality and month without reading every case.
    municipality = models.ForeignKey(
        "portal.Municipality", on_delete=models.CASCADE, editable=False,
        related_name="+",
    )
    held_on = models.DateField(_("datum"), default=timezone.localdate)
    duration_minutes = models.PositiveSmallIntegerField(_("duur (minuten)"), default=45)
    is_follow_up = models.BooleanField(_("opvolggesprek"), default=False)
    language = models.CharField(
        _("gesproken taal"), max_length=5, choices=SPOKEN_LANGUAGES, default="nl"
    )
    interpreter_used = models.BooleanField(_("met tolk"), default=False)
    themes = LifeDomainsField(_("besproken thema's"), blank=True)
    needs = models.ManyToManyField(
        NeedCategory, verbose_name=_("vragen en noden"), blank=True, related_name="+"
    )
    needs_text = models.TextField(
        _("vragen en noden in eigen woorden"), blank=True,
        help_text=_("Zonder namen: dit kan later als beleidssignaal gebruikt worden."),
    )
    follow_up = models.CharField(
        _("opvolging"), max_length=12, choices=FollowUp, default=FollowUp.NONE
    )
    follow_up_on = models.DateField(_("opvolgen op"), null=True, blank=True)
    follow_up_done_at = models.DateTimeField(_("opvolging gedaan op"), null=True, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.SET_NULL,
        null=True, related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")
        ordering = ["-held_on", "-pk"]
        indexes = [
            models.Index(fields=["municipality", "held_on"], include=["is_follow_up"],
                         name="conversation_held"),
            models.Index(fields=["municipality", "follow_up_on"], name="conversation_follow_up",
                         condition=~models.Q(follow_up="none")),
        ]

    def __str__(self):
        return f"{self.held_on:%d/%m/%Y}"

    def save(self, *args, **kwargs):
        if not self.municipality_id:
            self.municipality_id = self.request.municipality_id
        super().save(*args, **kwargs)

    @property
    def theme_labels(self):
        return self._meta.get_field("themes").labels(self.themes)


class Referral(models.Model):
    """An active referral to a partner, followed until the partner gives feedback."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Voorgesteld")
        MADE = "made", _("Doorverwezen")
        CONFIRMED = "confirmed", _("Bevestigd door de partner")
        FEEDBACK = "feedback", _("Terugkoppeling ontvangen")

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="referrals"
    )
    partner = models.ForeignKey(
        "home.Partner", verbose_name=_("partner"), on_delete=models.PROTECT, related_name="+"
    )
    purpose = models.CharField(_("waarvoor"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.PROPOSED
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("doorverwijzing")
        verbose_name_plural = _("doorverwijzingen")

    def __str__(self):
        return f"{self.partner} ({self.get_status_display()})"


class PersonalDataAccess(models.Model):
    """Who viewed, exported or erased whose personal data, and when (kept for the DPO).

    One row names a case or a new-resident record; the row itself holds no personal data.
    """

    class Action(models.TextChoices):
        VIEW = "view", _("Bekeken")
        EXPORT = "export", _("Geëxporteerd (inzageverzoek)")
        ERASE = "erase", _("Gewist op verzoek")
        LETTER = "letter", _("Brief gemaakt")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("medewerker"),
                             on_delete=models.PROTECT, related_name="+")
    request = models.ForeignKey(
        "appointments.AppointmentRequest", verbose_name=_("dossier"), on_delete=models.CASCADE,
        null=True, blank=True, related_name="+",
    )
    resident = models.ForeignKey(
        "backoffice.NewResident", verbose_name=_("nieuwe inwoner"), on_delete=models.CASCADE,
        null=True, blank=True, related_name="+",
    )
    municipality = models.ForeignKey(
        "portal.Municipality", verbose_name=_("gemeente"), on_delete=models.CASCADE,
        related_name="+",
    )
    at = models.DateTimeField(_("wanneer"), default=timezone.now, db_index=True)
    action = models.CharField(_("wat"), max_length=20, choices=Action, default=Action.VIEW)

    objects = MunicipalityOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("inzage in persoonsgegevens")
        verbose_name_plural = _("inzages in persoonsgegevens")
        ordering = ["-at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(request__isnull=False) | models.Q(resident__isnull=False),
                name="access_names_a_case_or_a_resident",
            )
        ]

    def __str__(self):
        return f"{self.user} {self.action} {self.at:%Y-%m-%d %H:%M}"

    @property
    def subject(self):
        """How the log names the person: the case reference or the record number."""
        if self.request_id:
            return self.request.reference
        return _("nieuwe inwoner nr. %(pk)s") % {"pk": self.resident_id}

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from portal.fields import LanguagesField
from portal.languages import default_portal_languages, ordered


class User(AbstractUser):
    """Staff accounts. Newcomers never have one."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"


class MunicipalityQuerySet(models.QuerySet):
    def for_user(self, user):
        """The municipalities whose people and figures this user may see."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(staff=user)


def telephone_link(number):
    """A tel: link from a number as people write it ("011/99.01.00", "+32 11 99 01 00")."""
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


class MunicipalityOwnedQuerySet(models.QuerySet):
    """For models with a `municipality`: the rows a user may see are their municipalities'."""

    def for_user(self, user):
        return self.filter(municipality__in=Municipality.objects.for_user(user))


class Municipality(models.Model):
    """A municipality with its own portal (a Wagtail Site), staff and figures."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("korte naam"), max_length=60, unique=True)
    nis_code = models.CharField(
        _("NIS-code"),
        max_length=5,
        unique=True,
        validators=[RegexValidator(r"^\d{5}$", _("Een NIS-code heeft vijf cijfers."))],
        help_text=_("De vijfcijferige code van Statbel, bv. 23002."),
    )
    email = models.EmailField(
        _("e-mailadres"), help_text=_("Een functioneel adres, geen persoonlijk adres.")
    )
    phone = models.CharField(_("telefoon"), max_length=30)
    street_address = models.CharField(_("straat en nummer"), max_length=200)
    postal_code = models.CharField(
        _("postcode"),
        max_length=4,
        validators=[RegexValidator(r"^\d{4}$", _("Een Belgische postcode heeft vier cijfers."))],
    )
    city = models.CharField(_("plaats"), max_length=100)
    languages = LanguagesField(
        _("talen van het portaal"),
        default=default_portal_languages,
        help_text=_("Nederlands is altijd aangeboden. Andere talen zijn een tijdelijke hulp."),
    )
    response_days = models.PositiveSmallIntegerField(
        _("antwoordtermijn in werkdagen"),
        default=5,
        help_text=_("Binnen hoeveel werkdagen een toeleider een nieuwe aanvraag opneemt."),
    )
    privacy_url = models.URLField(
        _("adres van de privacyverklaring"),
        blank=True,
        help_text=_("Getoond bij de toestemming in elk formulier."),
    )
    resident_retention_months = models.PositiveSmallIntegerField(
        _("bewaartermijn nieuwe inwoners (maanden)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "Zo lang na de inschrijving blijven naam, adres en contactgegevens van een nieuwe "
            "inwoner bewaard. Daarna blijven alleen de cijfers over."
        ),
    )
    case_retention_months = models.PositiveSmallIntegerField(
        _("bewaartermijn afgesloten dossiers (maanden)"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "Zo lang na het afsluiten blijven naam, contactgegevens en notities van een "
            "dossier bewaard. Daarna blijven alleen de cijfers over."
        ),
    )
    require_two_factor = models.BooleanField(
        _("tweestapsverificatie verplicht"),
        default=False,
        help_text=_(
            "Wie persoonsgegevens van deze gemeente kan zien, moet bij het aanmelden ook een "
            "code van een authenticator-app ingeven."
        ),
    )
    site = models.OneToOneField(
        "wagtailcore.Site",
        verbose_name=_("portaal (site)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="municipality",
    )
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerkers"),
        blank=True,
        related_name="municipalities",
        help_text=_(
            "Medewerkers van een samenwerkingsverband kunnen bij meerdere gemeenten horen."
        ),
    )

    objects = MunicipalityQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("nis_code")],
            heading=_("Gemeente"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("street_address"),
                FieldPanel("postal_code"),
                FieldPanel("city"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("languages"),
        MultiFieldPanel(
            [FieldPanel("response_days"), FieldPanel("privacy_url")],
            heading=_("Aanvragen"),
        ),
        MultiFieldPanel([FieldPanel("case_retention_months"),
                         FieldPanel("resident_retention_months")], heading=_("Bewaartermijnen")),
        FieldPanel("require_two_factor"),
        FieldPanel("site"),
        FieldPanel("staff"),
    ]

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def offered_languages(self):
        """Offered language codes in the portal's order, Dutch first."""
        return ordered(self.languages or [])

    @property
    def telephone_link(self):
        return telephone_link(self.phone)

    def offers(self, language_code):
        return language_code in self.offered_languages

    @property
    def portal_url(self):
        """The portal's address without a trailing slash, for links in mails and letters:
        the site's root URL, or WAGTAILADMIN_BASE_URL while the municipality has no site."""
        root = self.site.root_url if self.site is not None else settings.WAGTAILADMIN_BASE_URL
        return root.rstrip("/")


class Invitation(models.Model):
    """An invitation by e-mail to create a staff account with a role and municipalities.

    The account only exists once the invitee has chosen a username and password
    (portal/accounts/services.py); the link works once and for a limited time.
    """

    email = models.EmailField(_("e-mailadres"))
    role = models.CharField(_("rol"), max_length=60)
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("gemeenten"), blank=True, related_name="invitations"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uitgenodigd door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("aanvaard op"), null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitation",
    )

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

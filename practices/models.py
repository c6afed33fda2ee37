"""The practice database: fiches (Wagtail pages), their taxonomies, and what the public sends.

The database is shared by the whole installation: one index page under the root of the page
tree, served at /<language>/praktijken/ on every host (see practices/routing.py).
"""

import secrets

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.routable_page.models import path as fiche_path
from wagtail.models import Orderable, Page
from wagtail.search import index


class Province(models.TextChoices):
    ANTWERPEN = "antwerpen", "Antwerpen"
    LIMBURG = "limburg", "Limburg"
    OOST_VLAANDEREN = "oost-vlaanderen", "Oost-Vlaanderen"
    VLAAMS_BRABANT = "vlaams-brabant", "Vlaams-Brabant"
    WEST_VLAANDEREN = "west-vlaanderen", "West-Vlaanderen"
    BRUSSEL = "brussel", _("Brussels Hoofdstedelijk Gewest")


class Taxonomy(models.Model):
    """A term moderators manage as a snippet; its slug is what filter URLs carry."""

    name = models.CharField(_("naam"), max_length=80, unique=True)
    slug = models.SlugField(_("korte naam in adressen"), max_length=80, unique=True)
    description = models.TextField(_("omschrijving"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Category(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")


class PolicyDomain(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("beleidsdomein")
        verbose_name_plural = _("beleidsdomeinen")


class TargetGroup(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")


class SharedPage(Page):
    """A page of the shared practice database: its address is /<language>/praktijken/...
    on whichever host it is read, not under one municipality's portal."""

    class Meta:
        abstract = True

    def get_url_parts(self, request=None):
        from wagtail.models import Site

        # The index is a child of the root: the first part of url_path is its own slug.
        relative = self.url_path.strip("/").partition("/")[2]
        path = (
            reverse("practices:page", kwargs={"path": f"{relative}/"})
            if relative
            else reverse("practices:index")
        )
        site = Site.find_for_request(request) if request is not None else None
        if site is not None:
            return site.id, site.root_url, path
        return None, settings.WAGTAILADMIN_BASE_URL.rstrip("/"), path


class PracticeIndexPage(SharedPage):
    """The practice database: the listing with facets and search."""

    introduction = models.TextField(_("inleiding"), blank=True)
    submit_text = models.TextField(
        _("oproep om een fiche in te dienen"),
        blank=True,
        help_text=_("Getoond boven de knop 'Fiche indienen'."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("submit_text")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["practices.PracticePage"]
    max_count = 1

    class Meta:
        verbose_name = _("praktijkendatabank")

    def serve(self, request, *args, **kwargs):
        from practices.views import listing

        return listing(request, self)


def current_year():
    return timezone.localdate().year


class PracticePage(RoutablePageMixin, SharedPage):
    """A practice fiche. Texts are plain (paragraphs separated by empty lines): the public
    form fills them in as well, and no HTML ever comes from outside."""

    intro = models.TextField(
        _("korte inleiding"), max_length=400, help_text=_("Twee of drie zinnen.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("afbeelding"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("categorie"),
        null=True,
        on_delete=models.PROTECT,
        related_name="practices",
    )
    policy_domains = ParentalManyToManyField(
        PolicyDomain, verbose_name=_("beleidsdomeinen"), blank=True, related_name="practices"
    )
    target_groups = ParentalManyToManyField(
        TargetGroup, verbose_name=_("doelgroepen"), blank=True, related_name="practices"
    )
    goals = models.TextField(_("doelstellingen"), blank=True)
    description = models.TextField(_("beschrijving"))
    success_factors = models.TextField(_("succesfactoren"), blank=True)
    challenges = models.TextField(_("uitdagingen"), blank=True)
    results = models.TextField(
        _("resultaten"),
        blank=True,
        help_text=_("Wat veranderde er? Met cijfers waar ze gekend zijn."),
    )
    start_year = models.PositiveSmallIntegerField(
        _("gestart in"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
    )
    related_practices = ParentalManyToManyField(
        "self",
        verbose_name=_("verwante fiches"),
        blank=True,
        symmetrical=False,
        related_name="+",
    )
    last_reviewed = models.DateField(
        _("laatst nagekeken"),
        null=True,
        blank=True,
        help_text=_("Na een jaar krijgen de moderatoren een herinnering."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("category"),
                FieldPanel("policy_domains"),
                FieldPanel("target_groups"),
                FieldPanel("start_year"),
            ],
            heading=_("Indeling"),
        ),
        FieldPanel("goals"),
        FieldPanel("description"),
        FieldPanel("success_factors"),
        FieldPanel("challenges"),
        FieldPanel("results"),
        InlinePanel("applied_in", heading=_("Toegepast in"), label=_("gemeente")),
        FieldPanel("related_practices"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("description"),
        index.FilterField("category"),
    ]
    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("praktijkfiche")
        verbose_name_plural = _("praktijkfiches")

    @fiche_path("")
    def fiche(self, request):
        from practices.views import fiche

        return fiche(request, self)

    @fiche_path("wij-ook/")
    def adopt(self, request):
        from practices.proposal_views import adopt

        return adopt(request, self)

    @fiche_path("wijziging/")
    def suggest_change(self, request):
        from practices.proposal_views import suggest_change

        return suggest_change(request, self)

    @fiche_path("contact/<int:entry_id>/")
    def contact(self, request, entry_id):
        from practices.proposal_views import contact

        return contact(request, self, entry_id)


class AppliedIn(Orderable):
    """A municipality that applies the practice, and how. The contact address is a
    functional one; readers write to it through a form and never see it."""

    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="applied_in")
    municipality_name = models.CharField(_("gemeente"), max_length=100)
    province = models.CharField(_("provincie"), max_length=20, choices=Province.choices)
    description = models.TextField(_("hoe zij het doen"), blank=True)
    partners = models.TextField(_("partners"), blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(
        _("functioneel e-mailadres"),
        blank=True,
        help_text=_("Een dienstadres, nooit een persoonlijk adres. Het wordt niet getoond."),
    )

    panels = [
        FieldPanel("municipality_name"),
        FieldPanel("province"),
        FieldPanel("description"),
        FieldPanel("partners"),
        FieldPanel("website"),
        FieldPanel("contact_email"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("toegepast in")
        verbose_name_plural = _("toegepast in")
        indexes = [models.Index(fields=["municipality_name"], name="appliedin_municipality")]

    def __str__(self):
        return self.municipality_name


class PracticeSearchEntry(models.Model):
    """The searchable text of a published fiche, kept by practices.search.

    On PostgreSQL `vector` holds the weighted Dutch text-search vector (GIN-indexed by a
    migration); elsewhere (the SQLite demo) the plain `document` is searched."""

    page = models.OneToOneField(
        PracticePage, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    document = models.TextField(blank=True)
    vector = SearchVectorField(null=True, blank=True)

    class Meta:
        verbose_name = _("zoekindex van een fiche")

    def __str__(self):
        return str(self.page_id)


def new_access_key():
    return secrets.token_urlsafe(24)


class Submission(models.Model):
    """Something the public sent about the database: a new fiche, "we do this too" for a
    fiche, or a suggested change. The sender follows it with a private link."""

    class Kind(models.TextChoices):
        NEW_PRACTICE = "new", _("Nieuwe fiche")
        ADOPTION = "adoption", _("Wij doen dit ook")
        CHANGE = "change", _("Voorstel tot wijziging")

    class Status(models.TextChoices):
        IN_REVIEW = "in_review", _("Wacht op nalezing")
        CHANGES_REQUESTED = "changes_requested", _("Aanpassing gevraagd")
        ACCEPTED = "accepted", _("Aanvaard")
        DECLINED = "declined", _("Niet aanvaard")

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_REVIEW
    )
    page = models.ForeignKey(
        PracticePage,
        verbose_name=_("fiche"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    # Who sent it: a person at a municipality, answered at a functional address.
    sender_name = models.CharField(_("naam"), max_length=150)
    municipality_name = models.CharField(_("gemeente"), max_length=100)
    province = models.CharField(_("provincie"), max_length=20, choices=Province.choices)
    email = models.EmailField(_("e-mailadres"))
    language = models.CharField(_("taal"), max_length=8, default="nl")
    # "We do this too": the entry to add to the fiche once accepted.
    description = models.TextField(_("hoe zij het doen"), blank=True)
    partners = models.TextField(_("partners"), blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(_("functioneel e-mailadres"), blank=True)
    # A suggested change: which part and what.
    section = models.CharField(_("onderdeel"), max_length=40, blank=True)
    message = models.TextField(_("voorstel of opmerking"), blank=True)
    moderator_note = models.TextField(
        _("antwoord van de moderator"),
        blank=True,
        help_text=_("Wordt naar de indiener gemaild."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beslist door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    access_key = models.CharField(max_length=64, unique=True, default=new_access_key)
    submission_key = models.UUIDField(null=True, blank=True, unique=True)
    created_at = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        verbose_name = _("inzending")
        verbose_name_plural = _("inzendingen")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["kind", "status"], name="submission_kind_status")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.page.title if self.page else '-'}"

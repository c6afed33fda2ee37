from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField

from home.blocks import LifeDomainBodyBlock
from home.forms import LifeDomainPageForm, PartnerForm
from home.life_domains import LIFE_DOMAINS, LifeDomainsField, icon_template
from home.localization import live_localized_pages, localized_objects, reader_url
from home.panels import portal_edit_handler
from home.statements import Conformance
from portal.fields import SpokenLanguagesField
from portal.languages import SOURCE_LANGUAGE
from portal.models import MunicipalityOwnedQuerySet, telephone_link


class PortalPage(Page):
    """A public page of a municipality's portal.

    A page not (yet) translated into the reader's language is served in Dutch at the
    reader's address, with a notice, instead of a 404.
    """

    class Meta:
        abstract = True

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            source = self.source_page
            if not path_components or source is None or source.pk == self.pk:
                raise
            return source.route(request, path_components)

    @cached_property
    def source_page(self):
        """The Dutch page this page translates (the page itself when it is Dutch)."""
        if self.locale.language_code == SOURCE_LANGUAGE:
            return self
        source = self.get_translation_or_none(Locale.objects.get(language_code=SOURCE_LANGUAGE))
        return source.specific if source is not None else None

    def portal_home(self):
        """This page's portal home page, in this page's language."""
        if isinstance(self, HomePage):
            return self
        return HomePage.objects.ancestor_of(self).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["portal_home"] = self.portal_home()
        return context


class HomePage(PortalPage):
    """The portal home page of one municipality, the root of its Wagtail site."""

    introduction = models.TextField(
        _("welkomsttekst"),
        blank=True,
        help_text=_("Een paar korte zinnen in eenvoudig Nederlands."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("afbeelding"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tiles_heading = models.CharField(
        _("titel boven de levensdomeinen"), max_length=120, default="Waarover wilt u meer weten?"
    )
    call_to_action_heading = models.CharField(
        _("titel van de oproep"), max_length=120, default="Vraag een onthaalgesprek aan"
    )
    call_to_action_text = models.TextField(_("tekst van de oproep"), blank=True)
    call_to_action_link_text = models.CharField(
        _("tekst op de knop"), max_length=60, default="Gesprek aanvragen"
    )
    opening_hours = models.TextField(
        _("openingsuren van het onthaal"),
        blank=True,
        help_text=_("Eén regel per dag of periode, bv. 'Maandag: 9 tot 12 uur'."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("tiles_heading"),
        MultiFieldPanel(
            [
                FieldPanel("call_to_action_heading"),
                FieldPanel("call_to_action_text"),
                FieldPanel("call_to_action_link_text"),
            ],
            heading=_("Oproep: onthaalgesprek"),
        ),
        FieldPanel("opening_hours"),
    ]
    edit_handler = portal_edit_handler(content_panels)
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.LifeDomainIndexPage",
        "home.PartnerDirectoryPage",
        "home.PrivacyStatementPage",
        "home.AccessibilityStatementPage",
    ]

    class Meta:
        verbose_name = _("startpagina van het portaal")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tiles"] = life_domain_tiles(self, request)
        return context


class PortalSectionPage(PortalPage):
    """A section directly under the home page (one of each kind), with an introduction."""

    introduction = models.TextField(_("inleiding"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    edit_handler = portal_edit_handler(content_panels)
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class LifeDomainIndexPage(PortalSectionPage):
    """The list of life domains. Editors choose and order them as child pages."""

    subpage_types = ["home.LifeDomainPage"]

    class Meta:
        verbose_name = _("overzicht van de levensdomeinen")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tiles"] = life_domain_tiles(context["portal_home"], request)
        return context


class LifeDomainPage(PortalPage):
    """Plain-language information on one life domain, e.g. work or housing."""

    domain = models.CharField(_("levensdomein"), max_length=20, choices=LIFE_DOMAINS)
    summary = models.CharField(
        _("samenvatting"), max_length=200, help_text=_("Eén zin, getoond op de tegel.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("afbeelding"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(LifeDomainBodyBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("domain"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    edit_handler = portal_edit_handler(content_panels)
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    override_translatable_fields = [SynchronizedField("domain")]
    base_form_class = LifeDomainPageForm

    parent_page_types = ["home.LifeDomainIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("levensdomein")
        verbose_name_plural = _("levensdomeinen")

    @property
    def icon_template(self):
        return icon_template(self.domain)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        source = self.source_page
        context["dutch_version"] = source if source is not None and source.pk != self.pk else None
        if context["dutch_version"] and request.GET.get("beside") == SOURCE_LANGUAGE:
            context["beside"] = blocks_beside(self.body, source.body)
        return context


def blocks_beside(translated_body, source_body):
    """Pairs (translated block, Dutch block) matched on block id, in reading order.

    Translations keep the ids of the Dutch blocks; a block only one side has is paired
    with None.
    """
    source_by_id = {block.id: block for block in source_body}
    pairs, seen = [], set()
    for block in translated_body:
        source_block = source_by_id.get(block.id)
        if source_block is not None:
            seen.add(block.id)
        pairs.append((block, source_block))
    pairs.extend((None, block) for block in source_body if block.id not in seen)
    return pairs


class PartnerDirectoryPage(PortalSectionPage):
    """The directory of partners and services, filterable by life domain."""

    subpage_types = []

    class Meta:
        verbose_name = _("partnergids")

    def get_context(self, request, *args, **kwargs):
        from portal.municipalities import municipality_for_request

        context = super().get_context(request, *args, **kwargs)
        municipality = municipality_for_request(request)
        partners = Partner.objects.for_municipality(municipality).filter(
            locale__language_code=SOURCE_LANGUAGE
        ).order_by("name")
        domain = request.GET.get("domain", "")
        if domain not in dict(LIFE_DOMAINS):
            domain = ""
        # Filtered here, not in SQL: JSON "contains" does not exist on SQLite (the demo),
        # and a municipality has tens of partners, not thousands.
        context["partners"] = localized_objects(
            partner for partner in partners if not domain or domain in partner.life_domains
        )
        context["domain_filter"] = domain
        context["domain_choices"] = LIFE_DOMAINS
        return context


class StatementPage(PortalPage):
    """A statement every portal must have (privacy, accessibility), one of each per home.

    Without an own text the page shows the default text of its template. That text comes
    from the interface translations, so it reads in every offered language without a
    page translation and without the "not translated" notice.
    """

    body = RichTextField(
        _("eigen tekst"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        help_text=_(
            "Laat leeg om de standaardtekst te tonen; die bestaat in elke taal. "
            "Een eigen tekst vervangt de standaardtekst volledig."
        ),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    search_fields = [*Page.search_fields, index.SearchField("body")]

    class Meta:
        abstract = True

    @property
    def has_own_text(self):
        """True when an editor wrote the text; the default text is translated by gettext."""
        return bool(strip_tags(self.body).strip())

    def get_context(self, request, *args, **kwargs):
        from django.utils.translation import get_language

        from home.translation_status import municipality_of_page

        context = super().get_context(request, *args, **kwargs)
        context["statement_municipality"] = municipality_of_page(self) or context.get(
            "municipality"
        )
        # Contact data, dates and the status are facts: those of the Dutch page count, so
        # that a translation never shows an old address.
        context["facts"] = self.source_page or self
        # Texts an editor typed stay in the page's language: marked so for screen readers.
        context["editor_text_language"] = (
            self.locale.language_code if self.locale.language_code != get_language() else ""
        )
        return context


class PrivacyStatementPage(StatementPage):
    """What the portal keeps about people, why, how long, and their rights."""

    controller = models.CharField(
        _("verwerkingsverantwoordelijke"),
        max_length=200,
        blank=True,
        help_text=_("Leeg: de gemeente zelf, met haar adres."),
    )
    dpo_service = models.CharField(
        _("naam van de dienst"),
        max_length=150,
        blank=True,
        help_text=_("Bv. 'Functionaris voor gegevensbescherming'. Leeg: die benaming."),
    )
    dpo_email = models.EmailField(
        _("e-mailadres"), blank=True, help_text=_("Leeg: het e-mailadres van de gemeente.")
    )
    dpo_phone = models.CharField(
        _("telefoon"), max_length=30, blank=True,
        help_text=_("Leeg: het telefoonnummer van de gemeente."),
    )
    last_reviewed = models.DateField(_("laatst nagekeken op"), null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("controller"),
        MultiFieldPanel(
            [FieldPanel("dpo_service"), FieldPanel("dpo_email"), FieldPanel("dpo_phone")],
            heading=_("Functionaris voor gegevensbescherming"),
        ),
        FieldPanel("last_reviewed"),
        FieldPanel("body"),
    ]
    edit_handler = portal_edit_handler(content_panels)
    override_translatable_fields = [SynchronizedField("dpo_phone")]
    template = "home/statement_privacy.html"

    class Meta:
        verbose_name = _("privacyverklaring")


class AccessibilityStatementPage(StatementPage):
    """How accessible the portal is (WCAG 2.1 AA), what is not yet, and where to report it."""

    conformance = models.CharField(
        _("nalevingsstatus"), max_length=10, choices=Conformance, default=Conformance.PARTIAL
    )
    known_limitations = models.TextField(
        _("bekende beperkingen"),
        blank=True,
        help_text=_("Eén beperking per regel. Leeg: de standaardlijst."),
    )
    feedback_email = models.EmailField(
        _("e-mailadres voor meldingen"), blank=True,
        help_text=_("Leeg: het e-mailadres van de gemeente."),
    )
    feedback_phone = models.CharField(
        _("telefoon voor meldingen"), max_length=30, blank=True,
        help_text=_("Leeg: het telefoonnummer van de gemeente."),
    )
    answer_days = models.PositiveSmallIntegerField(_("antwoord binnen (werkdagen)"), default=10)
    statement_date = models.DateField(_("datum van de verklaring"), null=True, blank=True)
    enforcement = models.TextField(
        _("handhavingsprocedure"),
        blank=True,
        help_text=_("Leeg: de standaardtekst over de Vlaamse Ombudsdienst."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("conformance"),
        FieldPanel("statement_date"),
        FieldPanel("known_limitations"),
        MultiFieldPanel(
            [FieldPanel("feedback_email"), FieldPanel("feedback_phone"),
             FieldPanel("answer_days")],
            heading=_("Een probleem melden"),
        ),
        FieldPanel("enforcement"),
        FieldPanel("body"),
    ]
    edit_handler = portal_edit_handler(content_panels)
    override_translatable_fields = [SynchronizedField("feedback_phone")]
    template = "home/statement_accessibility.html"

    class Meta:
        verbose_name = _("toegankelijkheidsverklaring")

    @property
    def limitations(self):
        return [line.strip() for line in self.known_limitations.splitlines() if line.strip()]


class PartnerQuerySet(SearchableQuerySetMixin, MunicipalityOwnedQuerySet):
    def for_municipality(self, municipality):
        if municipality is None:
            return self.none()
        return self.filter(municipality=municipality)


class PartnerKind(models.TextChoices):
    """What a partner mainly does: referrals are counted per kind in the monitoring."""

    DUTCH_CLASSES = "dutch_classes", _("Nederlandse les")
    DUTCH_PRACTICE = "dutch_practice", _("Nederlands oefenen")
    INBURGERING = "inburgering", _("Inburgering en integratie")
    WORK = "work", _("Werk en opleiding")
    WELFARE = "welfare", _("OCMW en welzijn")
    HOUSING = "housing", _("Wonen")
    EDUCATION = "education", _("School en onderwijs")
    CHILDCARE = "childcare", _("Kinderopvang en opgroeien")
    LEISURE = "leisure", _("Vrije tijd")
    HEALTH = "health", _("Gezondheid")
    OTHER = "other", _("Andere")


# Referrals to these count as "referred to Dutch classes or practice".
DUTCH_PARTNER_KINDS = [PartnerKind.DUTCH_CLASSES, PartnerKind.DUTCH_PRACTICE]


class Partner(TranslatableMixin, index.Indexed, models.Model):
    """A partner organisation or service that newcomers can go to.

    Written in Dutch and translated with wagtail-localize; contact details are the same
    in every language and follow the Dutch version.
    """

    municipality = models.ForeignKey(
        "portal.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="partners",
    )
    name = models.CharField(_("naam"), max_length=150)
    kind = models.CharField(_("soort"), max_length=16, choices=PartnerKind,
                            default=PartnerKind.OTHER)
    description = models.TextField(
        _("wat doen ze"), help_text=_("Twee of drie korte zinnen voor nieuwkomers.")
    )
    street_address = models.CharField(_("straat en nummer"), max_length=200, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("plaats"), max_length=100, blank=True)
    opening_hours = models.TextField(_("openingsuren"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    website = models.URLField(_("website"), blank=True)
    life_domains = LifeDomainsField(_("levensdomeinen"), blank=True)
    languages = SpokenLanguagesField(
        _("talen die er gesproken worden"), blank=True
    )
    accessibility = models.TextField(
        _("toegankelijkheid"),
        blank=True,
        help_text=_("Bv. rolstoeltoegankelijk, lift, tolk op afspraak, stille ruimte."),
    )

    objects = PartnerQuerySet.as_manager()
    base_form_class = PartnerForm

    panels = [
        FieldPanel("municipality"),
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("postal_code"),
                FieldPanel("city"),
                FieldPanel("opening_hours"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
            ],
            heading=_("Adres en contact"),
        ),
        FieldPanel("life_domains"),
        FieldPanel("languages"),
        FieldPanel("accessibility"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.SearchField("city"),
        index.FilterField("municipality"),
        index.FilterField("locale"),
    ]
    # Contact data are facts, not text: the same in every language.
    SHARED_FIELDS = [
        "municipality", "kind", "street_address", "postal_code", "city", "phone", "email",
        "website", "life_domains", "languages",
    ]
    override_translatable_fields = [SynchronizedField(name) for name in SHARED_FIELDS]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.locale.language_code == SOURCE_LANGUAGE:
            translations = Partner.objects.filter(translation_key=self.translation_key).exclude(
                pk=self.pk
            )
            translations.update(**{name: getattr(self, name) for name in self.SHARED_FIELDS})
            for translation in translations:  # update() skips the search index
                index.insert_or_update_object(translation)

    @property
    def full_address(self):
        return ", ".join(
            part for part in [self.street_address, f"{self.postal_code} {self.city}".strip()]
            if part
        )

    @property
    def map_url(self):
        """A plain link to the address on OpenStreetMap: no embed, no tracking."""
        from urllib.parse import urlencode

        if not self.full_address:
            return ""
        return "https://www.openstreetmap.org/search?" + urlencode({"query": self.full_address})

    @property
    def telephone_link(self):
        return telephone_link(self.phone)


def life_domain_tiles(home, request):
    """The life domains of a portal, in the editors' order, each in the reader's language.

    Domains not translated yet are listed with the Dutch page. A fixed number of
    queries, however many domains there are.
    """
    if home is None:
        return []
    source_home = home.source_page or home
    index_page = (
        LifeDomainIndexPage.objects.live().child_of(source_home).first()
    )
    if index_page is None:
        return []
    domains = (
        LifeDomainPage.objects.live().child_of(index_page).order_by("path").select_related("locale")
    )
    return [
        {
            "page": page,
            "url": reader_url(page, request),
            "icon": page.icon_template,
            "in_dutch": page.shown_in_source,
        }
        for page in live_localized_pages(domains, LifeDomainPage)
    ]

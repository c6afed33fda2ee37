"""Demo portals for the fictional municipalities: pages, partners and translations.

The texts live in home/demo_content/: nl.json is the Dutch source, en/fr/ar/uk.json its
translations (same structure), partners.json what is not translated: each partner's
kind (counted in the monitoring) and contact data.
Other languages stay untranslated on purpose, to show the fallback to Dutch.
"""

import json
import uuid
from io import BytesIO
from pathlib import Path

from django.core.files.images import ImageFile
from django.utils.text import slugify
from django.utils.translation import override
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from home.models import HomePage, LifeDomainIndexPage, LifeDomainPage, Partner, PartnerDirectoryPage
from home.services import create_portal, editor_group
from home.statements import STATEMENTS, statement_models
from portal.languages import SOURCE_LANGUAGE
from portal.models import Municipality

CONTENT_DIR = Path(__file__).parent / "demo_content"
TRANSLATED_LANGUAGES = ["en", "fr", "ar", "uk"]

PORTALS = {
    # slug: hostname, default site, life domains in the order the municipality chose
    "heidebeek": ("heidebeek.localhost", True, [
        "dutch", "work", "housing", "education", "childcare", "leisure", "health",
        "administration", "waste", "inburgering", "mobility",
    ]),
    "linderode": ("linderode.localhost", False, [
        "dutch", "childcare", "education", "work", "housing", "health", "administration",
        "inburgering", "leisure", "waste",
    ]),
}
# Changed in Dutch after it was translated: shows "outdated" in the translation status.
CHANGED_AFTER_TRANSLATION = ("heidebeek", "housing")


def load():
    _remove_wagtail_welcome_page()
    content = {code: _read(code) for code in [SOURCE_LANGUAGE, *TRANSLATED_LANGUAGES]}
    partner_data = json.loads((CONTENT_DIR / "partners.json").read_text(encoding="utf-8"))
    lines = ["", "Demo portals:"]
    for slug, (hostname, is_default, domains) in PORTALS.items():
        municipality = Municipality.objects.get(slug=slug)
        create_portal(municipality, hostname=hostname, is_default_site=is_default)
        home = HomePage.objects.get(pk=municipality.site.root_page_id)
        if not LifeDomainIndexPage.objects.child_of(home).exists():
            DemoPortal(municipality, home, content, partner_data, domains).build()
        address = "http://127.0.0.1:8000/ and " if is_default else ""
        lines.append(f"  {municipality.name:<12} {address}http://{hostname}:8000/")
    redacteur = _demo_editor()
    if redacteur is not None:
        for municipality in Municipality.objects.filter(slug__in=PORTALS):
            redacteur.groups.add(editor_group(municipality))
    return lines


def _read(language):
    return json.loads((CONTENT_DIR / f"{language}.json").read_text(encoding="utf-8"))


def _demo_editor():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username="redacteur").first()


class DemoPortal:
    """Builds one municipality's portal in Dutch, then its translations."""

    def __init__(self, municipality, home, content, partner_data, domains):
        self.municipality = municipality
        self.home = home
        self.content = content
        self.partner_data = {
            key: data for key, data in partner_data.items()
            if municipality.slug in data["municipalities"]
        }
        self.domains = domains
        self.languages = [
            code for code in TRANSLATED_LANGUAGES if municipality.offers(code)
        ]

    def text(self, value):
        """Fill in the municipality's name wherever the texts say {gemeente}."""
        if isinstance(value, str):
            return value.replace("{gemeente}", self.municipality.name)
        if isinstance(value, list):
            return [self.text(item) for item in value]
        if isinstance(value, dict):
            return {key: self.text(item) for key, item in value.items()}
        return value

    def build(self):
        nl = self.content[SOURCE_LANGUAGE]
        self.partners = self.build_partners(nl)
        self.fill_home(self.home, nl)
        publish(self.home)
        index = add_page(self.home, LifeDomainIndexPage(
            slug="leven", show_in_menus=True, **self.index_fields(nl)))
        domain_pages = [
            add_page(index, LifeDomainPage(
                slug=slugify(nl["domains"][code]["title"]), domain=code,
                **self.domain_fields(nl, code, block_ids=None)))
            for code in self.domains
        ]
        directory = add_page(self.home, PartnerDirectoryPage(
            slug="partners", show_in_menus=True, **self.directory_fields(nl)))

        for language in self.languages:
            locale = Locale.objects.get(language_code=language)
            text = self.content[language]
            self.translate_partners(text, locale)
            home = self.home.copy_for_translation(locale)
            self.fill_home(home, text)
            publish(home)
            for page, fields in [
                (index, self.index_fields(text)),
                (directory, self.directory_fields(text)),
            ]:
                publish(update(page.copy_for_translation(locale), fields))
            for page in domain_pages:
                block_ids = [block.id for block in page.body]
                fields = self.domain_fields(text, page.domain, block_ids=block_ids)
                publish(update(page.copy_for_translation(locale), fields))

            self.translate_statements(locale)

        if self.municipality.slug == CHANGED_AFTER_TRANSLATION[0]:
            # Published again after the translations: they now count as outdated.
            publish(next(p for p in domain_pages if p.domain == CHANGED_AFTER_TRANSLATION[1]))

    def translate_statements(self, locale):
        """Translated statements without an own text: only the title is theirs, the text
        comes from the interface translations (as in every language not translated here)."""
        for kind, model in statement_models().items():
            page = model.objects.child_of(self.home).first()
            if page is None or page.get_translation_or_none(locale) is not None:
                continue
            translation = page.copy_for_translation(locale)
            with override(locale.language_code):
                translation.title = str(STATEMENTS[kind][2])
            publish(translation)

    def fill_home(self, home, text):
        data = self.text(text["home"])
        home.introduction = data["introduction"]
        home.opening_hours = data["opening_hours"]
        home.tiles_heading = data["tiles_heading"]
        home.call_to_action_heading = data["cta_heading"]
        home.call_to_action_text = data["cta_text"]
        home.call_to_action_link_text = data["cta_link_text"]
        if home.image_id is None:
            home.image = self.home.image or illustration(self.municipality.name)

    def index_fields(self, text):
        data = self.text(text["index"])
        return {"title": data["title"], "introduction": data["introduction"]}

    def directory_fields(self, text):
        data = self.text(text["directory"])
        return {"title": data["title"], "introduction": data["introduction"]}

    def domain_fields(self, text, code, *, block_ids):
        data = self.text(text["domains"][code])
        body = []
        for position, block in enumerate(data["body"]):
            value = block["value"]
            if block["type"] == "partners":
                value = {
                    "heading": value["heading"],
                    "partners": [self.partners[key].pk for key in value["partners"]
                                 if key in self.partners],
                }
            block_id = block_ids[position] if block_ids else str(uuid.uuid4())
            body.append({"type": block["type"], "value": value, "id": block_id})
        return {"title": data["title"], "summary": data["summary"], "body": json.dumps(body)}

    def build_partners(self, nl):
        partners = {}
        locale = Locale.objects.get(language_code=SOURCE_LANGUAGE)
        for key, data in self.partner_data.items():
            texts = self.text(nl["partners"][key])
            partners[key] = Partner.objects.create(
                locale=locale,
                municipality=self.municipality,
                name=texts["name"],
                kind=data["kind"],
                description=texts["description"],
                opening_hours=texts["opening_hours"],
                accessibility=texts["accessibility"],
                street_address=data["street_address"],
                postal_code=data["postal_code"],
                city=data["city"],
                phone=data["phone"],
                email=data["email"],
                website=data["website"],
                life_domains=data["life_domains"],
                languages=data["languages"],
            )
        return partners

    def translate_partners(self, text, locale):
        for key, partner in self.partners.items():
            translation = partner.copy_for_translation(locale)
            for field, value in self.text(text["partners"][key]).items():
                setattr(translation, field, value)
            translation.save()


def add_page(parent, page):
    parent.add_child(instance=page)
    return publish(page)


def update(page, fields):
    for name, value in fields.items():
        setattr(page, name, value)
    return page


def publish(page):
    page.save_revision().publish()
    return page


def illustration(name):
    """A simple drawn landscape for the home page: fields, a road and a town hall."""
    from PIL import Image as PillowImage
    from PIL import ImageDraw

    width, height = 1200, 675
    picture = PillowImage.new("RGB", (width, height), "#cfe6f5")
    draw = ImageDraw.Draw(picture)
    draw.ellipse((920, 60, 1060, 200), fill="#f6c445")
    draw.polygon([(0, 430), (350, 300), (700, 420), (1200, 320), (1200, 675), (0, 675)],
                 fill="#7cb36b")
    draw.polygon([(0, 520), (500, 430), (1200, 500), (1200, 675), (0, 675)], fill="#5e9a52")
    draw.polygon([(520, 675), (600, 470), (640, 470), (760, 675)], fill="#9a9a9a")
    draw.rectangle((450, 250, 700, 470), fill="#e9dcc5")
    draw.polygon([(430, 255), (575, 160), (720, 255)], fill="#a34a3a")
    draw.rectangle((555, 380, 600, 470), fill="#6b4a2f")
    for x in (475, 625):
        draw.rectangle((x, 290, x + 50, 340), fill="#7fb4d8")
    buffer = BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    image = get_image_model()(title=f"{name}: illustratie")
    image.file = ImageFile(buffer, name=f"{slugify(name)}-illustratie.jpg")
    image.save()
    return image


def _remove_wagtail_welcome_page():
    """Wagtail's first migration makes a placeholder site and page; the demo replaces them."""
    Site.objects.filter(municipality__isnull=True).delete()
    Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()

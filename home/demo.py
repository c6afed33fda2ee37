"""Demo portals for the fictional municipalities."""

from home.services import create_portal
from portal.models import Municipality

PORTALS = {
    # slug: (hostname, default site)
    "heidebeek": ("heidebeek.localhost", True),
    "linderode": ("linderode.localhost", False),
}

INTRODUCTIONS = {
    "heidebeek": (
        "Welkom in Heidebeek! U woont hier nog maar pas. Op deze website vindt u wat u "
        "de eerste maanden nodig hebt: Nederlands leren, werk, wonen, school en vrije tijd. "
        "Hebt u een vraag? Vraag een gratis onthaalgesprek aan."
    ),
    "linderode": (
        "Welkom in Linderode! Nieuw in onze gemeente? Hier leest u waar u terecht kunt "
        "voor taallessen, werk, een woning, kinderopvang en school. Wij helpen u graag "
        "op weg, ook in uw eigen taal."
    ),
}


def load():
    _remove_wagtail_welcome_page()
    lines = ["", "Demo portals:"]
    # The default site first, so that `Site` matching is settled before the second one.
    for slug, (hostname, is_default) in PORTALS.items():
        municipality = Municipality.objects.get(slug=slug)
        create_portal(
            municipality,
            hostname=hostname,
            is_default_site=is_default,
            introduction=INTRODUCTIONS[slug],
        )
        address = "http://127.0.0.1:8000/ and " if is_default else ""
        lines.append(f"  {municipality.name:<12} {address}http://{hostname}:8000/")
    return lines


def _remove_wagtail_welcome_page():
    """Wagtail's first migration makes a placeholder site and page; the demo replaces them."""
    from wagtail.models import Page, Site

    Site.objects.filter(municipality__isnull=True).delete()
    Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()

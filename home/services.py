"""Setting up the portal of a municipality: its home page and its Wagtail site."""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from portal.languages import SOURCE_LANGUAGE


@transaction.atomic
def create_portal(municipality, *, hostname, port=80, is_default_site=False, introduction=""):
    """Give a municipality a Dutch home page and a site for it; reuses what already exists."""
    if municipality.site_id:
        return municipality.site
    root = Page.get_first_root_node()
    locale = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    home = (
        HomePage.objects.child_of(root).filter(locale=locale, slug=municipality.slug).first()
    )
    if home is None:
        home = root.add_child(
            instance=HomePage(
                title=municipality.name,
                slug=municipality.slug,
                locale=locale,
                introduction=introduction,
            )
        )
        home.save_revision().publish()
    site, _created = Site.objects.update_or_create(
        hostname=hostname,
        port=port,
        defaults={
            "root_page": home,
            "site_name": municipality.name,
            "is_default_site": is_default_site,
        },
    )
    municipality.site = site
    municipality.save(update_fields=["site"])
    return site

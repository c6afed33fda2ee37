from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from portal.scoping import MunicipalityScopedForm


class LifeDomainPageForm(WagtailAdminPageForm):
    """A portal has at most one page per life domain."""

    def clean_domain(self):
        domain = self.cleaned_data.get("domain")
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        if domain and parent is not None:
            siblings = type(self.instance).objects.child_of(parent).filter(domain=domain)
            if self.instance.pk:
                siblings = siblings.exclude(pk=self.instance.pk)
            existing = siblings.first()
            if existing is not None:
                raise ValidationError(
                    _("Dit portaal heeft al een pagina voor dit levensdomein: “%(title)s”."),
                    code="duplicate_domain",
                    params={"title": existing.title},
                )
        return domain


class PartnerForm(MunicipalityScopedForm):
    """Editors only choose among the municipalities they work for."""

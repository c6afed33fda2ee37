from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm


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


class PartnerForm(WagtailAdminModelForm):
    """Editors only choose among the municipalities they work for."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "municipality" in self.fields and self.for_user is not None:
            from portal.models import Municipality

            field = self.fields["municipality"]
            field.queryset = Municipality.objects.for_user(self.for_user)
            if field.queryset.count() == 1 and not self.instance.pk:
                field.initial = field.queryset.first().pk

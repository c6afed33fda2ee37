"""Forms of the new-resident list: upload, column mapping, letters."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backoffice.inflow.columns import FIELDS
from backoffice.inflow.reading import UnreadableFile, read_table
from portal.languages import LANGUAGES
from portal.models import Municipality
from portal.scoping import offer_municipalities

ALLOWED_EXTENSIONS = (".csv", ".txt", ".xlsx")


class UploadForm(forms.Form):
    municipality = forms.ModelChoiceField(label=gettext_lazy("Gemeente"), queryset=None)
    file = forms.FileField(
        label=gettext_lazy("Lijst van nieuwe inwoners"),
        help_text=gettext_lazy(
            "CSV (met puntkomma of komma, UTF-8 of Windows-1252) of XLSX, hoogstens 15 MB. "
            "Het bestand wordt na het inlezen niet bewaard."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        offer_municipalities(self.fields["municipality"], Municipality.objects.for_user(user))
        self.fields["file"].widget.attrs["accept"] = ",".join(ALLOWED_EXTENSIONS)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(ALLOWED_EXTENSIONS):
            raise forms.ValidationError(_("Kies een CSV- of XLSX-bestand."))
        try:
            self.table = read_table(upload.name, upload.read())
        except UnreadableFile as problem:
            raise forms.ValidationError(str(problem)) from None
        return upload


class MappingForm(forms.Form):
    """One choice per field: which column of this file holds it."""

    def __init__(self, *args, headers, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("— niet in dit bestand —")), *((h, h) for h in headers)]
        for field in FIELDS:
            self.fields[field.name] = forms.ChoiceField(
                label=field.label, choices=choices, required=field.required,
                error_messages={"required": _("Kies de kolom met dit gegeven.")},
            )

    def clean(self):
        cleaned = super().clean()
        seen = {}
        for name, header in cleaned.items():
            if not header:
                continue
            if header in seen:
                self.add_error(name, _("Deze kolom is al gekozen voor “%(field)s”.")
                               % {"field": self.fields[seen[header]].label})
            seen.setdefault(header, name)
        return cleaned

    def mapping(self):
        return {name: header for name, header in self.cleaned_data.items() if header}


class LetterForm(forms.Form):
    language = forms.ChoiceField(
        label=gettext_lazy("Tweede taal naast het Nederlands"),
        choices=LANGUAGES,
        initial="ar",
        help_text=gettext_lazy("Kies Nederlands voor een brief in één taal."),
    )


def period_form(request):
    """The period form bound to the query string, or to last month when none is given."""
    last_month = timezone.localdate().replace(day=1) - timedelta(days=1)
    data = request.GET if "kind" in request.GET else {
        "kind": "month", "year": last_month.year, "part": last_month.month}
    return PeriodForm(data, user=request.user)


class PeriodForm(forms.Form):
    """A month, quarter or year, for one municipality or for all of the user's (the cluster)."""

    KINDS = [("month", gettext_lazy("Maand")), ("quarter", gettext_lazy("Kwartaal")),
             ("year", gettext_lazy("Jaar"))]

    municipality = forms.ModelChoiceField(
        label=gettext_lazy("Gemeente"), queryset=None, required=False,
        empty_label=gettext_lazy("Alle gemeenten samen"),
    )
    kind = forms.ChoiceField(label=gettext_lazy("Periode"), choices=KINDS, initial="month")
    year = forms.IntegerField(label=gettext_lazy("Jaar"), min_value=1990, max_value=2100)
    part = forms.IntegerField(
        label=gettext_lazy("Maand of kwartaal"), min_value=1, max_value=12, required=False,
        help_text=gettext_lazy("1 tot 12 voor een maand, 1 tot 4 voor een kwartaal."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        offer_municipalities(self.fields["municipality"], Municipality.objects.for_user(user),
                             preselect=False)

    def clean(self):
        cleaned = super().clean()
        kind, part = cleaned.get("kind"), cleaned.get("part")
        if kind in ("month", "quarter") and not part:
            self.add_error("part", _("Kies de maand of het kwartaal."))
        elif kind == "quarter" and part and part > 4:
            self.add_error("part", _("Een jaar heeft vier kwartalen."))
        return cleaned

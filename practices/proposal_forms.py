"""Public forms about an existing fiche: "we do this too", a proposed change, a question to a
municipality that applies it. And the correction of an adoption (for the status page)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Fieldset, Layout, Submit
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.forms import ProtectedForm, TextField
from practices.models import Province
from practices.proposals import ENTRY_FIELDS, SECTIONS, already_listed

LONG_TEXT = 4000
ROBOT_FIELDS = [
    Div("website", css_class="contact-field-for-robots", aria_hidden="true"),
    "started",
    "submission_key",
]


def province_field(label):
    return forms.ChoiceField(
        label=label, choices=[("", _("Kies een provincie")), *Province.choices]
    )


def email_field(label, help_text=""):
    return forms.EmailField(
        label=label, max_length=254, help_text=help_text,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )


def form_helper(*parts, button=None):
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.layout = Layout(*parts, *([Submit("send", button)] if button else []))
    return helper


class EntryForm(forms.Form):
    """How a municipality applies the fiche: what an accepted adoption adds to it.

    ProtectedForm already uses "website" for robots, so the web page is "webpage" here."""

    municipality_name = TextField(label=_("Naam van uw gemeente"), max_length=100)
    province = province_field(_("Provincie"))
    description = TextField(
        label=_("Hoe doet uw gemeente het?"), max_length=LONG_TEXT, multiline=True,
        help_text=_("Wat doet u, met wie, voor wie, en wat valt op?"),
    )
    partners = TextField(
        label=_("Partners (niet verplicht)"), required=False, max_length=LONG_TEXT,
        multiline=True,
    )
    webpage = forms.URLField(
        label=_("Webpagina over uw aanpak (niet verplicht)"), required=False, max_length=200,
        assume_scheme="https", widget=forms.URLInput(attrs={"dir": "ltr"}),
    )
    contact_email = email_field(
        _("Functioneel e-mailadres voor de fiche"),
        _("Een dienstadres zoals onthaal@gemeente.be, geen persoonlijk adres. Het wordt niet "
          "getoond: lezers schrijven u via een formulier."),
    )

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page

    def clean_municipality_name(self):
        name = self.cleaned_data["municipality_name"]
        if already_listed(self.page, name):
            raise forms.ValidationError(
                gettext("%(name)s staat al bij deze fiche.") % {"name": name},
                code="duplicate",
            )
        return name

    def entry_data(self):
        """The Submission fields of the entry, from the cleaned data."""
        data = dict(self.cleaned_data)
        data["website"] = data.pop("webpage", "")
        return {name: data.get(name, "") for name in ENTRY_FIELDS}


class AdoptionForm(ProtectedForm, EntryForm):
    """"Wij doen dit ook": a municipality that applies the fiche asks to be listed."""

    sender_name = TextField(label=_("Uw naam"), max_length=150,
                            widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = email_field(
        _("Uw functioneel e-mailadres"),
        _("Hierop krijgt u het antwoord van de moderator."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Fieldset(gettext("Uw gemeente en haar aanpak"), "municipality_name", "province",
                     "description", "partners", "webpage", "contact_email"),
            Fieldset(gettext("Over u"), "sender_name", "email"),
            *ROBOT_FIELDS,
            button=gettext("Versturen"),
        )

    def submission_data(self):
        return {**self.entry_data(), "sender_name": self.cleaned_data["sender_name"],
                "email": self.cleaned_data["email"]}


class AdoptionCorrectionForm(EntryForm):
    """The sender corrects an adoption after a moderator asked for changes (status page).

    Use with `page=submission.page` and `initial=correction_initial(submission)`; pass
    entry_data() to practices.proposals.resubmit_adoption."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            "municipality_name", "province", "description", "partners", "webpage",
            "contact_email", button=gettext("Aangepast voorstel versturen"),
        )


def correction_initial(submission):
    initial = {name: getattr(submission, name) for name in ENTRY_FIELDS}
    initial["webpage"] = initial.pop("website")
    return initial


class ChangeForm(ProtectedForm):
    """"Wijziging voorstellen": a correction, an update or a remark about a fiche."""

    section = forms.ChoiceField(
        label=_("Over welk deel van de fiche gaat het?"),
        choices=[("", _("Kies een deel")), *SECTIONS],
    )
    message = TextField(
        label=_("Uw voorstel of opmerking"), max_length=LONG_TEXT, multiline=True,
        help_text=_("Schrijf de nieuwe tekst, of wat er niet meer klopt en waarom."),
    )
    sender_name = TextField(label=_("Uw naam"), max_length=150,
                            widget=forms.TextInput(attrs={"autocomplete": "name"}))
    municipality_name = TextField(label=_("Uw gemeente of organisatie"), max_length=100)
    province = province_field(_("Provincie"))
    email = email_field(
        _("Uw functioneel e-mailadres"),
        _("Hierop krijgt u het antwoord van de moderator."),
    )

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.helper = form_helper(
            Fieldset(gettext("Uw voorstel"), "section", "message"),
            Fieldset(gettext("Over u"), "sender_name", "municipality_name", "province",
                     "email"),
            *ROBOT_FIELDS,
            button=gettext("Versturen"),
        )

    def submission_data(self):
        names = ["section", "message", "sender_name", "municipality_name", "province", "email"]
        return {name: self.cleaned_data[name] for name in names}


class ContactForm(ProtectedForm):
    """A question to a municipality that applies the fiche; it goes to their functional
    address, which the reader never sees."""

    name = TextField(label=_("Uw naam"), max_length=150,
                     widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = email_field(
        _("Uw e-mailadres voor het antwoord"),
        _("De gemeente antwoordt u rechtstreeks op dit adres."),
    )
    organisation = TextField(label=_("Uw gemeente of organisatie"), max_length=150)
    message = TextField(label=_("Uw vraag"), max_length=LONG_TEXT, multiline=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            "name", "email", "organisation", "message", *ROBOT_FIELDS,
            button=gettext("Vraag versturen"),
        )

    def message_data(self):
        return {name: self.cleaned_data[name]
                for name in ["name", "email", "organisation", "message"]}

"""The newcomer's forms: the request itself, adding information, cancelling."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Fieldset, Layout, Submit
from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField

from appointments.choices import (
    CONTACT_METHODS,
    DAY_PARTS,
    MOMENTS,
    WEEKDAYS,
    Channel,
    FilledInBy,
)
from appointments.models import Invitation, Slot
from appointments.services import consent_text
from home.life_domains import LIFE_DOMAINS
from home.statements import PRIVACY, statement_url
from portal.forms import ProtectedForm, TextField
from portal.languages import SPOKEN_LANGUAGES

NOT_SAYING = _("Zeg ik liever niet")


def yes_no_field(label, *, unknown=NOT_SAYING, widget=forms.RadioSelect):
    """Yes, no, or not answered (None): the optional referral indicators."""
    return forms.TypedChoiceField(
        label=label, choices=[("", unknown), ("yes", _("Ja")), ("no", _("Nee"))],
        required=False, widget=widget, empty_value=None,
        coerce=lambda value: {"yes": True, "no": False}.get(value),
    )


def translated(choices):
    return [(code, gettext(name)) for code, name in choices]


class SlotChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, slot):
        start = timezone.localtime(slot.starts_at)
        return f"{date_format(start, 'l j F, H:i')} · {slot.location}"


class RequestForm(ProtectedForm):
    """Ask for a welcome conversation. Every field has a short plain label."""

    name = TextField(label=_("Uw naam"), max_length=150)
    phone = PhoneNumberField(
        label=_("Telefoonnummer"), required=False, region="BE",
        help_text=_("Een Belgisch nummer of een nummer met landcode, bv. +40 712 345 678."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "dir": "ltr"}),
    )
    email = forms.EmailField(
        label=_("E-mailadres"), required=False, max_length=254,
        help_text=_("Geef een telefoonnummer of een e-mailadres, of allebei."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    postal_code = forms.RegexField(
        label=_("Postcode"), regex=r"^\d{4}$", required=False, max_length=4,
        error_messages={"invalid": _("Een Belgische postcode heeft vier cijfers.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
    )
    address = TextField(
        label=_("Adres (als u het al weet)"), required=False, max_length=250,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    arrival_date = forms.DateField(
        label=_("Sinds wanneer woont u hier? (niet verplicht)"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"],
    )
    contact_language = forms.ChoiceField(label=_("In welke taal wilt u praten?"))
    needs_interpreter = forms.BooleanField(label=_("Ik heb een tolk nodig"), required=False)
    topics = forms.MultipleChoiceField(
        label=_("Waarover wilt u praten?"), required=False, widget=forms.CheckboxSelectMultiple
    )
    question = TextField(
        label=_("Uw vraag (niet verplicht)"), required=False, max_length=2000, multiline=True
    )
    dutch_difficult = yes_no_field(_("Is Nederlands praten moeilijk voor u?"))
    works = yes_no_field(_("Werkt u?"))
    has_children = yes_no_field(_("Zijn er kinderen in uw gezin?"))
    preferred_moments = forms.MultipleChoiceField(
        label=_("Wanneer past het u?"), required=False, widget=forms.CheckboxSelectMultiple
    )
    contact_methods = forms.MultipleChoiceField(
        label=_("Hoe mogen we u contacteren?"), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    slot = SlotChoiceField(
        label=_("Kies een moment voor het gesprek (niet verplicht)"), required=False,
        queryset=Slot.objects.none(), widget=forms.RadioSelect,
        empty_label=_("Geen moment: bel of mail mij om af te spreken"),
        error_messages={"invalid_choice": _("Dit moment is niet meer vrij. Kies een ander.")},
    )
    filled_in_by = forms.ChoiceField(
        label=_("Wie vult dit formulier in?"), widget=forms.RadioSelect, initial=FilledInBy.SELF,
    )
    partner_organisation = TextField(
        label=_("Naam van de organisatie"), required=False, max_length=150
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Zonder uw toestemming kunnen we u niet contacteren.")},
    )
    # The code of an invitation letter (from its QR code or short link), if any.
    invitation = forms.CharField(widget=forms.HiddenInput, required=False, max_length=20)

    def __init__(self, *args, municipality, language, topics=None, privacy_url="", **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.fields["consent"].label = consent_text(municipality)
        # The label is the whole consent text: the error summary names it shortly.
        self.fields["consent"].summary_label = gettext("Toestemming")
        self.fields["contact_language"].choices = translated(SPOKEN_LANGUAGES)
        self.fields["contact_language"].initial = language
        self.fields["topics"].choices = translated(
            [(code, name) for code, name in LIFE_DOMAINS if topics is None or code in topics]
        )
        self.fields["preferred_moments"].choices = translated_moments()
        self.fields["contact_methods"].choices = translated(CONTACT_METHODS)
        self.fields["filled_in_by"].choices = FilledInBy.choices
        self.fields["slot"].queryset = Slot.objects.bookable(municipality)
        # Only on a fresh form: a sent form keeps the field, so that a chosen slot that was
        # taken meanwhile (even the last one) gets its error instead of being dropped.
        if not self.is_bound and not self.fields["slot"].queryset.exists():
            del self.fields["slot"]
        # The municipality's own notice elsewhere, else the portal's privacy page.
        privacy_url = privacy_url or statement_url(municipality, PRIVACY)
        if privacy_url:
            self.fields["consent"].help_text = format_html(
                '<a href="{}">{}</a>', privacy_url, gettext("Lees hoe we uw gegevens bewaren")
            )
        self.helper = self.build_helper()

    def build_helper(self):
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        parts = [
            Fieldset(gettext("Over u"), "name", "phone", "email", "postal_code", "address",
                     "arrival_date"),
            Fieldset(gettext("Het gesprek"), "contact_language", "needs_interpreter", "topics",
                     "question"),
            Fieldset(gettext("Een paar vragen (niet verplicht)"), "dutch_difficult", "works",
                     "has_children"),
            Fieldset(gettext("Wanneer en hoe"), *(["slot"] if "slot" in self.fields else []),
                     Div("preferred_moments", css_class="moments"), "contact_methods"),
            Fieldset(gettext("Wie vult in"), "filled_in_by", "partner_organisation"),
            Fieldset(gettext("Toestemming"), "consent"),
            Div("website", css_class="contact-field-for-robots", aria_hidden="true"),
            "started",
            "submission_key",
            "invitation",
            Submit("send", gettext("Aanvraag versturen"), css_class="btn-lg"),
        ]
        helper.layout = Layout(*parts)
        return helper

    def clean_invitation(self):
        """The letter this request answers; an unknown or mistyped code is simply ignored."""
        code = Invitation.clean_code(self.cleaned_data.get("invitation"))
        if not code:
            return None
        return Invitation.objects.filter(code=code, municipality=self.municipality).first()

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("phone") and not cleaned.get("email") and not (
            self.errors.get("phone") or self.errors.get("email")
        ):
            self.add_error("phone", gettext("Geef een telefoonnummer of een e-mailadres."))
        if cleaned.get("filled_in_by") == FilledInBy.PARTNER and not cleaned.get(
            "partner_organisation"
        ):
            self.add_error(
                "partner_organisation", gettext("Welke organisatie vult dit formulier in?")
            )
        return cleaned

    def request_fields(self):
        """The model fields of AppointmentRequest, from the cleaned data."""
        data = self.cleaned_data
        phone = data.get("phone")
        return {
            "name": data["name"],
            "phone": phone.as_e164 if phone else "",
            "email": data.get("email", ""),
            "postal_code": data.get("postal_code", ""),
            "address": data.get("address", ""),
            "arrival_date": data.get("arrival_date"),
            "contact_language": data["contact_language"],
            "needs_interpreter": data.get("needs_interpreter", False),
            "topics": data.get("topics", []),
            "question": data.get("question", ""),
            "dutch_difficult": data.get("dutch_difficult"),
            "works": data.get("works"),
            "has_children": data.get("has_children"),
            "preferred_moments": data.get("preferred_moments", []),
            "contact_methods": data.get("contact_methods", []),
            "filled_in_by": data["filled_in_by"],
            "partner_organisation": data.get("partner_organisation", ""),
            **letter_fields(data.get("invitation")),
        }


def letter_fields(invitation):
    """A request that answers an invitation letter is counted under the letter channel."""
    if invitation is None:
        return {}
    return {"invitation": invitation, "channel": Channel.LETTER}


def translated_moments():
    days, parts = dict(WEEKDAYS), dict(DAY_PARTS)
    return [
        (code, f"{gettext(days[code.split('_')[0]])} {gettext(parts[code.split('_')[1]])}")
        for code, _label in MOMENTS
    ]


class AddInformationForm(forms.Form):
    text = TextField(label=_("Wat wilt u toevoegen?"), max_length=2000, multiline=True)


class CancelForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ja, ik wil mijn aanvraag annuleren"),
        error_messages={"required": _("Vink aan dat u wilt annuleren.")},
    )

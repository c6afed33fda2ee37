from datetime import timedelta

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField
from phonenumber_field.formfields import PhoneNumberField

from appointments.choices import Channel, Sex, Status
from appointments.forms import yes_no_field
from appointments.models import ReferralSource, Slot
from backoffice.models import ContactAttempt, Conversation, NeedCategory, Referral
from home.models import Partner
from portal.forms import TextField
from portal.languages import SPOKEN_LANGUAGES
from portal.scoping import offer_municipalities


def yes_no(label):
    return yes_no_field(label, unknown=_("Onbekend"), widget=forms.Select)


class DeskRegistrationForm(forms.Form):
    """A person met at the desk or referred: registered in under a minute."""

    municipality = forms.ModelChoiceField(label=_("Gemeente"), queryset=None)
    name = TextField(label=_("Naam"), max_length=150)
    birth_year = forms.IntegerField(label=_("Geboortejaar"), required=False, min_value=1900,
                                    max_value=2100)
    phone = PhoneNumberField(label=_("Telefoon"), required=False, region="BE")
    email = forms.EmailField(label=_("E-mail"), required=False)
    contact_language = forms.ChoiceField(label=_("Contacttaal"), choices=SPOKEN_LANGUAGES,
                                         initial="nl")
    nationality = LazyTypedChoiceField(label=_("Nationaliteit"), required=False,
                                       choices=[("", _("Onbekend")), *countries])
    sex = forms.ChoiceField(label=_("Geslacht"), required=False,
                            choices=[("", _("Onbekend")), *Sex.choices])
    needs_interpreter = forms.BooleanField(label=_("Tolk nodig"), required=False)
    dutch_difficult = yes_no(_("Nederlands moeilijk"))
    works = yes_no(_("Werkt"))
    has_children = yes_no(_("Kinderen in het gezin"))
    channel = forms.ChoiceField(
        label=_("Kanaal"),
        choices=[(c.value, c.label) for c in Channel if c != Channel.ONLINE],
        initial=Channel.DESK,
    )
    referral_source = forms.ModelChoiceField(
        label=_("Doorverwezen door"), required=False,
        queryset=ReferralSource.objects.filter(archived=False),
    )
    question = TextField(label=_("Vraag"), required=False, max_length=2000, multiline=True)
    consent = forms.BooleanField(
        label=_("De persoon gaat akkoord dat we de gegevens bewaren om contact op te nemen."),
        error_messages={"required": _("Zonder toestemming registreren we niemand.")},
    )
    confirm_duplicates = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        offer_municipalities(self.fields["municipality"], municipalities)

    def request_fields(self):
        data = self.cleaned_data
        return {
            "name": data["name"], "birth_year": data.get("birth_year"),
            "phone": data["phone"].as_e164 if data.get("phone") else "",
            "email": data.get("email", ""), "contact_language": data["contact_language"],
            "nationality": data.get("nationality", ""), "sex": data.get("sex", ""),
            "needs_interpreter": data.get("needs_interpreter", False),
            "dutch_difficult": data.get("dutch_difficult"), "works": data.get("works"),
            "has_children": data.get("has_children"), "channel": data["channel"],
            "referral_source": data.get("referral_source"),
            "question": data.get("question", ""),
        }


class ContactAttemptForm(forms.Form):
    method = forms.ChoiceField(label=_("Hoe"), choices=ContactAttempt.Method.choices)
    reached = forms.TypedChoiceField(
        label=_("Bereikt?"), choices=[("yes", _("Ja")), ("no", _("Nee"))],
        coerce=lambda value: value == "yes", widget=forms.RadioSelect,
    )
    note = TextField(label=_("Notitie (zonder gevoelige details)"), required=False,
                     max_length=250)


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name() or user.username


class AssignForm(forms.Form):
    assignee = StaffChoiceField(label=_("Toewijzen aan"), queryset=None, required=False)

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = get_user_model().objects.filter(
            is_active=True, municipalities=municipality
        ).order_by("first_name", "username")


class ScheduleForm(forms.Form):
    slot = forms.ModelChoiceField(label=_("Afspraakmoment"), queryset=None)

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        # Staff may book up to the last moment; the public form keeps a notice period.
        self.fields["slot"].queryset = Slot.objects.bookable(municipality, notice=timedelta(0))


class StatusForm(forms.Form):
    """Close, no show, reopen: scheduling and recording a conversation have their own forms."""

    status = forms.ChoiceField(
        label=_("Nieuwe status"),
        choices=[(value, label) for value, label in Status.choices
                 if value not in (Status.SCHEDULED, Status.HELD)],
    )


class ConversationForm(forms.ModelForm):
    needs = forms.ModelMultipleChoiceField(
        label=_("Vragen en noden"), required=False, widget=forms.CheckboxSelectMultiple,
        queryset=NeedCategory.objects.filter(archived=False),
    )
    follow_up_in_six_months = forms.BooleanField(
        label=_("Opvolgen over zes maanden"), required=False
    )

    class Meta:
        model = Conversation
        fields = ["held_on", "duration_minutes", "language", "interpreter_used", "themes",
                  "needs", "needs_text", "follow_up", "follow_up_on"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "follow_up_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("follow_up_in_six_months") and not cleaned.get("follow_up_on"):
            held_on = cleaned.get("held_on")
            if held_on:
                cleaned["follow_up_on"] = held_on + Conversation.DEFAULT_FOLLOW_UP
        if cleaned.get("follow_up") == Conversation.FollowUp.NONE:
            cleaned["follow_up_on"] = None  # nothing to follow up: no date, no reminder
        elif not cleaned.get("follow_up_on"):
            self.add_error("follow_up_on", _("Kies een datum om op te volgen."))
        return cleaned


class ReferralForm(forms.Form):
    partner = forms.ModelChoiceField(label=_("Partner"), queryset=None, required=False)
    purpose = TextField(label=_("Waarvoor"), required=False, max_length=200)

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.filter(
            municipality=municipality, locale__language_code="nl"
        ).order_by("name")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("partner") and not cleaned.get("purpose"):
            self.add_error("purpose", _("Waarvoor verwijst u door?"))
        return cleaned


def referral_formset(data=None, *, municipality):
    ReferralFormSet = forms.formset_factory(ReferralForm, extra=3, max_num=10)
    return ReferralFormSet(data, prefix="referral", form_kwargs={"municipality": municipality})


class ContactDetailsForm(forms.Form):
    name = TextField(label=_("Naam"), max_length=150)
    phone = PhoneNumberField(label=_("Telefoon"), required=False, region="BE")
    email = forms.EmailField(label=_("E-mail"), required=False)
    address = TextField(label=_("Adres"), required=False, max_length=250)
    seen_updated_at = forms.DateTimeField(widget=forms.HiddenInput)


class ReferralStatusForm(forms.Form):
    referral = forms.ModelChoiceField(queryset=None, widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Status"), choices=Referral.Status.choices)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referral"].queryset = Referral.objects.filter(conversation__request=case)


class FollowUpDoneForm(forms.Form):
    conversation = forms.ModelChoiceField(queryset=None, widget=forms.HiddenInput)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["conversation"].queryset = case.conversations.filter(
            follow_up_done_at__isnull=True
        )


class CaseChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, case):
        return f"{case.reference} · {case.name} · {case.municipality} · {case.created_at:%d/%m/%Y}"


class BulkAssignForm(forms.Form):
    """Share out open cases: tick them and choose who takes them."""

    cases = CaseChoiceField(
        label=_("Aanvragen"), queryset=None, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Vink minstens één aanvraag aan.")},
    )
    assignee = StaffChoiceField(label=_("Toewijzen aan"), queryset=None)

    def __init__(self, *args, cases, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cases"].queryset = cases
        self.fields["assignee"].queryset = staff

    def clean(self):
        cleaned = super().clean()
        assignee, chosen = cleaned.get("assignee"), cleaned.get("cases")
        if assignee and chosen:
            theirs = set(assignee.municipalities.values_list("pk", flat=True))
            if any(case.municipality_id not in theirs for case in chosen):
                self.add_error("assignee", _(
                    "Deze medewerker werkt niet voor alle gemeenten van de gekozen aanvragen."
                ))
        return cleaned

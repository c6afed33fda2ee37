"""What every public form shares: clean text, and protection against robots and resending."""

import time
import unicodedata
import uuid

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

STARTED_SALT = "onthaal.form-started"
# Bidirectional overrides can disguise text; they never belong in a name or a question.
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def clean_text(value, *, multiline=False):
    """Text without control characters (new lines kept where allowed) or bidi overrides."""
    value = unicodedata.normalize("NFC", value).translate(BIDI_CONTROLS)
    allowed = {"\n"} if multiline else set()
    return "".join(
        ch for ch in value
        if ch in allowed or unicodedata.category(ch) not in {"Cc", "Cs", "Co"}
    ).strip()


class TextField(forms.CharField):
    """A CharField that drops control characters before it validates."""

    def __init__(self, *args, multiline=False, **kwargs):
        self.multiline = multiline
        if multiline:
            kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 4}))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return clean_text(value, multiline=self.multiline) if value else value


class ProtectedForm(forms.Form):
    """A public form: a field only robots fill in, a signed start time (robots send at once),
    and a key per shown form, so that sending it twice creates one thing, not two.

    Put "website", "started" and "submission_key" in the layout; after an error call
    renew_protection() before showing the form again.
    """

    # Robots fill in every field; people do not see this one.
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)
    started = forms.CharField(widget=forms.HiddenInput)
    submission_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        if not self.is_bound:
            self.initial.setdefault("started", signing.dumps(time.time(), salt=STARTED_SALT))
            self.initial.setdefault("submission_key", uuid.uuid4())

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(gettext("Laat dit veld leeg."))
        return ""

    def clean_started(self):
        """Reject forms sent impossibly fast (robots) or very old (ask to send again)."""
        try:
            started = signing.loads(
                self.cleaned_data["started"], salt=STARTED_SALT, max_age=60 * 60 * 24
            )
        except (signing.BadSignature, TypeError, ValueError):
            raise forms.ValidationError(
                gettext("Dit formulier is verlopen. Controleer uw antwoorden en verstuur opnieuw."),
                code="expired",
            ) from None
        if time.time() - float(started) < settings.ONTHAAL_FORM_MIN_SECONDS:
            raise forms.ValidationError(
                gettext("Dat ging erg snel. Controleer uw antwoorden en verstuur opnieuw."),
                code="too_fast",
            )
        return self.cleaned_data["started"]

    def renew_protection(self):
        """After an error: a fresh start time, so that correcting is never 'too fast' again."""
        data = self.data.copy()
        data["started"] = signing.dumps(
            time.time() - settings.ONTHAAL_FORM_MIN_SECONDS, salt=STARTED_SALT
        )
        self.data = data

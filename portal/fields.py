from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.languages import LANGUAGE_CODES, LANGUAGES, SOURCE_LANGUAGE, ordered


class LanguagesField(models.JSONField):
    """A list of interface language codes, stored as JSON so that it works on every database."""

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=[(code, _(name)) for code, name in LANGUAGES],
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            initial=self.get_default,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list):
            raise ValidationError(_("Kies de talen uit de lijst."), code="invalid")
        unknown = [code for code in value if code not in LANGUAGE_CODES]
        if unknown:
            raise ValidationError(
                _("Onbekende taal: %(codes)s."),
                code="unknown_language",
                params={"codes": ", ".join(map(str, unknown))},
            )
        if SOURCE_LANGUAGE not in value:
            raise ValidationError(
                _("Nederlands is altijd aangeboden: het is de taal van de gemeente."),
                code="dutch_required",
            )

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if isinstance(value, list):
            value = ordered(value)
            setattr(model_instance, self.attname, value)
        return value

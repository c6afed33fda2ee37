from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.languages import LANGUAGES, SOURCE_LANGUAGE, SPOKEN_LANGUAGES, ordered


class CodeListField(models.JSONField):
    """A list of codes from a fixed list, stored as JSON so that it works on every database.

    Subclasses name the choices; the form shows them as checkboxes in the choices' order.
    """

    choices_list = []

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("default") is list:
            del kwargs["default"]
        return name, path, args, kwargs

    def get_choices_list(self):
        return self.choices_list

    def labels(self, codes):
        """The names of the chosen codes, translated, in the list's order."""
        return [str(_(name)) for code, name in self.get_choices_list() if code in (codes or [])]

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=[(code, _(name)) for code, name in self.get_choices_list()],
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            initial=self.get_default,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list):
            raise ValidationError(_("Kies uit de lijst."), code="invalid")
        known = {code for code, _name in self.get_choices_list()}
        unknown = [code for code in value if code not in known]
        if unknown:
            raise ValidationError(
                _("Onbekende keuze: %(codes)s."),
                code="unknown_code",
                params={"codes": ", ".join(map(str, unknown))},
            )

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if isinstance(value, list):
            order = [code for code, _name in self.get_choices_list()]
            value = sorted(dict.fromkeys(value), key=lambda c: order.index(c) if c in order else 99)
            setattr(model_instance, self.attname, value)
        return value


class LanguagesField(CodeListField):
    """The portal languages a municipality offers; Dutch is always among them."""

    choices_list = LANGUAGES

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if SOURCE_LANGUAGE not in value:
            raise ValidationError(
                _("Nederlands is altijd aangeboden: het is de taal van de gemeente."),
                code="dutch_required",
            )

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if isinstance(value, list):
            setattr(model_instance, self.attname, ordered(value))
        return getattr(model_instance, self.attname)


class SpokenLanguagesField(CodeListField):
    """Languages in which people can be helped, e.g. at a partner's desk."""

    choices_list = SPOKEN_LANGUAGES


class ManagedListItem(models.Model):
    """An entry of a list coordinators keep (Dutch labels); archived instead of deleted."""

    label = models.CharField(_("naam"), max_length=120, unique=True)
    archived = models.BooleanField(
        _("gearchiveerd"), default=False,
        help_text=_("Niet meer te kiezen; wat er al mee geregistreerd is, blijft."),
    )
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "label"]

    def __str__(self):
        return self.label

"""The public form of a practice fiche: for a new fiche, and to correct one after review."""

import io
import secrets
import warnings
from dataclasses import dataclass

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout, Submit
from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image

from portal.forms import ProtectedForm, TextField, clean_text
from practices.models import Category, PolicyDomain, Province, TargetGroup

# Pillow names of the formats we accept, and the extension of the stored file.
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_IMAGE_SIDE = 6000
KEPT_IMAGE_SALT = "practices.kept-image"
# An image that passed its checks waits this long for the rest of the form to be right.
KEPT_IMAGE_SECONDS = 60 * 60


@dataclass
class CheckedImage:
    """An uploaded image that passed every check, with the file name it will be stored under."""

    content: bytes
    file_name: str
    shown_name: str
    width: int
    height: int


def image_error(message):
    return forms.ValidationError(message, code="invalid_image")


def check_image(upload):
    """The upload as a CheckedImage, recognised by its content; else a ValidationError."""
    limit = settings.ONTHAAL_PRACTICE_IMAGE_MAX_BYTES
    if upload.size > limit:
        raise image_error(
            gettext("Deze afbeelding is te groot. Kies een bestand van hoogstens %(size)s.")
            % {"size": filesizeformat(limit)}
        )
    content = upload.read(limit + 1)
    if len(content) > limit:
        raise image_error(
            gettext("Deze afbeelding is te groot. Kies een bestand van hoogstens %(size)s.")
            % {"size": filesizeformat(limit)}
        )
    unreadable = image_error(
        gettext(
            "Dit bestand is geen bruikbare afbeelding. Kies een foto of afbeelding in JPEG, "
            "PNG of WebP."
        )
    )
    too_many_pixels = image_error(
        gettext("Deze afbeelding heeft te veel pixels. Ze mag hoogstens %(side)s bij %(side)s "
                "pixels zijn.") % {"side": MAX_IMAGE_SIDE}
    )
    try:
        # A huge image in a small file would fill the memory: refuse it as an error.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content), formats=list(IMAGE_FORMATS)) as image:
                image_format, (width, height) = image.format, image.size
                if width > MAX_IMAGE_SIDE or height > MAX_IMAGE_SIDE:
                    raise too_many_pixels
                image.verify()
            # verify() leaves the image unusable; decoding it once more finds truncated files.
            with Image.open(io.BytesIO(content), formats=list(IMAGE_FORMATS)) as image:
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels from None
    except (OSError, SyntaxError, ValueError, EOFError, Image.UnidentifiedImageError):
        raise unreadable from None
    if image_format not in IMAGE_FORMATS:
        raise unreadable
    return CheckedImage(
        content=content,
        # Never the uploaded name: it may be anything ("../../x.php.jpg").
        file_name=f"praktijk-{secrets.token_hex(8)}.{IMAGE_FORMATS[image_format]}",
        shown_name=clean_text(upload.name or "")[:80] or gettext("zonder naam"),
        width=width,
        height=height,
    )


def keep_image(image):
    """Keep a checked image for a while; the signed token brings it back with the next post."""
    key = secrets.token_urlsafe(16)
    cache.set(f"{KEPT_IMAGE_SALT}:{key}", image, KEPT_IMAGE_SECONDS)
    return signing.dumps(key, salt=KEPT_IMAGE_SALT)


def kept_image(token):
    """The image a token keeps, or None (unknown, tampered or expired)."""
    try:
        key = signing.loads(token, salt=KEPT_IMAGE_SALT, max_age=KEPT_IMAGE_SECONDS)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if not isinstance(key, str):
        return None
    image = cache.get(f"{KEPT_IMAGE_SALT}:{key}")
    return image if isinstance(image, CheckedImage) else None


def forget_image(token):
    try:
        key = signing.loads(token, salt=KEPT_IMAGE_SALT, max_age=KEPT_IMAGE_SECONDS)
    except (signing.BadSignature, TypeError, ValueError):
        return
    if isinstance(key, str):
        cache.delete(f"{KEPT_IMAGE_SALT}:{key}")


def long_text(label, max_length, **kwargs):
    return TextField(label=label, max_length=max_length, multiline=True, **kwargs)


class FicheForm(ProtectedForm):
    """A practice fiche as a municipality describes it. Texts are plain; nothing is HTML."""

    # The fiche
    title = TextField(label=_("Titel van de praktijk"), max_length=120)
    intro = long_text(
        _("Korte inleiding"), 400, help_text=_("Twee of drie zinnen: wat doet u en voor wie?")
    )
    category = forms.ModelChoiceField(
        label=_("Categorie"), queryset=Category.objects.all(), empty_label=_("Kies een categorie")
    )
    policy_domains = forms.ModelMultipleChoiceField(
        label=_("Beleidsdomeinen"), queryset=PolicyDomain.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Doelgroepen"), queryset=TargetGroup.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    start_year = forms.IntegerField(
        label=_("Gestart in (jaar, niet verplicht)"), required=False, min_value=1950,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    goals = long_text(_("Doelstellingen"), 3000, required=False)
    description = long_text(
        _("Beschrijving"), 6000, widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Hoe werkt het, stap voor stap? Laat een lege regel tussen alinea's."),
    )
    success_factors = long_text(_("Succesfactoren"), 3000, required=False)
    challenges = long_text(_("Uitdagingen"), 3000, required=False)
    results = long_text(
        _("Resultaten"), 3000, required=False,
        help_text=_("Wat veranderde er? Met cijfers als u ze hebt."),
    )
    # The image
    image = forms.FileField(
        label=_("Afbeelding (niet verplicht)"), required=False,
        help_text=_("Een foto of afbeelding in JPEG, PNG of WebP."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    image_alt = TextField(
        label=_("Wat staat er op de afbeelding?"), max_length=250, required=False,
        help_text=_("Een korte beschrijving voor wie de afbeelding niet ziet."),
    )
    kept_image = forms.CharField(widget=forms.HiddenInput, required=False)
    remove_image = forms.BooleanField(label=_("Deze afbeelding verwijderen"), required=False)
    # Where you do it
    municipality_name = TextField(label=_("Uw gemeente"), max_length=100)
    province = forms.ChoiceField(label=_("Provincie"))
    how = long_text(_("Hoe doet uw gemeente het?"), 2000, required=False)
    partners = long_text(_("Partners"), 1000, required=False)
    webpage = forms.URLField(
        label=_("Website (niet verplicht)"), required=False, max_length=200,
        assume_scheme="https", widget=forms.URLInput(attrs={"dir": "ltr"}),
    )
    contact_email = forms.EmailField(
        label=_("E-mailadres voor vragen over de praktijk"), max_length=254,
        help_text=_(
            "Lezers schrijven naar dit adres via een formulier; het adres zelf tonen we niet. "
            "Gebruik een dienstadres."
        ),
        widget=forms.EmailInput(attrs={"dir": "ltr"}),
    )
    # About you
    sender_name = TextField(
        label=_("Uw naam"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Uw functionele e-mailadres"), max_length=254,
        help_text=_(
            "Een adres van uw dienst, zoals onthaal@gemeente.be, geen persoonlijk adres. "
            "We publiceren het niet; u krijgt er het antwoord van de moderator op."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    confirm = forms.BooleanField(
        label=_(
            "Ik bevestig dat deze teksten en de afbeelding gepubliceerd mogen worden in de "
            "praktijkendatabank."
        ),
        error_messages={"required": _("Vink aan dat we de fiche mogen publiceren.")},
    )

    def __init__(self, *args, has_image=False, store_uploads=True, **kwargs):
        """has_image: the fiche already has an image (a correction); store_uploads: keep a
        valid upload for the next post (not when the post is refused for its rate)."""
        super().__init__(*args, **kwargs)
        self.has_image = has_image
        self.store_uploads = store_uploads
        self.checked_image = None
        self.fields["province"].choices = [("", gettext("Kies een provincie")),
                                           *Province.choices]
        self.fields["start_year"].widget.attrs["max"] = timezone.localdate().year
        # The label is a long sentence: the error summary names it shortly.
        self.fields["confirm"].summary_label = gettext("Publicatie")

    @property
    def helper(self):
        # Built when shown: whether an image is kept is known only after validation.
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        image_parts = ["image", "image_alt", "kept_image"]
        if self.checked_image is not None:
            image_parts[1:1] = [
                HTML('<p class="alert alert-info kept-image" role="status">'
                     "{{ form.kept_image_notice }}</p>"),
                "remove_image",
            ]
        elif self.has_image:
            image_parts.insert(0, HTML('<p class="current-image">{{ form.current_image_notice }}'
                                       "</p>"))
        helper.layout = Layout(
            Fieldset(gettext("De praktijk"), "title", "intro", "category", "policy_domains",
                     "target_groups", "start_year", "goals", "description", "success_factors",
                     "challenges", "results"),
            Fieldset(gettext("Afbeelding"), *image_parts),
            Fieldset(gettext("Waar u het doet"), "municipality_name", "province", "how",
                     "partners", "webpage", "contact_email"),
            Fieldset(gettext("Over u"), "sender_name", "email"),
            Fieldset(gettext("Publicatie"), "confirm"),
            Div("website", css_class="contact-field-for-robots", aria_hidden="true"),
            "started",
            "submission_key",
            Submit("send", self.submit_label(), css_class="btn-lg"),
        )
        return helper

    def submit_label(self):
        if self.has_image or self.initial.get("title"):
            return gettext("Aangepaste fiche versturen")
        return gettext("Fiche versturen")

    @property
    def kept_image_notice(self):
        return gettext("Uw afbeelding %(name)s is bewaard. U hoeft ze niet opnieuw te kiezen.") % {
            "name": self.checked_image.shown_name}

    @property
    def current_image_notice(self):
        return gettext("De fiche heeft al een afbeelding. Kies een nieuwe om ze te vervangen.")

    def clean_start_year(self):
        year = self.cleaned_data.get("start_year")
        if year is not None and year > timezone.localdate().year:
            raise forms.ValidationError(gettext("Dat jaar moet nog komen. Geef het startjaar."))
        return year

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        return check_image(upload) if upload else None

    def clean(self):
        cleaned = super().clean()
        token = cleaned.get("kept_image") or ""
        upload = cleaned.get("image") if self.store_uploads else None
        if upload is not None:
            forget_image(token)
            self.checked_image, token = upload, keep_image(upload)
        elif cleaned.get("remove_image"):
            forget_image(token)
            self.checked_image, token = None, ""
        else:
            # A new file that failed its checks leaves the kept one in place.
            self.checked_image = kept_image(token) if token else None
            if token and self.checked_image is None and "image" not in self.errors:
                self.add_error("image", gettext(
                    "Uw afbeelding werd te lang bewaard. Kies ze opnieuw."))
            token = token if self.checked_image is not None else ""
        cleaned["image"] = self.checked_image
        self.set_value("kept_image", token)
        self.set_value("remove_image", "")
        with_image = self.checked_image is not None or self.has_image
        if with_image and not cleaned.get("image_alt") and "image_alt" not in self.errors:
            self.add_error("image_alt", gettext(
                "Beschrijf kort wat er op de afbeelding staat, voor wie ze niet ziet."))
        return cleaned

    def set_value(self, name, value):
        """Change what a field shows when the form comes back (sent data is read-only)."""
        data = self.data.copy()
        data[name] = value
        self.data = data

    def fiche_fields(self):
        """What the services need, from the cleaned data."""
        data = self.cleaned_data
        return {
            "title": data["title"],
            "intro": data["intro"],
            "category": data.get("category"),
            "policy_domains": list(data.get("policy_domains") or []),
            "target_groups": list(data.get("target_groups") or []),
            "start_year": data.get("start_year"),
            "goals": data.get("goals", ""),
            "description": data["description"],
            "success_factors": data.get("success_factors", ""),
            "challenges": data.get("challenges", ""),
            "results": data.get("results", ""),
            "image_alt": data.get("image_alt", ""),
            "municipality_name": data["municipality_name"],
            "province": data["province"],
            "how": data.get("how", ""),
            "partners": data.get("partners", ""),
            "website": data.get("webpage", ""),
            "contact_email": data["contact_email"],
            "sender_name": data["sender_name"],
            "email": data["email"],
        }

"""Bulk actions on the outreach list (Wagtail's bulk-action footer): contact status, letters."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.log_actions import log

from backoffice.inflow import services
from backoffice.inflow.forms import LetterForm
from backoffice.inflow.letters import MAX_LETTERS, letters_pdf
from backoffice.models import NewResident, PersonalDataAccess
from backoffice.privacy.access import record_residents_access

CHANGE_PERMISSION = "backoffice.change_newresident"


class ResidentBulkAction(BulkAction):
    """Only people of the user's own municipalities, and only for those who may change them."""

    models = [NewResident]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(CHANGE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_actionable_objects(self):
        ids = self.request.GET.getlist("id")
        own = NewResident.objects.for_user(self.request.user).filter(anonymised_at__isnull=True)
        objects = own if "all" in ids else own.filter(pk__in=[i for i in ids if i.isdigit()])
        objects = list(objects.select_related("municipality"))
        if not objects:
            raise Http404  # as Wagtail does; other municipalities' people do not exist here
        return objects, {"items_with_no_access": []}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_title": self.display_name,
                "action_icon": self.icon, "confirm_text": self.confirm_text}


class OutreachForm(forms.Form):
    outreach = forms.ChoiceField(label=gettext_lazy("Nieuwe stand van het contact"),
                                 choices=NewResident.Outreach.choices)


class OutreachBulkAction(ResidentBulkAction):
    display_name = gettext_lazy("Contact bijwerken")
    action_type = "outreach"
    aria_label = gettext_lazy("Contact bijwerken voor de geselecteerde personen")
    template_name = "backoffice/inflow/bulk_outreach.html"
    icon = "group"
    confirm_text = gettext_lazy("Bijwerken")
    form_class = OutreachForm
    action_priority = 20

    def get_execution_context(self):
        return {"outreach": self.cleaned_form.cleaned_data["outreach"]}

    @classmethod
    def execute_action(cls, objects, outreach=None, **kwargs):
        return services.set_outreach(objects, outreach), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("Contact bijgewerkt voor %(count)s persoon.",
                        "Contact bijgewerkt voor %(count)s personen.",
                        num_parent_objects) % {"count": num_parent_objects}


class LettersBulkAction(ResidentBulkAction):
    """One letter per household of the selected people, as one PDF; they are marked invited."""

    display_name = gettext_lazy("Uitnodigingsbrieven")
    action_type = "letters"
    aria_label = gettext_lazy("Uitnodigingsbrieven maken voor de geselecteerde personen")
    template_name = "backoffice/inflow/bulk_letters.html"
    icon = "doc-full"
    confirm_text = gettext_lazy("PDF maken")
    form_class = LetterForm
    action_priority = 10

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        residents = [item["item"] for item in context["items"]]
        context["households"] = services.household_members(residents)
        return context

    def form_valid(self, form):
        residents, _access = self.get_actionable_objects()
        groups = services.household_members(residents)
        if not groups:
            form.add_error(None, _("Kies minstens één persoon."))
            return self.form_invalid(form)
        if len(groups) > MAX_LETTERS:
            form.add_error(None, _("Hoogstens %(max)s brieven tegelijk.") % {"max": MAX_LETTERS})
            return self.form_invalid(form)
        language = form.cleaned_data["language"]
        invitations = services.invite_households(groups, language)
        pdf = letters_pdf(list(zip(invitations, groups, strict=True)), language)
        addressees = [member for members in groups for member in members]
        for member in addressees:
            log(instance=member, action="onthaal.letter_printed", user=self.request.user)
        record_residents_access(self.request.user, addressees, PersonalDataAccess.Action.LETTER)
        response = HttpResponse(pdf, content_type="application/pdf")
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="uitnodigingen-{stamp}.pdf"'
        return response

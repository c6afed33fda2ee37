"""The moderators' admin of the practice database: one menu group "Praktijkendatabank" with
the public's proposals, the fiches due for review, and the three taxonomies."""

from functools import partial

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.menus import RuleMenuItem, has_permission
from practices.models import (
    Category,
    PolicyDomain,
    PracticeIndexPage,
    Submission,
    TargetGroup,
)
from practices.proposals import ENTRY_FIELDS, FINAL, LOG_ACTIONS, Decision, decide, section_label
from practices.reminders import unreviewed_practices

CHANGE_SUBMISSION = "practices.change_submission"


def page_edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=[page_id])


# --- Proposals -------------------------------------------------------------------------


class SubmissionPolicy(ModelPermissionPolicy):
    """Proposals come from the public: moderators read and decide (change permission);
    nobody adds or deletes them in the admin."""

    def user_has_permission(self, user, action):
        if action in {"add", "delete"}:
            return False
        return user.has_perm(CHANGE_SUBMISSION)

    def users_with_any_permission(self, actions):
        if not set(actions) - {"add", "delete"}:
            return get_user_model().objects.none()
        return super().users_with_any_permission(["change"])


# Registered before any view asks for Submission's policy (see wagtail.permissions).
register_permission_policy(Submission, SubmissionPolicy(Submission))


class SubmissionSummaryPanel(Panel):
    """What was sent, by whom, about which fiche, with links to the fiche and its editor."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtailadmin/practices/submission_summary.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            submission = self.instance
            page = submission.page
            context.update(
                submission=submission,
                section=section_label(submission.section),
                page=page,
                page_url=page.full_url if page is not None and page.live else "",
                page_edit_url=page_edit_url(page.pk) if page is not None else "",
            )
            return context


class DecisionForm(WagtailAdminModelForm):
    decision = forms.ChoiceField(
        label=_("Beslissing"), choices=Decision.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["moderator_note"].widget = forms.Textarea(attrs={"rows": 4})

    def clean(self):
        cleaned = super().clean()
        if self.instance.status in FINAL:
            raise ValidationError(gettext("Over dit voorstel is al beslist."), code="decided")
        if cleaned.get("decision") in {Decision.REQUEST_CHANGES, Decision.DECLINE} and not (
            cleaned.get("moderator_note", "").strip()
        ):
            self.add_error("moderator_note", gettext(
                "Schrijf de indiener wat er moet veranderen of waarom het niet aanvaard wordt."
            ))
        return cleaned


DECISION = MultiFieldPanel(
    [FieldPanel("decision", disable_comments=True),
     FieldPanel("moderator_note", disable_comments=True)],
    heading=_("Uw beslissing"),
)

ADOPTION_PANELS = ObjectList(
    [
        SubmissionSummaryPanel(heading=_("Voorstel")),
        MultiFieldPanel(
            [FieldPanel(name, disable_comments=True) for name in ENTRY_FIELDS],
            heading=_("Wat bij de fiche komt als u aanvaardt"),
        ),
        DECISION,
    ],
    base_form_class=DecisionForm,
).bind_to_model(Submission)

CHANGE_PANELS = ObjectList(
    [SubmissionSummaryPanel(heading=_("Voorstel")), DECISION],
    base_form_class=DecisionForm,
).bind_to_model(Submission)


class SubmissionIndexView(ModelViewSet.index_view_class):
    any_permission_required = ["change"]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page")

    def get_edit_url(self, instance):
        # A new fiche is moderated in Wagtail's workflow: straight to the page editor.
        if instance.kind == Submission.Kind.NEW_PRACTICE:
            return page_edit_url(instance.page_id) if instance.page_id else None
        return super().get_edit_url(instance)


class SubmissionEditView(ModelViewSet.edit_view_class):
    """The moderator's decision: saving calls practices.proposals.decide."""

    error_message = _("De beslissing is niet bewaard. Kijk de fouten na.")
    submit_button_label = _("Beslissing bewaren")

    def setup(self, request, *args, **kwargs):
        # The kind decides the panels, which are chosen before the object is loaded.
        self.kind, self.page_id = (
            Submission.objects.filter(pk=kwargs.get("pk")).values_list("kind", "page_id").first()
            or (None, None)
        )
        super().setup(request, *args, **kwargs)

    def get_panel(self):
        return CHANGE_PANELS if self.kind == Submission.Kind.CHANGE else ADOPTION_PANELS

    def get_form_class(self):
        return self.panel.get_form_class()

    def get_object(self, queryset=None):
        return get_object_or_404(
            Submission.objects.select_related("page"), pk=self.kwargs[self.pk_url_kwarg]
        )

    def dispatch(self, request, *args, **kwargs):
        if self.kind == Submission.Kind.NEW_PRACTICE:
            if not request.user.has_perm(CHANGE_SUBMISSION):
                raise PermissionDenied
            if self.page_id is None:
                raise Http404
            return redirect(page_edit_url(self.page_id))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        self.form = form
        try:
            self.object = decide(
                form.instance, form.cleaned_data["decision"],
                form.cleaned_data.get("moderator_note", ""), self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        return self.save_action()

    def get_success_message(self):
        return gettext("Uw beslissing over “%(submission)s” is bewaard; de indiener krijgt "
                       "een mail.") % {"submission": self.object}


class SubmissionViewSet(ModelViewSet):
    """The public's proposals about existing fiches; new fiches are listed for overview."""

    model = Submission
    name = "practice_submissions"
    url_prefix = "practices/submissions"
    icon = "mail"
    menu_label = _("Voorstellen")
    index_view_class = SubmissionIndexView
    edit_view_class = SubmissionEditView
    list_display = ["__str__", "municipality_name", "status", "created_at"]
    list_filter = ["kind", "status"]
    ordering = ["-created_at"]
    # No names or addresses: a search term ends up in the address bar.
    search_fields = ["municipality_name", "page__title"]
    edit_handler = ADOPTION_PANELS

    def get_urlpatterns(self):
        # Proposals come from the public forms and stay as a record: no add, copy or delete.
        return [pattern for pattern in super().get_urlpatterns()
                if pattern.name not in {"add", "delete", "copy"}]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None, delete_url_name=None, **kwargs
        )

    @cached_property
    def menu_item_class(self):
        return partial(RuleMenuItem, shown_to=has_permission(CHANGE_SUBMISSION))


# --- Fiches due for review -------------------------------------------------------------


def can_review(user):
    """Moderators of proposals, or whoever may publish fiches."""
    if user.has_perm(CHANGE_SUBMISSION):
        return True
    index_page = PracticeIndexPage.objects.first()
    return index_page is not None and index_page.permissions_for_user(user).can_publish()


class ReviewDueView(ReportView):
    page_title = _("Na te kijken fiches")
    header_icon = "time"
    index_url_name = "practice_reviews:index"
    index_results_url_name = "practice_reviews:index_results"
    columns = [
        TitleColumn("title", label=_("Fiche"), get_url=lambda page: page_edit_url(page.pk)),
        DateColumn("last_reviewed", label=_("Laatst nagekeken")),
        DateColumn("first_published_at", label=_("Eerst gepubliceerd")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_review(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return unreviewed_practices()


class ReviewReportViewSet(ViewSet):
    name = "practice_reviews"
    url_prefix = "practices/reviews"
    icon = "time"
    menu_label = _("Na te kijken fiches")
    menu_item_class = partial(RuleMenuItem, shown_to=can_review)

    def get_urlpatterns(self):
        return [
            path("", ReviewDueView.as_view(), name="index"),
            path("results/", ReviewDueView.as_view(results_only=True), name="index_results"),
        ]


# --- Taxonomies ------------------------------------------------------------------------


class TermForm(WagtailAdminModelForm):
    """The slug may be left empty: it is made from the name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = gettext(
            "Kleine letters, cijfers en koppeltekens. Leeg laten: dan wordt ze uit de naam "
            "gemaakt."
        )

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or slugify(self.cleaned_data.get("name", ""))
        if not slug:
            raise ValidationError(gettext("Geef een korte naam met letters of cijfers."))
        return slug


class TermIndexView(SnippetViewSet.index_view_class):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(fiche_count=Count("practices"))


class TermDeleteView(SnippetViewSet.delete_view_class):
    """A term that fiches use is not deleted: they would silently lose it."""

    @cached_property
    def fiche_count(self):
        return self.object.practices.count()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["fiche_count"] = self.fiche_count
        if self.fiche_count:
            context["is_protected"] = True
        return context

    def form_valid(self, form):
        if self.fiche_count:
            messages.error(self.request, gettext(
                "“%(term)s” staat op %(count)s fiche(s) en kan niet verwijderd worden. Haal de "
                "term eerst van die fiches."
            ) % {"term": self.object, "count": self.fiche_count})
            return redirect(self.get_success_url())
        return super().form_valid(form)


class TermViewSet(SnippetViewSet):
    index_view_class = TermIndexView
    delete_view_class = TermDeleteView
    delete_template_name = "wagtailadmin/practices/term_delete.html"
    list_display = ["name", "slug", Column("fiche_count", label=_("Fiches"),
                                           sort_key="fiche_count")]
    search_fields = ["name", "slug", "description"]
    ordering = ["name"]
    edit_handler = ObjectList(
        [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")],
        base_form_class=TermForm,
    )


class CategoryViewSet(TermViewSet):
    model = Category
    icon = "folder-inverse"


class PolicyDomainViewSet(TermViewSet):
    model = PolicyDomain
    icon = "site"


class TargetGroupViewSet(TermViewSet):
    model = TargetGroup
    icon = "group"


class PracticesGroup(SnippetViewSetGroup):
    menu_label = _("Praktijkendatabank")
    menu_name = "praktijkendatabank"
    menu_icon = "clipboard-list"
    # After the back office's own items (200-210), before images and documents.
    menu_order = 250
    items = (SubmissionViewSet, ReviewReportViewSet, CategoryViewSet, PolicyDomainViewSet,
             TargetGroupViewSet)


register_snippet(PracticesGroup)


@hooks.register("register_log_actions")
def register_submission_log_actions(actions):
    for action, label in LOG_ACTIONS.items():
        actions.register_action(action, label, label)

"""Admin building blocks that keep staff inside their own municipalities.

Used by every viewset whose model has a `municipality` and a `for_user` queryset method.
"""

from django.http import Http404
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy


def municipalities_of(user):
    from portal.models import Municipality

    return Municipality.objects.for_user(user)


class MunicipalityScopedPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to objects of the municipalities a user works for."""

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and municipalities_of(user).filter(pk=instance.municipality_id).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.model._default_manager.filter(municipality__in=municipalities_of(user))


class ReadOnlyScopedPolicy(MunicipalityScopedPolicy):
    """Only "view" through the viewset: changes go through the rules in a services module."""

    READ_ONLY = ("view",)

    def user_has_permission(self, user, action):
        return action in self.READ_ONLY and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(
            user, [a for a in actions if a in self.READ_ONLY]
        )


class OwnMunicipalityObjectMixin:
    """Lists hold only the user's municipalities' objects; opening another one gives a 404,
    as if it did not exist."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if queryset.model is not self.model:
            return queryset  # the history view lists log entries; get_object guards it
        return queryset.filter(municipality__in=municipalities_of(self.request.user))

    def get_object(self, queryset=None):
        # Wagtail's history view takes no queryset argument.
        obj = super().get_object() if queryset is None else super().get_object(queryset)
        model = type(obj)
        if not model.objects.for_user(self.request.user).filter(pk=obj.pk).exists():
            raise Http404
        return obj


def own_municipality_only(view_class):
    return type(view_class.__name__, (OwnMunicipalityObjectMixin, view_class), {})


def offer_municipalities(field, municipalities, *, preselect=True):
    """A municipality choice limited to these municipalities, preselected when only one."""
    field.queryset = municipalities
    if preselect and len(municipalities) == 1:
        field.initial = municipalities[0].pk


class MunicipalityScopedForm(WagtailAdminModelForm):
    """The municipality field offers only the user's municipalities (preselected if one)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "municipality" in self.fields and self.for_user is not None:
            offer_municipalities(self.fields["municipality"], municipalities_of(self.for_user),
                                 preselect=not self.instance.pk)


SCOPED_VIEWS = ["index", "edit", "delete", "inspect", "history", "usage", "copy"]


def scoped(viewset_class):
    """A subclass of a Wagtail viewset whose lists and object views stay inside the user's
    municipalities (the model needs `municipality` and `objects.for_user`)."""
    views = {
        f"{name}_view_class": own_municipality_only(getattr(viewset_class, f"{name}_view_class"))
        for name in SCOPED_VIEWS
    }
    return type(f"Scoped{viewset_class.__name__}", (viewset_class,), views)


ScopedViewSet = scoped(ModelViewSet)

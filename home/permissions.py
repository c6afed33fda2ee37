"""Editors manage the partners of their own municipalities only."""

from wagtail.permission_policies import ModelPermissionPolicy


class MunicipalityScopedPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to objects of the municipalities a user works for."""

    def _municipalities(self, user):
        from portal.models import Municipality

        return Municipality.objects.for_user(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and self._municipalities(user).filter(pk=instance.municipality_id).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.model._default_manager.filter(municipality__in=self._municipalities(user))

    def users_with_any_permission_for_instance(self, actions, instance):
        return super().users_with_any_permission(actions).filter(
            municipalities=instance.municipality_id
        ) | super().users_with_any_permission(actions).filter(is_superuser=True)

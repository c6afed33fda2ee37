"""Admin menu items shown by a rule about the user, for every app's admin menus."""

from wagtail.admin.menu import MenuItem


class RuleMenuItem(MenuItem):
    """A menu item shown to the users for whom `shown_to(user)` is true."""

    def __init__(self, *args, shown_to, **kwargs):
        super().__init__(*args, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request):
        return self.shown_to(request.user)


def has_permission(codename):
    """A `shown_to` rule: the user holds this permission."""
    return lambda user: user.has_perm(codename)

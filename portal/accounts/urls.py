from django.urls import path

from portal.accounts import views

# Inside the admin (registered by portal/wagtail_hooks.py): signed-in staff only.
admin_urlpatterns = [
    path("two-factor/", views.two_factor, name="accounts_two_factor"),
    path("two-factor/verify/", views.verify, name="accounts_verify"),
    path("two-factor/reset/<int:user_id>/", views.reset_two_factor,
         name="accounts_reset_two_factor"),
    path("invitations/", views.invitations, name="accounts_invitations"),
    path("invitations/new/", views.new_invitation, name="accounts_new_invitation"),
    path("invitations/<int:pk>/withdraw/", views.withdraw_invitation,
         name="accounts_withdraw_invitation"),
]

# Outside the admin: the invitee has no account yet.
urlpatterns = [
    path("invitation/<str:token>/", views.accept_invitation, name="accounts_accept_invitation"),
]

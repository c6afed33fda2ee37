from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from appointments import views as appointment_views
from home import views as home_views
from portal import views

# Error pages in the reader's language, with the municipality's contact.
handler400 = "portal.errors.bad_request"
handler403 = "portal.errors.permission_denied"
handler404 = "portal.errors.page_not_found"
handler500 = "portal.errors.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    # Staff accounts: accepting an invitation (before there is an account).
    path("account/", include("portal.accounts.urls")),
    # The short link printed on invitation letters.
    path("u/<str:code>/", appointment_views.invitation_link, name="invitation_link"),
    path("documents/", include(wagtaildocs_urls)),
    path("", views.choose_language, name="choose_language"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages carry the reader's language in the URL: /nl/..., /ar/...
urlpatterns += i18n_patterns(
    path("zoeken/", home_views.search, name="portal_search"),
    path("onthaalgesprek/", include("appointments.urls")),
    # The practice database, shared by every municipality of the installation.
    path("praktijken/", include("practices.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# Addresses outside the language-prefixed public portal.
UNPREFIXED = ("/admin/", "/documents/", "/healthz", "/static/", "/media/", "/u/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 in the admin stays a 404.

    Django redirects a missing unprefixed address to /nl/<address> when that resolves;
    the portal's catch-all page route resolves everything, so admin 404s became redirects.
    """

    def process_response(self, request, response):
        if request.path.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)

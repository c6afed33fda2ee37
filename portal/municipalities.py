from wagtail.models import Site


def municipality_for_request(request):
    """The municipality whose portal this request is for, or None (e.g. an unknown host).

    Looked up once per request and cached on it.
    """
    if not hasattr(request, "_municipality"):
        from portal.models import Municipality

        site = Site.find_for_request(request)
        request._municipality = (
            Municipality.objects.filter(site=site).first() if site is not None else None
        )
    return request._municipality

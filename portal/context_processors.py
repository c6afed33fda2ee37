from portal.municipalities import municipality_for_request


def portal(request):
    """The municipality of this portal, for headers and footers."""
    return {"municipality": municipality_for_request(request)}

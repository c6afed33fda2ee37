from django import template

from home.statements import statement_urls
from portal.municipalities import municipality_for_request

register = template.Library()


@register.simple_tag(takes_context=True)
def statement_links(context):
    """{kind: address} of this portal's statements in the reader's language ({} if none)."""
    request = context.get("request")
    if request is None:
        return {}
    return statement_urls(municipality_for_request(request), request)

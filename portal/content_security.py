"""Content Security Policy: the strict policy everywhere, a looser one for the Wagtail admin.

The policies themselves are settings: CONTENT_SECURITY_POLICY (public pages) and
ONTHAAL_ADMIN_CONTENT_SECURITY_POLICY (the admin, whose own templates still carry
inline scripts and style attributes; see the settings for why each exception is needed).
"""

from csp.middleware import CSPMiddleware
from django.conf import settings

ADMIN_PREFIX = "/admin/"


def policy_for_path(path):
    """The directives that apply to an address."""
    if path.startswith(ADMIN_PREFIX):
        return settings.ONTHAAL_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
    return settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the policy by address."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # A view's own @csp_replace/@csp_update still applies on top of the chosen policy.
        if not report_only and parts.config is None:
            parts.config = dict(policy_for_path(request.path_info))
        return parts

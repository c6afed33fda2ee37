"""Whole-page caching of public portal pages, invalidated whenever portal content changes.

Anonymous GET requests for portal pages are cached per host, path, query and language.
Every publish, unpublish, move or delete, and every change to a partner or municipality,
bumps one version number that is part of every key, so that stale pages are never served.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control

from portal.middleware import UNPREFIXED

VERSION_KEY = "portal-page-cache-version"
PREFIX = "portal-page"


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def invalidate_portal_pages(**kwargs):
    """Make every cached portal page stale (signal receiver and plain function)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def _key(request):
    raw = f"{request.get_host()}|{request.get_full_path()}"
    digest = hashlib.sha256(raw.encode()).hexdigest()
    return f"{PREFIX}:{content_version()}:{digest}"


def _cacheable_request(request):
    if request.method not in {"GET", "HEAD"}:
        return False
    if request.path.startswith(UNPREFIXED):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _cacheable_response(request, response):
    # The CSRF cookie is set after this middleware has seen the response: a page that
    # asked for a token must never be served to someone else.
    return (
        not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "Cookie" not in response.get("Vary", "")
        and "private" not in response.get("Cache-Control", "")
        and "no-cache" not in response.get("Cache-Control", "")
    )


def cached_page(request):
    """The cached public page for this request, or None; reads neither the database nor
    the user, so it also answers while the database is down."""
    if request.method not in {"GET", "HEAD"} or request.path.startswith(UNPREFIXED):
        return None
    try:
        page = cache.get(_key(request))
    except Exception:  # noqa: BLE001 - a cache that fails too simply has no page
        return None
    if page is not None:
        page["X-Portal-Cache"] = "hit"
    return page


class PortalPageCacheMiddleware:
    """Serve warm public pages from the cache; placed last, so sessions and users are known."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = settings.PORTAL_PAGE_CACHE_SECONDS

    def __call__(self, request):
        if not self.timeout or not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Portal-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if _cacheable_response(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            patch_cache_control(response, public=True, max_age=60)
            cache.set(key, response, self.timeout)
            response["X-Portal-Cache"] = "miss"
        return response

"""What readers and background work get when something the site depends on fails.

The database: a request that needs it while it is down or read-only gets the cached page
where there is one, else a short "try again later" page (503 with Retry-After) in the
reader's language, rendered without the database; never a traceback. Forms write in
transactions, so nothing is half saved.

E-mail: the mail tasks retry delivery with growing waits (`retry_mail_later`) and send
each mail at most once (their own markers, or `send_once`).
"""

import logging
import smtplib
import sys
from datetime import timedelta

from django.core.cache import cache
from django.core.signals import got_request_exception
from django.db import DatabaseError, InterfaceError, OperationalError
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from portal import cache as page_cache
from portal.errors import render_error

logger = logging.getLogger(__name__)

# PostgreSQL's "cannot execute ... in a read-only transaction" (a standby, or a database
# switched to read-only for maintenance).
READ_ONLY_SQLSTATE = "25006"
RETRY_AFTER_SECONDS = 120
_FAILURE_ATTRIBUTE = "_database_failure"


def database_unavailable(exc):
    """Whether an exception (or one it came from) means the database cannot serve us now."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, (OperationalError, InterfaceError)):
            return True
        if isinstance(exc, DatabaseError) and _sqlstate(exc) == READ_ONLY_SQLSTATE:
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def _sqlstate(exc):
    return getattr(exc, "sqlstate", None) or getattr(exc.__cause__, "sqlstate", None)


def unavailable_response(request):
    """The 503 page, like the other error pages rendered without a request context (so
    without the database) and without the municipality, which would need it."""
    response = render_error(request, "503.html", 503, None,
                            retry_minutes=RETRY_AFTER_SECONDS // 60)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def fallback_response(request, exc):
    """The cached page for this address if there is one, else the 503 page; one log line."""
    response = page_cache.cached_page(request)
    # Class and SQLSTATE only: messages may quote statements, and paths may hold links.
    logger.warning(
        "Database unavailable (%s%s): %s for a %s request",
        type(exc).__name__,
        f" {_sqlstate(exc)}" if _sqlstate(exc) else "",
        "cached page served" if response is not None else "503",
        request.method,
    )
    return response if response is not None else unavailable_response(request)


def _remember_failure(sender, request=None, **kwargs):
    """Inner middleware errors become 500 responses before we see them: remember why."""
    exc = sys.exc_info()[1]
    if request is not None and exc is not None and database_unavailable(exc):
        setattr(request, _FAILURE_ATTRIBUTE, exc)


got_request_exception.connect(_remember_failure, dispatch_uid="portal.failure.remember")


class DatabaseUnavailableMiddleware:
    """Outermost of the middleware that can touch the database: turns its failures into
    the cached page or the 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            response = self.get_response(request)
        except Exception as exc:
            if not database_unavailable(exc):
                raise
            return fallback_response(request, exc)
        failure = getattr(request, _FAILURE_ATTRIBUTE, None)
        if failure is not None:
            return fallback_response(request, failure)
        return response

    def process_exception(self, request, exception):
        if database_unavailable(exception):
            return fallback_response(request, exception)
        return None


# E-mail delivery

MAIL_ERRORS = (smtplib.SMTPException, OSError)
# The waits before the second, third, ... attempt: about five hours in all.
MAIL_BACKOFF = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=15),
    timedelta(minutes=60),
    timedelta(minutes=240),
)
MAX_MAIL_ATTEMPTS = len(MAIL_BACKOFF) + 1
# How long a sent mail is remembered by `send_once`: far longer than all retries.
SENT_MARK_SECONDS = 60 * 60 * 24 * 90
# A sender that died while sending frees its claim after this long.
CLAIM_SECONDS = 10 * 60


class MailNotDelivered(Exception):
    """Every attempt failed; the task ends as failed."""


def retry_wait(attempt):
    """The wait before the attempt after `attempt` (1 = the first), or None when done."""
    if attempt >= MAX_MAIL_ATTEMPTS:
        return None
    return MAIL_BACKOFF[attempt - 1]


def retry_mail_later(task, args, *, attempt, error, **kwargs):
    """Enqueue the mail task again after its wait, with the attempt count one higher.

    Raises MailNotDelivered when the attempts are used up, or when the task backend cannot
    wait (the immediate backend of development and tests).
    """
    wait = retry_wait(attempt)
    backend = task.get_backend()
    if wait is None or not backend.supports_defer:
        # The error's text can name recipients: the class is enough here.
        logger.error("Mail task %s gave up after attempt %s (%s)",
                     task.name, attempt, type(error).__name__)
        raise MailNotDelivered(f"{task.name}: not delivered after {attempt} attempt(s)") from None
    run_after = timezone.now() + wait
    task.using(run_after=run_after).enqueue(*args, attempt=attempt + 1, **kwargs)
    logger.warning("Mail task %s failed (%s) at attempt %s of %s; next attempt at %s",
                   task.name, type(error).__name__, attempt, MAX_MAIL_ATTEMPTS,
                   run_after.isoformat(timespec="seconds"))
    return run_after


def send_once(key, send):
    """Call send() unless the mail with this key was sent (or is being sent) already.

    For mails whose model keeps no sent-marker of its own. Returns whether it sent now.
    """
    marker = f"mail-sent:{key}"
    if not cache.add(marker, "sending", CLAIM_SECONDS):
        return False
    try:
        send()
    except BaseException:
        cache.delete(marker)
        raise
    cache.set(marker, "sent", SENT_MARK_SECONDS)
    return True

"""For tests of background mail: a mail server that fails on demand, and a task queue that
keeps what is enqueued (with its run_after) instead of running it: the `queue` fixture in
tests/conftest.py."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend


class FlakyBackend(EmailBackend):
    """Refuses the next `failures` sendings, then delivers to mail.outbox."""

    failures = 0

    def send_messages(self, messages):
        if FlakyBackend.failures:
            FlakyBackend.failures -= 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


def queued(queue, app):
    """The tasks of one app waiting (Wagtail queues tasks of its own too), taken off the
    queue."""
    results = [r for r in queue.results if r.task.module_path.startswith(f"{app}.")]
    queue.clear()
    return results


def run(result):
    """What a worker does with a queued task."""
    return result.task.call(*result.args, **result.kwargs)

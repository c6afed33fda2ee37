"""Pluggable SMS sending, off unless ONTHAAL_SMS_BACKEND names a sender class.

A sender has one method, `send(phone_number, text)`. Write one for your SMS provider and
set ONTHAAL_SMS_BACKEND to its dotted path, e.g. `myproject.sms.ProviderSender`.
"""

import sys

from django.conf import settings
from django.utils.module_loading import import_string


class ConsoleSender:
    """For the demo and development: prints the message instead of sending it."""

    def send(self, phone_number, text):
        sys.stdout.write(f"SMS to {phone_number}:\n{text}\n")


class MemorySender:
    """For tests: keeps the messages in a list."""

    outbox = []

    def send(self, phone_number, text):
        self.outbox.append((str(phone_number), text))


def get_sender():
    path = settings.ONTHAAL_SMS_BACKEND
    return import_string(path)() if path else None

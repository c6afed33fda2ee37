"""Signals other apps may listen to, so that public code never imports the back office."""

from django.dispatch import Signal

# Sent inside the transaction that saves a new online request; argument: request.
request_submitted = Signal()

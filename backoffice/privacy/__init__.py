"""The person's rights and the retention periods: removing personal data, a copy of what is
held on someone, and the log of who looked at whose data."""

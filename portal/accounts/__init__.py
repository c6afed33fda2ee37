"""Staff accounts: invitations, two-factor authentication, session expiry."""

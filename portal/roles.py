"""The staff roles of Onthaal (see docs/architecture.md). Later features add permissions to them."""

from django.utils.translation import gettext_noop

TOELEIDER = "Toeleider"
COORDINATOR = "Coördinator"
REDACTEUR = "Redacteur"
MODERATOR = "Moderator praktijken"
BEHEERDER = "Beheerder"
DPO = "Functionaris gegevensbescherming"

ROLES = {
    TOELEIDER: gettext_noop("Behandelt aanvragen en gesprekken van de eigen gemeenten."),
    COORDINATOR: gettext_noop("Verdeelt het werk, leest cijfers, stelt de gemeente in."),
    REDACTEUR: gettext_noop("Schrijft en vertaalt de portaalpagina's van de eigen gemeente."),
    MODERATOR: gettext_noop("Keurt praktijkfiches na en publiceert ze."),
    BEHEERDER: gettext_noop("Beheert de installatie."),
    DPO: gettext_noop("Leest wie welke persoonsgegevens inzag of exporteerde."),
}

# Model permissions each role has on top of access to the admin.
APPOINTMENT_PERMISSIONS = [
    "appointments.view_appointmentrequest", "appointments.change_appointmentrequest",
    "appointments.add_slot", "appointments.change_slot", "appointments.delete_slot",
    "appointments.view_slot",
]

# The new-resident list: toeleiders call and write to the people on it.
OUTREACH_PERMISSIONS = ["backoffice.view_newresident", "backoffice.change_newresident"]

ROLE_PERMISSIONS = {
    TOELEIDER: [*APPOINTMENT_PERMISSIONS, *OUTREACH_PERMISSIONS],
    # Managed lists are archived, never deleted: no delete permission.
    COORDINATOR: [*APPOINTMENT_PERMISSIONS, *OUTREACH_PERMISSIONS,
                  "backoffice.add_inflowimport", "backoffice.view_inflowimport",
                  "backoffice.add_invitationlettertext", "backoffice.change_invitationlettertext",
                  "backoffice.delete_invitationlettertext",
                  "backoffice.view_invitationlettertext",
                  "backoffice.add_needcategory", "backoffice.change_needcategory",
                  "backoffice.view_needcategory", "appointments.add_referralsource",
                  "appointments.change_referralsource", "appointments.view_referralsource",
                  # Monthly figures and exports, and requests of the people themselves:
                  # a copy of their data or its erasure.
                  "appointments.view_monitoring", "appointments.handle_data_request"],
    DPO: ["backoffice.view_personaldataaccess"],
    # Page permissions come per municipality ("Redacteur <name>", see home/services.py).
    REDACTEUR: ["home.add_partner", "home.change_partner", "home.delete_partner",
                "home.view_partner", "wagtail_localize.submit_translation"],
    # Fiches are pages: their permissions come with the index page (practices/setup.py).
    MODERATOR: [*(f"practices.{action}_{model}" for model in (
                    "category", "policydomain", "targetgroup")
                  for action in ("add", "change", "delete", "view")),
                "practices.view_submission", "practices.change_submission"],
    BEHEERDER: ["portal.add_municipality", "portal.change_municipality",
                "portal.delete_municipality", "portal.view_municipality"],
}

"""The access log for many records at once (letters): one row per person, one query."""

from backoffice.models import PersonalDataAccess


def record_residents_access(user, residents, action):
    """Keep who did what with the data of these people on the new-resident list."""
    PersonalDataAccess.objects.bulk_create([
        PersonalDataAccess(user=user, resident=resident, action=action,
                           municipality_id=resident.municipality_id)
        for resident in residents
    ])

from backoffice.models.cases import (
    ContactAttempt,
    Conversation,
    NeedCategory,
    PersonalDataAccess,
    Referral,
)
from backoffice.models.inflow import (
    InflowColumnMapping,
    InflowImport,
    InvitationLetterText,
    NewResident,
)

__all__ = [
    "ContactAttempt", "Conversation", "InflowColumnMapping", "InflowImport",
    "InvitationLetterText", "NeedCategory", "NewResident", "PersonalDataAccess", "Referral",
]

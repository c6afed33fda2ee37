import uuid

import pytest

from appointments.services import submit_request
from portal import roles
from tests.factories import UserFactory


@pytest.fixture
def staff(demo):
    """Anonymous aside, the people of the permission table."""
    heidebeek, linderode = demo["heidebeek"], demo["linderode"]
    return {
        "toeleider A": UserFactory(username="bo-toeleider-a", first_name="Anna",
                                   role=roles.TOELEIDER, municipalities=[heidebeek]),
        "toeleider B": UserFactory(username="bo-toeleider-b", first_name="Bert",
                                   role=roles.TOELEIDER, municipalities=[linderode]),
        "coordinator": UserFactory(username="bo-coordinator", role=roles.COORDINATOR,
                                   municipalities=[heidebeek]),
        "editor": UserFactory(username="bo-editor", role=roles.REDACTEUR,
                              municipalities=[heidebeek]),
        "administrator": UserFactory(username="bo-admin", is_superuser=True),
        "dpo": UserFactory(username="bo-dpo", role=roles.DPO, municipalities=[heidebeek]),
    }


@pytest.fixture
def case_of(demo):
    def make(slug="heidebeek", **fields):
        request, _created = submit_request(
            municipality=demo[slug], language="ar", submission_key=uuid.uuid4(),
            fields={"name": "Karim Voorbeeld", "phone": "+32470555666",
                    "email": "karim@example.org", "contact_language": "ar", **fields},
        )
        return request

    return make

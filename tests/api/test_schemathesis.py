"""Property-based run of every API operation against its own OpenAPI schema (schemathesis):
no server errors, and status codes, content types and bodies as the schema documents them.

`positive_data_acceptance` is left out on purpose: the schema cannot express every rule of the
form (an identity number's check digit, an agency that exists), so a schema-valid request may
rightly be refused with a documented 400.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS, load_all_checks

from gongkai.wsgi import application
from tests.conftest import clear_own_cache

load_all_checks()
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
CHECK_NAMES = (
    "not_a_server_error", "status_code_conformance", "content_type_conformance",
    "response_schema_conformance", "negative_data_rejection",
)
SELECTED = [check for check in CHECKS.get_all() if check.__name__ in CHECK_NAMES]


def test_the_selected_checks_are_known():
    assert sorted(check.__name__ for check in SELECTED) == sorted(CHECK_NAMES)


@pytest.fixture(autouse=True)
def _data(agency, other_agency):
    clear_own_cache()


@pytest.mark.django_db(transaction=True)
@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case):
    clear_own_cache()  # each example starts under the rate limits
    response = case.call()
    case.validate_response(response, checks=SELECTED)

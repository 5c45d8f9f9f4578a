"""The audit log's pages: a visitor who is not logged in is sent to log in, then comes back."""

from urllib.parse import quote

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["audit:list", "audit:export"])
def test_an_anonymous_visitor_is_sent_to_the_login_page_and_back(client, name):
    url = reverse(name)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={quote(url)}"

"""One decision for conditional requests (RFC 9110 13.2.2), shared by every public response."""

import pytest

from newsreel.public.conditional import NOT_MODIFIED, PRECONDITION_FAILED, outcome
from tests.public.test_fastpath import ARTICLE, call, django_app, fast, stored  # noqa: F401  (fixtures)

TAG = '"abc"'
AT = 1_760_000_000
DATE_AT = "Thu, 09 Oct 2025 08:53:20 GMT"  # AT as an HTTP date
EARLIER = "Thu, 09 Oct 2025 08:53:19 GMT"
# Later than any server's clock: RFC 2616 14.25 calls such a date invalid, and RFC 9110 13.1.3 has an
# invalid If-Modified-Since ignored. Red-team pass of 2026-12-08: it answered 304 everywhere.
FAR_FUTURE = "Fri, 31 Dec 9999 23:59:59 GMT"


@pytest.mark.parametrize(("headers", "expected"), [
    ({}, None),
    ({"HTTP_IF_NONE_MATCH": TAG}, NOT_MODIFIED),
    ({"HTTP_IF_NONE_MATCH": f'"other", W/{TAG}'}, NOT_MODIFIED),  # weak comparison
    ({"HTTP_IF_NONE_MATCH": "*"}, NOT_MODIFIED),
    ({"HTTP_IF_NONE_MATCH": '"other"'}, None),
    ({"HTTP_IF_MODIFIED_SINCE": DATE_AT}, NOT_MODIFIED),
    ({"HTTP_IF_MODIFIED_SINCE": EARLIER}, None),
    ({"HTTP_IF_MODIFIED_SINCE": "not a date"}, None),
    ({"HTTP_IF_MODIFIED_SINCE": FAR_FUTURE}, None),
    # If-None-Match wins over If-Modified-Since when both are sent.
    ({"HTTP_IF_NONE_MATCH": '"other"', "HTTP_IF_MODIFIED_SINCE": DATE_AT}, None),
    ({"HTTP_IF_MATCH": TAG}, None),
    ({"HTTP_IF_MATCH": "*"}, None),
    ({"HTTP_IF_MATCH": '"other"'}, PRECONDITION_FAILED),
    ({"HTTP_IF_MATCH": f"W/{TAG}"}, PRECONDITION_FAILED),  # strong comparison
    ({"HTTP_IF_UNMODIFIED_SINCE": EARLIER}, PRECONDITION_FAILED),
    ({"HTTP_IF_UNMODIFIED_SINCE": DATE_AT}, None),
    ({"HTTP_IF_MATCH": TAG, "HTTP_IF_NONE_MATCH": TAG}, NOT_MODIFIED),
])
def test_the_outcome_follows_rfc_9110(headers, expected):
    assert outcome(headers, TAG, AT) == expected


def test_it_agrees_with_djangos_own_evaluation_of_the_same_headers(rf):
    from django.http import HttpResponse
    from django.utils.cache import get_conditional_response

    cases = [{"HTTP_IF_NONE_MATCH": TAG}, {"HTTP_IF_MODIFIED_SINCE": EARLIER}, {"HTTP_IF_MATCH": '"other"'},
             {"HTTP_IF_UNMODIFIED_SINCE": EARLIER}, {"HTTP_IF_NONE_MATCH": f"W/{TAG}"}, {}]
    for headers in cases:
        django = get_conditional_response(rf.get("/", **headers), etag=TAG, last_modified=AT, response=HttpResponse())
        ours = outcome(headers, TAG, AT)
        assert (ours or 200) == django.status_code, headers


@pytest.fixture
def media_file(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "still.txt").write_bytes(b"a still")
    return "/media/still.txt"


@pytest.mark.django_db
@pytest.mark.parametrize("app", ["fast", "django_app"])
@pytest.mark.parametrize("path", ["stored", "media_file"])
def test_an_if_modified_since_later_than_the_clock_is_ignored_on_every_public_answer(request, app, path):
    application = request.getfixturevalue(app)
    address = ARTICLE if path == "stored" else request.getfixturevalue("media_file")
    if path == "stored":
        request.getfixturevalue("stored")
    status, headers, body = call(application, address, HTTP_IF_MODIFIED_SINCE=FAR_FUTURE)
    assert status == "200 OK" and body
    # a date the server has reached still answers 304, as before
    status, _, _ = call(application, address, HTTP_IF_MODIFIED_SINCE=headers["last-modified"])
    assert status.startswith("304")

"""Browser tests: the `chromium` and `page` fixtures are defined once, in tests/conftest.py,
and are available to every test module without an import. Do not import or redefine them:
a second session-scoped Playwright in the same thread fails with "Sync API inside the
asyncio loop". Mark a module `pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]`."""

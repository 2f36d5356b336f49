"""An app server seen through a TLS-terminating proxy, as the operations specs play it."""

from __future__ import annotations

import re

import requests

SITE = "news.example.test"


class Machine:
    """One app server seen through the proxy: a Host, https forwarded, cookies kept by hand
    (they are Secure, and the spec speaks plain http to the server behind the proxy)."""

    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.http = requests.Session()
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"Host": SITE, "X-Forwarded-Proto": "https", **kwargs.pop("headers", {})}
        if method == "POST":
            headers["Origin"] = f"https://{SITE}"
            headers["Referer"] = f"https://{SITE}{path}"
        response = self.http.request(method, self.base + path, headers=headers, cookies=dict(self.cookies),
                                     allow_redirects=False, timeout=30, **kwargs)
        self.cookies.update(response.cookies.get_dict())
        return response

    def get(self, path: str) -> requests.Response:
        return self.request("GET", path)

    def post_form(self, path: str, data: dict, files: dict | None = None, *, form_on: str = "") -> requests.Response:
        """POST as the form at `form_on` (by default `path` itself) does, with its CSRF token."""
        page = self.get(form_on or path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token, f"no CSRF token in the form at {form_on or path} ({page.status_code})"
        return self.request("POST", path, data={**data, "csrfmiddlewaretoken": token.group(1)}, files=files)

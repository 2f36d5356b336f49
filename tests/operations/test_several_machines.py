"""Two app servers, one PostgreSQL, one bucket, behind a TLS proxy: readers and editors see one site.

The spec plays the proxy: it talks plain http to each server with the Host and
X-Forwarded-Proto a TLS-terminating proxy sends, and an https Origin, as a browser would.
"""

from __future__ import annotations

import io
import json
import re
import secrets
import subprocess

import pytest
import requests
from PIL import Image as PILImage

from .behind_proxy import SITE, Machine
from .processes import (
    NEWSREEL, ON_POSTGRES, base_env, free_port, newsreel, s3_server, scratch_postgres, serving_together,
)

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="several machines share PostgreSQL: runs in the PostgreSQL pass")

BUCKET = "newsroom-media"
PASSWORD = "harbor-lights-" + secrets.token_hex(6)


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (80, 50), (20, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def bucket_endpoint():
    import boto3

    with s3_server() as endpoint:
        s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                          aws_access_key_id="spec", aws_secret_access_key="spec-secret")
        s3.create_bucket(Bucket=BUCKET)
        # As docs/deploy.md says: readers may read the bucket's objects, nobody may list or write.
        s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps({"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{BUCKET}/*"}]}))
        yield endpoint


def test_two_servers_share_logins_uploads_and_published_pages(tmp_path, bucket_endpoint):
    with scratch_postgres("machines") as database_url:
        shared = {
            "DATABASE_URL": database_url, "NEWSREEL_SECRET_KEY": secrets.token_urlsafe(50),
            "NEWSREEL_SITE_URL": f"https://{SITE}", "NEWSREEL_PROXY_SSL_HEADER": "X-Forwarded-Proto",
            "NEWSREEL_S3_BUCKET": BUCKET, "NEWSREEL_S3_ENDPOINT_URL": bucket_endpoint, "NEWSREEL_S3_REGION": "us-east-1",
            "NEWSREEL_S3_ACCESS_KEY_ID": "spec", "NEWSREEL_S3_SECRET_ACCESS_KEY": "spec-secret",
        }
        env_a = base_env(tmp_path / "machine-a", **shared)
        env_b = base_env(tmp_path / "machine-b", **shared)
        port_a, port_b = free_port(), free_port()

        # A new database: the servers refuse it until `newsreel migrate` has run (twice at once here).
        refused = newsreel("serve", "--port", str(port_a), env=env_a)
        assert refused.returncode != 0 and "Run `newsreel migrate`" in refused.stderr
        migrations = [subprocess.Popen([*NEWSREEL, "migrate"],
                                       env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                      for env in (env_a, env_b)]
        for process in migrations:
            out, err = process.communicate(timeout=300)
            assert process.returncode == 0, err
        made = newsreel("createuser", "editor", "--role", "editor", "--password", PASSWORD, env=env_a)
        assert made.returncode == 0, made.stderr

        with serving_together((env_a, port_a), (env_b, port_b)):
            a, b = Machine(port_a), Machine(port_b)
            for machine in (a, b):
                assert machine.get("/readyz").json() == {"status": "ok", "database": "ok", "migrations": "ok",
                                                        "storage": "ok"}

            # Log in on A (behind the proxy: https Origin, forwarded proto), stay logged in on B.
            login = a.post_form("/desk/login/", {"username": "editor", "password": PASSWORD})
            assert login.status_code == 302, login.text[:500]
            assert "sessionid" in a.cookies
            b.cookies.update(a.cookies)
            desk_on_b = b.get("/desk/")
            assert desk_on_b.status_code == 200 and "editor" in desk_on_b.text

            # Upload on A; B lists the image, and its URL serves the same bytes from the bucket.
            picture = png_bytes()
            uploaded = a.post_form("/desk/images/", {"alt": "A harbour at night", "credit": "Photo: Spec Studio",
                                                    "caption": ""}, files={"file": ("harbour.png", picture, "image/png")})
            assert uploaded.status_code == 302, uploaded.text[:500]
            listing = b.get("/desk/images/").text
            assert "A harbour at night" in listing
            urls = set(re.findall(rf'src="({re.escape(bucket_endpoint)}/{BUCKET}/[^"]+)"', listing))
            assert urls, "B's image library names no file in the bucket"
            originals = [url for url in urls if url.endswith(".png")]
            fetched = requests.get(originals[0] if originals else sorted(urls)[0], timeout=30)
            assert fetched.status_code == 200 and fetched.headers["Content-Type"].startswith("image/")
            if originals:
                assert fetched.content == picture

            # B serves the home page (and keeps it); A publishes; B serves the new story at once.
            assert "Lighthouse keepers vote" not in b.get("/").text
            body = "The lighthouse keepers of the northern coast met on Tuesday.\n\nThey voted to keep the lamps lit."
            form = {"headline": "Lighthouse keepers vote to stay", "slug": "", "dek": "", "summary": "",
                    "body": body, "section": "", "tags": "Coast", "authors": "Nadia Ferro", "hero_image": "",
                    "sources": "", "action": "publish", "base_revision": "0"}
            published = a.post_form("/desk/articles/new/", form)
            assert published.status_code == 302, published.text[:500]
            story = b.get("/articles/lighthouse-keepers-vote-to-stay/")
            assert story.status_code == 200 and "Lighthouse keepers vote to stay" in story.text
            assert "Lighthouse keepers vote to stay" in b.get("/").text

            # A correction published on A replaces the page B has already served.
            edit_path = published.headers["Location"]
            revision = re.search(r'name="base_revision" value="(\d+)"', a.get(edit_path).text).group(1)
            corrected = a.post_form(edit_path, {**form, "headline": "Lighthouse keepers vote to stay on",
                                                "slug": "lighthouse-keepers-vote-to-stay", "base_revision": revision})
            assert corrected.status_code == 302, corrected.text[:500]
            assert "Lighthouse keepers vote to stay on" in b.get("/articles/lighthouse-keepers-vote-to-stay/").text

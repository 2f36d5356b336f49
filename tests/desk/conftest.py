import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from newsreel.films.knowledge import import_knowledge_graph

from tests.graph import GRAPH


BODY = """Ada Varga has finished *Harbor Lights*, her first feature in six years.

:::spoiler harbor-lights-2025
In the last scene the lighthouse keeper walks into the sea.
:::

The film opens in October.
"""


def make_user(username: str, role: str | None) -> User:
    user = User.objects.create_user(username, f"{username}@newsroom.example", "correct horse battery")
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def graph(db):
    import_knowledge_graph(GRAPH)
    return GRAPH


@pytest.fixture
def contributor(db):
    return make_user("carla", "contributor")


@pytest.fixture
def other_contributor(db):
    return make_user("otto", "contributor")


@pytest.fixture
def editor(db):
    return make_user("edith", "editor")


@pytest.fixture
def nobody(db):
    return make_user("nora", None)


@pytest.fixture
def as_contributor(client, contributor):
    client.force_login(contributor)
    return client


@pytest.fixture
def as_editor(client, editor):
    client.force_login(editor)
    return client


def article_form(**changes) -> dict:
    data = {
        "headline": "Ada Varga finishes Harbor Lights", "slug": "", "dek": "", "summary": "",
        "body": BODY, "section": "", "tags": "Drama, Festivals", "authors": "Nadia Ferro",
        "hero_image": "", "sources": "", "action": "save",
    }
    data.update(changes)
    return data


def png_upload(name: str = "still.png", size: tuple[int, int] = (64, 40)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (120, 30, 30)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")

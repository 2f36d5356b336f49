"""Picture files an import names again and again are read once and stored once, never reused stale."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from PIL import Image as PILImage

from newsreel.images import known_files
from newsreel.images.known_files import remembering_files
from newsreel.images.models import Image
from newsreel.images.services import check_image_file, discard_image, find_or_create_image_from_path

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def reads(monkeypatch) -> list[Path]:
    """Every path whose bytes are read and decoded for its facts."""
    seen: list[Path] = []
    read = known_files.read_facts
    monkeypatch.setattr(known_files, "read_facts", lambda path, data: seen.append(path) or read(path, data))
    return seen


def still(folder: Path, colour=(20, 40, 60), name: str = "poster.jpg") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    PILImage.new("RGB", (320, 180), colour).save(folder / name)
    return folder / name


def test_inside_an_import_a_file_named_many_times_is_read_and_stored_once(tmp_path, reads):
    path = still(tmp_path / "uploads")
    with remembering_files():
        first = [find_or_create_image_from_path(path, alt="A poster", credit="Photo: Desk") for _ in range(3)]
        check_image_file(path, alt="A poster", credit="Photo: Desk")
    assert [created for _, created in first] == [True, False, False]
    assert len({image.pk for image, _ in first}) == 1
    assert reads == [path]
    assert Image.objects.count() == 1


def test_outside_an_import_every_reference_reads_the_file_and_looks_in_the_table(tmp_path, reads):
    path = still(tmp_path / "uploads")
    find_or_create_image_from_path(path, alt="A poster", credit="Photo: Desk")
    image, created = find_or_create_image_from_path(path, alt="A poster", credit="Photo: Desk")
    assert not created and Image.objects.count() == 1
    assert reads == [path, path]


def test_a_file_rewritten_during_the_import_is_read_again_and_stored_as_the_new_picture(tmp_path):
    path = still(tmp_path / "uploads")
    with remembering_files():
        before, _ = find_or_create_image_from_path(path, alt="A poster", credit="Photo: Desk")
        still(tmp_path / "uploads", colour=(200, 10, 10))
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10_000_000))
        after, created = find_or_create_image_from_path(path, alt="A poster", credit="Photo: Desk")
    assert created and after.pk != before.pk


def test_a_picture_discarded_with_its_story_is_never_handed_out_again(tmp_path):
    path = still(tmp_path / "uploads")
    with remembering_files():
        image, _ = find_or_create_image_from_path(path, alt="A poster", credit="Photo: Desk")
        discard_image(image)  # its story's transaction rolled back
        again, created = find_or_create_image_from_path(path, alt="A poster", credit="Photo: Desk")
    assert created and Image.objects.filter(pk=again.pk).exists()


def test_the_same_file_with_another_credit_is_another_picture(tmp_path):
    path = still(tmp_path / "uploads")
    with remembering_files():
        one, _ = find_or_create_image_from_path(path, alt="A poster", credit="Photo: Desk")
        other, created = find_or_create_image_from_path(path, alt="A poster", credit="Photo: Archive")
    assert created and one.pk != other.pk


def test_a_remembered_broken_file_still_names_its_problem_and_the_missing_texts(tmp_path):
    broken = tmp_path / "uploads" / "cut.jpg"
    whole = still(tmp_path / "uploads")
    broken.write_bytes(whole.read_bytes()[:300])
    with remembering_files():
        for _ in range(2):
            with pytest.raises(ValidationError) as raised:
                check_image_file(broken, alt="", credit="Photo: Desk")
            assert set(raised.value.message_dict) == {"file", "alt"}
            assert "truncated or damaged" in raised.value.message_dict["file"][0]


def test_a_figure_naming_a_picture_the_import_stored_is_resolved_without_reading_it_back(tmp_path,
                                                                                      django_assert_num_queries):
    from newsreel.newsroom.publishing import resolve_image

    path = still(tmp_path / "uploads")
    with remembering_files():
        image, _ = find_or_create_image_from_path(path, alt="A poster", credit="Photo: Desk")
        with django_assert_num_queries(0):
            ref = resolve_image(f"image:{image.pk}")
        assert (ref.alt, ref.credit) == ("A poster", "Photo: Desk")
        discard_image(image)  # its story rolled back: the id names nothing any more
        assert resolve_image(f"image:{image.pk}") is None
    assert resolve_image(f"image:{image.pk}") is None


def test_one_file_stored_under_two_alts_is_encoded_once_and_each_picture_has_its_own_copies(tmp_path, monkeypatch):
    from newsreel.images import renditions

    encoded = []
    encode = renditions.encode_renditions
    monkeypatch.setattr(renditions, "encode_renditions", lambda *args: encoded.append(args[1:]) or encode(*args))
    path = still(tmp_path / "uploads")
    with remembering_files():
        featured, _ = find_or_create_image_from_path(path, alt="The poster, featured", credit="Photo: Desk")
        figure, _ = find_or_create_image_from_path(path, alt="The poster in the story", credit="Photo: Desk")
    assert featured.pk != figure.pk and encoded == [(0.5, 0.5)]
    names = [set(renditions.stored_names(image.renditions)) for image in (featured, figure)]
    assert names[0] and not names[0] & names[1]  # discarding one never removes the other's files
    discard_image(featured)
    assert all(renditions.default_storage.exists(name) for name in names[1])


def test_outside_an_import_and_for_another_focal_point_a_picture_is_encoded_again(tmp_path, monkeypatch):
    from newsreel.images import renditions
    from newsreel.images.services import set_focal_point

    encoded = []
    encode = renditions.encode_renditions
    monkeypatch.setattr(renditions, "encode_renditions", lambda *args: encoded.append(args[1:]) or encode(*args))
    path = still(tmp_path / "uploads")
    find_or_create_image_from_path(path, alt="One", credit="Photo: Desk")
    image, _ = find_or_create_image_from_path(path, alt="Two", credit="Photo: Desk")
    with remembering_files():
        set_focal_point(image, 0.2, 0.3)
    assert encoded == [(0.5, 0.5), (0.5, 0.5), (0.2, 0.3)]


def test_a_picture_checked_during_an_import_is_encoded_beside_it_and_storing_it_takes_those_copies(tmp_path, monkeypatch):
    import threading

    from newsreel.images import renditions, services

    threads = []
    encode = renditions.encode_renditions

    def counted(*args):
        threads.append(threading.current_thread().name)
        return encode(*args)
    monkeypatch.setattr(services, "encode_renditions", counted)
    monkeypatch.setattr(renditions, "encode_renditions", counted)
    path = still(tmp_path / "uploads")
    with remembering_files():
        check_image_file(path, alt="A poster", credit="Photo: Desk")
        image, created = find_or_create_image_from_path(path, alt="A poster", credit="Photo: Desk")
    assert created and renditions.is_current(image.renditions, image)
    assert len(threads) == 1 and threads[0].startswith("newsreel-renditions")


def test_a_picture_already_stored_is_not_encoded_ahead_for_nothing(tmp_path, monkeypatch):
    path = still(tmp_path / "uploads")
    find_or_create_image_from_path(path, alt="A poster", credit="Photo: Desk")
    with remembering_files():
        check_image_file(path, alt="A poster", credit="Photo: Desk")
        memory = known_files._memory.get()
        assert len(memory.ahead) == 1
        find_or_create_image_from_path(path, alt="A poster", credit="Photo: Desk")
        assert not memory.ahead  # cancelled: the picture was there already


def test_outside_an_import_nothing_is_encoded_ahead(tmp_path):
    path = still(tmp_path / "uploads")
    check_image_file(path, alt="A poster", credit="Photo: Desk")
    assert known_files._memory.get() is None and not known_files.wants_ahead("0" * 64, (0.5, 0.5))


def test_inside_an_import_pictures_stored_before_it_are_found_by_one_read_of_the_table_not_a_scan_each(tmp_path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first, second = still(tmp_path / "a"), still(tmp_path / "b", colour=(90, 10, 10))
    before = [find_or_create_image_from_path(path, alt="A still", credit="Photo: Desk")[0] for path in (first, second)]
    find_or_create_image_from_path(first, alt="A still", credit="Photo: Other desk")  # stored as poster-…_XXXXXXX.jpg
    with remembering_files(), CaptureQueriesContext(connection) as queries:
        found = [find_or_create_image_from_path(path, alt="A still", credit="Photo: Desk") for path in (first, second)]
        again, created = find_or_create_image_from_path(first, alt="A still", credit="Photo: Other desk")
    assert [image.pk for image, _ in found] == [image.pk for image in before] and not created
    assert not [query for query in queries.captured_queries if " LIKE " in query["sql"]]
    assert Image.objects.count() == 3


def test_a_picture_the_import_checked_is_not_decoded_again_when_stored_unless_its_bytes_changed(tmp_path, monkeypatch):
    from newsreel.images import checks, services

    decoded = []
    decode = checks.check_image_data
    monkeypatch.setattr(services, "check_image_data", lambda data: decoded.append(len(data)) or decode(data))
    path = still(tmp_path / "uploads")
    with remembering_files():
        check_image_file(path, alt="A poster", credit="Photo: Desk")  # read and decoded here (known_files)
        find_or_create_image_from_path(path, alt="A poster", credit="Photo: Desk")
        assert decoded == []
        facts = known_files.file_facts(path)
        other = PILImage.new("RGB", (64, 64), (1, 2, 3))
        buffer = io.BytesIO()
        other.save(buffer, "PNG")
        services.check_image(buffer.getvalue(), alt="A", credit="Photo: Desk", known=facts)  # not the bytes it knows
        assert len(decoded) == 1


def test_inside_an_import_a_picture_s_path_is_checked_once(tmp_path, monkeypatch):
    from newsreel.newsroom import local_images

    checked = []
    check = local_images._checked_path
    monkeypatch.setattr(local_images, "_checked_path", lambda *args: checked.append(args[0]) or check(*args))
    still(tmp_path / "uploads")
    with remembering_files():
        for _ in range(3):
            assert local_images.local_image_path("poster.jpg", tmp_path / "uploads").name == "poster.jpg"
    local_images.local_image_path("poster.jpg", tmp_path / "uploads")
    assert checked == ["poster.jpg", "poster.jpg"]

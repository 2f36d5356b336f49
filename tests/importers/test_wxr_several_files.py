"""`newsreel import wordpress SOURCE`: an export in several files (WP-CLI's `wp export` parts, a
WordPress.com "Export all" zip, a folder of the parts) imports as one site.

Each part is a whole WXR document with a subset of the items; a post's featured image may be in
another part than the post. Every message names the part and its own line.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.core.management.base import CommandError
from PIL import Image as PILImage

from newsreel.importers import wxr_parts
from newsreel.newsroom.models import Article
from tests.importers.commands import imported
from tests.importers.wxr_samples import Post, attachment, guest_author, wxr

pytestmark = pytest.mark.django_db

FIRST = wxr([
    attachment(20, "2024/03/harbour.jpg", title="Harbour set", alt="A harbour film set at dusk", credit="Driftwood Pictures"),
    Post(11, "Pier lamps relit", "pier-lamps-relit", "<p>Four lamps were lit at six.</p>"),
])
SECOND = wxr([
    Post(12, "Lanterns Over Kelby premiere", "lanterns-premiere", "<p>An invented premiere at the Pier Cinema.</p>",
         meta={"_thumbnail_id": "20"}),
])


def run(*args: object) -> tuple[str, str, CommandError | None]:
    return imported("wordpress", *args)


def make_zip(path: Path, members: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


def item_line(text: str, title: str) -> int:
    """The line the `<item>` holding `title` begins on."""
    return text[: text.rindex("<item>", 0, text.index(title))].count("\n") + 1


@pytest.fixture
def media(tmp_path: Path) -> Path:
    folder = tmp_path / "uploads" / "2024" / "03"
    folder.mkdir(parents=True)
    PILImage.new("RGB", (1200, 675), (40, 60, 90)).save(folder / "harbour.jpg")
    return tmp_path / "uploads"


def assert_site_imported(out: str, err: str, error: CommandError | None) -> None:
    assert error is None, err
    assert "imported 2 article(s): 2 new, 0 updated, 0 failed" in out
    premiere = Article.objects.get(slug="lanterns-premiere")
    assert premiere.hero_image is not None and premiere.hero_image.credit == "Driftwood Pictures"
    assert premiere.hero_image.alt == "A harbour film set at dusk"
    assert "featured image" not in err


def test_a_zip_of_two_parts_imports_as_one_site_with_a_featured_image_from_the_other_part(tmp_path, media):
    export = make_zip(tmp_path / "export.zip", {"site.wordpress.2024-12-02.000.xml": FIRST,
                                                "site.wordpress.2024-12-02.001.xml": SECOND})
    assert_site_imported(*run(export, "--media", media))


def test_a_folder_of_the_parts_imports_the_same(tmp_path, media):
    folder = tmp_path / "parts"
    folder.mkdir()
    (folder / "site.wordpress.2024-12-02.000.xml").write_text(FIRST, encoding="utf-8")
    (folder / "site.wordpress.2024-12-02.001.xml").write_text(SECOND, encoding="utf-8")
    (folder / "readme.txt").write_text("not a part", encoding="utf-8")
    assert_site_imported(*run(folder, "--media", media))


def test_a_wordpress_com_zip_with_its_parts_inside_a_folder_member_ignores_mac_and_dot_files(tmp_path, media):
    export = make_zip(tmp_path / "export.zip", {
        "reelharbor.wordpress.2024-12-02/": b"",
        "reelharbor.wordpress.2024-12-02/reelharbor.wordpress.2024-12-02.001.xml": SECOND,
        "reelharbor.wordpress.2024-12-02/reelharbor.wordpress.2024-12-02.000.xml": FIRST,
        "__MACOSX/reelharbor.wordpress.2024-12-02/._reelharbor.wordpress.2024-12-02.000.xml": b"\x00\x05\x16\x07junk",
        "reelharbor.wordpress.2024-12-02/.hidden.xml": b"\x00junk",
    })
    assert_site_imported(*run(export, "--media", media))


def test_bylines_blocks_and_galleries_are_looked_up_across_parts(tmp_path, media):
    first = wxr([guest_author(850, "mbrook", "Mara Brook"),
                 Post(60, "Newsletter footer", "newsletter-footer", "<!-- wp:paragraph -->\n<p>Invented sign-off.</p>\n"
                      "<!-- /wp:paragraph -->", post_type="wp_block"),
                 attachment(21, "2024/03/harbour.jpg", title="Harbour again", alt="The harbour set", credit="Driftwood Pictures",
                            parent=14)])
    second = wxr([Post(14, "Harbor week", "harbor-week", '<p>An invented week.</p>\n\n[gallery]\n\n<!-- wp:block {"ref":60} /-->',
                       coauthors=[("cap-mbrook", "mbrook"), ("cap-tokafor", "tokafor")])])
    export = make_zip(tmp_path / "export.zip", {"site.000.xml": first, "site.001.xml": second})
    _, err, error = run(export, "--media", media)
    assert error is None, err
    week = Article.objects.get(slug="harbor-week")
    assert list(week.authors.values_list("name", flat=True)) == ["Mara Brook", "Tomas Okafor"]
    assert "Invented sign-off." in week.body and "![The harbour set](" in week.body  # the gallery, from the other part


def test_parts_are_read_in_natural_name_order(tmp_path):
    # The same slug in each part: the first part read keeps it, the later ones get their id added.
    texts = {name: wxr([Post(post_id, f"Harbor notes {post_id}", "harbor-notes", f"<p>Invented notes {post_id}.</p>")])
             for name, post_id in (("site.010.xml", 110), ("site.000.xml", 100), ("site.001.xml", 101),
                                   ("site.2.xml", 102))}
    export = make_zip(tmp_path / "export.zip", texts)  # members written out of order
    assert [name.rsplit(":", 1)[-1] for name in wxr_parts.part_names(export)] == \
        ["site.000.xml", "site.001.xml", "site.2.xml", "site.010.xml"]
    _, err, error = run(export)
    assert error is None, err
    assert Article.objects.get(slug="harbor-notes").headline == "Harbor notes 100"
    assert {"harbor-notes-101", "harbor-notes-102", "harbor-notes-110"} <= set(Article.objects.values_list("slug", flat=True))


def test_importing_the_same_zip_twice_makes_no_duplicates_and_a_dry_run_keeps_nothing(tmp_path, media):
    export = make_zip(tmp_path / "export.zip", {"site.000.xml": FIRST, "site.001.xml": SECOND})
    out, err, error = run(export, "--media", media, "--dry-run")
    assert error is None, err
    assert "dry run, nothing was kept" in out and Article.objects.count() == 0
    run(export, "--media", media)
    out, err, error = run(export, "--media", media)
    assert error is None, err
    assert "0 new, 2 updated" in out
    assert Article.objects.count() == 2


def test_warnings_name_the_part_and_its_own_line(tmp_path):
    # A bare & in a link, outside CDATA: a repair reported at its line, on the post it falls in.
    second = wxr([Post(12, "R&D at the pier", "r-and-d-at-the-pier", "<p>An invented lab.</p>"),
                  Post(11, "Pier lamps again", "pier-lamps-again", "<p>Same id as a post of the first part.</p>")]
                 ).replace("r-and-d-at-the-pier/</link>", "r&d-at-the-pier/</link>")
    export = make_zip(tmp_path / "export.zip", {"site.000.xml": FIRST, "site.001.xml": second})
    _, err, error = run(export)
    assert error is None, err
    line = item_line(second, "R&D at the pier")
    bare = second[: second.index("r&d")].count("\n") + 1
    assert f"{export}:site.001.xml:{line}: the file, line {bare} (item 'R&D at the pier'): a bare & is not allowed" in err
    again = item_line(second, "Pier lamps again")
    assert (f"{export}:site.001.xml:{again}: post id 11 is also the id of the item at "
            f"{export}:site.000.xml:{item_line(FIRST, 'Pier lamps relit')}") in err


def test_a_folder_names_each_part_by_its_path(tmp_path):
    folder = tmp_path / "parts"
    folder.mkdir()
    (folder / "site.000.xml").write_text(FIRST, encoding="utf-8")
    (folder / "site.001.xml").write_text(wxr([Post(13, "Rock night", "rock-night", "<p>Invented.</p>")])
                                         .replace("rock-night/</link>", "rock&nbsp;night/</link>"), encoding="utf-8")
    _, err, error = run(folder)
    assert error is None, err
    assert f"{folder / 'site.001.xml'}:" in err and "entity &nbsp; is not declared" in err


def test_a_part_that_is_not_a_wordpress_export_stops_the_import_before_anything_is_written(tmp_path):
    export = make_zip(tmp_path / "export.zip", {"site.000.xml": FIRST, "site.001.xml": "<html><body>x</body></html>"})
    _, _, error = run(export)
    assert error is not None
    assert str(error).startswith(f"{export}:site.001.xml: line 1: not a WordPress export")
    assert Article.objects.count() == 0


def test_parts_of_two_sites_are_refused_naming_both(tmp_path):
    other = wxr([Post(30, "Elsewhere", "elsewhere", "<p>Another invented site.</p>")], site="https://other-harbor.example")
    export = make_zip(tmp_path / "export.zip", {"site.000.xml": FIRST, "site.001.xml": other})
    _, _, error = run(export)
    assert error is not None
    message = str(error)
    assert "reelharbor.example" in message and "other-harbor.example" in message
    assert "site.000.xml" in message and "site.001.xml" in message and "two sites" in message
    assert Article.objects.count() == 0


def test_a_folder_or_zip_without_an_xml_part_is_refused(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "notes.txt").write_text("nothing", encoding="utf-8")
    _, _, error = run(folder)
    assert error is not None and str(error) == f"{folder}: no .xml file in the folder (a WordPress export's parts end in .xml)"
    export = make_zip(tmp_path / "export.zip", {"media/a.jpg": b"\xff\xd8", "__MACOSX/._a.xml": b"junk"})
    _, _, error = run(export)
    assert error is not None and str(error) == f"{export}: no .xml file in the zip (a WordPress export's parts end in .xml)"


def test_a_zip_that_is_not_one_or_is_damaged_is_refused(tmp_path):
    fake = tmp_path / "export.zip"
    fake.write_text("plain text, not a zip", encoding="utf-8")
    _, _, error = run(fake)
    assert error is not None and str(error).startswith(f"{fake}: not a zip file or a damaged one")
    whole = make_zip(tmp_path / "whole.zip", {"site.000.xml": FIRST}).read_bytes()
    damaged = tmp_path / "damaged.zip"
    at = whole.index(b"Pier lamps") - 100 if b"Pier lamps" in whole else len(whole) // 3
    damaged.write_bytes(whole[:at] + bytes(b ^ 0x5A for b in whole[at:at + 200]) + whole[at + 200:])
    _, _, error = run(damaged)
    assert error is not None and str(error).startswith(f"{damaged}") and "damaged" in str(error)


def test_an_encrypted_zip_is_refused(tmp_path):
    export = make_zip(tmp_path / "export.zip", {"site.000.xml": FIRST})
    with zipfile.ZipFile(export) as archive:
        info = archive.infolist()[0]
    data = bytearray(export.read_bytes())
    # Mark the member encrypted (general purpose bit 0) in its local and central headers.
    data[6] |= 0x01
    central = data.index(b"PK\x01\x02")
    data[central + 8] |= 0x01
    export.write_bytes(bytes(data))
    _, _, error = run(export)
    assert error is not None
    assert str(error) == f"{export}:{info.filename}: is encrypted; export again without a password (or unzip it yourself)"


def test_a_member_larger_than_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(wxr_parts, "MAX_PART_BYTES", 10_000)
    export = make_zip(tmp_path / "export.zip", {"site.000.xml": FIRST + "<!--" + "x" * 20_000 + "-->"})
    _, _, error = run(export)
    assert error is not None
    assert str(error).startswith(f"{export}:site.000.xml: is ") and "larger than the 10,000 bytes a part may be" in str(error)


def test_a_member_whose_header_lies_about_its_size_is_cut_off_at_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(wxr_parts, "MAX_PART_BYTES", 10_000)
    export = make_zip(tmp_path / "export.zip", {"site.000.xml": FIRST + "<!--" + "x" * 20_000 + "-->"})
    data = bytearray(export.read_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 24:central + 28] = (5_000).to_bytes(4, "little")  # the central directory's uncompressed size
    data[22:26] = (5_000).to_bytes(4, "little")
    export.write_bytes(bytes(data))
    _, _, error = run(export)
    assert error is not None and str(error).startswith(f"{export}")
    assert Article.objects.count() == 0


def test_a_member_compressed_past_any_real_export_is_refused_as_a_zip_bomb(tmp_path, monkeypatch):
    monkeypatch.setattr(wxr_parts, "BOMB_RATIO", 50)
    monkeypatch.setattr(wxr_parts, "BOMB_CHECKED_FROM", 1_000)
    export = make_zip(tmp_path / "export.zip", {"site.000.xml": FIRST + "<!--" + "x" * 200_000 + "-->"})
    _, _, error = run(export)
    assert error is not None
    assert str(error).startswith(f"{export}:site.000.xml: expands ") and "zip bomb" in str(error)


def test_one_xml_file_still_imports_as_before(tmp_path):
    export = tmp_path / "export.xml"
    export.write_text(FIRST, encoding="utf-8")
    assert [str(name) for name in wxr_parts.part_names(export)] == [str(export)]
    out, err, error = run(export)
    assert error is None, err
    assert "imported 1 article(s)" in out

"""Finding and editing an image in a real browser: search the library, open the picture,
click to move its focal point, fix its alt text and credit, and see the public story that
uses it follow."""

import base64
import re
import threading

import pytest
from playwright.sync_api import expect

from newsreel.films.knowledge import import_knowledge_graph
from newsreel.images.models import Image
from newsreel.images.services import create_image
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.publishing import save_and_publish

from .conftest import GRAPH, make_user, png_upload
from .test_review_in_browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_finds_an_image_moves_its_focal_point_and_fixes_its_credit(chromium, live_server):
    import_knowledge_graph(GRAPH)
    make_user("edith", "editor")
    create_image(png_upload("ferry.png", (800, 500)), alt="A ferry in fog", credit="Desk photo")
    pier = create_image(png_upload("pier.png", (1200, 800)), alt="A pier at night", credit="Unknown")
    story = save_and_publish(ArticleDraft(headline="Piers of the north", body="Text.", hero_image=pier.pk),
                             origin="test")
    context, page = sign_in(chromium, live_server, "edith")
    try:
        page.get_by_role("navigation", name="Desk").get_by_role("link", name="Images").click()
        page.get_by_label("Search by alt text, credit, caption, file name, film or person").fill("pier")
        page.get_by_role("button", name="Search").click()
        expect(page.get_by_alt_text("A ferry in fog")).to_have_count(0)
        page.get_by_role("link", name=re.compile("Edit, focal point, where used")).click()
        expect(page.get_by_role("region", name="Where it is used")).to_contain_text("Piers of the north")
        expect(page.get_by_role("region", name="Delete")).to_contain_text("cannot be deleted")

        picture = page.locator("[data-focal-image]")
        box = picture.bounding_box()
        picture.click(position={"x": box["width"] * 0.8, "y": box["height"] * 0.25})
        assert abs(float(page.get_by_label("Focal point, across").input_value()) - 0.8) < 0.02
        page.get_by_label("Alt text").fill("A pier under the northern lights")
        page.get_by_label("Credit").fill("Photo: Lio Brand")
        page.get_by_role("button", name="Save", exact=True).click()
        expect(page.locator(".messages")).to_contain_text("Saved “A pier under the northern lights”")
        pier.refresh_from_db()
        assert abs(pier.focal_x - 0.8) < 0.02 and abs(pier.focal_y - 0.25) < 0.02

        page.goto(live_server.url + story.get_absolute_url())
        expect(page.get_by_alt_text("A pier under the northern lights")).to_be_visible()
        expect(page.locator("main")).to_contain_text("Photo: Lio Brand")
    finally:
        context.close()
    assert Image.objects.count() == 2


def test_several_pictures_upload_at_once_with_progress_and_their_files_credit(chromium, live_server, tmp_path):
    from tests.images.pictures_with_metadata import jpeg

    make_user("edith", "editor")
    (tmp_path / "agency.jpg").write_bytes(jpeg(xmp=True, size=(1600, 1000)))
    (tmp_path / "second.jpg").write_bytes(jpeg(xmp=True, size=(1200, 900)))
    context, page = sign_in(chromium, live_server, "edith")
    try:
        sent = []
        page.on("request", lambda request: sent.append(request.headers.get("x-requested-with"))
                if request.method == "POST" else None)
        page.goto(live_server.url + "/desk/images/")
        page.get_by_label("Pictures").set_input_files([str(tmp_path / "agency.jpg"), str(tmp_path / "second.jpg")])
        page.get_by_role("button", name="Upload").click()
        # Renditions are made before the answer comes: give a loaded machine time.
        expect(page.locator(".messages")).to_contain_text("came from the file: check them", timeout=90_000)
        expect(page.get_by_alt_text("A woman in a coat on a wooden pier")).to_have_count(2)
        assert sent == ["XMLHttpRequest"]  # sent by the page's script, which shows the progress
        assert sorted(Image.objects.values_list("credit", flat=True)) == ["Lio Brand / Kestrel Films"] * 2
    finally:
        context.close()


# Builds the files in the page and hands them over as a real drag or paste would: a DataTransfer
# carried by dragenter, dragover and drop on the library's list (not on the form), or by paste.
DROP_FILES = """([files, how]) => {
  const transfer = new DataTransfer();
  for (const [name, type, b64] of files) {
    transfer.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name, {type}));
  }
  if (how === "paste") {
    const event = new ClipboardEvent("paste", {clipboardData: transfer, bubbles: true, cancelable: true});
    return !(document.activeElement || document.body).dispatchEvent(event);
  }
  const target = document.querySelector(".images");
  let taken = true;
  for (const type of ["dragenter", "dragover", "drop"]) {
    taken = !target.dispatchEvent(new DragEvent(type, {dataTransfer: transfer, bubbles: true, cancelable: true})) && taken;
  }
  return taken;
}"""


def page_file(name: str, kind: str, data: bytes) -> list[str]:
    return [name, kind, base64.b64encode(data).decode()]


@pytest.fixture
def held_uploads(monkeypatch):
    """The desk stores uploads only once the test lets it, so the page's progress can be seen."""
    from newsreel.desk.views import images as view

    release = threading.Event()
    store = view.create_image

    def held(*args, **kwargs):
        release.wait(120)
        return store(*args, **kwargs)

    monkeypatch.setattr(view, "create_image", held)
    yield release
    release.set()


def test_two_pictures_dropped_on_the_library_upload_with_progress(chromium, live_server, held_uploads):
    from tests.images.pictures_with_metadata import jpeg, webp

    make_user("edith", "editor")
    files = [page_file("dropped.jpg", "image/jpeg", jpeg(xmp=True, gps=True, size=(1600, 1000))),
             page_file("dropped.webp", "image/webp", webp(size=(1200, 800)))]
    context, page = sign_in(chromium, live_server, "edith")
    try:
        page.goto(live_server.url + "/desk/images/")
        # Every drag event was taken by the page (cancelled), so the browser does not open the file.
        assert page.evaluate(DROP_FILES, [files, "drop"]) is True
        status = page.locator("[data-upload-status]")
        expect(status).to_have_text("2 pictures ready to upload.")
        assert page.get_by_label("Pictures").evaluate("input => Array.from(input.files, f => f.name)") == [
            "dropped.jpg", "dropped.webp"]
        page.get_by_role("button", name="Upload").click()
        # The whole body is sent and the bar is full while the desk (held here) makes the renditions.
        expect(status).to_have_text("Uploaded; checking the pictures and making their sizes and crops…")
        expect(page.get_by_role("progressbar", name="Upload progress")).to_have_attribute("value", "100")
        held_uploads.set()
        expect(page.locator(".messages")).to_contain_text("came from the file: check them", timeout=90_000)
        expect(page.locator(".image-grid").get_by_alt_text("A woman in a coat on a wooden pier")).to_have_count(2)
    finally:
        context.close()
    assert sorted(name.rsplit(".", 1)[-1] for name in Image.objects.values_list("file", flat=True)) == ["jpg", "webp"]


def test_a_pasted_picture_joins_the_form_and_uploads_with_the_text_typed(chromium, live_server):
    make_user("edith", "editor")
    screenshot = png_upload("image.png", (640, 400)).read()
    context, page = sign_in(chromium, live_server, "edith")
    try:
        page.goto(live_server.url + "/desk/images/")
        form = page.locator("form[data-upload-form]")
        form.get_by_label("Alt text").fill("A festival schedule on a noticeboard")
        form.get_by_label("Credit").fill("Photo: Newsreel desk")
        form.get_by_label("Credit").focus()
        # Cancelled by the page: the picture goes to the upload, not into the focused text field.
        assert page.evaluate(DROP_FILES, [[page_file("image.png", "image/png", screenshot)], "paste"]) is True
        expect(page.locator("[data-upload-status]")).to_have_text("1 picture ready to upload.")
        assert form.get_by_label("Credit").input_value() == "Photo: Newsreel desk"
        page.get_by_role("button", name="Upload").click()
        expect(page.locator(".messages")).to_contain_text("Uploaded “A festival schedule on a noticeboard” (640×400)",
                                                          timeout=90_000)
    finally:
        context.close()
    assert Image.objects.get().credit == "Photo: Newsreel desk"

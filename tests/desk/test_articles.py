"""Writing on the desk: save, preview, publish, and errors that keep the writer's text."""

import html

import pytest

from newsreel.newsroom import autosave
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article, Revision, WorkflowState
from newsreel.newsroom.publishing import save_and_publish, save_draft

from .conftest import BODY, article_form

pytestmark = pytest.mark.django_db

BAD_SPOILER_BODY = BODY.replace(":::spoiler harbor-lights-2025", ":::spoiler no-such-film")  # on line 3


def textarea_text(response) -> str:
    page = response.content.decode()
    start = page.index(">", page.index('<textarea name="body"')) + 1
    return html.unescape(page[start:page.index("</textarea>", start)]).lstrip("\n")


def test_editor_saves_a_new_draft_and_lands_on_its_edit_page(as_editor, editor, graph):
    response = as_editor.post("/desk/articles/new/", article_form())
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/desk/articles/{article.pk}/"
    assert article.state == WorkflowState.DRAFT and article.created_by == editor
    assert article.slug == "ada-varga-finishes-harbor-lights"
    page = as_editor.get(response["Location"])
    assert "Saved as revision 1." in page.content.decode()
    assert textarea_text(page) == BODY
    assert page.context["form"]["tags"].value() == "Drama, Festivals"


def test_each_save_makes_a_revision_with_who_saved_it(as_editor, editor, graph):
    as_editor.post("/desk/articles/new/", article_form())
    article = Article.objects.get()
    as_editor.post(f"/desk/articles/{article.pk}/", article_form(dek="A lighthouse, at last"))
    as_editor.post(f"/desk/articles/{article.pk}/", article_form(dek="A lighthouse, at last", body=BODY + "\nMore.\n"))
    revisions = list(Revision.objects.filter(article=article).order_by("number"))
    assert [r.number for r in revisions] == [1, 2, 3]
    assert all(r.created_by == editor and r.origin == "desk" for r in revisions)
    assert revisions[0].content["dek"] == "" and revisions[1].content["dek"] == "A lighthouse, at last"
    assert revisions[2].content["body"].endswith("More.\n")


def test_revisions_are_listed_and_each_can_be_read(as_editor, graph):
    as_editor.post("/desk/articles/new/", article_form())
    article = Article.objects.get()
    as_editor.post(f"/desk/articles/{article.pk}/", article_form(headline="Harbor Lights is finished"))
    listing = as_editor.get(f"/desk/articles/{article.pk}/revisions/").content.decode()
    assert "Revision 1" in listing and "Revision 2" in listing and "edith" in listing
    first = as_editor.get(f"/desk/articles/{article.pk}/revisions/1/").content.decode()
    assert "Ada Varga finishes Harbor Lights" in first and "lighthouse keeper walks into the sea" in first
    assert as_editor.get(f"/desk/articles/{article.pk}/revisions/9/").status_code == 404


def test_an_older_revision_opens_in_the_editor(as_editor, graph):
    as_editor.post("/desk/articles/new/", article_form())
    article = Article.objects.get()
    as_editor.post(f"/desk/articles/{article.pk}/", article_form(headline="Second headline"))
    page = as_editor.get(f"/desk/articles/{article.pk}/?revision=1")
    assert page.context["form"]["headline"].value() == "Ada Varga finishes Harbor Lights"
    assert "You are looking at revision 1" in page.content.decode()


def test_preview_renders_the_real_page_and_saves_nothing(as_editor, graph):
    response = as_editor.post("/desk/articles/new/", article_form(action="preview"), follow=True)
    page = response.content.decode()
    assert response.status_code == 200 and response.redirect_chain == [("/preview/draft/new/", 302)]
    assert "what is in your editor (not saved yet)" in page
    assert "lighthouse keeper walks into the sea" in page  # the body, as readers will get it
    assert "This story includes spoilers for" in page and "Harbor Lights" in page  # the generated spoiler note
    summary = page[page.index('class="summary-box"'):]
    summary = summary[:summary.index("</aside>")]
    assert "Ada Varga" in summary and "lighthouse" not in summary
    assert not Article.objects.exists()


def test_editor_publishes_and_the_article_goes_live(as_editor, graph):
    response = as_editor.post("/desk/articles/new/", article_form(action="publish"), follow=True)
    article = Article.objects.get()
    assert article.state == WorkflowState.PUBLISHED and article.live_revision == article.latest_revision
    assert "lighthouse keeper" in article.body_html and "lighthouse keeper" not in article.meta_description
    page = response.content.decode()
    assert "Published revision 1." in page and "Unpublish" in page and article.get_absolute_url() in page


def test_editing_a_live_article_keeps_changes_until_they_are_published(as_editor, graph):
    as_editor.post("/desk/articles/new/", article_form(action="publish"))
    article = Article.objects.get()
    as_editor.post(f"/desk/articles/{article.pk}/", article_form(headline="A better headline"))
    article.refresh_from_db()
    assert article.headline == "Ada Varga finishes Harbor Lights" and article.has_unpublished_changes
    assert "unpublished changes" in as_editor.get("/desk/").content.decode()
    assert "unpublished changes" in as_editor.get(f"/desk/articles/{article.pk}/").content.decode()
    as_editor.post(f"/desk/articles/{article.pk}/", article_form(headline="A better headline", action="publish"))
    article.refresh_from_db()
    assert article.headline == "A better headline" and not article.has_unpublished_changes


def test_editor_unpublishes(as_editor, graph):
    as_editor.post("/desk/articles/new/", article_form(action="publish"))
    article = Article.objects.get()
    response = as_editor.post(f"/desk/articles/{article.pk}/unpublish/", follow=True)
    article.refresh_from_db()
    assert article.state == WorkflowState.UNPUBLISHED
    assert "Unpublished" in response.content.decode()
    assert as_editor.get(f"/desk/articles/{article.pk}/unpublish/").status_code == 405


def test_an_unknown_spoiler_film_names_its_line_and_keeps_the_text_on_publish(as_editor, graph):
    response = as_editor.post("/desk/articles/new/", article_form(body=BAD_SPOILER_BODY, action="publish"), follow=True)
    article = Article.objects.get()
    assert article.state == WorkflowState.DRAFT  # saved, not published
    assert article.latest_revision.content["body"] == BAD_SPOILER_BODY
    assert textarea_text(response) == BAD_SPOILER_BODY
    problems = response.context["body_problems"]
    assert [p["line"] for p in problems] == [3] and "no-such-film" in problems[0]["message"]
    assert 'data-line="3"' in response.content.decode()


def test_an_unknown_spoiler_film_stops_the_preview_and_names_its_line(as_editor, editor, graph):
    response = as_editor.post("/desk/articles/new/", article_form(body=BAD_SPOILER_BODY, action="preview"), follow=True)
    page = response.content.decode()
    assert response.status_code == 422
    assert "cannot be previewed yet" in page and "line 3" in page and "no-such-film" in page
    assert autosave.find(editor, None).fields["body"] == BAD_SPOILER_BODY  # the text waits in the editor's slot


def test_saving_a_draft_with_bad_text_keeps_it_and_shows_what_will_stop_publishing(as_editor, graph):
    response = as_editor.post("/desk/articles/new/", article_form(body=BAD_SPOILER_BODY), follow=True)
    assert Article.objects.get().latest_revision.content["body"] == BAD_SPOILER_BODY
    page = response.content.decode()
    assert "will stop it from publishing" in page and "Line 3" in page
    assert textarea_text(response) == BAD_SPOILER_BODY


def test_a_missing_headline_is_marked_at_the_field_and_nothing_typed_is_lost(as_editor, graph):
    response = as_editor.post("/desk/articles/new/", article_form(headline="   "))
    assert response.status_code == 400
    assert response.context["form"].errors["headline"] == ["Headline is required"]
    assert textarea_text(response) == BODY
    assert not Article.objects.exists()


def test_a_slug_taken_by_another_article_is_an_error_at_the_slug(as_editor, graph):
    save_draft(ArticleDraft(headline="First", body="Text.", slug="harbor-lights"))
    response = as_editor.post("/desk/articles/new/", article_form(slug="harbor-lights"))
    assert response.status_code == 400
    assert "already used" in response.context["form"].errors["slug"][0]
    assert response.context["form"]["headline"].value() == "Ada Varga finishes Harbor Lights"


def test_sources_are_one_a_line_and_a_bad_link_names_its_line(as_editor, graph):
    response = as_editor.post("/desk/articles/new/", article_form(
        sources="Interview with IndieWire | https://www.indiewire.com/\nPress notes\nTrade report | not a link"))
    assert response.status_code == 400
    assert response.context["form"].errors["sources"] == ["Line 3: “not a link” is not a web address (http:// or https://)."]
    as_editor.post("/desk/articles/new/", article_form(sources="Interview with IndieWire | https://www.indiewire.com/\n\nPress notes"))
    assert Article.objects.get().latest_revision.content["sources"] == [
        {"name": "Interview with IndieWire", "url": "https://www.indiewire.com/"}, {"name": "Press notes", "url": ""},
    ]


def test_article_list_filters_by_state_and_pages(as_editor, editor, graph):
    for number in range(27):
        save_draft(ArticleDraft(headline=f"Draft number {number}", body="Text."), user=editor)
    save_and_publish(ArticleDraft(headline="The live one", body=BODY), user=editor)
    first = as_editor.get("/desk/")
    assert first.context["page"].paginator.count == 28 and len(first.context["page"].object_list) == 25
    assert "Page 1 of 2" in first.content.decode()
    assert len(as_editor.get("/desk/?page=2").context["page"].object_list) == 3
    published = as_editor.get("/desk/?state=published")
    assert [a.headline for a in published.context["page"]] == ["The live one"]
    assert as_editor.get("/desk/?state=draft").context["page"].paginator.count == 27
    assert as_editor.get("/desk/?state=unpublished").context["page"].paginator.count == 0
    found = as_editor.get("/desk/?q=number+2")
    assert [a.headline for a in found.context["page"]] == ["Draft number 26", "Draft number 25", "Draft number 24",
                                                            "Draft number 23", "Draft number 22", "Draft number 21",
                                                            "Draft number 20", "Draft number 2"]
    assert as_editor.get("/desk/?state=published&q=live").context["page"].paginator.count == 1


def test_article_list_shows_the_columns(as_editor, editor, graph):
    save_and_publish(ArticleDraft(headline="The live one", body=BODY, section="news", authors=["Nadia Ferro"]), user=editor)
    page = as_editor.get("/desk/").content.decode()
    for text in ("The live one", "Published", "News", "Nadia Ferro", "edith"):
        assert text in page

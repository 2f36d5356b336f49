"""`newsreel publish` and `newsreel createuser`: what a person types, what they get back."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from newsreel.newsroom.models import Article

pytestmark = pytest.mark.django_db


def _publish(*files):
    out, err = StringIO(), StringIO()
    call_command("publish", *map(str, files), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_publish_prints_the_articles_url(small_graph, tmp_path, settings):
    story = tmp_path / "story.md"
    story.write_text("---\nheadline: Harbor Lights opens the season\n---\nHarbor Lights opens in October.\n")
    out, _ = _publish(story)
    assert out.strip() == f"{settings.SITE_URL}/articles/harbor-lights-opens-the-season/"
    assert Article.objects.get().is_live


def test_publishing_the_same_file_again_updates_its_article(small_graph, tmp_path):
    story = tmp_path / "story.md"
    story.write_text("# First words\n\nThe first version.\n")
    _publish(story)
    story.write_text("# First words\n\nThe second version.\n")
    _publish(story)
    article = Article.objects.get()
    assert article.body == "The second version.\n" and article.revisions.count() == 2


def test_a_headline_whose_slug_is_cut_to_the_limit_is_republished_not_refused(small_graph, tmp_path):
    headline = " ".join(["Harbor Lights"] * 20)  # slugifies to 279 characters; the slug field holds 200
    story = tmp_path / "long.md"
    story.write_text(f"# {headline}\n\nThe first version.\n")
    _publish(story)
    story.write_text(f"# {headline}\n\nThe second version.\n")
    _publish(story)
    article = Article.objects.get()
    assert len(article.slug) <= 200 and article.body == "The second version.\n"


def test_a_bad_file_is_named_and_the_others_still_publish(small_graph, tmp_path):
    good, bad = tmp_path / "good.md", tmp_path / "bad.md"
    good.write_text("# Good\n\nFine.\n")
    bad.write_text("---\nheadline: Bad\nsection: nowhere\n---\nText.\n")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="2 of 3 file"):
        call_command("publish", str(good), str(bad), str(tmp_path / "missing.md"), stdout=out, stderr=err)
    assert f"{bad}: section: 'nowhere' is not a section" in err.getvalue()
    assert f"{tmp_path / 'missing.md'}: file: does not exist" in err.getvalue()
    assert list(Article.objects.values_list("slug", flat=True)) == ["good"]


def _createuser(*args):
    out = StringIO()
    call_command("createuser", *args, stdout=out)
    return out.getvalue()


def test_createuser_makes_an_account_with_its_role_and_prints_the_generated_password():
    out = _createuser("nadia", "--role", "editor")
    user = get_user_model().objects.get(username="nadia")
    password = out.strip().rsplit(": ", 1)[1]
    assert out.startswith("Created editor 'nadia' with password: ") and len(password) >= 12
    assert user.check_password(password)
    assert list(user.groups.values_list("name", flat=True)) == ["editor"] and not user.is_staff


def test_createuser_again_changes_role_and_password():
    _createuser("nadia", "--role", "contributor", "--password", "first-password")
    out = _createuser("nadia", "--role", "administrator", "--password", "second-password")
    user = get_user_model().objects.get(username="nadia")
    assert out.startswith("Updated administrator 'nadia'")
    assert user.check_password("second-password") and user.is_staff
    assert list(user.groups.values_list("name", flat=True)) == ["administrator"]


@pytest.mark.parametrize(("args", "message"), [
    (["  "], "username cannot be empty"),
    (["nadia", "--password", "short"], "at least 8 characters"),
])
def test_createuser_refuses_what_it_cannot_use(args, message):
    with pytest.raises(CommandError, match=message):
        _createuser(*args)
    assert not get_user_model().objects.exists()


def test_publishing_a_story_a_writer_submitted_records_the_approval_and_tells_the_writer(
        small_graph, tmp_path, django_capture_on_commit_callbacks):
    from django.contrib.auth.models import Group
    from django.core import mail

    from newsreel.newsroom import review
    from newsreel.newsroom.intake import ArticleDraft
    from newsreel.newsroom.models import StoryNote, WorkflowState
    from newsreel.newsroom.publishing import save_draft

    carla = get_user_model().objects.create_user("carla", "carla@newsroom.example", "correct horse battery")
    carla.groups.add(Group.objects.get(name="contributor"))
    story = review.submit(save_draft(ArticleDraft(headline="Harbor Lights opens the season",
                                                  body="Harbor Lights opens in October.\n"), user=carla), user=carla)
    assert story.state == WorkflowState.IN_REVIEW
    file = tmp_path / "story.md"
    file.write_text(f"---\nheadline: Harbor Lights opens the season\nslug: {story.slug}\n---\n"
                    "Harbor Lights opens in October, says the festival.\n")
    with django_capture_on_commit_callbacks(execute=True):
        _publish(file)
    story.refresh_from_db()
    assert story.state == WorkflowState.PUBLISHED and story.is_live
    approval = StoryNote.objects.get(article=story, kind=StoryNote.Kind.APPROVED)
    assert approval.author is None and approval.revision == story.live_revision  # by "Newsreel", the command
    assert review.queue(None) == []
    assert [message.to for message in mail.outbox] == [["carla@newsroom.example"]]
    assert mail.outbox[0].subject == "Approved: Harbor Lights opens the season"
    assert "published from the command line" in mail.outbox[0].body


def test_publishing_a_story_that_was_never_submitted_records_no_approval(small_graph, tmp_path):
    from newsreel.newsroom.models import StoryNote

    file = tmp_path / "story.md"
    file.write_text("# Harbor Lights opens the season\n\nHarbor Lights opens in October.\n")
    _publish(file)
    _publish(file)
    assert not StoryNote.objects.exists()

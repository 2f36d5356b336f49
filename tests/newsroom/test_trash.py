"""Deleting a story: the trash keeps it 30 days, restorable; purge is for administrators.

A story that was live answers 410 Gone once deleted and is on no public surface."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone

from newsreel.newsroom import trash
from newsreel.newsroom.intake import ArticleDraft, IntakeError
from newsreel.newsroom.models import Article, Revision, TrashedArticle, WorkflowState
from newsreel.newsroom.publishing import publish, save_and_publish, save_draft
from newsreel.public.search.backend import search

pytestmark = pytest.mark.django_db

BODY = "Ada Varga has finished *Harbor Lights*, a lighthouse story.\n"


def person(username: str, role: str) -> User:
    user = User.objects.create_user(username, f"{username}@newsroom.example", "correct horse battery")
    user.groups.add(Group.objects.get(name=role))
    return user


def live_story(headline: str = "Harbor Lights wraps", **fields) -> Article:
    return save_and_publish(ArticleDraft(headline=headline, body=BODY, **fields), origin="test")


def test_a_deleted_live_story_answers_410_and_leaves_the_home_page_and_search(client, small_graph):
    article = live_story()
    assert client.get("/articles/harbor-lights-wraps/").status_code == 200
    trash.trash(article)
    article.refresh_from_db()
    assert article.state == WorkflowState.DELETED
    assert client.get("/articles/harbor-lights-wraps/").status_code == 410
    assert "Harbor Lights wraps" not in client.get("/").content.decode()
    assert search("lighthouse").total == 0


def test_the_trash_remembers_when_who_and_the_state_before(small_graph):
    editor = person("edith", "editor")
    article = live_story()
    trash.trash(article, user=editor)
    entry = TrashedArticle.objects.get(article=article)
    assert entry.deleted_by == editor and entry.state_before == WorkflowState.PUBLISHED
    assert timezone.now() - entry.deleted_at < dt.timedelta(minutes=1)
    assert trash.purge_after(entry) == entry.deleted_at + dt.timedelta(days=30)


def test_a_deleted_story_keeps_its_revisions_and_cannot_be_saved_or_published_until_restored(small_graph):
    article = save_draft(ArticleDraft(headline="A draft", body=BODY))
    trash.trash(article)
    with pytest.raises(IntakeError, match="in the trash; restore it"):
        save_draft(ArticleDraft(headline="A draft, edited", body=BODY), article=article)
    with pytest.raises(IntakeError, match="in the trash; restore it"):
        publish(Article.objects.get(pk=article.pk))
    assert Revision.objects.filter(article=article).count() == 1


def test_restore_as_a_draft_keeps_the_story_off_the_site(client, small_graph):
    article = live_story()
    trash.trash(article)
    restored = trash.restore(article, as_draft=True)
    assert restored.state == WorkflowState.DRAFT
    assert not TrashedArticle.objects.filter(article=article).exists()
    assert client.get("/articles/harbor-lights-wraps/").status_code == 410


def test_restore_as_it_was_puts_the_version_readers_saw_back_live(client, small_graph):
    article = live_story()
    save_draft(ArticleDraft(headline="Harbor Lights wraps at last", body=BODY, slug="harbor-lights-wraps"),
               article=article)  # an unpublished change: stays a change
    trash.trash(Article.objects.get(pk=article.pk))
    restored = trash.restore(article, as_draft=False)
    assert restored.state == WorkflowState.PUBLISHED
    page = client.get("/articles/harbor-lights-wraps/")
    assert page.status_code == 200
    assert "Harbor Lights wraps" in page.content.decode() and "wraps at last" not in page.content.decode()
    assert search("lighthouse").total == 1


def test_restore_as_it_was_brings_a_withdrawn_story_back_withdrawn(small_graph):
    article = live_story()
    from newsreel.newsroom.publishing import unpublish
    unpublish(article)
    trash.trash(article)
    assert trash.restore(article, as_draft=False).state == WorkflowState.UNPUBLISHED


def test_deleting_twice_or_restoring_what_is_not_in_the_trash_says_so(small_graph):
    article = save_draft(ArticleDraft(headline="A draft", body=BODY))
    with pytest.raises(trash.TrashError, match="not in the trash"):
        trash.restore(article)
    trash.trash(article)
    with pytest.raises(trash.TrashError, match="already in the trash"):
        trash.trash(article)


def test_only_administrators_purge_and_only_what_is_in_the_trash(client, small_graph):
    editor, administrator = person("edith", "editor"), person("ann", "administrator")
    article = live_story()
    with pytest.raises(trash.TrashError, match="not in the trash"):
        trash.purge(article, user=administrator)
    trash.trash(article, user=editor)
    with pytest.raises(PermissionDenied, match="Only an administrator"):
        trash.purge(article, user=editor)
    trash.purge(article, user=administrator)
    assert not Article.objects.filter(pk=article.pk).exists()
    assert not Revision.objects.filter(article_id=article.pk).exists()
    assert client.get("/articles/harbor-lights-wraps/").status_code == 410  # it was live: still gone


def test_a_contributor_deletes_only_their_own_story_never_published(small_graph):
    carla, otto = person("carla", "contributor"), person("otto", "contributor")
    own = save_draft(ArticleDraft(headline="Carla's draft", body=BODY), user=carla)
    others = save_draft(ArticleDraft(headline="Otto's draft", body=BODY), user=otto)
    was_live = publish(save_draft(ArticleDraft(headline="Carla's story", body=BODY), user=carla))  # an editor's act
    with pytest.raises(PermissionDenied):
        trash.trash(others, user=carla)
    with pytest.raises(PermissionDenied):
        trash.trash(was_live, user=carla)
    assert trash.trash(own, user=carla).state == WorkflowState.DELETED
    assert trash.restore(own, user=carla).state == WorkflowState.DRAFT


def test_restoring_a_live_story_as_it_was_is_publishing(small_graph):
    editor = person("edith", "editor")
    article = live_story()
    trash.trash(article, user=editor)
    carla = person("carla", "contributor")
    with pytest.raises(PermissionDenied):
        trash.restore(article, user=carla, as_draft=False)


def test_purge_trash_purges_only_stories_deleted_more_than_30_days_ago(small_graph):
    old = save_draft(ArticleDraft(headline="Old draft", body=BODY))
    recent = save_draft(ArticleDraft(headline="Recent draft", body=BODY))
    kept = save_draft(ArticleDraft(headline="Kept draft", body=BODY))
    trash.trash(old)
    trash.trash(recent)
    TrashedArticle.objects.filter(article=old).update(deleted_at=timezone.now() - dt.timedelta(days=30, minutes=1))
    TrashedArticle.objects.filter(article=recent).update(deleted_at=timezone.now() - dt.timedelta(days=29))
    out = io.StringIO()
    call_command("purge_trash", "--dry-run", stdout=out)
    assert "would purge" in out.getvalue() and "Old draft" in out.getvalue() and Article.objects.count() == 3
    out = io.StringIO()
    call_command("purge_trash", stdout=out)
    assert out.getvalue().strip() == "Purged 1 story deleted more than 30 days ago."
    assert set(Article.objects.values_list("headline", flat=True)) == {"Recent draft", "Kept draft"}
    assert kept.pk in set(Article.objects.values_list("pk", flat=True))


def test_the_workers_sweep_purges_what_has_been_in_the_trash_30_days(small_graph):
    from newsreel.newsroom.worker import Worker, WorkerOptions

    old = save_draft(ArticleDraft(headline="Old draft", body=BODY))
    trash.trash(old)
    TrashedArticle.objects.filter(article=old).update(deleted_at=timezone.now() - dt.timedelta(days=31))
    reports: list[str] = []
    Worker(WorkerOptions(once=True), report=reports.append).sweep()
    assert not Article.objects.filter(pk=old.pk).exists()
    assert "purged 1 story deleted more than 30 days ago" in reports


def test_purging_expired_stories_keeps_one_restored_meanwhile(small_graph):
    article = save_draft(ArticleDraft(headline="A draft", body=BODY))
    trash.trash(article)
    TrashedArticle.objects.filter(article=article).update(deleted_at=timezone.now() - dt.timedelta(days=31))
    trash.restore(article)
    assert trash.purge_expired() == 0 and Article.objects.filter(pk=article.pk).exists()

"""The desk's story list: words, filters (state, section, author, film, person, dates),
sort and pages, over every story a person may edit (drafts included, the trash not)."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from newsreel.desk.access import can_edit_any, desk_view
from newsreel.desk.models import StoryEntry, StoryFacet
from newsreel.desk.paging import CappedPage, page_number, story_page
from newsreel.desk.search import (CHANGES, SORTS, StoryQuery, counter, find_stories, parse_position, planned,
                                   position_of)
from newsreel.desk.widgets import QuickSelect
from newsreel.films.models import Film, Person
from newsreel.newsroom.models import Article, Author, Section, WorkflowState

STORIES_PER_PAGE = 25


def state_choices() -> list[tuple[str, str]]:
    """Every workflow state but the trash (it has its own page), and live stories with changes."""
    states = [(value, label) for value, label in WorkflowState.choices if value != WorkflowState.DELETED]
    return [("", "All states"), *states, (CHANGES, "Unpublished changes")]


class StoryFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=200, label="Words",
                        help_text="In the headline, dek or text of the latest revision")
    state = forms.ChoiceField(required=False, label="State", widget=QuickSelect)
    section = forms.ModelChoiceField(queryset=Section.objects.all(), required=False, to_field_name="slug",
                                     empty_label="All sections", label="Section", widget=QuickSelect)
    author = forms.ModelChoiceField(queryset=Author.objects.all(), required=False, to_field_name="slug",
                                    empty_label="All authors", label="Author", widget=QuickSelect)
    film = forms.CharField(required=False, max_length=200, label="Film", help_text="Title or key")
    person = forms.CharField(required=False, max_length=200, label="Person", help_text="Name or key")
    dates = forms.ChoiceField(required=False, choices=[("updated", "Updated"), ("published", "Published")],
                              label="Dates are", widget=QuickSelect)
    since = forms.DateField(required=False, label="From", widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(required=False, label="To", widget=forms.DateInput(attrs={"type": "date"}))
    sort = forms.ChoiceField(required=False, label="Sort by", widget=QuickSelect, choices=[
        ("updated", "Last updated"), ("published", "Publication date"), ("headline", "Headline (A–Z)")])

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = state_choices()

    def clean_film(self) -> Film | None:
        return _named(Film, self.cleaned_data["film"], "title", "film")

    def clean_person(self) -> Person | None:
        return _named(Person, self.cleaned_data["person"], "name", "person")

    def clean(self) -> dict:
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", f"“To” ({until:%Y-%m-%d}) is before “From” ({since:%Y-%m-%d}); swap them.")
        return data

    def story_query(self, owner_id: int | None) -> StoryQuery:
        data = self.cleaned_data
        return StoryQuery(
            words=" ".join(data.get("q", "").split()), state=data.get("state") or "",
            section_id=data["section"].pk if data.get("section") else None,
            author=data["author"].slug if data.get("author") else None,
            film=data["film"].key if data.get("film") else None,
            person=data["person"].key if data.get("person") else None,
            dates=data.get("dates") or "updated", since=data.get("since"), until=data.get("until"),
            sort=data.get("sort") if data.get("sort") in SORTS else "updated", owner_id=owner_id,
        )


def _named(model, text: str, label_field: str, noun: str):
    """A film or person by key or by name as written (any case); a clear error otherwise."""
    text = " ".join(text.split())
    if not text:
        return None
    found = model.objects.filter(key=text).first() or model.objects.filter(**{f"{label_field}__iexact": text}).first()
    if found is None:
        raise forms.ValidationError(f"No {noun} is called “{text}” in the knowledge graph; type its {label_field} or its key.")
    return found


@desk_view
def article_list(request: HttpRequest) -> HttpResponse:
    mine_only = not can_edit_any(request.user)
    form = StoryFilterForm(request.GET or None)
    status = 200
    query = StoryQuery(owner_id=request.user.pk if mine_only else None)
    if form.is_bound and not form.is_valid():
        entries, status = StoryEntry.objects.none(), 400
    else:
        if form.is_bound:
            query = form.story_query(request.user.pk if mine_only else None)
        entries = find_stories(query)
    authors = StoryFacet.objects.filter(kind=StoryFacet.AUTHOR).order_by("id")
    entries = entries.select_related("section", "created_by").prefetch_related(
        Prefetch("facets", queryset=authors, to_attr="authors"))
    page = story_page(entries, query.sort, page_number(request.GET.get("page")), STORIES_PER_PAGE,
                      after=parse_position(request.GET.get("after"), query.sort),
                      before=parse_position(request.GET.get("before"), query.sort),
                      planned=lambda counted: planned(query, counted), count=counter(query))
    # When a scheduled story goes live, or how late a published one did, and where a live
    # story's changes stand: read from the article itself (narrow rows, one query for the page).
    timing = Article.objects.only("id", "state", "published_at", "went_live_at", "changes_review").in_bulk(
        [story.article_id for story in page])
    for story in page:
        story.timing = timing.get(story.article_id)
    kept = {key: value for key, value in request.GET.items() if key not in PAGING and value}
    filtered = bool(set(kept) - {"sort", "dates"})
    return render(request, "desk/article_list.html", {
        "page": page, "form": form, "filtered": filtered, "links": page_links(page, kept, query.sort),
        "more_filters_open": any(kept.get(name) for name in ("section", "author", "film", "person", "since", "until")),
        "mine_only": mine_only, "nav": "articles",
    }, status=status)


PAGING = ("page", "after", "before")


def page_links(page: CappedPage, kept: dict[str, str], sort: str) -> dict[str, str]:
    """The Previous and Next addresses: the filters, the page's number, and the story the
    page continues from (page 1 needs none)."""
    links = {}
    if page.has_next and page.object_list:
        links["next"] = "?" + urlencode({**kept, "page": page.number + 1,
                                         "after": position_of(page.object_list[-1], sort).token()})
    if page.has_previous and page.object_list:
        links["previous"] = "?" + urlencode({**kept, "page": page.number - 1} if page.number == 2 else {
            **kept, "page": page.number - 1, "before": position_of(page.object_list[0], sort).token()})
    return links

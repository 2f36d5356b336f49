"""QuickSelect writes the same <select> Django's Select does, only faster."""

import pytest
from django import forms
from django.test.html import parse_html

from newsreel.desk.widgets import QuickSelect

CHOICES = [("", "All"), ("news", "News & notes"), ("reviews", "<Reviews>"), (3, "Three")]


def both(value, attrs=None, choices=CHOICES):
    attrs = attrs or {"id": "id_pick", "aria-describedby": "id_pick_helptext", "required": True}
    return (parse_html(QuickSelect(choices=choices).render("pick", value, attrs)),
            parse_html(forms.Select(choices=choices).render("pick", value, attrs)))


def test_options_attributes_and_escaping_are_those_of_djangos_select():
    quick, django = both("reviews")
    assert quick == django
    assert '<option value="reviews" selected>&lt;Reviews&gt;</option>' in QuickSelect(choices=CHOICES).render(
        "pick", "reviews")


def test_nothing_chosen_and_a_number_chosen_render_as_django_does():
    for value in (None, "", "missing", 3, "3"):
        quick, django = both(value)
        assert quick == django, value


def test_a_choice_list_with_groups_falls_back_to_djangos_rendering():
    grouped = [("", "Any"), ("Sections", [("news", "News"), ("reviews", "Reviews")])]
    quick, django = both("news", choices=grouped)
    assert quick == django and "optgroup" in str(quick)


@pytest.mark.django_db
def test_the_story_list_filters_render_their_chosen_values(as_editor):
    page = as_editor.get("/desk/", {"sort": "headline", "dates": "published"}).content.decode()
    assert '<option value="headline" selected>' in page and '<option value="published" selected>' in page

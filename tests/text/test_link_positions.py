"""Links go where the text core found the mention, not to the first look-alike text."""

from newsreel.text.pipeline import process_article
from newsreel.text.types import CreditRef, FilmRef, KnowledgeGraph, PersonRef

from .links import href

GRAPH = KnowledgeGraph(
    films=(FilmRef("her-2013", "Her", 2013), FilmRef("saltmarsh-1987", "Saltmarsh", 1987),
           FilmRef("saltmarsh-2025", "Saltmarsh", 2025)),
    people=(PersonRef("spike-jonze", "Spike Jonze"), PersonRef("ida-brenner", "Ida Brenner"),
            PersonRef("colm-ferris", "Colm Ferris")),
    credits=(CreditRef("her-2013", "spike-jonze", "director"), CreditRef("saltmarsh-1987", "ida-brenner", "director"),
             CreditRef("saltmarsh-2025", "colm-ferris", "director")),
)


def test_a_pronoun_before_the_film_title_is_not_linked():
    source = ("Her new film is a quiet one, the critic wrote.\n\n"
              'Spike Jonze made "Her" (2013) about a man and his operating system.\n')
    html = process_article(source, graph=GRAPH, href=href).html
    assert html.startswith("<p>Her new film")  # the pronoun stays plain text
    assert '<a href="/films/her-2013/"' in html


def test_two_films_with_one_title_each_get_their_own_link():
    source = ("Ida Brenner's *Saltmarsh* (1987) was a cult hit; Colm Ferris remade it as "
              "*Saltmarsh* (2025) this year.\n")
    html = process_article(source, graph=GRAPH, href=href).html
    assert '<a href="/films/saltmarsh-1987/"' in html and '<a href="/films/saltmarsh-2025/"' in html
    assert html.index("saltmarsh-1987") < html.index("saltmarsh-2025")

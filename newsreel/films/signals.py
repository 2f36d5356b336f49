"""What the films app tells the rest of Newsreel; the public site listens.

`graph_changed` is sent inside the transaction that wrote a knowledge-graph import, once
for the whole import (row-by-row saves send Django's post_save instead). kwargs:
films / people: keys of the films and people whose own fields changed; film_ids /
person_ids: their ids; credited_films / credited_people: keys of the films and people
whose credits changed.
"""

from django.dispatch import Signal

graph_changed = Signal()

"""Signals of the images app, for the apps whose pages show pictures."""

from django.dispatch import Signal

# The renditions of pictures that were waiting for them (an import's) are made: the stories and
# pages showing them are refreshed. Sent inside the transaction that records them.
# kwargs: image_ids (list[int]).
renditions_made = Signal()

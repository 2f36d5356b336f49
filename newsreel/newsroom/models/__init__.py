"""The newsroom's models, one module per concept.

Dependencies point one way: `taxonomy` and `authors` depend on nothing here; `article`
depends on them (and on films and images); `revision` and `derived` depend on `article`.
"""

from newsreel.newsroom.models.article import Article, Byline, ChangesReview, WorkflowState
from newsreel.newsroom.models.authors import Author
from newsreel.newsroom.models.autosave import Autosave
from newsreel.newsroom.models.derived import Mention, Quote
from newsreel.newsroom.models.presence import EditingPresence
from newsreel.newsroom.models.preview import PreviewSecret
from newsreel.newsroom.models.quote_checks import QuoteCheck, QuoteVerdict, SpeakerKind
from newsreel.newsroom.models.relink_job import RelinkJob, RelinkState
from newsreel.newsroom.models.review import StoryNote
from newsreel.newsroom.models.revision import Revision
from newsreel.newsroom.models.source_ids import SourceId
from newsreel.newsroom.models.taxonomy import Section, Tag
from newsreel.newsroom.models.trash import TrashedArticle

__all__ = [
    "Article", "Author", "Autosave", "Byline", "ChangesReview", "EditingPresence", "Mention", "PreviewSecret", "Quote", "QuoteCheck", "QuoteVerdict", "RelinkJob", "RelinkState", "Revision",
    "SourceId", "SpeakerKind",
    "Section", "StoryNote", "Tag", "TrashedArticle", "WorkflowState",
]

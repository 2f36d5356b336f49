"""Films: score each film that carries a matched title, and take one only on evidence.

The evidence and its points are listed in the package's docstring (rule 4).
"""

from __future__ import annotations

import bisect
import re
from typing import Any, Callable, Sequence

from newsreel.text.casting import cast_names
from newsreel.text.credits import credited_line
from newsreel.text.gazetteer import Candidate, Gazetteer
from newsreel.text.mentions.named import Named
from newsreel.text.mentions.people import person_shape_ok
from newsreel.text.mentions.tokens import INSIDE_CLOSE, QUOTES, Span, Tokens, is_year
from newsreel.text.normalize import FILM_NOUNS, KIN_NOUNS, NAME_WORDS, is_common, tokenize

_SMALL_WORDS = frozenset("a an the of in on and or to for at by with from as but nor vs".split())
_WORD_TIER, _NAME_TIER, _PROPER_TIER = "word", "name", "proper"
# Table headers over a column of film titles
_FILM_COLUMNS = frozenset({"film", "films", "title", "titles", "movie", "movies", "feature"})
# Columns of a box-office chart: its titles are films in release now, so of two films with one
# title the chart means the newer ("*The Undertaking*" in a weekend chart is not the 1958 film).
_CHART_COLUMNS = frozenset({"weekend", "gross", "total", "week", "weeks", "screens", "theaters", "theatres",
                            "cinemas", "locations", "takings", "box office", "opening"})
# Words before "hit" that make it a film that did well, not a verb ("the storm hit Lisbon")
_HIT_KINDS = frozenset({"festival", "sleeper", "surprise", "cult", "indie", "breakout", "crossover", "summer",
                        "holiday", "streaming", "arthouse", "office", "word-of-mouth", "critical", "commercial"})
_STYLE_TITLES = 2  # titles set apart that show an article's style of setting titles apart, anywhere
_MANY = 16  # films sharing one title beyond which only those with evidence are scored
# The nouns that close a place's, a prize's or a company's name after a title-like start: "the
# Kestrel Bay Screenwriting Prize", "Low Tide Pictures" (round seventy-one).
_INSTITUTIONS = frozenset(
    "prize prizes award awards festival fund foundation trust society institute screenwriting fellowship film films "
    "residency pictures productions studios cinema cinemas theatre theater hall club school academy "
    "centre center archive museum gallery hotel arms".split()
)
_LABEL_TOKENS = 8  # tokens a transcript's label ("**Sunniva Rask:**") may take before its colon
# Words just before a title that point to the newer or the older of two films with that title.
_NEW_CUES = frozenset("new newer latest upcoming forthcoming remake reboot".split())
_OLD_CUES = frozenset("original old older classic first".split())
# Days and months name a date far more often than a film: as a title they need quotes or italics.
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december".split()
    # Holidays name a date as surely: "You have until Easter".
    + "easter christmas halloween thanksgiving hanukkah diwali passover ramadan hogmanay whitsun".split()
)
# Words before a place ("shoot in Galicia", "flew to Lakemoor"): a one-word title there needs typography.
_PLACE_CUES = frozenset("in at from to near across around outside throughout inside via".split())
# The last word of a street's name ("Chapel Row", "Calder Street"), and the prepositions an
# address takes ("on", "along", "off"): a title so made and so placed, in plain type, is the
# street the article walks down (round thirty-one: local news and a live blog named streets
# like graph films).
_STREET_NOUNS = frozenset("street road lane row avenue terrace crescent boulevard quay mews wynd close".split())
_STREET_CUES = frozenset("on along off down up in at into onto from near across outside past".split())
# What joins the places of a list ("in Lisbon and Brussels", "in Oslo, Bergen or Hull").
_LIST_JOINS = frozenset(("and", "or", ","))
# Nouns for a place before "of" ("the streets of Leith", "the outskirts of Corvane"): the title after is the place.
_PLACE_NOUNS_BEFORE_OF = frozenset(
    "streets street city town village outskirts suburbs port harbour harbor centre center heart edge coast "
    "shores docks county island hills lanes north south east west".split()
)
# Works that are not films: a title set beside one ("the play *Blackthorn Lane*", "*The Salt
# Garden*, the play that…") is that work, here and wherever the article names it again.
# A film's kind, for "to shoot a silent melodrama, *X*" (FILM_NOUNS holds "film", "movie"...).
_GENRES = frozenset("melodrama western thriller comedy drama musical epic serial weepie romance horror noir".split())
# Verbs of making a film, in the present a story is told in: "arrives to shoot", "is making".
_MAKING = frozenset("shoot shoots shooting make makes making film films filming".split())
_OTHER_WORKS = frozenset(
    "play plays opera novel novella book ballet poem memoir album song stage"
    # A series' episode is no film the graph holds (round sixty-seven); the series may be. Nor
    # is an unmade script ("*Nightjar*, a short script by …", round seventy-one).
    " episode episodes script scripts screenplay screenplays".split()
)
# Publications are works too: "the magazine *Fotogramma*", "*The Northern Screen*, the magazine
# that …". A critic "writing in *X*" writes in a publication: no one writes in a film.
_PUBLICATIONS = frozenset(
    "magazine magazines newspaper newspapers journal periodical podcast newsletter blog zine fanzine".split()
)
_NOT_FILMS = _OTHER_WORKS | _PUBLICATIONS
# After a title and a comma only, "paper" is a newspaper too ("*X*, the festival's daily paper");
# before one it is the idiom "On paper, *X* had …" (round forty-two).
_NOT_FILMS_BESIDE = _NOT_FILMS | frozenset(("paper", "papers"))
# The trade press named by how often it comes out: "the trade weekly *X*", "the film monthly *X*",
# "the daily *X*" (round thirty-four). The noun needs a determiner or a trade's word before it:
# "two daily *X* screenings" is how often a film plays.
_PERIODICALS = frozenset("weekly daily monthly quarterly fortnightly biweekly".split())
_PERIODICAL_OWNERS = frozenset("the a an trade film industry arts".split())
# Words before "paper" that make it a newspaper: "the trade paper *X*", "the student paper *X*".
_PAPER_KINDS = frozenset("the a trade student local school regional national evening morning sunday".split())
_WRITING_IN = ("writing", "in")
# A writer's name between a verb of writing and "in *X*" ("wrote Pellam Rook in *X*"), between a
# verb of talking and "for *X*" ("spoke to Nadia Moor for *X*"), or a credit line's "— Name, *X*".
# Also "spoke to Mattias Orrey (MO) of *X*": "of" after the interviewer, initials in
# parentheses allowed between (round thirty-three).
_OUTLET_JOINS = frozenset(("in", "for", "of", ","))
# Lower-case words allowed between a maker's possessive and the title: "X's unrelated live-action *Y*".
_POSSESSIVE_WORDS = 3
_WROTE = frozenset("wrote writes".split())
# The word after a cinema's or an arts centre's own name: "Ashlar Picture House", "Ruby Kinema".
_VENUE_NAME_ENDS = frozenset(
    "picture picturehouse kinema cinema cinemas theatre theater playhouse arts electric odeon multiplex screen screens".split()
)
# Lower-case particles inside a surname: "Paul de Wint", "Ines van der Berg".
_NAME_PARTICLES = frozenset("de da del della der di du van von le la ter ten".split())
# A title where an outlet, a festival strand or a venue goes (round forty-one): a critic "writing
# for *X*", "In *X*, Name compared …" put first, "spoke to her for *X*", "wrote Name (…) in *X*",
# "the X section / cinema / chain".
_CRITIC_VERBS = frozenset(
    "wrote writes compared compares argued argues called calls praised praises complained complains "
    "described describes judged judges dismissed dismisses found finds".split()
)
# Who reviews for a publication, "the reviewer for *X*", "has reviewed for *X*" (round forty-five).
# Not "wrote for *X*": a composer writes for a film.
_REVIEWS_FOR = frozenset("reviewed reviews reviewer reviewers critic critics columnist columnists".split())
# A piece of writing that "ran in *X*" a few words later: the title is where it was published.
_RAN = frozenset("ran runs".split())
_WRITINGS = frozenset("review reviews column columns essay essays piece article articles notice letter interview".split())
_PIECE_WORDS = 8
_OBJECT_PRONOUNS = frozenset("her him them me us".split())
_VENUE_NOUNS = frozenset("section strand sidebar cinema cinemas chain multiplex".split())
# "the dating show *X*", "the gossip column *X*": a show or a column named after its noun.
_SHOW_NOUNS = frozenset("show column".split())
_NAME_WORDS = 3
# A masthead or kicker line heading a newsletter's or a paper's piece, "*X* · Arts · By Ada Moss",
# "**X** · the festival newsletter · Day two": the name opening it is the publication (round
# forty-two). A film's fact line ("*X* · 2019 · 104 min · Directed by …") has no byline or
# publication noun.
_KICKER_SEPARATORS = frozenset(("·", "|", "•"))
_KICKER_RE = re.compile(
    r"[·|•]\s*(?:By\s+[A-Z]|[^·|•\n]*\b(?:newsletter|magazine|newspaper|paper|bulletin|digest|edition|issue)\b)"
)
_KICKER_LENGTH = 160
# "Voss told *X* on Sunday", "She told *X* that …": nobody tells a film anything, so the title told
# is the publication spoken to (round forty-two), unless a noun of its own follows ("told *X*
# fans", "*X*'s crew"). What may follow the outlet instead:
_TOLD = frozenset("told tells".split())
_AFTER_TOLD = frozenset("that on last this in earlier when about after before yesterday today of".split())
_TALKED = frozenset("spoke speaks speaking talked talks talking chatted".split())
# "For *X*, Pia Moor spoke to her": an interview's credit put first, its writer then a verb of
# meeting or talking (round thirty-seven); "we" or "I" may stand for the writer.
_FRONTED_TALKED = _TALKED | frozenset("interviewed interviews met meets sat sits caught".split())
_FRONTED_WRITER_WORDS = 5
# A question credited to a journalist's outlet, "Ines Marlow of *X* asked …", or to the outlet
# alone, "asked by *X* whether …" (round thirty-nine): a verb of asking, and what opens a question.
_ASKED = frozenset("asked asks opened opens wanted wants wondered wonders pressed presses questioned began begins".split())
_QUESTION_OPENERS = frozenset("whether if about what why how when where who which".split())
# Words before a year that make it part of the title's description ("the 2009 *Nightjar*").
_YEAR_OWNERS = frozenset("the a an his her their its s".split())
# Nouns right before a title that name a new film by an older one's title: "the remake *X*".
_REMADE = frozenset("remake remakes reboot".split())
# Nouns for one film of a title others share, after its year: "the 2003 remake of *X*". Not a
# restoration or a re-release, whose year is not the film's.
_VERSIONS = frozenset("remake version original adaptation reboot".split())
# Places that are businesses, and services: a title just before one ("the Anchor café") or set
# beside one ("Lodestar, a café on the quay", "Kestrel, the archive service") is its name.
_BUSINESSES = frozenset(
    "cafe bar pub inn restaurant bistro diner hotel bakery bookshop bookstore shop store cinema gallery "
    "club tavern brewery service streamer platform channel broadcaster festival".split()
)
# Nouns before a company's name ("the streamer Corvina", "the distributor Halloway"): the name after
# one is the company's, here and wherever the article names it again without italics.
_COMPANY_NOUNS_BEFORE = frozenset(
    "streamer service platform distributor studio broadcaster channel network label company firm".split()
)
# A vessel's noun or prefix before its name: style guides set a ship's name in italics as they do a
# film's ("the lifeboat *Mary Ann*", "aboard the trawler *Good Hope*", "HMS *Vigilant*"), so a
# title there is the boat, here and wherever the article names it again (round twenty-nine).
_VESSEL_NOUNS = frozenset(
    "lifeboat boat ship trawler yacht schooner ferry steamer steamship liner tug tugboat barge submarine "
    "frigate destroyer cruiser vessel freighter tanker galleon clipper whaler sloop cutter dinghy hms rms uss "
    "ss mv rnlb hmy".split()
)
# Capitalised nouns that open a company's own name ("Studio Hakobune").
_NAME_PREFIXES = frozenset(("Studio", "Studios"))
_COPULAS = frozenset("is was became remains".split())
# A rating after a critic's outlet: "*Sightline* — ★★★★", ", 4/5", ": 3 stars".
_RATING_AFTER_RE = re.compile(r"[*_]*\s*(?:[—–-]|,|:)\s*(?:[★☆✩✭]{1,5}|\d(?:\.\d)?\s*/\s*(?:5|10)|\d\s+stars?)")
_EMPHASIS_MARKS = frozenset(("*", "**", "***", "_", "__", "“", "\"", "‘", "'"))
# A listicle item's heading is short: "**5. *Stay***", "**2. Lau Wing-kei on *Paper Moon***".
_ITEM_HEADING_LENGTH = 100
# The first word of a festival prize's name: "the Golden Heron", "a Silver Shell", "the Crystal Globe".
_PRIZE_METALS = frozenset("golden silver bronze crystal platinum diamond".split())
# Number words and the units after them ("Forty years", "Twelve days"): a quantity, not a title.
_NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million".split()
)
_UNITS = frozenset(
    "years days weeks months hours minutes seconds decades centuries nights times films features miles "
    "million thousand hundred percent".split()
)
_CLOSING_QUOTES = QUOTES | frozenset("”’")
# "Corvina-backed", "Lumen-owned": the word before is a company's.
_BACKED = frozenset("backed owned funded financed".split())
# A festival's parts after its town's name ("the Vellmar sidebar", "the Vellmar jury").
_FESTIVAL_PARTS = frozenset("sidebar sidebars jury juries".split())
# Capitalised words that end a company's name ("Grainfield Pictures", "Hexley Films"): the word
# before one is the company's, here and wherever the article names it again without italics.
_COMPANIES = frozenset(
    "pictures films studios studio entertainment releasing distribution distributors productions "
    "media records analytics".split()
)
# First words of a feast's date with "Eve", "Day" or "Night" ("Candlemas Eve", "Boxing Day").
_FEASTS = _CALENDAR | frozenset("candlemas michaelmas boxing midsummer twelfth walpurgis bonfire".split())
# A title's words, as the tokens of the text count them ("Forty-Three": two).
_TITLE_WORD_RE = re.compile(r"[^\W_]+")
# "the kind of film X ...": X is what comes next in the sentence, not the film's title.
_KINDS = frozenset("kind kinds sort sorts type types".split())
# Plural film nouns, and the words that go on a list of titles after one ("the films X and Y").
_PLURAL_FILM_NOUNS = frozenset("films movies pictures features documentaries".split())
_LIST_WORDS = frozenset("and or nor".split())
# Words before a film noun that make what follows a clause about it, never its title: "every
# feature the company develops", "any film Netflix buys".
_QUANTIFIERS = frozenset("every each any no all which whichever what whatever".split())
# Words before "on" that make the name after it a streaming service ("streaming on Lumen").
_SERVICE_CUES = frozenset(
    "streaming streams stream streamed available exclusively arrives arrive lands premieres "
    # "the most-watched films on Lumen": what a service holds, then "on" and the service
    "films movies titles shows series watched viewed".split()
)
# Words that give a name ("a dog called Juniper"): the name after them is a title only when a film
# is what is named ("a thriller called Juniper").
_NAMING = frozenset("called named nicknamed christened dubbed".split())
# What follows a dateline's place ("HALVERSTOCK, 12 October —", "LONDON (Reuters) —", "LISBON —"):
# tokens are folded, so an em or en dash reads as "-" (spaced, not a hyphen inside a name).
_DATELINE_AFTER = frozenset(", ( -".split())
# Turns a name must label before it is a transcript's voice rather than a capsule's heading.
_VOICE_TURNS = 2

_REMAKE_OF = ("remake", "reboot", "reimagining")


def _remake_of_year_after(t: Tokens, last: int, para: int) -> int | None:
    """The year in ", a remake of the 1958 picture" right after a title, or None."""
    words = [t.folded[i] for i in range(last + 1, min(len(t.folded), last + 10))
             if t.para[i] == para and t.folded[i] not in QUOTES and t.folded[i] not in (",", "*", "_")]
    if len(words) < 4 or words[0] not in ("a", "the") or words[1] not in _REMAKE_OF or words[2] != "of":
        return None
    year = words[4] if words[3] == "the" and len(words) > 4 else words[3]
    return int(year) if is_year(year) else None


class FilmTitles:
    """Decides, span by span, which film a title names, reading what the article named."""

    def __init__(self, gaz: Gazetteer, named: Named, is_actor: Callable[[str, str], bool]) -> None:
        self.gaz = gaz
        self._is_actor = is_actor  # "Ruth (Ilse Marchbank)": is the second the actor? (people.plays_in)
        self.named = named
        self.t = named.tokens
        self.character_films: dict[str, set[str]] = {}  # a word of a character's name -> films
        self._article_films: set[str] | None = None
        self._cast: set[str] | None = None  # words of characters' names ("plays Maren")
        self.places: set[str] = set()  # one-word titles the article used as a place or a date
        self.other_works: set[int] = set()  # title forms the article names as a play, a book...
        self.films_within: set[int] = set()  # title forms of a film the story's characters make
        self.vessels: set[int] = set()  # title forms the article names as a boat ("the lifeboat *X*")
        self.streets: set[int] = set()  # title forms the article names as a street ("on Chapel Row")
        self.businesses: set[int] = set()  # title forms the article names as a café, a service...
        self.voices: set[int] = set()  # title forms that label two or more turns of a transcript
        self._body_places: set[str] | None = None  # words after a place's preposition in the body
        self._capitalised: set[str] | None = None  # words the article capitalises somewhere
        self.other_names: set[int] = set()  # first tokens of titles read as a place, a business...
        self.confidence = 0.0  # of the last title `decide` took
        self._given: set[str] | None = None  # one-word given names of the people named
        # Title forms the article sets apart (quotes, italics, bold) somewhere: its style
        self.set_apart: set[int] = set()

    def learn_characters(self, spans: Sequence[Span]) -> None:
        """Words of the characters in films this article may be about ("Wren" in Ember), the
        titles the article names as other works ("the play *Blackthorn Lane*"), and the titles
        it sets apart in quotes or italics somewhere (`set_apart`)."""
        gaz = self.gaz
        films: set[str] = set()
        labels: dict[int, int] = {}
        for span in spans:
            if self._turn_label(span):
                labels[span.form] = labels.get(span.form, 0) + 1
            if self._other_work(span):
                self.other_works.add(span.form)
            elif self._film_within(span):
                self.films_within.add(span.form)
            elif self._business(span):
                self.businesses.add(span.form)
            if self._vessel(span):
                self.vessels.add(span.form)
            if self._venue_named(span):
                # "Ashlar Picture House" anywhere: "the Ashlar is staying open" before it is the
                # cinema too (round fifty-six).
                self.places.add(self.t.folded[span.first])
            if self.t.quoted(span.first, span.last) or self.t.emphasized(span):
                self.set_apart.add(span.form)
            if len(span.entries) <= _MANY:
                films.update(gaz.film_at(e).key for e in span.entries if gaz.is_film(e))
        # A name that opens two or more turns ("**Lantern:** Why a choir?") is a voice of the
        # transcript, the outlet or its interviewer (round twenty-seven); a capsule review's
        # "**Dune:**" heads one paragraph.
        self.voices = {form for form, count in labels.items() if count >= _VOICE_TURNS}
        for person in self.named.person_paras:
            films.update(gaz.films_of(person))
        for film in films:
            for credit in gaz.credits_of(film):
                if credit.character:
                    for _, _, word in tokenize(credit.character):
                        if len(word) > 2 and word[0].isalnum():
                            self.character_films.setdefault(word, set()).add(film)

    def _turn_label(self, span: Span) -> bool:
        """Does the span open its paragraph followed by a colon, as a transcript's label does?"""
        t = self.t
        if span.first > 0 and t.para[span.first - 1] == span.para:
            return False
        after = span.last + 1
        return after < len(t.folded) and t.para[after] == span.para and t.folded[after] == ":"

    def _other_work(self, span: Span) -> bool:
        """Is the title set beside a noun for a work that is not a film: "the play X", "X, the
        old Flemish play", "X, a novel", "the magazine X", "X magazine", or a critic "writing in X"?"""
        t = self.t
        before = span.first - 1
        if before >= 0 and t.folded[before] in QUOTES:
            before -= 1
        if before >= 0 and t.para[before] == span.para and t.folded[before] in _NOT_FILMS:
            return True
        # "the film podcast *The Slow Fade*", "on her podcast, *Slow Fade*", "the newsletter
        # *The Cutting Room*": a publication's own name may open with "The" the graph's title
        # lacks, or follow its noun after a comma (round thirty-five).
        lead = before
        if lead >= 0 and t.folded[lead] in ("the", ",") and t.para[lead] == span.para:
            lead -= 1
            if lead >= 0 and t.folded[lead] in QUOTES:
                lead -= 1
            if lead >= 0 and t.para[lead] == span.para and t.folded[lead] in _PUBLICATIONS:
                return True
            if t.folded[before] == "," and lead >= 0 and t.para[lead] == span.para and t.folded[lead] in _OTHER_WORKS:
                return True  # "Farrago's memoir, *Hold Still*," (round fifty-five)
        if before >= 1 and t.para[before - 1] == span.para and (t.folded[before - 1], t.folded[before]) == _WRITING_IN:
            return True
        if (before >= 1 and t.para[before - 1] == span.para and t.folded[before] in _PERIODICALS
                and t.folded[before - 1] in _PERIODICAL_OWNERS):
            return True
        if (before >= 1 and t.para[before - 1] == span.para and t.folded[before] in ("paper", "papers")
                and t.folded[before - 1] in _PAPER_KINDS):
            return True  # "the trade paper *Cue Sheet*" (round seventy-one; "On paper, *X* had" has its comma)
        # "told *Lantern* magazine": a publication's name with its noun straight after it
        # (round twenty-seven), as in "the magazine *Lantern*".
        after = span.last + 1
        if after < len(t.folded) and t.folded[after] in QUOTES:
            after += 1
        if after < len(t.folded) and t.para[after] == span.para and t.folded[after] in _PUBLICATIONS:
            return True
        return (self._set_beside(span, _NOT_FILMS_BESIDE) or self._writers_outlet(span) or self._fronted_outlet(span)
                or self._asking_outlet(span) or self._outlet_slot(span) or self._masthead(span))

    def _outlet_slot(self, span: Span) -> bool:
        """Is the title where an outlet, a festival strand or a venue goes: "writing for *X*",
        "spoke to her for *X*", "In *X*, Ines Dorrow compared …", "wrote Ines Dorrow (…) in *X*",
        "the X section", "the X chain", "the dating show *X*", "Voss told *X*"? Cheap first test: the
        token before is "for", "in", "the", "show", "column" or "told" (rounds forty-one and
        forty-two)."""
        t = self.t
        at = span.first - 1
        if at >= 0 and t.folded[at] in QUOTES:
            at -= 1
        if at < 1 or t.para[at] != span.para:
            return False
        word = t.folded[at]
        if word in _TOLD:
            return self._told_outlet(span)
        if word in _SHOW_NOUNS:
            return t.folded[at - 1] not in ("a", "an", "the") and t.para[at - 1] == span.para and t.word(at - 1)
        if word not in ("for", "in", "the"):
            return False
        if word == "the":
            if t.folded[at - 1] == "in" and t.para[at - 1] == span.para and self._piece_in(span, at - 1):
                return True  # "wrote in the *Gull Post*" (round forty-five)
            if (at >= 2 and t.folded[at - 1] == "for" and t.para[at - 2] == span.para
                    and (t.folded[at - 2] in _REVIEWS_FOR or t.folded[at - 2] == "writing")):
                return True  # "who reviews for the *Northern Reel*" (round forty-seven)
            after = span.last + 1
            return after < len(t.folded) and t.para[after] == span.para and t.folded[after] in _VENUE_NOUNS
        if word == "for":
            if t.folded[at - 1] in _REVIEWS_FOR:
                return True  # "has reviewed for *X*", "the reviewer for *X*" (round forty-five)
            return t.folded[at - 1] == "writing" or (
                at >= 3 and t.folded[at - 1] in _OBJECT_PRONOUNS and t.folded[at - 2] in ("to", "with")
                and t.folded[at - 3] in _TALKED
            )
        return self._piece_in(span, at) or self._critic_in(span, at)

    def _piece_in(self, span: Span, at: int) -> bool:
        """After "in" at `at`: a critic "wrote in" it, or a piece of writing named a few words
        before "ran in" it ("her review of *Y* ran in *X*"): a publication (round forty-five).
        Not "ran in" alone, which a person may do in a film."""
        t = self.t
        before = t.folded[at - 1]
        if before in _WROTE:
            return True
        if before not in _RAN:
            return False
        return any(t.folded[k] in _WRITINGS and t.para[k] == span.para for k in range(max(0, at - 1 - _PIECE_WORDS), at - 1))

    def _masthead(self, span: Span) -> bool:
        """Does the title open a short kicker line of a newsletter or paper ("*X* · Arts · By
        Ada Moss")? Cheap first test: a separator straight after the title."""
        t = self.t
        after = span.last + 1
        while after < len(t.folded) and t.para[after] == span.para and t.folded[after] in _EMPHASIS_MARKS:
            after += 1
        if after >= len(t.folded) or t.para[after] != span.para or t.folded[after] not in _KICKER_SEPARATORS:
            return False
        before = span.first - 1
        while before >= 0 and t.para[before] == span.para and t.folded[before] in _EMPHASIS_MARKS:
            before -= 1
        if before >= 0 and t.para[before] == span.para:
            return False  # not the line's first words
        text = t.paragraphs[span.para].text
        return len(text) <= _KICKER_LENGTH and _KICKER_RE.search(text) is not None

    def _told_outlet(self, span: Span) -> bool:
        """After "told": the title is the outlet unless a word of its own follows it ("told *X*
        fans", "told *X*'s crew")."""
        t = self.t
        after = span.last + 1
        while after < len(t.folded) and t.para[after] == span.para and t.folded[after] in QUOTES:
            after += 1
        if after >= len(t.folded) or t.para[after] != span.para:
            return True
        word = t.folded[after]
        if word in ("s", "'", "’", "'s", "’s"):
            return False
        return not t.word(after) or word in _AFTER_TOLD

    def _critic_in(self, span: Span, at: int) -> bool:
        """After "in": a critic named first with an aside ("wrote Ines Dorrow (…) in *X*") or put
        after it ("In *X*, Ines Dorrow compared …"), not when the graph credits that name on the film."""
        t = self.t
        if t.folded[at - 1] == ")":
            opening = next((k for k in range(at - 2, max(at - 12, -1), -1) if t.folded[k] == "("), None)
            if opening is None or t.para[opening] != span.para:
                return False
            first = name_end = opening - 1
            while first >= 0 and t.word(first) and t.raw[first][:1].isupper() and name_end - first < _NAME_WORDS:
                first -= 1
            if first == name_end or first < 0 or t.folded[first] not in _WROTE:
                return False
            return not self._credits_writer(span, t.folded[first + 1 : name_end + 1])
        comma = span.last + 1
        if not t.sentence_initial(at) or comma >= len(t.folded) or t.folded[comma] != "," or t.para[comma] != span.para:
            return False
        verb = comma + 1
        while verb < len(t.folded) and t.word(verb) and t.raw[verb][:1].isupper() and verb - comma <= _NAME_WORDS:
            verb += 1
        if verb == comma + 1 or verb >= len(t.folded) or t.folded[verb] not in _CRITIC_VERBS:
            return False
        return not self._credits_writer(span, t.folded[comma + 1 : verb])

    def _writers_outlet(self, span: Span) -> bool:
        """Is the title the publication a named writer works for, as a critic's or an
        interviewer's credit gives it: "wrote Pellam Rook in *X*", a quotation's credit line
        "— Felix Amber, *X*" closing its paragraph, "spoke to Nadia Moor for *X*"? Not when the
        graph credits that very name on a film of that title: "— Ada Varga, *X*" may be a
        director signing with her film (round twenty-eight)."""
        t = self.t
        at = span.first - 1
        if at >= 0 and t.folded[at] in QUOTES:
            at -= 1
        if at < 1 or t.para[at] != span.para or t.folded[at] not in _OUTLET_JOINS:
            return False
        join, name_end = t.folded[at], at - 1
        if join in ("for", "of") and name_end >= 2 and t.folded[name_end] == ")":
            # "Mattias Orrey (MO) of *X*": the initials the transcript labels them by.
            opening = next((k for k in range(name_end - 1, max(name_end - 4, -1), -1) if t.folded[k] == "("), None)
            if opening is None or t.para[opening] != span.para:
                return False
            name_end = opening - 1
        first, named_words = name_end, 0
        while first >= 0 and t.para[first] == span.para and named_words < 3:
            if t.word(first) and t.raw[first][:1].isupper():
                named_words += 1
            elif not (t.folded[first] == "-" and not t.spaced[first] and first > 0 and t.word(first - 1)
                      or t.raw[first] in _NAME_PARTICLES and named_words):
                break  # "Amadi-Rowe", "de Wint": one name (round fifty-five)
            first -= 1
        before = first  # the token before the writer's name
        if join == "in":
            shaped = before >= 0 and t.para[before] == span.para and t.folded[before] in _WROTE
        elif join in ("for", "of"):
            shaped = named_words >= 1 and before >= 1 and t.folded[before] in ("to", "with", "by") and (
                t.folded[before - 1] in _TALKED
            ) or (
                # "wrote Dinah Ferriter of *The Kinetoscope*": a critic's credit (round fifty-five).
                join == "of" and named_words >= 2 and before >= 0 and t.para[before] == span.para
                and t.folded[before] in _WROTE
            )
        else:  # ",": a credit line closing the paragraph
            after = span.last + 1
            if after < len(t.folded) and t.folded[after] in QUOTES:
                after += 1
            closes = after >= len(t.folded) or t.para[after] != span.para or (
                t.folded[after] in (".",) and t.para[after + 1] != span.para
            )
            shaped = named_words >= 2 and closes and before >= 0 and t.folded[before] == "-" and t.para[before] == span.para
            if not shaped and named_words >= 2:
                # "**Priya Halloran, *Sightline* — ★★★★**": a critic's heading in a review roundup,
                # the name opening the line and a rating after the outlet (round sixty-two).
                opening = before
                while opening >= 0 and t.para[opening] == span.para and t.folded[opening] in _EMPHASIS_MARKS:
                    opening -= 1
                shaped = (opening < 0 or t.para[opening] != span.para) and _RATING_AFTER_RE.match(
                    t.paragraphs[span.para].text, t.end[span.last]) is not None
        if not shaped:
            return False
        return not self._credits_writer(span, t.folded[first + 1 : name_end + 1])

    def _credits_writer(self, span: Span, writer: list[str]) -> bool:
        """Does the graph credit the writer's name (or a name it ends) on a film of the span's title?"""
        films = [self.gaz.film_at(e) for e in span.entries if self.gaz.is_film(e)]
        return any(
            _ends_with(self.gaz.people_by_key[credit.person].name.lower().split(), writer)
            for film in films for credit in self.gaz.credits_of(film.key) if credit.person in self.gaz.people_by_key
        )

    def _fronted_outlet(self, span: Span) -> bool:
        """Is the title the publication of an interview whose credit the sentence puts first: "For
        *X*, Pia Moor spoke to her", "For *X*, our critic Pia Moor met him", "For *X*, we sat down
        with her"? Not when the graph credits the writer on a film of that title: "For *X*, Ivo
        Brandt spoke to sixty lamplighters" is research for his film (round thirty-seven)."""
        t = self.t
        at = span.first - 1
        if at < 0 or t.folded[at] != "for" or t.para[at] != span.para or not t.sentence_initial(at):
            return False
        comma = span.last + 1
        if comma >= len(t.folded) or t.folded[comma] != "," or t.para[comma] != span.para:
            return False
        verb = next((i for i in range(comma + 1, comma + 2 + _FRONTED_WRITER_WORDS)
                     if i >= len(t.folded) or not t.word(i) or t.para[i] != span.para or t.folded[i] in _FRONTED_TALKED), None)
        if verb is None or verb == comma + 1 or not t.word(verb) or t.folded[verb] not in _FRONTED_TALKED:
            return False
        if t.folded[verb - 1] in ("we", "i"):
            return verb == comma + 2
        first = verb - 1
        while first > comma and t.raw[first][:1].isupper():
            first -= 1
        if first == verb - 1:
            return False
        return not self._credits_writer(span, t.folded[first + 1 : verb])

    def _asking_outlet(self, span: Span) -> bool:
        """Is the title the outlet a roundtable or a press conference credits a question to: "Ines
        Marlow of *X* asked whether …", "asked by *X* whether …"? Not when the graph credits the
        name before "of" on a film of that title (round thirty-nine)."""
        t = self.t
        at, after = span.first - 1, span.last + 1
        if at < 1 or after >= len(t.folded) or t.para[at] != span.para or t.para[after] != span.para:
            return False
        if t.folded[at] == "by":  # "asked by *X* whether …"
            return t.folded[at - 1] in _ASKED and t.folded[after] in _QUESTION_OPENERS
        if t.folded[at] != "of" or t.folded[after] not in _ASKED:
            return False
        first = name_end = at - 1  # "Ines Marlow of *X* asked": the journalist's full name before "of"
        while first >= 0 and t.para[first] == span.para and t.word(first) and t.raw[first][:1].isupper() and name_end - first < 3:
            first -= 1
        return name_end - first >= 2 and not self._credits_writer(span, t.folded[first + 1 : name_end + 1])

    def _film_within(self, span: Span) -> bool:
        """Is the title set after "to shoot a silent melodrama," (a verb of making in the present,
        an indefinite film noun, a comma), for a film of the graph credited to no one the article
        names: the film the story's characters make, not the graph's film of that title?"""
        t = self.t
        at = span.first - 1
        if at >= 0 and t.folded[at] in QUOTES:
            at -= 1
        if at < 1 or t.folded[at] != "," or t.folded[at - 1] not in FILM_NOUNS | _GENRES:
            return False
        at -= 2
        while at >= 0 and t.word(at) and t.folded[at] not in ("a", "an") and span.first - at < 6:
            at -= 1  # "a silent", "a cheap Italian"
        if at < 1 or t.folded[at] not in ("a", "an") or t.folded[at - 1] not in _MAKING or t.para[at - 1] != span.para:
            return False
        named = self.named.person_paras
        films = [self.gaz.film_at(e) for e in span.entries if self.gaz.is_film(e)]
        return not any(credit.person in named for film in films for credit in self.gaz.credits_of(film.key))

    def _set_beside(self, span: Span, nouns: frozenset[str]) -> bool:
        """Is the title followed by a comma and a noun phrase ending in one of `nouns` ("X, the
        old Flemish play", "X, a café on the quay")?"""
        t = self.t
        after = span.last + 1
        if after < len(t.folded) and t.folded[after] in QUOTES:
            after += 1
        if after + 1 >= len(t.folded) or t.folded[after] != "," or t.folded[after + 1] not in ("the", "a", "an"):
            return False
        words = 0
        i = after + 2
        while i < len(t.folded) and t.para[i] == span.para and words < 3:
            if t.folded[i] in ("'", "’") and t.folded[i + 1 : i + 2] == ["s"]:
                i += 2  # "X, the town's weekly paper": a possessive inside the phrase (round forty-two)
                continue
            if not t.word(i):
                return False
            if t.folded[i] in nouns:
                return True
            words += 1
            i += 1
        return False

    def _vessel(self, span: Span) -> bool:
        """Is the title a boat's name, its vessel noun or prefix just before it ("the lifeboat
        *Mary Ann*", "the trawler Good Hope", "HMS *Vigilant*"), italics or not?"""
        t = self.t
        before = span.first - 1
        while before >= 0 and t.para[before] == span.para and t.folded[before] in _EMPHASIS_MARKS:
            before -= 1  # the italics' own asterisks or underscores, or a quote mark
        if before >= 0 and t.folded[before] == "the":
            before -= 1  # "was the *Ardent*"
        if before >= 1 and t.folded[before] in _COPULAS:
            # "The ferry was the *Ardent*", "Their boat is *Good Hope*": the vessel named by the
            # verb "to be" after its noun (round thirty-eight)
            before -= 1
        return before >= 0 and t.para[before] == span.para and t.folded[before] in _VESSEL_NOUNS

    def _street(self, span: Span) -> bool:
        """Is the title of two or more words a street's name: its last word a street's ("Row",
        "Street", "Lane") and an address's preposition before it ("on Chapel Row"), or the form
        already read so?"""
        t = self.t
        words = t.words(span.first, span.last)
        if len(words) < 2 or t.folded[words[-1]] not in _STREET_NOUNS:
            return False
        if span.form in self.streets:
            return True
        before = span.first - 1
        return before >= 0 and t.para[before] == span.para and t.folded[before] in _STREET_CUES

    def _business(self, span: Span) -> bool:
        """Is the title, without quotes or italics, a business's or a service's name: before
        its noun ("the Anchor café", "Grainfield Pictures"), set beside one ("Lodestar, a café"), or after "streaming
        on"?"""
        t = self.t
        after, before = span.last + 1, span.first - 1
        beside = (
            after < len(t.folded) and t.para[after] == span.para and (
                t.folded[after] in _BUSINESSES
                or (t.folded[after] in _COMPANIES and t.raw[after][:1].isupper() and t.spaced[after])
            )
        ) or (
            before >= 1 and t.para[before - 1] == span.para and t.folded[before] == "on" and t.folded[before - 1] in _SERVICE_CUES
        ) or (
            # "the streamer Corvina", "the streaming service Corvina": the noun before the name
            before >= 1 and t.para[before] == span.para and t.folded[before] in _COMPANY_NOUNS_BEFORE
            and t.folded[before - 1] in ("the", "a", "streaming", "rival", "online", "its", "their")
        ) or (
            # "Studio Hakobune", "Studios Corvina": a studio's name after the capitalised noun
            # its own name opens with, as "Grainfield Pictures" ends with one (round thirty-eight)
            before >= 0 and t.para[before] == span.para and t.raw[before] in _NAME_PREFIXES
        ) or (
            # "a Corvina-backed sidebar": a title glued to "-backed" or "-owned" is the backer's name
            after + 1 < len(t.folded) and t.folded[after] == "-" and not t.spaced[after] and t.para[after + 1] == span.para
            and t.folded[after + 1] in _BACKED
        ) or (
            # "the Vellmar sidebar", "the Vellmar jury": a festival's part after its town's name
            after < len(t.folded) and t.para[after] == span.para and t.folded[after] in _FESTIVAL_PARTS
        ) or self._festival_name(span) or self._set_beside(span, _BUSINESSES) or self._venue(span) or self._service_in_parentheses(span)
        return beside and not (t.quoted(span.first, span.last) or t.emphasized(span))

    def _given_names(self) -> set[str]:
        """Given names of one word of the people the article names ("paloma" once Paloma de la
        Cruz is named): bare, that name is the person's, not a film of that title."""
        if self._given is None:
            self._given = {
                name[0] for key in self.named.person_paras if len(name := self.gaz.given_name(key)) == 1
            }
        return self._given

    def _institution_after(self, span: Span) -> bool:
        """Is the bare title the start of a longer name whose next word is an institution's noun
        ("Kestrel Bay Screenwriting Prize", "Harrow Lane Film Society", "Low Tide Pictures")?"""
        t = self.t
        after = span.last + 1
        return after < len(t.folded) and t.para[after] == span.para and t.folded[after] in _INSTITUTIONS

    def _prize(self, span: Span) -> bool:
        """Is the word the second of a festival prize's name, a metal or a material before it
        capitalised ("the Golden Heron", "a Silver Shell", "Crystal Globe")? Festivals name their
        prizes so, and a one-word title there is the prize (round twenty-eight)."""
        t = self.t
        before = span.first - 1
        return (
            before >= 0 and t.para[before] == span.para and t.folded[before] in _PRIZE_METALS
            and t.raw[before][:1].isupper() and t.spaced[span.first]
        )

    def _quantity(self, span: Span) -> bool:
        """Is a one-word title a number word before a unit ("Forty years", "Seven days later")?"""
        t = self.t
        after = span.last + 1
        return (
            t.folded[span.first] in _NUMBER_WORDS and after < len(t.folded) and t.para[after] == span.para
            and t.folded[after] in _UNITS
        )

    def _vocative(self, span: Span) -> bool:
        """Is a one-word title somebody spoken to at the end of a quotation (", Ewan,\"",
        ", Ewan.\"")? A film is not addressed by name."""
        t = self.t
        before, after = span.first - 1, span.last + 1
        return (
            before >= 0 and t.folded[before] == "," and t.para[before] == span.para
            and after + 1 < len(t.folded) and t.para[after + 1] == span.para
            and t.folded[after] in (",", ".", "?", "!") and t.folded[after + 1] in _CLOSING_QUOTES
        )

    def _kin_named(self, span: Span) -> bool:
        """Is a one-word title a relative's given name set after the kinship noun ("their
        daughter, Persis,", "his son Torben")? A film is never somebody's daughter."""
        t = self.t
        before = span.first - 1
        if before >= 0 and t.folded[before] == ",":
            before -= 1
        return (
            before >= 1 and t.para[before - 1] == span.para and t.folded[before] in KIN_NOUNS
            and t.folded[before - 1] in ("his", "her", "their", "s", "’s", "'s", "a", "whose", "my", "our", "your")
        )

    def _holiday(self, span: Span) -> bool:
        """Is the title a feast and "Eve", "Day" or "Night" ("Candlemas Eve", "Boxing Day")?"""
        words = [self.t.folded[i] for i in self.t.words(span.first, span.last)]
        return len(words) == 2 and words[1] in ("eve", "day", "night") and words[0] in _FEASTS

    def _festival_name(self, span: Span) -> bool:
        """Does the title open a festival's longer name ("the Veldmoor Film Festival", "Veldmoor
        International Film Festival")? Then it is the festival's town, here and later."""
        t = self.t
        i = span.last + 1
        for _ in range(3):
            if i >= len(t.folded) or t.para[i] != span.para or not t.word(i) or not t.raw[i][:1].isupper():
                return False
            if t.folded[i] in ("festival", "festivals"):
                return i > span.last + 1
            i += 1
        return False

    def _whole_line_emphasised(self, span: Span) -> bool:
        """Is the span's paragraph set in bold or italics from its first word to its last?"""
        paragraph = self.t.paragraphs[span.para]
        text = paragraph.text.rstrip()
        return any(s <= 1 and e >= len(text) - 1 for s, e in getattr(paragraph, "emphasis", ()))

    def _venue_named(self, span: Span) -> bool:
        """Is a one-word title the first word of a venue's name ("Ashlar Picture House", "The
        Ruby Kinema")?"""
        t = self.t
        after = span.last + 1
        return (
            span.first == span.last and after < len(t.folded) and t.para[after] == span.para
            and t.raw[after][:1].isupper() and t.folded[after] in _VENUE_NAME_ENDS
        )

    def _venue(self, span: Span) -> bool:
        """Is a one-word title between "the" and a town ("programmes the Halcyon in Bridport")
        a venue's name? A film is not written "the X in <Town>"; a cinema or a pub is."""
        t = self.t
        before, after = span.first - 1, span.last + 1
        # "the six-screen Bellwether in Minneapolis": lower-case words may stand before the name
        while before > 0 and span.first - before <= 4 and t.para[before] == span.para and (
            t.folded[before] == "-" and not t.spaced[before] or t.word(before) and t.raw[before][:1].islower() and t.folded[before] != "the"
        ):
            before -= 1
        return (
            span.first == span.last
            and before >= 0 and t.para[before] == span.para and t.folded[before] == "the"
            and after + 1 < len(t.folded) and t.para[after + 1] == span.para
            and t.folded[after] in ("in", "at") and t.raw[after + 1][:1].isupper() and t.word(after + 1)
        )

    def _service_in_parentheses(self, span: Span) -> bool:
        """Is a one-word title opening a parenthesis right after an italic title ("*Underhill*
        (Kestrel, restored)") where that title's service stands, not a second film?"""
        t = self.t
        before = span.first - 1
        if span.first != span.last or before < 1 or t.folded[before] != "(" or t.para[before - 1] != span.para:
            return False
        emphasis = getattr(t.paragraphs[span.para], "emphasis", ())
        title_end = t.end[before - 1]
        after = span.last + 1
        closes = after < len(t.folded) and t.folded[after] in (",", ")")
        return closes and any(s < title_end <= e for s, e in emphasis)

    def _cast_words(self) -> set[str]:
        """Words of the names the article casts an actor as ("plays Maren", "stars as Tamsin
        Hale"): a character's name, not a film, wherever it stands bare."""
        if self._cast is None:
            # A search of the paragraphs that hold a casting verb (newsreel/text/casting.py): a
            # walk over every token cost more than the rest of this rule on a 1,000-word article.
            texts = (p.text for p in self.t.paragraphs)
            self._cast = {
                word for name in cast_names(texts, self._is_actor) for _, _, word in tokenize(name)
            }
        return self._cast

    def _credited_line(self, span: Span) -> bool:
        """Is the span the whole of a quotation credited on the line under it (`credits`)?"""
        line = credited_line(self.t.paragraphs, span.para)
        if line is None:
            return False
        words = sum(1 for *_, token in tokenize(line) if token[:1].isalnum())
        return words == len(self.t.words(span.first, span.last))

    def _dateline(self, span: Span) -> bool:
        """Is the span a dateline's place: capitals opening a paragraph, then a comma, a
        parenthesis or a dash ("HALVERSTOCK, 12 October 2026 —")?"""
        t = self.t
        if span.first > 0 and t.para[span.first - 1] == span.para:
            return False
        if t.paragraphs[span.para].kind == "heading":
            return False
        raws = [t.raw[i] for i in t.words(span.first, span.last)]
        if not raws or not all(raw.isupper() and len(raw) > 1 for raw in raws):
            return False
        after = span.last + 1
        return (
            after < len(t.folded) and t.para[after] == span.para and t.folded[after] in _DATELINE_AFTER
            and (t.folded[after] != "-" or t.spaced[after])
        )

    def _family(self, span: Span) -> bool:
        """Is a title of "The" and a plural ("The Mallorys"), written with a lower-case "the"
        in running text, the family of someone the article names ("Bran Mallory")?"""
        t = self.t
        if span.first != span.last or span.first < 1 or t.raw[span.first - 1] != "the":
            return False
        word = t.folded[span.first]
        if not word.endswith("s") or len(word) < 4:
            return False
        if self._capitalised is None:
            self._capitalised = {f for f, r in zip(t.folded, t.raw) if r[:1].isupper()}
        return word[:-1] in self._capitalised or (word.endswith("es") and word[:-2] in self._capitalised)

    def _year_before(self, span: Span, years: Sequence[int]) -> set[int]:
        """The year in "the 2009 *Nightjar*", "Halvorsen's 2026 Nightjar" or "the 2003 remake of
        *Nightjar*"; the newest of `years` for "this year's *Nightjar*"."""
        t = self.t
        i = span.first - 1
        if i >= 0 and t.folded[i] in QUOTES:
            i -= 1
        if i >= 1 and t.para[i] == span.para and is_year(t.folded[i]) and t.folded[i - 1] in _YEAR_OWNERS:
            return {int(t.folded[i])}
        # "the 2003 remake of *The Salt Widow*": the year is the version's, of a title two films share.
        if (
            i >= 3 and t.para[i - 3] == span.para and t.folded[i] == "of" and t.folded[i - 1] in _VERSIONS
            and is_year(t.folded[i - 2]) and t.folded[i - 3] in _YEAR_OWNERS
        ):
            return {int(t.folded[i - 2])}
        if i >= 3 and t.para[i - 3] == span.para and t.folded[i - 3 : i + 1] == ["this", "year", "'", "s"]:
            return {max(years)}
        return set()

    def _headline_place(self, span: Span) -> bool:
        """Is the span a place opening the headline before a comma ("Varrow, day two: …") that
        the body names as a place too ("in Varrow")?"""
        t = self.t
        if t.paragraphs[span.para].kind != "heading" or (span.first > 0 and t.para[span.first - 1] == span.para):
            return False
        after = span.last + 1
        if after >= len(t.folded) or t.folded[after] != "," or t.para[after] != span.para:
            return False
        if self._body_places is None:
            # Computed only for such a headline: one walk over the article's tokens.
            self._body_places = {
                t.folded[i + 1]
                for i in range(len(t.folded) - 1)
                if t.folded[i] in _PLACE_CUES and t.raw[i + 1][:1].isupper() and t.para[i + 1] == t.para[i]
                and t.paragraphs[t.para[i]].kind != "heading"
            }
        return all(t.folded[i] in self._body_places for i in t.words(span.first, span.last))

    def decide(self, span: Span) -> tuple[Candidate | None, list[Candidate]]:
        """The film (or person) a span names, or None with the candidates left tied."""
        gaz = self.gaz
        tier = self._tier(span)
        if tier is None:
            return None, []
        evidence = self._evidence(span)
        if self._lower_case_inside(span) and (
            not (evidence["quoted"]) or (evidence["label"] and not self.t.quoted(span.first, span.last))
            # "**3. The ferryman**": a caption's heading set in bold whole sets no title apart
            # (round fifty-seven).
            or (not self.t.quoted(span.first, span.last) and self._whole_line_emphasised(span))
        ):
            # "The analyst was less kind", "Forty-three.", "**Media contact:**": a title of
            # several words written with one the title capitalises in lower case is prose (or
            # a label), unless quotes or italics set it apart.
            return None, []
        # Entries are in ascending order, films first (Gazetteer.entries): one search splits
        # them, where a walk would visit each of the thousands of films a title like "Love"
        # has in a million-name graph.
        split = bisect.bisect_left(span.entries, gaz.film_limit)
        people = span.entries[split:]
        if tier == _WORD_TIER and not (evidence["quoted"] or evidence["cap_mid"] or evidence["paren_years"]):
            films = []  # an everyday word with nothing setting it apart: not a title here
        else:
            films = span.entries[:split]
        if len(films) > _MANY:
            films = self._distinguishable(span, films, evidence)
        years = [gaz.film_at(e).year for e in films if gaz.film_at(e).year is not None]
        if len(years) > 1 and not evidence["paren_years"]:
            # "the 2009 *Nightjar*" tells two films of one title apart as "Nightjar (2009)" does.
            evidence["paren_years"] = self._year_before(span, years) & set(years)
        evidence["one_film"] = len(films) == 1
        evidence["newest"] = max(years) if len(years) > 1 else None
        evidence["oldest"] = min(years) if len(years) > 1 else None
        scores: list[tuple[float, Candidate]] = []
        deferred: list[Candidate] = []
        for candidate in map(gaz.candidate, films):
            score = self._score(span, candidate, evidence, tier, deferred)
            if score is not None:
                scores.append((score, candidate))
        for candidate in map(gaz.candidate, people):
            if person_shape_ok(self.t, span):
                score = 2.0
                for film_key in gaz.films_of(candidate.key):
                    if film_key in self.named.film_paras:
                        score += 2
                        break
                scores.append((score, candidate))
        if not scores:
            return None, deferred
        scores.sort(key=lambda pair: -pair[0])
        if len(scores) > 1 and scores[0][0] - scores[1][0] < 1:
            top = scores[0][0]
            return None, [c for s, c in scores if top - s < 1 and c.kind == "film"]
        best, candidate = scores[0]
        self.confidence = self._confidence(tier, best, scores[1][0] if len(scores) > 1 else None)
        return candidate, []

    def _lower_case_inside(self, span: Span) -> bool:
        """Is a word after the first written in lower case where the title (every film of the
        span's form) capitalises it? Titles in running text are written title case."""
        t, gaz = self.t, self.gaz
        positions = t.words(span.first, span.last)
        if len(positions) < 2 or span.form in gaz.lowercase_forms or not gaz.is_film(span.entries[0]):
            return False
        lower = [n for n, i in enumerate(positions) if n and t.raw[i][:1].islower()]
        if not lower:
            return False
        title_words = _TITLE_WORD_RE.findall(gaz.film_at(span.entries[0]).title)
        if len(title_words) != len(positions):
            return False
        return any(title_words[n][:1].isupper() for n in lower)

    @staticmethod
    def _confidence(tier: str | None, score: float, runner_up: float | None) -> float:
        """How sure a title's reading is: a distinctive title needs no evidence (0.9, more with
        some); a title of everyday words or a proper name is as sure as its evidence (0.5 +
        0.1 a point, at most 0.95); a win over another film by less than 2 points costs 0.1."""
        if tier == _PROPER_TIER:
            confidence = min(0.95, 0.9 + 0.01 * score)
        else:
            confidence = min(0.95, 0.5 + 0.1 * score)
        if runner_up is not None and score - runner_up < 2:
            confidence -= 0.1
        return round(confidence, 2)

    def _distinguishable(self, span: Span, films: list[int], evidence: dict[str, Any]) -> list[int]:
        """Of many films sharing a title, those with evidence of their own, plus two that
        stand for the rest (they all score alike, so they tie with each other)."""
        gaz = self.gaz
        if self._article_films is None:
            keys = set(self.named.spoiler_paras)
            for person in self.named.person_paras:
                keys.update(gaz.films_of(person))
            self._article_films = keys
        by_key, by_year = gaz.shared_title_index(span.form)
        own = {by_key[key] for key in self._article_films if key in by_key}
        for year in evidence["paren_years"] | evidence["near_years"]:
            own.update(by_year.get(year, ()))
        # `films` is ascending (see decide): keep that order, looking each one up by search.
        chosen = [entry for entry in sorted(own) if _holds(films, entry)]
        if not evidence["paren_years"]:
            chosen += [entry for entry in films[:3] if entry not in own][:2]
        return chosen

    def _tier(self, span: Span) -> str | None:
        """How ordinary the matched words are; None when the match cannot be a title here."""
        t = self.t
        words = [t.folded[i] for i in t.words(span.first, span.last)]
        if not words:
            return None
        if any(word.isdigit() for word in words):
            return _PROPER_TIER
        if len(words) == 1 and words[0] in NAME_WORDS:
            return _NAME_TIER
        if len(words) == 1 and words[0] in t.lowercase_words:
            return _WORD_TIER
        if all(is_common(word) or word in NAME_WORDS or len(word) <= 2 for word in words):
            return _WORD_TIER
        return _PROPER_TIER

    def _evidence(self, span: Span) -> dict[str, Any]:
        t = self.t
        first, last = span.first, span.last
        heading = t.paragraphs[span.para].kind == "heading"
        initial = t.sentence_initial(first)
        significant = [i for i in t.words(first, last) if t.folded[i] not in _SMALL_WORDS]
        capitals = sum(1 for i in significant if t.raw[i][:1].isupper())
        cap_mid = 0
        if not heading and not initial and significant and capitals == len(significant):
            cap_mid = 2 if len(significant) > 1 else 1
        elif not heading and initial and len(significant) > 1 and capitals == len(significant):
            cap_mid = 1  # a title-cased phrase opening a sentence is still unusual
        before = first - 1
        if before >= 0 and t.folded[before] in QUOTES:
            before -= 1
        cue_new = cue_old = False
        # "the horror remake *X*": a new film named by its original's title
        remade = before >= 0 and t.para[before] == span.para and t.folded[before] in _REMADE
        for i in range(max(0, first - 3), first):
            if t.para[i] == span.para:
                if t.folded[i] in _NEW_CUES and t.folded[i + 1] == "of":
                    cue_old = True  # "a remake of *Copperhead*" names the film remade, the older
                else:
                    cue_new = cue_new or t.folded[i] in _NEW_CUES
                    cue_old = cue_old or t.folded[i] in _OLD_CUES
        near_years = t.near_years(first, last)
        remade_year = _remake_of_year_after(t, last, span.para)
        if remade_year is not None:
            # ""The Pilchard Queen," a remake of the 1958 picture": the year is the original's,
            # so the title is the remake (round fifty-four).
            near_years.discard(remade_year)
            cue_new, cue_old = True, False
        film_column = t.column_header(first, last) in _FILM_COLUMNS
        if film_column and not cue_new and not cue_old:
            cue_new = not _CHART_COLUMNS.isdisjoint(t.table_header(first))
        return {
            "words": len(t.words(first, last)),
            "initial": initial or heading,
            "quoted": t.quoted(first, last) or t.emphasized(span),
            "cue_new": cue_new,
            "remade": remade,
            "cue_old": cue_old,
            "cap_mid": cap_mid,
            # "the film Lodestar"; not "the kind of film Grainfield was founded to release"
            "apposition": before >= 0 and t.folded[before] in FILM_NOUNS
            and not (before >= 2 and t.folded[before - 1] == "of" and t.folded[before - 2] in _KINDS)
            # "every feature Quillfeather develops": a quantifier's noun opens a clause, it names nothing
            and not (before >= 1 and t.para[before - 1] == span.para and t.folded[before - 1] in _QUANTIFIERS)
            # "one of the films Grainfield is said to want": a plural noun opens a clause
            and not _clause_after_plural(t, before, last)
            # "the festival hit Azure Hour", "last summer's sleeper hit Cinder Bay"
            or before >= 1 and t.folded[before] in ("hit", "hits") and t.folded[before - 1] in _HIT_KINDS,
            "context": t.context(first, last),
            # a cell under "Film" or "Title" in a table
            "film_column": film_column,
            "paren_years": t.paren_years(last),
            "near_years": near_years,
            "longer_name": t.in_longer_name(first, last),
            "label": last + 1 < len(t.folded) and t.folded[last + 1] == ":",
            # "the Lakemoor Film Festival": any capitalised word glued after a one-word title
            "name_after": t.word(last + 1) and t.para[last + 1] == span.para and t.raw[last + 1][:1].isupper()
            and t.spaced[last + 1],
            # "is called Juniper", "a daughter named Ruth": a name, unless a film is what is named
            "name_cue": before >= 0 and t.para[before] == span.para and t.folded[before] in _NAMING
            and not any(t.folded[i] in FILM_NOUNS for i in range(max(0, before - 4), before) if t.para[i] == span.para),
            "place_cue": before >= 0 and t.para[before] == span.para and (
                t.folded[before] in _PLACE_CUES
                or t.folded[before] == "of" and before >= 1 and t.folded[before - 1] in _PLACE_NOUNS_BEFORE_OF
                or t.folded[before] in _LIST_JOINS and _listed_after_place(t, before)
            ),
        }

    def _score(
        self, span: Span, film: Candidate, evidence: dict[str, Any], tier: str, deferred: list[Candidate]
    ) -> float | None:
        """The film's score for this span, or None when the span cannot be this film.

        A distinctive one-word title opening a sentence, with too little evidence, is also
        None but noted in `deferred`: it stands if the article names the film elsewhere.
        """
        year = film.entity.year
        paren_years = evidence["paren_years"]
        if paren_years and year is not None and year not in paren_years:
            return None
        single_word = evidence["words"] == 1
        if evidence["longer_name"] and single_word and not evidence["quoted"]:
            return None
        if self.t.italics_run_on(span):
            return None  # "*The Ninth Bell*": a longer title than the graph's "The Ninth"
        if evidence["quoted"] and self._credited_line(span):
            return None  # "### 9. “Obviously.”" over "— Mrs Ottery (…)": a line, credited (round fifty)
        if not paren_years and not (evidence["quoted"] and self.t.quoted(span.first, span.last)):
            # A dateline may be set in bold ("**VENNACOMBE —** A judge …", round fifty): its
            # capitals are the place's; italics or bold elsewhere still set a title apart.
            if self._dateline(span) or (not evidence["quoted"] and self._headline_place(span)):
                # A dateline's place in capitals; the same word later in the article is the place.
                if single_word:
                    self.places.add(self.t.folded[self.t.words(span.first, span.last)[0]])
                return self._other_name(span)
        if span.form in self.vessels and not (paren_years or evidence["apposition"] or self._attributed(span, film.key)):
            # "the lifeboat *Mary Ann*": a boat's name in italics, as style guides set it
            return self._other_name(span)
        if (
            span.form in self.businesses
            and not (evidence["quoted"] or evidence["apposition"] or paren_years or self._attributed(span, film.key))
        ):
            # "runs the Anchor café", "streaming on Lumen": the business or the service, here
            # and wherever the article names it again without italics.
            return self._other_name(span)
        if span.form in self.voices and not (paren_years or evidence["apposition"] or self._attributed(span, film.key)):
            # "**Lantern:** Why a choir?" over and over: the outlet that asks, here and wherever
            # the article names it again ("Lantern met her in Leeds").
            return self._other_name(span)
        if span.form in self.films_within and not paren_years:
            # "a touring company arrives to shoot a silent melodrama, *The Last Steamer*": the
            # film inside the story, here and wherever the article names it again.
            return None
        if span.form in self.other_works and not evidence["apposition"] and not paren_years:
            # The play or the book the article names, in italics or not, is not the film of that
            # title: "film" before it or its year after it is needed to mean the film.
            return None
        if not evidence["quoted"] and not paren_years and self._family(span):
            return self._other_name(span)  # "For the Mallorys it is a sword": the family of a Mallory the article names
        if not evidence["quoted"] and not paren_years and self._street(span) and not self._attributed(span, film.key):
            # "shop signs on Chapel Row", "the fans along Calder Street": the street, here and
            # wherever the article names it again in plain type.
            self.streets.add(span.form)
            return self._other_name(span)
        if not evidence["quoted"] and not paren_years and evidence["name_after"] and self._institution_after(span):
            return self._other_name(span)  # "the Kestrel Bay Screenwriting Prize": the prize's name (round seventy-one)
        if single_word and not evidence["quoted"] and not paren_years:
            if evidence["name_cue"] and not evidence["apposition"]:
                return self._other_name(span)  # "The dog is called Juniper": a name given, not a film
            if self._quantity(span):
                return None  # "Forty years of the Ezeoke brothers": a number of years, not the film
            if self._prize(span):
                return None  # "won the Golden Heron": a festival's prize, not the film
            # Without quotes or italics a one-word title that opens a longer name ("Lakemoor
            # Film Festival"), is a day or a month ("to March 2028"), or follows a place's
            # preposition ("shoot in Galicia") is that name, date or place, not the film; so is
            # the same word again in the article ("If you shoot in Galicia, Galicia pays").
            word = self.t.folded[self.t.words(span.first, span.last)[0]]
            if evidence["name_after"] or word in _CALENDAR or (evidence["place_cue"] and tier != _WORD_TIER):
                if not evidence["name_after"] and word not in _CALENDAR:
                    self.places.add(word)
                return self._other_name(span)
            if word in self.places and not evidence["apposition"] and not self._attributed(span, film.key):
                return self._other_name(span)
            if self.character_films.get(word, set()) - {film.key}:
                return None  # a character's name in a film the article is about
            if word in self._cast_words() and not evidence["apposition"] and not self._attributed(span, film.key):
                return self._other_name(span)  # "Quist plays Maren": Maren is the character wherever she stands bare
            if self._vocative(span):
                return self._other_name(span)  # "“I am not asking as a police officer, Ewan,” Nell says": one spoken to
            if self._kin_named(span) and not evidence["apposition"]:
                return self._other_name(span)  # "their daughter, Persis, is a nurse": a person's given name
            if word in self._given_names() and not evidence["apposition"] and not self._attributed(span, film.key):
                return self._other_name(span)  # "With Paloma, I never …" after Paloma de la Cruz: her, not the film
        elif not evidence["quoted"] and not paren_years and self._holiday(span):
            return self._other_name(span)  # "on Candlemas Eve, 1963", "since Boxing Day": a date
        typographic = 2.0 if evidence["quoted"] else 0.0
        if tier == _WORD_TIER:
            typographic += evidence["cap_mid"]
        textual = 0.0  # what the words around the title say
        if evidence["apposition"] or evidence["film_column"]:
            textual += 2
        if evidence["context"]:
            textual += 1
        if paren_years and year in paren_years:
            textual += 4
        elif year is not None and year in evidence["near_years"]:
            textual += 2
        if evidence["cue_new"] and year is not None and year == evidence["newest"]:
            textual += 1.5
        if evidence["cue_old"] and year is not None and year == evidence["oldest"]:
            textual += 1.5
        article = 0.0  # what the rest of the article says
        # A listicle's item heading ("**5. *Stay***") names the film its blurb, the paragraph
        # under it, describes: a person named there is as near as in the heading (round
        # twenty-eight).
        own = {span.para, span.para + 1} if self._item_heading(span.para) else {span.para}
        for person_key in self.gaz.people_of(film.key):
            paras = self.named.person_paras.get(person_key)
            if paras:
                article = max(article, 3 if own & set(paras) else 2)
                if article == 3:
                    break
        attributed = self._attributed(span, film.key)
        if attributed:
            article += 3
        spoiler_paras = self.named.spoiler_paras.get(film.key)
        if spoiler_paras:
            article += 3 if span.para in spoiler_paras else 2
        year_given = year is not None and (year in paren_years or year in evidence["near_years"])
        if evidence["remade"] and evidence["one_film"] and not (year_given or article):
            # "the horror remake *X*" with one film of that title in the graph: the remake or the
            # original it remakes, and nothing (a year, a credit named) says which (round
            # twenty-seven): a guess, so not linked.
            return None
        if (
            tier != _WORD_TIER and not typographic and not paren_years and not attributed
            and textual == (1 if evidence["context"] else 0)  # film words nearby are not the title's own
            and self._marks_titles(span) and span.form not in self.set_apart
        ):
            # A writer who sets film titles apart sets this one apart too: bare, with no word
            # of its own saying it is a film, a distinctive name is the cinema, the company or
            # the street the article is about ("the Tivoli on Carrick Street").
            return None
        semantic = textual + article
        score = typographic + semantic
        if tier == _WORD_TIER and not (typographic or paren_years):
            return None
        # Everyday words need words around them too, unless the typography alone sets them
        # apart: several words both in italics/quotes and title-cased mid-sentence ("We
        # watched *Harbor Lights* twice") need nothing more, one such word needs a little.
        if tier == _WORD_TIER and semantic < 2 and not (typographic >= 4 or (typographic >= 3 and semantic >= 1)):
            return None
        if tier == _NAME_TIER and (score < 3 or not (typographic or textual)):
            return None
        if single_word and evidence["label"] and not evidence["quoted"]:
            # "Release: Friday" in a fact box (its line breaks read as spaces), "Box:" as a label
            return None
        if single_word and evidence["label"] and self._speaker_label(span):
            return None
        if tier == _PROPER_TIER and single_word and evidence["initial"] and not typographic and not semantic:
            deferred.append(film)
            return None
        return score

    def _item_heading(self, para: int) -> bool:
        """Is the paragraph a heading, or a short one set in bold or italics end to end ("**5.
        *Stay***"): the heading of a listicle's item, whose blurb is the next paragraph?"""
        paragraph = self.t.paragraphs[para]
        if paragraph.kind == "heading":
            return True
        text = paragraph.text.rstrip()
        whole = any(start == 0 and end >= len(text) for start, end in paragraph.emphasis)
        return paragraph.kind == "paragraph" and whole and 0 < len(text) <= _ITEM_HEADING_LENGTH

    def _speaker_label(self, span: Span) -> bool:
        """Is the span a transcript's label naming a speaker: "**Montrose:**" opening a
        paragraph, in bold or italics but not in quote marks, with the surname of someone the
        article has named in full before ("Cassia Montrose")? A Q&A names its voices so; a
        capsule review's "**Dune:**" names no one the article named."""
        t = self.t
        if span.first > 0 and t.para[span.first - 1] == span.para:
            return False  # not the paragraph's first word
        if t.quoted(span.first, span.last):
            return False
        word = t.folded[span.first]
        return any(
            kind == "person" and last > first and last < span.first and t.folded[last] == word
            for first, (kind, _, last) in self.named.accepted.items()
        )

    def _marks_titles(self, span: Span) -> bool:
        """Does the article set film titles apart (two or more titles in quotes or italics)? One
        title so set apart shows the style too (round sixty-seven: a council story's 'The
        Tollkeeper' beside "the Guildhall" and "the Castlegate cobbles"), but not for a title
        in a heading (a headline field is plain text), in a transcript's turn (speech is not
        typeset) or written in capitals."""
        if len(self.set_apart) >= _STYLE_TITLES:
            return True
        return (bool(self.set_apart) and self.t.paragraphs[span.para].kind != "heading"
                and not self._in_a_turn(span) and not self._in_capitals(span))

    def _in_a_turn(self, span: Span) -> bool:
        """Is the span in a paragraph that opens on a label and a colon ("**ODUYA:** …")?"""
        t = self.t
        start = span.first
        while start > 0 and t.para[start - 1] == span.para:
            start -= 1
        for at in range(start, min(start + _LABEL_TOKENS, span.first)):
            if t.folded[at] == ":":
                return all(not t.word(k) or t.raw[k][:1].isupper() for k in range(start, at))
        return False

    def _in_capitals(self, span: Span) -> bool:
        t = self.t
        return all(not t.word(k) or t.raw[k].isupper() for k in range(span.first, span.last + 1))

    def _other_name(self, span: Span) -> None:
        """Note the span as the name of something else (a place, a business, a character, a
        family), which a description ("Moss's debut") must not take for the film either."""
        self.other_names.add(span.first)
        return None

    def _attributed(self, span: Span, film_key: str) -> bool:
        """True for "Villeneuve's Dune" or "Dune by Denis Villeneuve" with that person credited."""
        t = self.t
        first, last = span.first, span.last
        if first >= 1 and t.folded[first - 1] in QUOTES:
            first -= 1
        people = self.gaz.people_of(film_key)
        if first >= 3 and t.folded[first - 1] == "s" and t.folded[first - 2] == "'":
            if self.named.person_ends.get(first - 3) in people:
                return True
        # "Threlfall's unrelated live-action *Fieldmouse*": a few lower-case words (and their
        # hyphens) between the maker's possessive and the title describe the maker's film
        # (round thirty-three).
        at, words = first - 1, 0
        while at >= 0 and t.para[at] == t.para[first] and words < _POSSESSIVE_WORDS and (
            t.folded[at] == "-" or t.word(at) and t.raw[at].islower()
        ):
            words += t.folded[at] != "-"
            at -= 1
        if words and at >= 2 and t.folded[at] == "s" and t.folded[at - 1] == "'" and t.para[at - 1] == t.para[first]:
            if self.named.person_ends.get(at - 2) in people:
                return True
        after = last + 1
        if after < len(t.folded) and t.folded[after] in QUOTES:
            after += 1
        if after < len(t.folded) and t.folded[after] in INSIDE_CLOSE:
            after += 1
        return after + 1 < len(t.folded) and t.folded[after] == "by" and self.named.person_starts.get(after + 1) in people


def _ends_with(words: Sequence[str], tail: Sequence[str]) -> bool:
    """Do `words` end with `tail` (a full name, or its surname alone)?"""
    return bool(tail) and list(words[-len(tail):]) == list(tail)


def _clause_after_plural(t: Tokens, before: int, last: int) -> bool:
    """Is the noun at `before` a plural one ("films", "movies") whose name after it is the subject
    of a clause, a lower-case word following it ("the films Grainfield is said to want", "the
    movies Corvina bought")? A plural noun is not in apposition to one title: it opens a
    relative clause without "that" (round thirty-eight). A list after it ("the films Undertow
    and Kingfisher") is a list of titles, as before."""
    if t.folded[before] not in _PLURAL_FILM_NOUNS:
        return False
    after = last + 1
    return (
        after < len(t.folded) and t.para[after] == t.para[last] and t.word(after) and t.raw[after][:1].islower()
        and t.folded[after] not in _LIST_WORDS
    )


def _listed_after_place(t: Tokens, before: int) -> bool:
    """Is the word after `before` the next of a list of places ("in Lisbon and Brussels", "in
    Oslo, Bergen or Hull"): "and", "or" or a comma after a capitalised word that follows a
    place's preposition, or after another such word?"""
    para = t.para[before]
    for _ in range(4):
        if t.folded[before] not in _LIST_JOINS:
            return False
        name = before - 1
        if name < 1 or t.para[name - 1] != para or not t.word(name) or not t.raw[name][:1].isupper():
            return False
        if t.folded[name - 1] in _PLACE_CUES:
            return True
        before = name - 1
    return False


def _holds(ascending: Sequence[int], entry: int) -> bool:
    """Whether a sequence in ascending order holds `entry`."""
    i = bisect.bisect_left(ascending, entry)
    return i < len(ascending) and ascending[i] == entry

"""Folding and tokenizing for matching names in text, with offsets kept in the original.

Names and article text go through the same `tokenize`, so "Tár", "Tar" and "TÁR" all become
the token "tar", curly and straight quotes and apostrophes become one character, and dashes
become "-". Every token keeps its (start, end) in the string it came from, so a match found
on folded tokens is reported with the surface text exactly as the writer typed it.

`COMMON_WORDS` is a small English lexicon (the most frequent words plus the everyday words
that are also film titles): a title made only of these words needs evidence before it is
taken for the film.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "COMMON_WORDS",
    "CONTEXT_WORDS",
    "FILM_NOUNS",
    "NAME_WORDS",
    "TOKEN_RE",
    "fold",
    "fold_token",
    "is_common",
    "tokenize",
]

# A word is letters/digits plus any combining marks typed after a letter (decomposed "Tá").
TOKEN_RE = re.compile(r"[\w\u0300-\u036f]+|[^\w\s]")

_PUNCT_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"',
        "\u00bb": '"', "\u2033": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
        "\u2014": "-", "\u2015": "-", "\u2212": "-", "\u2026": ".",
    }
)
# Letters that NFD does not decompose into a base letter and a mark.
_SPECIAL_LETTERS = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)
_fold_cache: dict[str, str] = {}
_FOLD_CACHE_LIMIT = 200_000


def fold_token(token: str) -> str:
    """Lower-case `token` and strip its accents; quotes and dashes become ASCII."""
    if token.isascii():
        return token.lower()
    cached = _fold_cache.get(token)
    if cached is not None:
        return cached
    decomposed = unicodedata.normalize("NFKD", token.lower().translate(_PUNCT_FOLD))
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_SPECIAL_LETTERS)
    if len(_fold_cache) < _FOLD_CACHE_LIMIT:
        _fold_cache[token] = folded
    return folded


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded token) for every word and every punctuation character in `text`."""
    return [(m.start(), m.end(), fold_token(m.group())) for m in TOKEN_RE.finditer(text)]


def fold(text: str) -> str:
    """`text` folded for comparison: tokens joined by single spaces ("Tár's" -> "tar ' s")."""
    return " ".join(token for _, _, token in tokenize(text))


def is_common(word: str) -> bool:
    """True when the folded `word` (or its plain stem) is an everyday English word."""
    if word in COMMON_WORDS:
        return True
    for suffix, replacement in (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and word[: -len(suffix)] + replacement in COMMON_WORDS:
            return True
    return False


COMMON_WORDS = frozenset(
    """
    a about above across act action actually add after again against age ago agree ahead air
    alien aliens all almost alone along already also although always am american among an and
    angel angels animal another answer any anybody anyone anything anyway apart appear are area arm
    army around arrival art as ask at attack aunt autumn available average avoid away awake
    baby back bad bag ball band bank bar base basic battle be bear beast beat beautiful
    beauty because become bed been before began begin behind being believe bell below beneath
    best better between beyond big bird birds bit black blade blind blood blow blue board
    boat body bone book border born boss both bottom box boy boys brain brave bread break
    breathless bride bridge bright bring broken brother brothers brought build burn burning
    business busy but buy by call called calm came camera can capital captain car card care
    career carry cars case cast cat catch cause center central chance change character charge
    chase check chef child children choice choose church circle citizen city civil class
    clean clear climb clock close closer cloud club coach coast cold collateral color come
    comes coming common company complete contact control cook cool copy corner cost could
    count country couple courage course court cover crash crazy create crew crime crown cry
    cup current cut cute dad dance danger dangerous dare dark darkness date daughter day days
    dead deal dear death decide deep deer defense deliver desert design detail devil did die
    different dinner direct dirty disaster do doctor does dog doing dollar done door double
    doubt down draft dream dreams dress drink drive driver drop drug dry due during dust duty each
    early earth east easy eat edge effect eight either else empire empty end enemy energy
    enough enter entire escape even evening event ever every everybody everyone everything evil exactly
    example except exit expect experience eye eyes face fact fail fair faith fall fallen
    false family famous fan far farm fast father fear feel feeling feet fell fellow felt
    fences few field fight figure fill final finally find fine finger finish fire first fish
    five flag flat flesh flight floor flow flower fly follow food fool foot for force foreign
    forest forever forget form forward found four free freedom fresh friend friends from front
    frozen fruit full fun funny further fury future game garden gate gave general get gets
    ghost gift girl girls give glass go god goes going gold golden gone good goodbye got
    government grace grand gravity gray great green ground group grow guard guess gun guy
    had hair half hall hand hands hang happen happy hard has hate have he head heal hear heard
    heart heat heaven heavy held hell hello help her here hero hers herself hey hidden hide
    high hill him himself his history hit hold hole holiday home honey hope horse hospital
    host hot hotel hour hours house how however huge human hundred hunger hunt hunter hurt
    husband i ice idea if ill image imagine important in inside instead interest into is
    island issue it its itself job join joy judge jump just justice keep kept key kid kids
    kill killer kind king kingdom kiss kitchen knew knife know known lady lake land language
    large last late later laugh law lead leader learn least leave left leg legend less let
    letter level lie life light like line lion lip list listen little live lives living local
    lock long look lord lose loss lost lot love lovely low luck lucky machine mad made magic
    main major make man manager many map mark market marriage master match matter may maybe
    me mean meet member memory men message middle midnight might mile milk mind mine minute
    mirror miss mission model moment money monster month moon more morning most mother mother
    mountain mouth move movie much murder music must my myself name nation natural nature near
    nearly need neither network never new news next nice night nine no nobody noise none nope nor
    normal north not note nothing notice now number obvious ocean of off offer office often oh
    oil ok okay old on once one only open opening or order ordinary other others our out
    outside over own page pain paint pair paper paradise parasite parent park part party pass
    passion past path pay peace people perfect perhaps period person phone pick picture piece
    place plan plane planet play player please point poison police political poor position
    possible power practice present president press pretty price pride prince prisoner
    private probably problem program project promise proof protect prove public pull pure
    purpose push put queen question quick quiet quite race rain raise ran rather reach read
    ready real reason red remember rest return rich ride right ring rise risk river road rock
    room rope rose round rule run running rush sad safe said sail saint same save saw say
    scene school score scream sea season seat second secret see seem seen sell send sense
    serious set seven several shadow shadows shall shape share she ship shock shoot short
    shot should show shut sick side sign signs silence silent simple since sing single sister
    sit six size skin sky sleep slow small smile snow so soft soldier some somebody someone something
    sometimes son song soon sorry soul sound south space speak special speed spirit split spot
    spotlight spring spy square stage stand star start state station stay step still stone
    stop storm story strange stranger street strong student study stuff style substance such
    suddenly summer sun sunday sunset sunshine support sure surface surprise sweet system
    table take taken talk tall taste teach team tear tears tell ten term terms test than thank
    that the their them then there these they thing things think third this those though
    thought thousand three through throw thunder tide time tiny tired to today together told
    tomorrow tonight too took top total touch toward town track trade traffic train trap
    travel treasure tree trial trip trouble true trust truth try turn twelve twenty twice twin
    twister two under understand united until up upon us use used usual very victory view
    village visit voice wait wake walk wall want war warm warrior was watch water wave way we
    weapon wear weather wedding week weird welcome well went were west what whatever wheel
    when where whether which while whiplash whisper white who whole whom whose why wicked
    wide wife wild will win wind window winter wish with within without witness woman women
    wonder wood word words work world worry worse worst would write wrong yard year years
    yellow yes yesterday yet you young your yours yourself youth zero zone
    ability absence access accident account achievement actor actress address adult advance
    advantage adventure advice affair agency agent agreement alarm album alley ambition
    amount anger angle animals ankle anniversary announcement apartment apology appeal
    apple appointment approach archive argument arrest artist assignment assistant
    association atmosphere attention attitude audience author award baker balance ballad
    balloon banker barber bargain barrier basement basket bath battery beach beard bedroom
    beer beginning behavior belief benefit bet bike bill birth birthday bishop bite bitter
    blanket blast blessing block blog blonde bloom boarding bomb bond booth bottle boundary
    bowl boxer brand breakfast breath breeze brick bride broadcast brush bubble budget
    bullet bunch burden bus butcher butler butter button cabin cable cafe cage cake
    campaign campus cancer candidate candle canvas cap capture carpet cash castle
    casualty celebration cell cellar century ceremony chain chair chairman challenge
    champion champions channel chapter charity charm chart cheek cheese chemistry chest
    chicken chief chill chip chocolate choir circus claim clerk client cliff climate
    clinic closet clothes coat code coffee coin collar collection college colony column
    comedy comfort command commission committee community competition complaint concert
    condition conference confession conflict connection conscience consent contest
    context contract conversation cookie corn corporation corridor costume cottage
    cotton council counter courtroom cousin cowboy crack craft credit creek crisis critic
    crop cross crowd cruise crystal culture curse curtain customer cycle dairy damage
    dancer deadline dealer debate debt decade decision deck delight delivery demand
    democracy dentist departure deposit depth deputy desire desk destiny detective
    device diary diamond diet dignity dinosaur diploma director dirt discovery disease
    dish distance district diver divorce dock document dollars donor doom dose draft
    dragon drama drawer drawing drift drill driving drum duck duel dwarf eagle earthquake
    economy editor education egg election elephant elevator emergency emotion emperor
    employee encounter ending engine engineer entrance envelope episode equation era
    error essay estate evidence exam exchange excuse exhibit exile expert explosion
    express fabric factory faculty fame fan fantasy fare farmer fashion fate fault
    favor feast feather fee fence festival fever fiction fighter file finance fingers
    firm fisherman fist flame flash fleet flood flour flu focus fog folk fork fortune
    fountain fox frame fraud friendship frontier fuel funeral fur furniture gallery gang
    gap garage gas gear gene generation genius gentleman giant girlfriend glory glove
    goal goat golf gossip governor grade graduate grain grandfather grandmother grass
    grave greed grief grill grocery growth guest guide guilt guitar habit hammer handle
    harbor harm harvest hat headline health heir helicopter helmet herb heritage highway
    hip hire hobby homework honor hook horizon horn horror host hostage hunger
    hurricane hymn identity illness illusion impact income independence industry infant
    injury ink inn innocence insect inspector instinct insurance intelligence interview
    invasion investigation invitation iron jacket jail jam jar jaw jazz jeans jewel
    journal journey juice jungle jury kettle keyboard kidney kit kite knee knight knot
    label labor lab ladder lamb lamp landlord lane laptop laundry lawn lawyer layer
    lecture legacy lemon lesson liar liberty library license lie lifeguard limit link
    lipstick liquid literature loan lobby lobster location locker logic loser lottery
    lover loyalty lunch lung luxury magazine maid mail makeup mall manner mansion
    marathon marble margin marine mask mass mate meal meat medal medicine melody memo
    menu mercy merchant mess metal method midnight mile militia mill minister minority
    miracle mission mist mixture mob mole monk mood morality mortgage motel motion motor
    mouse movement mud muscle museum mushroom musician mystery myth nail narrative navy
    neck needle neighbor neighborhood nerve nest net newspaper nightmare noon novel nurse
    nut oath object obsession occasion offense officer operation opinion opponent
    opportunity option orange orchestra organ origin outcome outfit oven owner pack
    package pact painter painting palace panel panic pants parade pardon parking
    partner passage passenger password patch patience patient pattern pause pearl
    penalty pencil pension pepper performance permit pet philosophy photo photograph
    physician piano pie pig pile pill pillow pilot pin pipe pirate pit pitch pizza
    plague plain plant plate platform plot pocket poem poet poetry pole poll pool pope
    population porch port portrait possession post pot potato pound poverty powder
    prayer pregnancy premiere presence pressure priest prime principal print prison
    prize producer product profession professor profile profit progress promotion
    property prophet proposal prospect protest province psychology pub pulse pump punch
    punishment pupil puppet puzzle quarter quest queue rabbit radio rage raid rail
    railway rainbow ranch range rat rate ray reaction reader reality rebel receipt
    recipe record recovery reform refuge refugee region regret relationship relief
    religion remedy rent repair report republic reputation rescue research resident
    resistance resort resource response restaurant result retirement revenge review
    revolution reward rhythm rib rice riddle rifle rival robbery robot rocket role roof
    rooster root routine row royal rug ruin rumor sailor salad salary sale salt sample
    sanctuary sand sandwich satellite sauce scale scandal scar schedule scheme scholar
    science scientist scissors scout scratch screen script sculpture seal search
    secretary section security seed senator sentence sequel series servant service
    session settlement sex shade shame shark sheep shelf shell shelter sheriff shield
    shift shirt shoe shop shore shoulder shower sibling sight signal silk silver sin
    singer sink sir site sketch ski skill skull slave sleeve slice slope smoke snake
    soap society sock soil solution sorrow soup source souvenir speech spell spider
    spine sport spouse square squad stable staff stain stair stake stamp standard
    statement statue status steak steel stick stock stomach storage stove strategy
    straw stream strength stress string stroke structure struggle studio subject suburb
    success sugar suit suitcase supper surgeon surgery survey survival survivor suspect
    swamp sweater sword symbol symptom talent tank tape target task tax taxi tea teacher
    technology teeth telephone television temper temple tenant tennis tent territory
    terror theater theatre theme theory therapy thief thread threat throat throne ticket
    tiger timber tip tissue title toast tobacco toe toilet token tomb tone tongue tool
    tooth topic torch tour tourist tower toy tradition tragedy trail trailer transfer
    trash tray treatment treaty trend tribe tribute trick troop trophy truck trumpet
    tube tune tunnel turkey turtle twist uncle uniform union universe university
    vacation valley value van vehicle veil vendor venture verdict version vessel veteran
    victim video violence violin virus vision visitor vote voyage wage wagon waiter
    wallet warden warehouse warning warrant wasp waste wealth web weekend weight well
    whale wheat whistle widow width wine wing winner wire wisdom witch wolf wonderland
    worker workshop wound wrist writer yacht yard youngster
    """.split()
)

# Words in a film's neighbourhood that say "this is about a film" (folded).
CONTEXT_WORDS = frozenset(
    """
    film films movie movies picture pictures feature documentary doc drama comedy thriller
    horror musical animated animation adaptation remake sequel prequel reboot franchise
    director directed directs directing directorial filmmaker filmmakers screenplay script
    screenwriter written starring stars starred star cast casting actor actress actors
    premiere premiered premieres release released releases opening opened opens box office
    grossed gross screening screened screenings festival cannes venice berlinale sundance tiff
    oscar oscars academy nominated nomination nominations award awards trailer teaser cinema
    cinemas theater theaters theatre theatres streaming imax blockbuster studio pixar a24 neon
    netflix criterion review reviewed critics shoot shooting filmed scene scenes role roles
    cinematography cinematographer edit editor score composer watched rewatch classic debut
    palme prize jury
    """.split()
)
# Nouns that, set right before a title, say it is one ("the film Her", "the documentary Up").
FILM_NOUNS = frozenset(
    """
    film films movie movies picture feature documentary doc drama comedy thriller musical
    adaptation remake sequel prequel reboot blockbuster epic biopic western romance
    """.split()
)
# The label of a picture's credit ("Photograph: Oona Vick", "Stills by …"): a name after it
# credits a picture and speaks for nobody.
PICTURE_CREDIT_WORDS = frozenset(
    "photograph photographs photo photos picture pictures image images still stills illustration credit".split()
)
# Kinship nouns before a relative's given name ("their daughter, Persis", "Marta's grandson,
# Augustine"): the name is the relative's, neither a film nor a person named before.
KIN_NOUNS = frozenset(
    "daughter son wife husband brother sister mother father partner widow widower grandson granddaughter "
    "grandmother grandfather niece nephew cousin uncle aunt twin stepson stepdaughter stepfather stepmother "
    "fiancee fiance".split()
)
# Proper names that are also titles (places, names, days, months): always capitalized, so
# capitals are no evidence.
NAME_WORDS = frozenset(
    """
    africa alaska america amelie annie atlanta australia babylon baltimore bangkok barbie
    barcelona beijing belfast berlin boston brazil brooklyn budapest cairo california
    canada carol casablanca chicago china christine dallas denver detroit dublin edinburgh
    elvis england europe fargo florida france germany glasgow harlem harvey havana hawaii
    hollywood houston india ireland istanbul italy jackie japan joy judy juno korea lincoln
    lisbon london madrid maestro manhattan memphis mexico miami milan milk moscow mumbai
    nashville nebraska paris philadelphia phoenix prague queens ray rocky roma rome russia
    scotland seattle selma seoul shanghai spain sully sydney texas tokyo toronto vancouver
    vegas venice victoria vienna warsaw
    monday tuesday wednesday thursday friday saturday sunday
    january february april june july august september october november december
    """.split()
)

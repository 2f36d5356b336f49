"""`newsreel import-kb --source imdb|wikidata|tmdb` reads film data in its sources' own
formats (files under tests/films/sources/ written here from the formats' documentation, with
invented films and people), keeps the source's ids as sameAs, updates in place on re-import,
and refuses a broken file naming the file and line, importing nothing."""

from __future__ import annotations

import gzip
import io
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from newsreel.films.models import Credit, Film, Person

pytestmark = pytest.mark.django_db

SOURCES = Path(__file__).parent / "sources"


def import_kb(*args: str) -> str:
    out = io.StringIO()
    call_command("import_kb", *args, stdout=out)
    return out.getvalue()


def credits_of(film_key: str) -> set[tuple[str, str, str, str]]:
    return {(credit.person.name, credit.role, credit.job, credit.character)
            for credit in Credit.objects.filter(film__key=film_key).select_related("person")}


# ---------------------------------------------------------------- IMDb


def test_imdb_datasets_give_films_of_the_chosen_types_with_their_credits():
    output = import_kb(str(SOURCES / "imdb"), "--source", "imdb")
    assert "Read" in output and "films: 5 new" in output
    # tvSeries, short and adult titles are left out; the two Glass Orchards of 2019 get distinct keys.
    assert set(Film.objects.values_list("key", "imdb_id")) == {
        ("harbor-lights-at-dusk-2025", "tt9000001"), ("the-glass-orchard-2019", "tt9000002"),
        ("a-quiet-winter-1984", "tt9000004"), ("the-glass-orchard-2019-tt9000005", "tt9000005"),
        ("old-reel", "tt9000007")}
    quiet = Film.objects.get(imdb_id="tt9000004")
    assert quiet.title == 'A "Quiet" Winter' and quiet.year == 1984  # quotation marks are not quoting
    orchard = Film.objects.get(imdb_id="tt9000002")
    assert orchard.aliases == ["Der Glasgarten", "Glass Orchard"]  # original title, then GB's; DE not asked for
    assert credits_of("harbor-lights-at-dusk-2025") == {
        ("Ada Varga", "actor", "", "Mara Quell"), ("Tomas Reyes", "actor", "", "The Keeper"),
        ("Oskar Brandt", "director", "", ""), ("Oskar Brandt", "writer", "", ""), ("Lena Osei", "writer", "", ""),
        ("Juno Park", "crew", "Composer", "")}  # "self" is not a credit
    assert credits_of("the-glass-orchard-2019") == {("Tomas Reyes", "actor", "", "Ivo / The Gardener"),
                                                    ("Lena Osei", "director", "", "")}
    assert not Person.objects.filter(name__in=["Nobody Credited Here", "Selma Arden"]).exists()
    assert Person.objects.get(name="Ada Varga").imdb_id == "nm9000003"


def test_imdb_films_are_chosen_by_votes_and_years():
    import_kb(str(SOURCES / "imdb"), "--source", "imdb", "--min-votes", "100", "--min-year", "1990")
    assert set(Film.objects.values_list("imdb_id", flat=True)) == {"tt9000001", "tt9000002"}


def test_imdb_external_ids_become_same_as_links():
    import_kb(str(SOURCES / "imdb"), "--source", "imdb")
    assert any("tt9000001" in url for url in Film.objects.get(imdb_id="tt9000001").same_as)


def test_gzipped_datasets_read_as_imdb_publishes_them(tmp_path):
    for file in (SOURCES / "imdb").iterdir():
        with gzip.open(tmp_path / f"{file.name}.gz", "wb") as packed:
            packed.write(file.read_bytes())
    assert "films: 5 new" in import_kb(str(tmp_path), "--source", "imdb")


def test_a_reimport_updates_in_place_and_reports_what_changed(tmp_path):
    folder = tmp_path / "imdb"
    shutil.copytree(SOURCES / "imdb", folder)
    import_kb(str(folder), "--source", "imdb")
    again = import_kb(str(folder), "--source", "imdb")
    assert "films: 0 new, 0 updated, 5 unchanged" in again
    basics = folder / "title.basics.tsv"
    basics.write_text(basics.read_text().replace("Harbor Lights at Dusk\tHarbor", "Harbor Lights After Dusk\tHarbor"))
    changed = import_kb(str(folder), "--source", "imdb")
    assert "films: 0 new, 1 updated, 4 unchanged" in changed
    film = Film.objects.get(imdb_id="tt9000001")
    assert film.title == "Harbor Lights After Dusk" and film.key == "harbor-lights-at-dusk-2025"  # the key stays


def test_a_film_typed_by_hand_is_the_same_film_when_the_source_names_it_alike():
    Film.objects.create(key="harbor-lights-at-dusk-2025", title="Harbor Lights at Dusk", year=2025)
    import_kb(str(SOURCES / "imdb"), "--source", "imdb")
    assert Film.objects.filter(title="Harbor Lights at Dusk").count() == 1
    assert Film.objects.get(key="harbor-lights-at-dusk-2025").imdb_id == "tt9000001"


@pytest.mark.parametrize("file, change, problem", [
    ("title.basics.tsv", lambda text: text.replace("\t0\t1984\t", "\t0\t"), r"title.basics.tsv, line 5: expected 9"),
    ("title.basics.tsv", lambda text: text.replace("primaryTitle", "title"), r"line 1: the header is not title.basics"),
    ("title.basics.tsv", lambda text: text.replace("\t2019\t\\N\t98", "\tMMXIX\t\\N\t98"), r"line 3: startYear 'MMXIX'"),
    ("title.principals.tsv", lambda text: text.replace('["The Keeper"]', '["The Keeper"'), r"line 3: characters"),
    ("title.basics.tsv", lambda text: None, r"no title.basics.tsv.gz or title.basics.tsv"),
])
def test_a_broken_dataset_names_its_file_and_line_and_imports_nothing(tmp_path, file, change, problem):
    folder = tmp_path / "imdb"
    shutil.copytree(SOURCES / "imdb", folder)
    changed = change((folder / file).read_text())
    if changed is None:
        (folder / file).unlink()
    else:
        (folder / file).write_text(changed)
    with pytest.raises(CommandError, match=problem) as refusal:
        import_kb(str(folder), "--source", "imdb")
    assert "Nothing was imported" in str(refusal.value)
    assert not Film.objects.exists() and not Person.objects.exists()


def test_a_truncated_gzip_is_an_error_not_a_crash(tmp_path):
    shutil.copytree(SOURCES / "imdb", tmp_path / "imdb")
    basics = tmp_path / "imdb" / "title.basics.tsv"
    packed = gzip.compress(basics.read_bytes())
    basics.unlink()
    (tmp_path / "imdb" / "title.basics.tsv.gz").write_bytes(packed[:len(packed) // 2])
    with pytest.raises(CommandError, match="cannot be decompressed"):
        import_kb(str(tmp_path / "imdb"), "--source", "imdb")


# ---------------------------------------------------------------- Wikidata


def test_a_wikidata_dump_gives_film_items_and_the_humans_they_credit():
    output = import_kb(str(SOURCES / "wikidata.json"), "--source", "wikidata")
    assert "films: 2 new" in output and "people: 3 new" in output
    dusk = Film.objects.get(wikidata_id="Q900001")
    assert (dusk.title, dusk.year, str(dusk.release_date)) == ("Harbor Lights at Dusk", 2025, "2025-09-01")  # earliest
    assert dusk.aliases == ["Harbour Lights at Dusk"] and dusk.imdb_id == "tt9000001" and dusk.tmdb_id == "990001"
    winter = Film.objects.get(wikidata_id="Q900003")
    assert (winter.title, winter.year, winter.release_date) == ("Ein stiller Winter", 1984, None)  # year only
    assert credits_of(dusk.key) == {("Oskar Brandt", "director", "", ""), ("Ada Varga", "actor", "", "Mara Quell"),
                                    ("Tomas Reyes", "actor", "", "")}  # the deprecated cast statement is left out
    ada = Person.objects.get(wikidata_id="Q900102")
    assert ada.aliases == ["A. Varga"] and ada.tmdb_id == "880102"
    assert not Person.objects.filter(name__in=["Nobody Credited Here", "Deprecated Castmember"]).exists()


def test_a_compressed_wikidata_dump_reads_the_same(tmp_path):
    import bz2

    packed = tmp_path / "latest-all.json.bz2"
    packed.write_bytes(bz2.compress((SOURCES / "wikidata.json").read_bytes()))
    assert "films: 2 new" in import_kb(str(packed), "--source", "wikidata")


def test_a_broken_wikidata_line_is_named(tmp_path):
    dump = tmp_path / "dump.json"
    lines = (SOURCES / "wikidata.json").read_text().splitlines()
    lines[3] = lines[3][:40]
    dump.write_text("\n".join(lines))
    with pytest.raises(CommandError, match=r"dump.json, line 4, column \d+: not valid JSON: "):
        import_kb(str(dump), "--source", "wikidata")
    assert not Film.objects.exists()


def test_wikidata_has_no_votes_to_filter_by():
    with pytest.raises(CommandError, match="Wikidata has no votes"):
        import_kb(str(SOURCES / "wikidata.json"), "--source", "wikidata", "--min-votes", "10")


# ---------------------------------------------------------------- TMDB


def test_tmdb_records_give_the_film_its_cast_in_billing_order_and_its_key_crew():
    output = import_kb(str(SOURCES / "tmdb.jsonl"), "--source", "tmdb")
    assert "films: 2 new" in output
    dusk = Film.objects.get(tmdb_id="990001")
    assert (dusk.imdb_id, str(dusk.release_date), dusk.status, dusk.synopsis) == ("tt9000001", "2025-10-03",
                                                                                  "released", "")
    assert credits_of(dusk.key) == {("Ada Varga", "actor", "", "Mara Quell"), ("Tomas Reyes", "actor", "", "The Keeper"),
                                    ("Oskar Brandt", "director", "", ""), ("Oskar Brandt", "writer", "", ""),
                                    ("Juno Park", "crew", "Composer", "")}  # no key grip
    orchard = Film.objects.get(tmdb_id="990002")
    assert (orchard.year, orchard.status, orchard.aliases) == (None, "announced", ["Der Glasgarten"])


def test_tmdb_records_in_a_folder_and_by_votes(tmp_path):
    for number, line in enumerate((SOURCES / "tmdb.jsonl").read_text().splitlines()):
        (tmp_path / f"movie-{number}.json").write_text(line)
    import_kb(str(tmp_path), "--source", "tmdb", "--min-votes", "100", "--max-cast", "1")
    assert list(Film.objects.values_list("tmdb_id", flat=True)) == ["990001"]
    assert {name for name, role, *_ in credits_of(Film.objects.get().key) if role == "actor"} == {"Ada Varga"}


def test_a_tmdb_record_without_credits_block_shape_is_refused(tmp_path):
    bad = tmp_path / "movies.jsonl"
    bad.write_text('{"id": 5, "title": "Five", "credits": [1, 2]}\n')
    with pytest.raises(CommandError, match=r"movies.jsonl, line 1: \"credits\" must be an object"):
        import_kb(str(bad), "--source", "tmdb")

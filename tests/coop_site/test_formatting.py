import pytest

from coop_site.formatting import format_file_size, format_page_count, plain_text

# The suite-wide fixtures clear caches that django CMS fills from the database.
pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


@pytest.mark.parametrize(
    "size,expected",
    [
        (0, "0 o"),
        (512, "512 o"),
        (1536, "1,5 ko"),
        (10 * 1024, "10 ko"),
        (850 * 1024, "850 ko"),
        (1024 * 1024, "1 Mo"),
        (int(2.4 * 1024 * 1024), "2,4 Mo"),
        (int(12.6 * 1024 * 1024), "13 Mo"),
        (int(1.25 * 1024**3), "1,2 Go"),
    ],
)
def test_sizes_are_written_in_french_units(size, expected):
    assert format_file_size(size) == expected.replace(" ", NBSP)


def test_unknown_size_is_left_out():
    assert format_file_size(None) == ""


def test_page_counts():
    assert format_page_count(1) == "1 page"
    assert format_page_count(12) == "12 pages"
    assert format_page_count(None) == ""


def test_shorten_cuts_between_words():
    from coop_site.formatting import shorten

    text = "Réduire les déchets de la maison et trier ce qui reste, avec les habitants du quartier"

    short = shorten(text, 40)

    assert len(short) <= 40
    assert short == "Réduire les déchets de la maison et …"
    assert shorten("Trier les déchets", 40) == "Trier les déchets"


def test_a_long_commitment_is_named_by_whole_words(db):
    from charter.models import Commitment

    text = "Réduire " + "les déchets produits par chaque activité de la maison " * 3

    name = str(Commitment(text=text.strip()))

    assert len(name) <= 80
    assert name.endswith(" …")
    assert text.startswith(name.removesuffix(" …"))
    assert text[len(name.removesuffix(" …"))] == " "  # cut between two words


def test_plain_text_keeps_the_words_of_two_blocks_apart_and_reads_entities():
    html = "<p>les habitants.</p><p>Pour&nbsp;tous &amp; chacun</p><ul><li>un</li><li>deux</li></ul>a<br>b"

    assert plain_text(html) == "les habitants. Pour tous & chacun un deux a b"

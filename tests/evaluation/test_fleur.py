import math
import re
import xml.etree.ElementTree as ET

import pytest

from evaluation import fleur
from evaluation.models import Report

from .factories import make_referential, make_report

SVG = "{http://www.w3.org/2000/svg}"


def tip_distance(path):
    """Distance from the centre to the petal's tip (the end of its first curve)."""
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path)]
    cx, cy, tip_x, tip_y = numbers[0], numbers[1], numbers[6], numbers[7]
    return math.hypot(tip_x - cx, tip_y - cy)


@pytest.mark.django_db
def test_the_svg_file_has_one_petal_per_dimension_with_lengths_proportional_to_scores(client, page):
    referential = make_referential(dimensions=5, scale_max=5)
    scores = ["1", "2", "2.5", "4", "5"]
    make_report(year=2019, referential=referential, scores=scores)

    response = client.get("/evaluation/2019/fleur.svg")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    root = ET.fromstring(response.content)  # valid XML, or this raises
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title").text == "La Fleur de l'utilité sociale 2019"
    assert "Pétale dimension-3 : 2,5 sur 5" in root.find(f"{SVG}desc").text
    petals = root.findall(f".//{SVG}path[@class='fleur__petal']")
    assert len(petals) == 5
    lengths = [tip_distance(p.get("d")) for p in petals]
    for length, score in zip(lengths, scores, strict=True):
        assert length == pytest.approx(fleur.RADIUS * float(score) / 5, abs=0.2)
    labels = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert any("Pétale" in label and "2,5 sur 5" in label for label in labels)


@pytest.mark.django_db
def test_the_table_after_the_inline_fleur_carries_the_same_numbers(client, page):
    referential = make_referential(dimensions=3)
    make_report(year=2019, referential=referential, scores=["1.5", "3", "4.5"])

    html = client.get("/evaluation/2019/").content.decode()
    figure_end = html.index("</figure>")
    table = html[figure_end:].split("</table>")[0]

    assert html[figure_end:].lstrip().startswith("</figure>")
    assert "<table" in table.split("</figure>")[1][:400]  # the table comes right after
    cells = re.findall(r'<td class="num">([^<]+)</td>', table)
    assert cells == ["1,5", "3", "4,5"]
    assert 'role="img"' in html and "<desc" in html


@pytest.mark.django_db
def test_labels_keep_a_readable_contrast_even_for_a_light_colour(client, page):
    referential = make_referential(dimensions=2)  # the first dimension is #ffcc00
    make_report(year=2019, referential=referential, scores=["2", "3"])

    root = ET.fromstring(client.get("/evaluation/2019/fleur.svg").content)
    label_colours = [t.get("fill") for t in root.iter(f"{SVG}text") if t.get("fill") != "#1c2429"]

    assert label_colours
    for colour in label_colours:
        assert fleur.contrast_on_white(colour) >= 4.5


@pytest.mark.django_db
def test_comparison_overlays_two_years_with_correct_deltas(client, page):
    referential = make_referential(dimensions=3)
    make_report(
        year=2017,
        end_year=2018,
        kind=Report.Kind.FINAL,
        referential=referential,
        scores=["2", "3", "4"],
    )
    make_report(year=2019, referential=referential, scores=["3.5", "3", "2"])

    response = client.get("/evaluation/comparer/?a=2019&b=2017")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="fleur__petal"') == 6
    assert "fleur__series--outline" in html
    rows = re.findall(
        r'<td class="num">([^<]+)</td>\s*<td class="num">([^<]+)</td>\s*<td class="num delta[^"]*">([^<]+)<',
        html,
    )
    assert rows == [("2", "3,5", "+1,5"), ("3", "3", "0"), ("4", "2", "−2")]
    assert "même référentiel" not in html


@pytest.mark.django_db
def test_different_referentials_compare_only_shared_dimensions_and_say_so(client, page):
    old = make_referential(name="Fleur 2017", slugs=["lien", "agir", "territoire"])
    new = make_referential(name="Fleur 2020", slugs=["agir", "territoire", "sante", "culture"])
    make_report(year=2017, kind=Report.Kind.FINAL, referential=old, scores=["1", "2", "3"])
    make_report(year=2020, referential=new, scores=["4", "4", "4", "4"])

    html = client.get("/evaluation/comparer/?a=2017&b=2020").content.decode()

    assert "pas le même référentiel" in html and "les 2 dimensions qu" in html
    assert html.count('class="fleur__petal"') == 4  # 2 shared dimensions × 2 years
    assert re.findall(r'class="num delta[^"]*">([^<]+)<', html) == ["+2", "+1"]
    assert "Seulement en 2017 :" in html and "Pétale lien" in html
    assert "Seulement en 2020 :" in html and "Pétale sante" in html


@pytest.mark.django_db  # the suite's autouse fixtures clear the CMS menus
def test_wrap_keeps_labels_short():
    assert fleur.wrap("Dimension 1 (exemple)") == ["Dimension 1", "(exemple)"]
    assert len(fleur.wrap("un très long nom de dimension qui ne finit jamais")) == 3

"""The demo's partners: the seed's facts as facts, the rest marked as examples."""

import io

import pytest
from django.test import Client

from partners import demo as partners_demo
from partners.models import Partner

pytestmark = pytest.mark.django_db


def test_the_seed_s_partners_are_facts_and_the_others_examples(demo):
    partners = {partner.name: partner for partner in Partner.objects.prefetch_related("houses")}

    assert not partners["Caisse d'allocations familiales (CAF)"].is_sample
    federation = partners["Fédération des centres sociaux et socioculturels de France"]
    assert not federation.is_sample
    assert [house.slug for house in federation.houses.all()] == ["les-ors"]
    assert partners["Ville de Romans-sur-Isère"].is_sample
    assert all(p.alt_text for p in partners.values() if p.logo_id)


def test_the_demo_partners_show_in_the_footer_and_on_their_page(demo):
    html = Client().get("/partenaires/").content.decode()

    assert "Nos partenaires" in html
    footer = html.split('<footer class="site-footer">')[1]
    assert "Avec le soutien de" in footer
    assert 'alt="Caisse d&#x27;allocations familiales (CAF)"' in footer
    card = html.split("Ville de Romans-sur-Isère</a>")[1].split("</article>")[0]
    assert "Exemple" in card


def test_loading_the_partners_again_changes_nothing(demo):
    before = list(Partner.objects.values_list("name", "kind", "is_sample", "order"))
    Partner.objects.filter(name="Ville de Romans-sur-Isère").update(
        description="Du texte de l'équipe."
    )

    partners_demo.load(stdout=io.StringIO())

    assert list(Partner.objects.values_list("name", "kind", "is_sample", "order")) == before
    assert (
        Partner.objects.get(name="Ville de Romans-sur-Isère").description == "Du texte de l'équipe."
    )

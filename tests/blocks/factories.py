from cms.api import add_plugin, create_page
from cms.models import PageContent
from djangocms_versioning.models import Version


def make_page(user, title="Nos blocs", slug="nos-blocs", template="pages/one_column.html"):
    page = create_page(title, template, "fr", slug=slug, created_by=user)
    return PageContent.admin_manager.get(page=page, language="fr")


def add(content, plugin_type, *, target=None, slot="content", **data):
    placeholder = content.get_placeholders().get(slot=slot)
    return add_plugin(placeholder, plugin_type, "fr", target=target, **data)


def publish(content, user):
    Version.objects.get_for_content(content).publish(user)


def add_every_block(content, *, house=None):
    """One of each block, nested as an editor would, for the rendering and browser tests."""
    section = add(
        content,
        "SectionPlugin",
        title="Coopérer, pour quoi faire ?",
        intro="La Coopération sert les maisons\net les habitants.",
    )
    add(
        content,
        "TextPlugin",
        target=section,
        body="<p>Un texte <strong>riche</strong> dans la section.</p>",
    )
    grid = add(content, "GridPlugin", target=section, columns=3)
    for number in range(1, 4):
        column = add(content, "ColumnPlugin", target=grid)
        add(content, "TextPlugin", target=column, body=f"<p>Colonne numéro {number}.</p>")
    accordion = add(content, "AccordionPlugin", title="La Coopération en détail")
    for number, summary in enumerate(["Présentation de la Coopération", "Les fiches actions"]):
        item = add(
            content, "AccordionItemPlugin", target=accordion, summary=summary, is_open=number == 0
        )
        add(content, "TextPlugin", target=item, body=f"<p>Le contenu de « {summary} ».</p>")
    add(
        content,
        "CallToActionPlugin",
        text="Le site de la CAF de la Drôme",
        external_url="https://www.caf.fr/",
    )
    if house is not None:
        add(
            content,
            "CallToActionPlugin",
            text=f"Les horaires de {house.name}",
            style="link",
            house=house,
        )
    add(
        content,
        "QuotePlugin",
        text="Ici, on se sent chez soi.",
        author="Une habitante des Ors",
        source="Rapport d'activités 2018",
    )
    note = add(
        content,
        "NotePlugin",
        kind="warning",
        title="Fermeture exceptionnelle",
        text="Les maisons sont fermées du 24 décembre au 1er janvier.",
    )
    add(content, "TextPlugin", target=note, body="<p>Bonnes fêtes à toutes et à tous.</p>")
    add(content, "NotePlugin", kind="info", title="Inscriptions ouvertes")
    return section


def add_every_data_block(content, *, house):
    """The blocks that show the site's records (figures, cards, media, a contact form), filled."""
    import datetime

    from django.core.files.base import ContentFile
    from django.utils import timezone
    from filer.models import File

    from houses.models import KeyFigure
    from tests.galleries.test_media_block import MP4, VTT
    from tests.houses.factories import make_activity, make_event
    from tests.news.factories import make_news

    figures = add(content, "KeyFiguresPlugin", title="La Coopération en chiffres")
    figures.figures.set(
        [
            KeyFigure.objects.create(
                label="bénévoles engagés", qualifier="plus de", value=80, year=2018
            ),
            KeyFigure.objects.create(label="salariés", value=24, year=2018, source="Exemple"),
        ]
    )
    for days in (1, 2):
        make_event(house, starts_at=timezone.now() + datetime.timedelta(days=days))
    make_activity(house, title="Atelier couture")
    make_news(title="La fête de quartier", houses=[house])
    add(content, "EventCardsPlugin", title="Les prochains événements", house=house, count=2)
    add(content, "ActivityCardsPlugin", title="Les activités", house=house)
    add(content, "NewsCardsPlugin", title="Les dernières actualités", count=2)
    add(content, "HouseCardsPlugin", title="Les maisons")

    def media(name, data):
        return File.objects.create(
            file=ContentFile(data, name=name), original_filename=name, is_public=True
        )

    add(
        content,
        "MediaPlugin",
        title="L'AGORA en vidéo",
        media=media("agora.mp4", MP4),
        captions=media("agora.vtt", VTT),
        transcript="Bienvenue à la maison de quartier.",
    )
    add(content, "ContactFormPlugin", house=house, title="Écrire à la maison")

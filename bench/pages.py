"""One page of each public page type, on the demo content (`manage.py load_demo`).

Shared by the front-end checks: tests/browser/test_accessibility.py (axe-core,
the Nu Html Checker, 320 px) and bench/lighthouse.
"""

PAGE_TYPES = {
    "accueil": "/",
    "liste des maisons": "/maisons/",
    "une maison": "/maisons/saint-nicolas/",
    "les équipes": "/la-cooperation/equipe/",
    "activités filtrées": "/activites/?categorie=culture",
    "une activité": "/activites/atelier-conserverie/",
    "agenda": "/agenda/",
    "agenda de la semaine": "/agenda/semaine/",
    "un événement": "/agenda/agora-place-jacquemart/",
    "une activité avec demandes de place": "/activites/atelier-numerique-seniors/",
    "demander une place": "/inscriptions/evenement/spectacle-enfants/",
    "actualités": "/actualites/",
    "une actualité": "/actualites/une-agora-sur-le-cout-des-dechets/",
    "documents": "/documents/",
    "radio": "/radio/",
    "une émission de radio": "/radio/exemple-emission-agora/",
    "journal": "/journal/",
    "partenaires": "/partenaires/",
    "associations filtrées": "/associations/?domaine=culture",
    "une association": "/associations/chorale-du-quartier-exemple/",
    "salles": "/salles/",
    "une salle": "/salles/les-ors/salle-de-reunion/",
    "charte": "/charte-ecostructure/",
    "avancement de la charte": "/charte-ecostructure/avancement/",
    "évaluation": "/evaluation/",
    "un rapport": "/evaluation/2019/",
    "comparaison": "/evaluation/comparer/?a=2017&b=2019",
    "adhérer (calculateur)": "/adherer/?quotient=650",
    "recherche": "/recherche/?q=maison",
    "mentions légales": "/mentions-legales/",
    "suivre une maison": "/suivre/?maison=les-ors",
    "l'AGORA": "/la-cooperation/animer-dans-l-espace-public/",
    "facile à lire": "/facile-a-lire/maison-des-ors/",
    "page introuvable": "/cette-page-n-existe-pas/",
}
NOT_FOUND = "page introuvable"

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path

from . import personal_data, sitemaps, views

admin.site.site_header = "Coopération des Maisons de Quartier — administration"
admin.site.site_title = "Administration du site"
admin.site.index_title = "Gérer le site"

urlpatterns = [
    # Before the admin's own URLs, under its address (a staff page, content_checks/views.py).
    path(f"{settings.ADMIN_URL}liens-casses/", include("content_checks.urls")),
    path(
        f"{settings.ADMIN_URL}guide/", include("coop_site.guide.urls")
    ),  # staff only (guide/views.py)
    path(
        f"{settings.ADMIN_URL}donnees-personnelles/",
        admin.site.admin_view(personal_data.personal_data_view),
        name="personal_data",
    ),  # administrators only (coop_site/personal_data.py)
    path(settings.ADMIN_URL, admin.site.urls),  # DJANGO_ADMIN_URL
    path("filer/", include("filer.urls")),
    path("", include("houses.urls.feeds")),  # /agenda.ics
    path("recherche/", include("search.urls")),
    path("facile-a-lire/", include("easy_read.urls")),  # easy-to-read versions (FALC)
    path("inscriptions/", include("registrations.urls")),  # requests for a place, signed links
    path("suivre/", include("subscriptions.urls")),  # following houses by e-mail
    path("robots.txt", sitemaps.RobotsView.as_view(), name="robots"),
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": sitemaps.SITEMAPS}, name="sitemap"),
]

if settings.SERVE_MEDIA:
    # Locally and in tests only; in production the reverse proxy serves /media/.
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", views.serve_media))

# django CMS answers every other URL, so it comes last.
urlpatterns.append(path("", include("cms.urls")))

handler400 = "coop_site.views.bad_request"
handler404 = "coop_site.views.page_not_found"
handler500 = "coop_site.views.server_error"

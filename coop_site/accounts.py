"""The login's lockout page (django-axes' AXES_LOCKOUT_CALLABLE, settings' accounts block).

django-axes answers a locked-out login with a bare text; here it is the
admin's own login page, in French, saying why and for how long, with the
status 429 (Too Many Requests). An administrator unlocks an account by
deleting its line in the admin's « Tentatives de connexion ».
"""

import math

from axes.conf import settings
from axes.helpers import get_cool_off
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def lockout_message(request):
    """« Trop de tentatives… réessayez dans 30 minutes ou demandez à un administrateur… »"""
    cool_off = get_cool_off(request)
    if not cool_off:
        return _(
            "Trop de tentatives de connexion avec ce nom d'utilisateur depuis cette "
            "adresse : le compte est bloqué. Demandez à un administrateur de le débloquer."
        )
    minutes = max(1, math.ceil(cool_off.total_seconds() / 60))
    return ngettext(
        "Trop de tentatives de connexion avec ce nom d'utilisateur depuis cette adresse. "
        "Réessayez dans %(minutes)d minute ou demandez à un administrateur de "
        "débloquer le compte.",
        "Trop de tentatives de connexion avec ce nom d'utilisateur depuis cette adresse. "
        "Réessayez dans %(minutes)d minutes ou demandez à un administrateur de "
        "débloquer le compte.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    context = {
        **admin.site.each_context(request),
        "title": _("Connexion bloquée"),
        "lockout_message": lockout_message(request),
        "form": AuthenticationForm(request),
        "app_path": request.get_full_path(),
        REDIRECT_FIELD_NAME: request.POST.get(REDIRECT_FIELD_NAME, ""),
    }
    return render(request, "admin/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)

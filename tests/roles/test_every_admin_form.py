"""Every admin form a role may open works for that role, file fields included.

For each role (its groups as the migrations create them), every "add" page of
the admin that answers 200 is filled in and posted as a browser would: a real
small PNG or PDF goes through the media library's own uploader (the URL the
filer widget posts to) for a media-library field, a real file for a plain file
field. Any 403 or 500 fails: a field a role is shown must work for that role.
A 200 with errors is accepted only for fields the walk cannot fill sensibly
(cross-field rules), never for a file field, and the errors must be French.
"""

import io
import json

import pytest
from django import forms
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse
from filer.fields.file import AdminFileFormField
from filer.fields.image import AdminImageFormField
from filer.models import File
from PIL import Image

from houses.media import house_folder
from houses.models import House
from houses.services import house_staff_group_ensure
from radio.demo import silent_mp3
from tests.documents.factories import pdf_bytes

from .html_forms import form_data

pytestmark = pytest.mark.django_db

ROLES = ["Éditeur·rice", "Équipe <maison>", "Chargé·e d'évaluation", "Administrateur·rice"]
UPLOAD_URL = "/admin/filer/clipboard/operations/upload/no_folder/"
# Media-library fields that take a sound: (model, field) -> they get a real small MP3.
SOUND_FIELDS = {("episode", "audio")}
ENGLISH = ("This field", "Enter a valid", "Select a valid", "Ensure this value")


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 120, 90)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def house(db):
    house = House.objects.create(
        name="Maison de quartier des Ors",
        short_name="Les Ors",
        slug="les-ors",
        kind=House.Kind.SOCIAL_CENTRE,
    )
    house_staff_group_ensure(house=house)
    return house


def role_user(django_user_model, role, house):
    user = django_user_model.objects.create_user("membre", password="x", is_staff=True)
    if role == "Équipe <maison>":
        user.groups.add(house.staff_group)
    else:
        user.groups.add(Group.objects.get(name=role))
    return user


def upload(client, field, *, sound=False):
    """What the filer widget does: post the file to the uploader, keep the id it answers."""
    is_image = isinstance(field, AdminImageFormField)
    name, content = ("essai.png", png_bytes()) if is_image else ("essai.pdf", pdf_bytes())
    if sound:
        name, content = "essai.mp3", silent_mp3(2)
    response = client.post(UPLOAD_URL, {"file": SimpleUploadedFile(name, content)})
    return response.status_code, json.loads(response.content or b"{}").get("file_id")


def first_choice(field):
    for value, _label in field.choices:
        if isinstance(_label, (list, tuple)):  # optgroup
            for sub_value, _sub_label in _label:
                if str(sub_value):
                    return str(sub_value)
        elif str(value) != "":
            return str(value)
    return None


def value_for(name, field, counter):
    """A valid value for an empty required field, as the browser would send it."""
    if isinstance(field, forms.SplitDateTimeField):
        return {f"{name}_0": "01/06/2026", f"{name}_1": "10:00"}
    if isinstance(field, forms.ModelMultipleChoiceField | forms.MultipleChoiceField):
        choice = first_choice(field)
        return {name: [choice]} if choice else {}
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        choice = first_choice(field)
        return {name: choice} if choice else {}
    if isinstance(field, forms.EmailField):
        return {name: "essai@example.org"}
    if isinstance(field, forms.URLField):
        return {name: "https://example.org/"}
    if isinstance(field, forms.SlugField):
        return {name: f"essai-{counter}"}
    if isinstance(field, forms.DateField):
        return {name: "01/06/2026"}
    if isinstance(field, forms.TimeField):
        return {name: "10:00"}
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        low = field.min_value if field.min_value is not None else 2025
        return {name: str(max(low, 2025) if field.max_value is None else low)}
    if isinstance(field, forms.CharField):
        return {name: f"Essai {counter}"}
    return {}


def errors_of(response):
    """{field or "__all__": [messages]} of the admin form and its inlines."""
    context = response.context or {}
    errors = {}
    adminform = context.get("adminform")
    if adminform is not None:
        errors.update({k: list(v) for k, v in adminform.form.errors.items()})
    for inline in context.get("inline_admin_formsets", []):
        for form_errors in inline.formset.errors:
            for key, messages in form_errors.items():
                errors.setdefault(f"{inline.formset.prefix}-{key}", []).extend(messages)
        errors.setdefault("__all__", []).extend(inline.formset.non_form_errors())
    return {key: value for key, value in errors.items() if value}


def walk(client, url, problems):
    """Open `url`, fill its form, upload its files, post it; note anything a user would hit."""
    response = client.get(url)
    if response.status_code != 200 or not response.context:
        return False
    adminform = response.context.get("adminform")
    if adminform is None:
        return False
    form = adminform.form
    model_name = response.context["opts"].model_name
    data = form_data(response.content.decode(), f"{model_name}_form")
    files = {}
    for counter, (name, field) in enumerate(form.fields.items()):
        if isinstance(field, AdminFileFormField):
            status, file_id = upload(client, field, sound=(model_name, name) in SOUND_FIELDS)
            if status != 200 or not file_id:
                problems.append(f"{url} : le champ « {name} » est offert, l'envoi répond {status}")
                continue
            data[name] = str(file_id)
        elif isinstance(field, forms.FileField):
            content = png_bytes() if isinstance(field, forms.ImageField) else pdf_bytes()
            extension = "png" if isinstance(field, forms.ImageField) else "pdf"
            files[name] = SimpleUploadedFile(f"essai.{extension}", content)
        elif field.required and not any(v for v in data.get(name, []) if v):
            data.update(value_for(name, field, counter))
    if "alt_text" in form.fields and not any(data.get("alt_text", [])):
        data["alt_text"] = "Une image d'essai"  # the site asks for one with every image
    response = client.post(url, {**data, **files})
    if response.status_code in (403, 500) or response.status_code >= 500:
        problems.append(f"{url} : l'enregistrement répond {response.status_code}")
    elif response.status_code == 200:
        for key, messages in errors_of(response).items():
            field = form.fields.get(key)
            if isinstance(field, forms.FileField | AdminFileFormField):
                problems.append(f"{url} : le fichier « {key} » est refusé : {messages}")
            english = [m for m in messages if str(m).startswith(ENGLISH)]
            if english:
                problems.append(f"{url} : message en anglais pour « {key} » : {english}")
    return True


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_form_a_role_opens_can_be_saved(client, django_user_model, house, role):
    client.force_login(role_user(django_user_model, role, house))
    urls = []
    for model in admin.site._registry:
        opts = model._meta
        try:
            urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
        except NoReverseMatch:
            continue
    # The team's own house has no "add" page for the team, only its change page.
    urls.append(reverse("admin:houses_house_change", args=[house.pk]))

    problems = []
    opened = [url for url in urls if walk(client, url, problems)]

    assert opened, role  # every role has something to do in the admin
    assert not problems, "\n".join(problems)
    if role == "Équipe <maison>":
        # The team is offered the image fields (house photo, event image...):
        # its files went to its house's folder, none to "unsorted files".
        assert File.objects.filter(folder=house_folder(house)).exists()
        assert not File.objects.filter(folder__isnull=True).exists()

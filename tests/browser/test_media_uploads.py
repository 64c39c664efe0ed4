"""An editor sends files to the media library in Chromium: a script is refused in French."""

import io

import pytest
from filer.models import File, Folder
from PIL import Image

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def jpeg_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), "#0d5c63").save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def editor_in_folder(editor, live_server, new_page):
    editor.set_password("motdepasse-de-test")
    editor.save()
    folder = Folder.objects.create(name="Affiches")
    page = new_page()
    page.goto(f"{live_server.url}/admin/login/?next=/admin/filer/folder/{folder.pk}/list/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", "motdepasse-de-test")
    page.locator("#login-form [type=submit]").click()
    page.wait_for_url(f"**/admin/filer/folder/{folder.pk}/list/")
    return page, folder


def send(page, name, data, mime_type):
    with page.expect_file_chooser() as chooser:
        page.locator(".js-upload-button").click()
    chooser.value.set_files({"name": name, "mimeType": mime_type, "buffer": data})


def test_a_script_is_refused_in_french_and_a_photo_still_goes_in(editor_in_folder):
    page, folder = editor_in_folder

    send(page, "outil.js", b"fetch('/admin/').then(r => r.text());", "text/javascript")

    # At once, above the list; then again after filer reloads the page (a Django message).
    error = page.locator(".messagelist .error")
    error.wait_for()
    for _shown in ("at once", "after the reload"):
        text = error.inner_text()
        assert "outil.js" in text and "n'est pas un fichier accepté" in text, text
        assert "Formats acceptés : PDF, images JPEG, PNG ou WebP" in text
        assert "[object Object]" not in text
        page.wait_for_load_state()
        page.wait_for_url("**order_by=-modified_at*")
    assert not File.objects.exists()

    page.goto(page.url)
    send(page, "Fête de l'été.jpg", jpeg_bytes(), "image/jpeg")

    page.get_by_text("Fête de l'été.jpg").first.wait_for()
    stored = File.objects.get(folder=folder)
    assert stored.original_filename == "Fête de l'été.jpg"
    assert stored.file.name.endswith("/Fête_de_lété.jpg") or "Fête" in stored.file.name

"""The « Vidéo ou son » block: files from the media library, never without their words."""

import pytest
from cms.api import add_plugin
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from filer.models import File

from coop_site.uploads import check_bytes
from galleries.models import MediaBlock

from .factories import make_page, publish

pytestmark = pytest.mark.django_db

MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
WEBM = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm" + b"\x00" * 64
MOV = b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  " + b"\x00" * 64
VTT = "WEBVTT\n\n00:00.000 --> 00:02.000\nBienvenue à la maison de quartier.\n".encode()


def media_file(name, data, *, public=True):
    return File.objects.create(
        file=ContentFile(data, name=name), original_filename=name, is_public=public
    )


def test_videos_and_subtitles_are_recognised_by_their_content():
    assert check_bytes(MP4, "agora.mp4").key == "mp4"
    assert check_bytes(WEBM, "agora.webm").key == "webm"
    assert check_bytes(VTT, "agora.vtt").key == "vtt"
    assert check_bytes(b"\xef\xbb\xbf" + VTT, "agora.vtt").key == "vtt"


@pytest.mark.parametrize(
    "data,name,message",
    [
        (MOV, "agora.mp4", "n'est pas un fichier accepté"),
        (MP4, "agora.webm", "renommez-le en « .mp4 »"),
        (b"WEBVTT\n\n<script>alert(1)</script>", "agora.vtt", "contient du code"),
        ("WEBVTT\n\nÉté".encode("latin-1"), "agora.vtt", "n'est pas enregistré en UTF-8"),
    ],
)
def test_a_bad_video_or_subtitle_file_is_refused_in_french(data, name, message):
    with pytest.raises(ValidationError) as error:
        check_bytes(data, name)
    assert message in " ".join(error.value.messages)


def test_a_video_needs_subtitles_or_a_transcript():
    video = media_file("agora.mp4", MP4)
    block = MediaBlock(title="L'AGORA", media=video)
    with pytest.raises(ValidationError) as error:
        block.clean()
    assert (
        "Ajoutez des sous-titres ou une transcription" in error.value.message_dict["transcript"][0]
    )

    block.captions = media_file("agora.vtt", VTT)
    block.clean()
    MediaBlock(title="L'AGORA", media=video, transcript="On installe l'AGORA.").clean()


def test_a_sound_needs_its_transcript_and_a_private_file_is_refused():
    sound = media_file("emission.mp3", b"ID3" + b"\x00" * 64)
    with pytest.raises(ValidationError) as error:
        MediaBlock(title="L'émission", media=sound).clean()
    assert "Ajoutez la transcription du son" in error.value.message_dict["transcript"][0]

    private = media_file("prive.mp3", b"ID3" + b"\x00" * 64, public=False)
    with pytest.raises(ValidationError) as error:
        MediaBlock(title="Privé", media=private, transcript="…").clean()
    assert "Ce fichier est privé" in error.value.message_dict["media"][0]

    document = media_file("note.pdf", b"%PDF-1.4")
    with pytest.raises(ValidationError) as error:
        MediaBlock(title="Note", media=document, transcript="…").clean()
    assert "Choisissez une vidéo" in error.value.message_dict["media"][0]


def test_a_video_plays_with_its_subtitles_and_its_transcript_below(client, admin_user):
    video = media_file("agora.mp4", MP4)
    captions = media_file("agora.vtt", VTT)
    content = make_page(admin_user, title="L'AGORA", slug="agora")
    placeholder = content.get_placeholders().get(slot="content")
    add_plugin(
        placeholder,
        "MediaPlugin",
        "fr",
        title="L'AGORA place Jules-Nadi",
        media=video,
        captions=captions,
        transcript="On installe l'AGORA.\n\nLes habitants s'arrêtent.",
    )
    publish(content, admin_user)

    html = client.get("/agora/").content.decode()

    assert (
        f'<video class="media-block__player" controls preload="metadata" src="{video.url}"' in html
    )
    assert (
        f'<track kind="captions" src="{captions.url}" srclang="fr" label="Français" default>'
        in html
    )
    assert "<summary>Transcription</summary>" in html
    assert "<p>Les habitants s&#x27;arrêtent.</p>" in html

"""Sounds from the media library: read by their frames, never without their words.

coop_site/uploads.py recognises a sound by its first bytes (an MP3 frame or
ID3 tag, an Ogg page); this module goes further for every sound the site
stores: mutagen (a small, pure-Python, maintained library) must find real
MPEG audio frames, or an Ogg stream of a known codec, and tells the duration.
A file that starts like a sound and then holds anything else is refused.

The rules a sound shown to visitors follows, shared by the « Vidéo ou son »
block (galleries) and the radio's episodes: a public file, and a transcript
for whoever cannot hear it. A toolkit module: it imports no app.
"""

import io
import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Sound:
    """A sound that passed: its MIME type and its duration in whole seconds."""

    mime_type: str
    duration: int


def read_sound(data, key, name):
    """The Sound of `data` (an "mp3" or "ogg" of uploads.FILE_TYPES), or a French ValidationError."""
    from mutagen.mp3 import MP3
    from mutagen.oggflac import OggFLAC
    from mutagen.oggopus import OggOpus
    from mutagen.oggspeex import OggSpeex
    from mutagen.oggvorbis import OggVorbis

    kinds = {"mp3": (MP3,), "ogg": (OggVorbis, OggOpus, OggFLAC, OggSpeex)}[key]
    for kind in kinds:
        try:
            sound = kind(io.BytesIO(data))
        except Exception as error:  # mutagen raises many kinds of errors on broken files
            logger.debug("son refusé par %s : %s", kind.__name__, error)
            continue
        length = getattr(sound.info, "length", 0) or 0
        if length > 0:
            return Sound(
                mime_type="audio/mpeg" if key == "mp3" else "audio/ogg", duration=round(length)
            )
    raise ValidationError(
        _(
            "« %(name)s » commence comme un son mais n'en contient pas (aucune trame audio "
            "lisible) : il est endommagé ou ce n'est pas un son. Enregistrez-le en MP3 ou en "
            "Ogg puis envoyez-le à nouveau."
        )
        % {"name": name},
        code="audio_damaged",
    )


def transcript_missing():
    """Why a sound may not go public without its transcript."""
    return _(
        "Ajoutez la transcription du son : sans elle, une personne sourde ou "
        "malentendante ne sait pas ce qu'il dit."
    )


def private_file():
    """Why a private media-library file may not be played on a public page."""
    return _("Ce fichier est privé dans la médiathèque : les visiteurs ne pourraient pas le lire.")


def itunes_duration(seconds):
    """The HH:MM:SS of a podcast feed's itunes:duration."""
    seconds = int(seconds or 0)
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"

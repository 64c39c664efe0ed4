"""Demo data of the radio: the loading logic of radio/demo.yaml.

The seed names a weekly radio show but no episode: every episode is an
example (is_sample), its sound a few seconds of silence written here as a
valid MP3 (no tool, no dependency), its words saying they are an example.
Found by slug and by file name, so a second run creates nothing.
"""

from django.core.files.base import ContentFile
from filer.models import File

from coop_site.demo import DemoData, demo_folder, ensure_page
from houses.models import House

from .models import Episode

DATA = DemoData(
    __file__,
    required={
        "page": ("reverse_id", "title", "slug"),
        "folder": (),
        "episodes": (
            "slug", "title", "published_on", "seconds", "houses", "guests", "description",
            "transcript",
        ),
    },
)  # fmt: skip

# An MPEG-1 Layer III frame header: 32 kbit/s, 44.1 kHz, mono, no CRC. A frame
# of 1152 samples is 104 bytes; zero side information decodes as silence.
MP3_FRAME_HEADER = bytes([0xFF, 0xFB, 0x10, 0xC4])
MP3_FRAME_SIZE = 104
MP3_FRAME_SAMPLES = 1152
MP3_SAMPLE_RATE = 44100


def silent_mp3(seconds):
    """A valid MP3 of `seconds` seconds of silence, a few kilobytes."""
    frame = MP3_FRAME_HEADER + bytes(MP3_FRAME_SIZE - len(MP3_FRAME_HEADER))
    return frame * round(seconds * MP3_SAMPLE_RATE / MP3_FRAME_SAMPLES)


def ensure_sound(*, folder, filename, seconds):
    existing = File.objects.filter(folder=folder, original_filename=filename).first()
    if existing is not None:
        return existing
    sound = File(folder=folder, original_filename=filename, name=filename, is_public=True)
    sound.file.save(filename, ContentFile(silent_mp3(seconds)), save=False)
    sound.mime_type = "audio/mpeg"
    sound.save()
    return sound


def ensure_episode(data, *, folder, houses, stdout):
    if Episode.objects.filter(slug=data["slug"]).exists():
        return
    sound = ensure_sound(folder=folder, filename=f"{data['slug']}.mp3", seconds=data["seconds"])
    episode = Episode(
        slug=data["slug"],
        title=data["title"],
        published_on=data["published_on"],
        guests=data["guests"],
        description=data["description"],
        transcript=data["transcript"],
        audio=sound,
        status=Episode.Status.PUBLISHED,
        is_sample=True,
    )
    episode.full_clean()  # reads the sound's duration, refuses what an editor could not do
    episode.save()
    episode.houses.set([houses[slug] for slug in data["houses"] if slug in houses])
    stdout.write(f"  émission créée : {episode.title}")


def load(*, stdout):
    ensure_page(**DATA["page"], stdout=stdout)
    folder = demo_folder(DATA["folder"])
    houses = {house.slug: house for house in House.objects.all()}
    for data in DATA["episodes"]:
        ensure_episode(data, folder=folder, houses=houses, stdout=stdout)

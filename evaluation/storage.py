"""Where report PDFs and covers live: outside the public media folder.

A draft report must stay invisible, even to someone guessing a file name,
so these files have no public URL at all: `evaluation.views` serves them
after checking that the report is published (or that the visitor is staff).
The folder is `EVALUATION_PRIVATE_ROOT`, by default `private/` beside
MEDIA_ROOT (so `var/private/` next to `var/media/`). Back it up with the media.
With COOP_S3_BUCKET (settings, « Object storage »), the same files go to the
bucket under `private/`, with a private ACL and still no URL.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property


def private_root():
    configured = getattr(settings, "EVALUATION_PRIVATE_ROOT", "")
    if configured:
        return str(configured)
    return str(Path(settings.MEDIA_ROOT).resolve().parent / "private")


# One name for migrations whichever storage the environment chose.
PATH = "evaluation.storage.PrivateReportStorage"


@deconstructible(path=PATH)
class FolderReportStorage(FileSystemStorage):
    """A file system storage without URLs, rooted at `private_root()`."""

    def __init__(self):
        super().__init__(base_url=None)

    @cached_property
    def base_location(self):
        return private_root()

    def _clear_cached_properties(self, setting, **kwargs):
        # Tests move MEDIA_ROOT (and so this folder) with the `settings` fixture.
        if setting in {"MEDIA_ROOT", "EVALUATION_PRIVATE_ROOT"}:
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)
        super()._clear_cached_properties(setting, **kwargs)

    def url(self, name):
        raise ValueError("Les fichiers des rapports sont servis par evaluation.views.")


def bucket_report_storage():
    from storages.backends.s3 import S3Storage

    @deconstructible(path=PATH)
    class BucketReportStorage(S3Storage):
        """The bucket's `private/` folder: private objects, read through the site only."""

        def __init__(self):
            super().__init__(**settings.S3_PRIVATE_OPTIONS, location="private")

        def url(self, name):
            raise ValueError("Les fichiers des rapports sont servis par evaluation.views.")

    return BucketReportStorage


PrivateReportStorage = bucket_report_storage() if settings.COOP_S3_BUCKET else FolderReportStorage
private_storage = PrivateReportStorage()

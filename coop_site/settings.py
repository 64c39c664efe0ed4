"""Settings of coop_site, read from the environment in this one place.

Every variable is listed in the README. Nothing secret lives here: a
production server must set DJANGO_SECRET_KEY, and DEBUG is off unless
DJANGO_DEBUG asks for it.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import PIL.Image
from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from coop_site import uploads as coop_uploads

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "oui"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

# --- Security: HTTPS, cookies, headers (issue 12) ---------------------------
# Production is the default: DEBUG off means HTTPS only, secure cookies, HSTS
# and a strict Content-Security-Policy (README, "Sécurité"). `make run`
# (DJANGO_DEBUG=1) keeps plain http on 127.0.0.1 working.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY est obligatoire quand DJANGO_DEBUG est désactivé."
        )
    SECRET_KEY = "insecure-local-development-key-only"
elif (
    # Django's own rule for a weak key (security.W009 of `check --deploy`).
    len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH
    or len(set(SECRET_KEY)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS
    or SECRET_KEY.startswith(SECRET_KEY_INSECURE_PREFIX)
):
    raise ImproperlyConfigured(
        f"DJANGO_SECRET_KEY est trop faible : il faut au moins {SECRET_KEY_MIN_LENGTH} "
        f"caractères, dont {SECRET_KEY_MIN_UNIQUE_CHARACTERS} différents, et pas le préfixe "
        f"« {SECRET_KEY_INSECURE_PREFIX} ». Générez-en une avec : "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# Behind a reverse proxy that terminates TLS (deploy/nginx.conf): trust its
# X-Forwarded-Proto. Only with a proxy that sets it (a client could forge it).
if env_bool("DJANGO_BEHIND_HTTPS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Every http:// request is redirected to https://; the proxy usually does it
# first. DJANGO_SECURE_SSL_REDIRECT=0 turns it off (a loopback test).
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 3600))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SAMESITE = "Lax"
# Left readable by scripts on purpose: djangocms-versioning's admin script
# (versioning.js) and django-filer's uploader (csrf.js, its bundles) read the
# `csrftoken` cookie when the page holds no token field. Django's docs: an
# HttpOnly CSRF cookie brings no real protection anyway.
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# SAMEORIGIN, not DENY: django CMS's edit and structure modes show the page,
# and its forms, in frames of the same site (the CSP's frame-ancestors 'self'
# says the same to browsers that read it).
X_FRAME_OPTIONS = "SAMEORIGIN"
# `check --deploy` warns when X_FRAME_OPTIONS is not DENY (W019): SAMEORIGIN is
# the CMS's need above, so that one warning is silenced on purpose.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
# Content-Security-Policy (django-csp, coop_site.security.CSPMiddleware): the
# strict policy for every visitor, the staff policy for the admin and for
# signed-in staff, whose CMS toolbar and editors need inline scripts and styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
CONTENT_SECURITY_POLICY_STAFF = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "frame-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
}
# What the site never uses is turned off for every page (django-permissions-policy).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
# --- end of the security block ---------------------------------------------

DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.postgres",  # search lookups; harmless on SQLite
]
THIRD_PARTY_APPS = [
    "cms",
    "menus",
    "treebeard",
    "sekizai",
    "djangocms_versioning",
    "djangocms_text",
    # Content edited once and shown on every page (the site-wide notice, the
    # partners in the footer): djangocms-alias, versioned like pages; parler
    # holds its translated names.
    "coop_site.alias_app.AliasConfig",
    "parler",
    "filer",
    "easy_thumbnails",
    "csp",
    "django_tasks",
    "coop_site.tasks_app.TasksDatabaseConfig",  # django-tasks-db, under a French heading
    "coop_site.axes_app.AxesConfig",  # django-axes, under a French heading
]
LOCAL_APPS = [
    "coop_site",
    "houses",
    "charter",
    "evaluation",
    "news",
    "galleries",
    "documents",
    "membership",
    "blocks",
    "easy_read",
    "radio",
    "journal",
    "people",
    "partners",
    "associations",
    "registrations",
    "subscriptions",
    "search",
    "outbox",
    # Last: it wraps the version admins the apps above registered.
    "content_checks",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

# Background jobs (coop_site/background.py, django-tasks): the e-mails
# (outbox), a PDF's cover and text. The default queue is the database, worked
# by `manage.py worker` (what `make run` starts beside the server, and
# deploy/coop-site-worker.service in production); with REDIS_URL set, RQ
# (django-tasks-rq), worked by the same command. COOP_TASKS=immediate runs each
# job right after the commit, in the request: the tests.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
}
_tasks = os.environ.get("COOP_TASKS") or ("rq" if os.environ.get("REDIS_URL") else "database")
if _tasks not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"COOP_TASKS vaut « {_tasks} » : « database », « rq » ou « immediate » attendu."
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[_tasks]}}
if _tasks == "rq":
    THIRD_PARTY_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"}}
    INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

# E-mails sent are kept this many days (outbox), then deleted by `send_queued_emails`.
COOP_OUTBOX_RETENTION_DAYS = int(os.environ.get("COOP_OUTBOX_RETENTION_DAYS", "30"))

MIDDLEWARE = [
    # /healthz answers first: no other middleware (CMS, session, cookies) is involved.
    "coop_site.health.HealthCheckMiddleware",
    # Before anything reads the database: NUL or non-UTF-8 in the address is a 400.
    "coop_site.bad_input.RejectBadInputMiddleware",
    # Visitors' pages from the shared cache, before the rest: a stored page
    # already carries the headers the middleware below set (coop_site/page_cache.py).
    "coop_site.page_cache.PageCacheMiddleware",
    # Compressed below the page cache, so that stored pages are stored
    # compressed; brotli only for what holds no secret (coop_site/compression.py).
    "coop_site.compression.CompressionMiddleware",
    "cms.middleware.utils.ApphookReloadMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Turns a locked-out login into the French lockout page (django-axes).
    "axes.middleware.AxesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After authentication: the policy depends on who asks (coop_site/security.py).
    "coop_site.security.CSPMiddleware",
    "cms.middleware.user.CurrentUserMiddleware",
    "cms.middleware.page.CurrentPageMiddleware",
    "cms.middleware.toolbar.ToolbarMiddleware",
    # One failing plugin is left out instead of emptying its placeholder.
    "coop_site.plugin_rendering.IsolatedPluginsMiddleware",
    # Not cms.middleware.language.LanguageCookieMiddleware, although `cms check`
    # lists it: it only remembers a visitor's language choice, in a one-year
    # `django_language` cookie set on every response. The site has one language,
    # and an anonymous visitor gets no cookie at all (issue 12).
]

# django-axes first: it refuses a locked-out username and address before any check.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "coop_site.urls"
WSGI_APPLICATION = "coop_site.wsgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cms.context_processors.cms_settings",
                "sekizai.context_processors.sekizai",
                "coop_site.context_processors.site_houses",
            ],
        },
    },
]

VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The site and its background worker write at once: each transaction takes
    # the write lock when it begins (a deferred one fails at once with
    # "database is locked" when both read, then write) and waits up to 20 s.
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every worker: django CMS invalidates rendered pages and
# menus through it, so a per-process memory cache would serve stale pages.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "coop_site",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("DJANGO_CACHE_DIR", str(VAR_DIR / "cache")),
            # Django's 300 would drop a third of the entries at random as soon as
            # the stored pages (one per address and encoding) and the images'
            # renditions pass it.
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

LOGIN_URL = "admin:login"

# --- Accounts (issue 12) ------------------------------------------------------
# Passwords of 12 characters at least; Django's validators speak French.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Brute force on the login (django-axes): 5 failures for one username from one
# address lock that pair for DJANGO_LOGIN_COOLOFF_MINUTES; another address or
# another username is not locked. Administrators see and delete lockouts in
# the admin (« Tentatives de connexion »). A success resets the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The lockout page is the admin's login page with the reason, in French (429).
AXES_LOCKOUT_CALLABLE = "coop_site.accounts.lockout_response"
# The client's address: behind the HTTPS proxy, the last one of X-Forwarded-For,
# the one nginx appends ($proxy_add_x_forwarded_for); what a client puts before
# it is ignored. Without the proxy, REMOTE_ADDR only (the header could be forged).
if env_bool("DJANGO_BEHIND_HTTPS_PROXY"):
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    AXES_IPWARE_PROXY_COUNT = 0
    IPWARE_STRICT = False
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)
# Staff sessions end after 8 hours without a request: each request pushes the
# expiry back. Only a session that holds something is saved, so an anonymous
# visitor still gets no cookie.
SESSION_COOKIE_AGE = 8 * 3600
SESSION_SAVE_EVERY_REQUEST = True
# The admin's address, without the leading slash ("gestion/"); everything links
# to it through reverse("admin:…").
ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"
# --- end of the accounts block --------------------------------------------------

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français"))]
# Our own strings (`make messages`), then French for the CMS's staff screens
# where upstream has none (written by hand, see its header).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "third_party"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_PERMISSIONS = 0o644
# Django serves /media/ itself only for a local run or the tests.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", DEBUG)

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "site@maisonsdequartier-romans.fr")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Errors and bad requests (issue 12) ---------------------------------------
# Each line names the request's path and user id (coop_site/request_logging.py);
# Django's own `mail_admins` handler (when ADMINS is set) is kept, and its
# e-mails mask every POSTed field whose name looks secret (password, token...).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_context": {"()": "coop_site.request_logging.RequestContextFilter"}},
    "formatters": {
        "site": {
            "format": "%(asctime)s %(levelname)s %(name)s "
            "[path=%(request_path)s user=%(user_id)s] %(message)s"
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_context"],
            "formatter": "site",
        }
    },
    "loggers": {"django.request": {"filters": ["request_context"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
DEFAULT_EXCEPTION_REPORTER_FILTER = "coop_site.request_logging.SensitivePostFilter"
# A request's query string counts too: more parameters than
# DATA_UPLOAD_MAX_NUMBER_FIELDS (Uploads, below) is answered with the French 400.

# --- django CMS -------------------------------------------------------------
SILENCED_SYSTEM_CHECKS += ["treebeard.E001"]  # harmless, raised by django CMS 5 itself
CMS_CONFIRM_VERSION4 = True
CMS_TEMPLATES = [
    ("pages/home.html", _("Accueil")),
    ("pages/one_column.html", _("Une colonne")),
    ("pages/two_columns.html", _("Deux colonnes avec encadré")),
]
CMS_PERMISSION = False
CMS_TOOLBAR_ANONYMOUS_ON = False
# The toolbar's "Help" menu only links to django CMS's English sites
# (documentation, Discord, "What's new" blog): staff have the README instead.
CMS_ENABLE_HELP = False
# Rendered placeholders are cached for anonymous visitors; django CMS
# invalidates them on publish through the shared cache above.
CMS_PLACEHOLDER_CACHE = True
CMS_PAGE_CACHE = True
CMS_MENU_CACHE_DURATION = 3600

# Slots of the page templates. The main slots take every content plugin;
# the introductions take text only, so that a page always opens in words.
CMS_PLACEHOLDER_CONF = {
    "content": {"name": _("Contenu principal")},
    "sidebar": {"name": _("Encadré")},
    # A house's (House.get_template); its page has the house's contact form already.
    "presentation": {"name": _("Présentation"), "excluded_plugins": ["ContactFormPlugin"]},
    "body": {"name": _("Texte principal")},  # an action's (Action.get_template)
    "intro": {"name": _("Introduction"), "plugins": ["TextPlugin"]},
    "home_intro": {"name": _("Accueil : présentation"), "plugins": ["TextPlugin"]},
    "home_banner": {
        "name": _("Accueil : bandeau d'images"),
        "plugins": ["SlideshowPlugin"],
        "limits": {"global": 1},
    },
    # The shared contents that templates place on every page (djangocms-alias:
    # its placeholder is named after the alias's static code).
    "avis-du-site": {"name": _("Avis sur tout le site"), "plugins": ["TextPlugin"]},
    "partenaires": {
        "name": _("Partenaires (pied de page)"),
        "plugins": ["PartnerLogosPlugin", "TextPlugin"],
    },
}

DJANGOCMS_VERSIONING_LOCK_VERSIONS = True
# Pages made with the "Créer" wizards: a plain one-column page whose first
# text goes to the main content (inheriting would give a top-level page the
# home template).
CMS_PAGE_WIZARD_DEFAULT_TEMPLATE = "pages/one_column.html"
CMS_PAGE_WIZARD_CONTENT_PLACEHOLDER = "content"
TEXT_INLINE_EDITING = True
# The text editor offers what the site's design styles, no more: headings, bold,
# italic, lists, links, quotes, tables (with a header row), a rule, and blocks
# inside the text. Colours, highlights, alignment and code are left out: they
# would not follow the site's colours and contrast (issue 14).
TEXT_EDITOR_SETTINGS = {
    "toolbar_CMS": [
        ["Undo", "Redo"],
        ["CMSPlugins", "cmswidget"],
        ["Format"],
        ["PasteText"],
        ["Bold", "Italic"],
        ["RemoveFormat"],
        ["Link", "Unlink"],
        ["NumberedList", "BulletedList"],
        ["Blockquote", "Table", "HorizontalRule"],
    ],
}

THUMBNAIL_HIGH_RESOLUTION = False
THUMBNAIL_PRESERVE_EXTENSIONS = ("png", "webp")
THUMBNAIL_PROCESSORS = (
    "easy_thumbnails.processors.colorspace",
    "easy_thumbnails.processors.autocrop",
    "filer.thumbnail_processors.scale_and_crop_with_subject_location",
    "easy_thumbnails.processors.filters",
)
FILER_CANONICAL_URL = "documents-permanents/"
# Folder permissions: editors and administrators hold the whole library, each
# house's team its house's folder only (houses.media, coop_site.roles).
FILER_ENABLE_PERMISSIONS = True

# --- Uploads (issue 12) -------------------------------------------------------
# Every file is checked by its content in coop_site/uploads.py (README,
# « Fichiers acceptés »): PDF, JPEG, PNG, WebP, office documents, MP3 and Ogg.
# A request's fields (not its files) may weigh this much: the CMS's structure
# board and text editor post whole pages of HTML.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# An upload bigger than this is spooled to a temporary file, not kept in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Django's default (1000) is tight for staff forms that grow with their
# content: a gallery of 200 hand-picked photos posts five fields per photo
# (tests/security/test_request_limits.py), a changelist's bulk action and the
# structure board's plugin order one field per row or plugin.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000
# A gallery takes several photos in one go.
DATA_UPLOAD_MAX_NUMBER_FILES = 100
MEGABYTE = 1024 * 1024
#: The heaviest file of each kind (bytes), checked before the file is read.
UPLOAD_MAX_SIZES = {
    "image": int(os.environ.get("UPLOAD_MAX_IMAGE_SIZE", 20 * MEGABYTE)),
    "pdf": int(os.environ.get("UPLOAD_MAX_DOCUMENT_SIZE", 50 * MEGABYTE)),
    "office": int(os.environ.get("UPLOAD_MAX_DOCUMENT_SIZE", 50 * MEGABYTE)),
    "audio": int(os.environ.get("UPLOAD_MAX_AUDIO_SIZE", 50 * MEGABYTE)),
    # Under nginx's client_max_body_size (60m, deploy/nginx.conf): raise both together.
    "video": int(os.environ.get("UPLOAD_MAX_VIDEO_SIZE", 50 * MEGABYTE)),
    "captions": 1 * MEGABYTE,
}
# Decompression bombs: an image of more pixels is refused by filer and by
# coop_site/uploads.py, with a French message. Pillow gets the same limit (it
# refuses twice as many pixels on its own).
FILER_MAX_IMAGE_PIXELS = int(os.environ.get("UPLOAD_MAX_IMAGE_PIXELS", 50_000_000))
PIL.Image.MAX_IMAGE_PIXELS = FILER_MAX_IMAGE_PIXELS
# django-filer's own mechanism (filer.validation): only these MIME types (filer
# derives them from the name), and for each, our check of the content.
FILER_MIME_TYPE_WHITELIST = coop_uploads.allowed_mime_types()
FILER_ADD_FILE_VALIDATORS = {
    mime_type: ["coop_site.uploads.filer_validator"] for mime_type in FILER_MIME_TYPE_WHITELIST
}
# Files are stored under a random folder with their cleaned name (accents kept).
FILER_STORAGES = {
    "public": {"main": {"UPLOAD_TO": "coop_site.uploads.filer_upload_to"}},
    "private": {"main": {"UPLOAD_TO": "coop_site.uploads.filer_upload_to"}},
}
# Rich text: djangocms-text cleans every text block with nh3 on the server, so
# no <script>, on*= attribute, javascript: link or <iframe> survives a POST
# that bypasses the editor (tests/security/test_rich_text.py). On by default;
# stated here so it is never turned off by accident.
TEXT_HTML_SANITIZE = True
# --- end of the uploads block -----------------------------------------------

# --- Object storage (S3, issue 13) ---------------------------------------------
# With COOP_S3_BUCKET, every uploaded file goes to an S3-compatible bucket
# (django-storages) instead of the folders above, so that several app servers
# share them: media under `media/` (public, read by visitors' browsers), filer's
# private files under `smedia/` and the reports' files under `private/`
# (private ACL, never a public URL: evaluation.views serves them after its
# checks, as from the folder). README, « Stockage objet (S3) ».
COOP_S3_BUCKET = os.environ.get("COOP_S3_BUCKET", "")
if COOP_S3_BUCKET:
    from urllib.parse import urlsplit

    AWS_STORAGE_BUCKET_NAME = COOP_S3_BUCKET
    AWS_S3_ENDPOINT_URL = os.environ.get("COOP_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("COOP_S3_REGION") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("COOP_S3_CUSTOM_DOMAIN") or None
    # "path" (bucket in the path) or "virtual" (bucket in the host name).
    AWS_S3_ADDRESSING_STYLE = os.environ.get("COOP_S3_ADDRESSING_STYLE", "path")
    # The keys come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (boto3 reads them).
    # What any storage made without options gets: the public media.
    AWS_LOCATION = "media"
    AWS_DEFAULT_ACL = os.environ.get("COOP_S3_PUBLIC_ACL", "public-read") or None
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False  # a new file never replaces another, as in a folder
    # As nginx serves /media/ (deploy/nginx.conf): a file's name changes with its content.
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=2592000"}
    S3_PRIVATE_OPTIONS = {
        "default_acl": "private",
        "querystring_auth": True,  # a staff member's link in filer's admin: signed, 5 minutes
        "querystring_expire": 300,
        "custom_domain": None,
        "object_parameters": {"CacheControl": "private, no-store"},
    }
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    FILER_STORAGES["private"]["main"].update(
        ENGINE="storages.backends.s3.S3Storage",
        OPTIONS={**S3_PRIVATE_OPTIONS, "location": "smedia/filer_private"},
    )
    FILER_STORAGES["private"]["thumbnails"] = {
        "ENGINE": "storages.backends.s3.S3Storage",
        "OPTIONS": {**S3_PRIVATE_OPTIONS, "location": "smedia/filer_private_thumbnails"},
    }
    # Visitors' browsers fetch the images from the bucket: the CSP allows its origin.
    if AWS_S3_CUSTOM_DOMAIN:
        S3_MEDIA_ORIGIN = f"https://{AWS_S3_CUSTOM_DOMAIN}"
    else:
        endpoint = urlsplit(
            AWS_S3_ENDPOINT_URL or f"https://s3.{AWS_S3_REGION_NAME or 'us-east-1'}.amazonaws.com"
        )
        host = endpoint.netloc
        if AWS_S3_ADDRESSING_STYLE == "virtual":
            host = f"{COOP_S3_BUCKET}.{host}"
        S3_MEDIA_ORIGIN = f"{endpoint.scheme}://{host}"
    for policy in (CONTENT_SECURITY_POLICY["DIRECTIVES"], CONTENT_SECURITY_POLICY_STAFF):
        policy["img-src"] = [*policy["img-src"], S3_MEDIA_ORIGIN]
        policy["media-src"] = ["'self'", S3_MEDIA_ORIGIN]
# --- end of the object storage block -----------------------------------------

# --- coop_site ----------------------------------------------------------------
# Visitors' pages kept whole in the shared cache (coop_site/page_cache.py);
# COOP_PAGE_CACHE=0 renders every page for every request.
COOP_PAGE_CACHE = env_bool("COOP_PAGE_CACHE", True)
# With Redis, each process also keeps the pages it served last in its own
# memory, told of every new version by Redis (coop_site/page_cache_local.py):
# bytes per process, 0 to ask Redis at every request.
COOP_PAGE_CACHE_LOCAL_BYTES = int(os.environ.get("COOP_PAGE_CACHE_LOCAL_BYTES", 16 * 1024 * 1024))
# Every form shows its text fields' length limits and refuses longer text at
# the field instead of letting the browser cut it (coop_site/limits.py).
FORM_RENDERER = "coop_site.limits.FormRenderer"
# Demo-data loaders run in this order by `manage.py load_demo`; each app adds
# one dotted path to a `load(*, stdout)` function (see coop_site/demo.py).
COOP_DEMO_LOADERS = [
    "coop_site.demo.load",
    "houses.demo.load",
    "charter.demo.load",
    "evaluation.demo.load",
    "news.demo.load",
    "galleries.demo.load",
    "documents.demo.load",
    "easy_read.demo.load",
    "radio.demo.load",
    "journal.demo.load",
    "people.demo.load",
    "partners.demo.load",
    "associations.demo.load",
    "registrations.demo.load",
    "membership.demo.load",
    "blocks.demo.load",  # last: its links reach the houses, pages and reports above
]

# --- registrations ---------------------------------------------------------------
# Requests for a place are personal data: `manage.py purge_registrations` deletes
# them this many months after their event ends (after their last change, for an
# activity). The consent sentence under each form and the legal notice say so.
COOP_REGISTRATION_RETENTION_MONTHS = int(os.environ.get("COOP_REGISTRATION_RETENTION_MONTHS", "12"))

# --- evaluation -----------------------------------------------------------------
# Report PDFs and covers stay out of the public media folder (drafts must not be
# reachable by URL): empty means `private/` beside MEDIA_ROOT. Back it up too.
EVALUATION_PRIVATE_ROOT = os.environ.get("EVALUATION_PRIVATE_ROOT", "")
EVALUATION_REPORT_MAX_SIZE = int(os.environ.get("EVALUATION_REPORT_MAX_SIZE", 50 * 1024 * 1024))

# --- Operations: backups (issue 12, coop_site/backup.py) -------------------------
# Where `manage.py backup` writes its archives when --output is not given.
COOP_BACKUP_DIR = Path(os.environ.get("COOP_BACKUP_DIR", VAR_DIR / "backups"))
# The folder of pg_dump and pg_restore when those on the PATH are older than the server.
COOP_PG_BIN_DIR = os.environ.get("COOP_PG_BIN_DIR", "")
# The code's commit, written in each backup's manifest (else read with git, if any).
COOP_COMMIT = os.environ.get("COOP_COMMIT", "")

#!/usr/bin/env python
import os
import sys

# Commands that read the code and never serve a request or sign anything need
# no secret key; everything else still requires DJANGO_SECRET_KEY outside debug.
KEYLESS_COMMANDS = {"check", "makemigrations", "showmigrations", "makemessages", "compilemessages"}

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coop_site.settings")
    # `check --deploy` judges the real key, so it gets no stand-in.
    if len(sys.argv) > 1 and sys.argv[1] in KEYLESS_COMMANDS and "--deploy" not in sys.argv:
        # Long enough for the settings' weak-key refusal; never signs anything.
        os.environ.setdefault("DJANGO_SECRET_KEY", "keyless-command-only-" + "x0y1z2" * 6)
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)

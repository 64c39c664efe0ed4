#!/usr/bin/env python
import os
import sys

# Commands that read the code and never serve a request or sign anything need
# no secret key; everything else still requires DJANGO_SECRET_KEY outside debug.
KEYLESS_COMMANDS = {"check", "makemigrations", "showmigrations", "makemessages", "compilemessages"}

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coop_site.settings")
    if len(sys.argv) > 1 and sys.argv[1] in KEYLESS_COMMANDS:
        os.environ.setdefault("DJANGO_SECRET_KEY", "keyless-command-only")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Crée le compte administrateur « admin » s'il n'existe aucun superutilisateur. "
        "Mot de passe : DJANGO_SUPERUSER_PASSWORD, sinon un mot de passe aléatoire affiché une fois."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("Un compte administrateur existe déjà.")
            return
        chosen_password = os.environ.get("DJANGO_SUPERUSER_PASSWORD", "")
        password = chosen_password or secrets.token_urlsafe(12)
        User.objects.create_superuser(
            username="admin", email=os.environ.get("DJANGO_SUPERUSER_EMAIL", ""), password=password
        )
        self.stdout.write(self.style.SUCCESS("Compte administrateur créé : admin"))
        if not chosen_password:
            self.stdout.write(
                self.style.WARNING(f"Mot de passe (affiché une seule fois, notez-le) : {password}")
            )

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from coop_site.shared_contents import ensure_shared_contents


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
        # 24 characters: well above the 12 that AUTH_PASSWORD_VALIDATORS ask.
        password = chosen_password or secrets.token_urlsafe(18)
        user = User(username="admin", email=os.environ.get("DJANGO_SUPERUSER_EMAIL", ""))
        try:
            # The same rules as the admin's password forms (createsuperuser skips them).
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(
                "DJANGO_SUPERUSER_PASSWORD est refusé : " + " ".join(error.messages)
            ) from error
        admin = User.objects.create_superuser(
            username=user.username, email=user.email, password=password
        )
        self.stdout.write(self.style.SUCCESS("Compte administrateur créé : admin"))
        # The notice and the partners, as empty drafts for the team to fill in.
        ensure_shared_contents(admin)
        if not chosen_password:
            self.stdout.write(
                self.style.WARNING(f"Mot de passe (affiché une seule fois, notez-le) : {password}")
            )

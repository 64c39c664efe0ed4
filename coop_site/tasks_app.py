"""django-tasks-db's queue under a French heading in the admin (INSTALLED_APPS names this class).

Its results (« Résultats des tâches »: a job that failed, with its error) are
for administrators; the names of its models and fields are translated in
locale/third_party/. See coop_site/axes_app.py for why it is not in apps.py.
"""

import django_tasks_db.apps
from django.utils.translation import gettext_lazy as _


class TasksDatabaseConfig(django_tasks_db.apps.TasksAppConfig):
    verbose_name = _("Tâches en arrière-plan")

    def ready(self):
        super().ready()
        from django_tasks_db.models import DBTaskResult

        # The list's column is a property, named from its identifier: no catalogue reaches it.
        DBTaskResult.task_name.fget.short_description = _("tâche")

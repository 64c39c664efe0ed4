"""What an error's log line says about its request: the path and the user id, never a password.

`RequestContextFilter` adds `request_path` and `user_id` to every record
(`-` when the record has no request: a command, a startup message), so the
console formatter can name them. `SensitivePostFilter` is Django's
exception-report filter (the e-mails to ADMINS) that also masks any POSTed
field whose name looks secret (`password`, `token`, `key`...), not only in the
views decorated with `sensitive_post_parameters`.
"""

import logging

from django.views.debug import SafeExceptionReporterFilter


class RequestContextFilter(logging.Filter):
    def filter(self, record):
        request = getattr(record, "request", None)
        # A WSGIRequest, or the socket of django.server's records: only the former has a path.
        path = getattr(request, "path", None)
        record.request_path = path or "-"
        user = getattr(request, "user", None) if path else None
        user_id = getattr(user, "pk", None) if user is not None else None
        record.user_id = user_id if user_id is not None else "-"
        return True


class SensitivePostFilter(SafeExceptionReporterFilter):
    def get_post_parameters(self, request):
        parameters = super().get_post_parameters(request)
        if request is None or not self.is_active(request):
            return parameters
        cleansed = parameters.copy()
        for key in cleansed:
            if self.hidden_settings.search(key):
                cleansed[key] = self.cleansed_substitute
        return cleansed

import os

from django.conf import settings
from django.core.management.base import BaseCommand

from site_s6.demo.loader import DEMO_PASSWORD, DEMO_USERS, demo_institutions


def mail_destination() -> str:
    """Where the e-mail of this installation goes: a folder without EMAIL_HOST."""
    backend = settings.EMAIL_BACKEND
    if backend == "django.core.mail.backends.filebased.EmailBackend":
        return f"written as files into {settings.EMAIL_FILE_PATH}/ (no EMAIL_HOST set)"
    if backend == "django.core.mail.backends.smtp.EmailBackend":
        return f"sent through {settings.EMAIL_HOST}:{settings.EMAIL_PORT}"
    return backend


class Command(BaseCommand):
    help = (
        "Print the demo's site addresses, the admin and health addresses, where e-mail "
        "goes and the demo users."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=None, help="PORT, else 8000.")

    def handle(self, *args, port=None, **options):
        if port is None:
            port = int(os.environ.get("PORT") or 8000)
        self.stdout.write(self.style.SUCCESS("Sector 6 Newsroom demo"))
        self.stdout.write("Sites:")
        for institution in demo_institutions():
            if institution.site:
                url = f"http://{institution.site.hostname}:{port}/"
                self.stdout.write(f"  {url:<40} {institution.name}")
        self.stdout.write(f"Admin:\n  http://localhost:{port}/admin/")
        self.stdout.write(f"Health:\n  http://localhost:{port}/healthz")
        self.stdout.write(f"E-mail:\n  {mail_destination()}")
        self.stdout.write(f"Users (password “{DEMO_PASSWORD}”):")
        for username, first_name, last_name, *_rest in DEMO_USERS:
            self.stdout.write(f"  {username:<16} {first_name} {last_name}")

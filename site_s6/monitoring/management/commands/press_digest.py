"""The morning digest from the command line (the scheduler sends it on working days)."""

from django.core.management.base import BaseCommand, CommandError

from site_s6.monitoring.digest import build_digest, digest_send


class Command(BaseCommand):
    help = "Send the press review's morning digest to its subscribers now (--send-now)."

    def add_arguments(self, parser):
        parser.add_argument("--send-now", action="store_true", help="Send it at once.")

    def handle(self, *args, **options):
        if not options["send_now"]:
            digest = build_digest()
            self.stdout.write(
                f"The digest would list {digest.total} relevant clippings since "
                f"{digest.since:%Y-%m-%d %H:%M}. Give --send-now to send it."
            )
            return
        try:
            sent = digest_send()
        except OSError as error:
            raise CommandError(f"Cannot send the digest: {error}") from None
        self.stdout.write(f"Digest sent to {sent} subscribers.")

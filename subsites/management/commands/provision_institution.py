from django.core.management.base import BaseCommand, CommandError, no_translations
from django.utils.translation import gettext as _

from subsites.models import Institution
from subsites.services import ProvisioningError, institution_provision


class Command(BaseCommand):
    help = (
        "Create an institution end to end: home page in every language, section pages, "
        "site, editors group, collection and approval workflow. Running it again only "
        "completes what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="Full name, e.g. “DGASPC Sector 6”.")
        parser.add_argument("--short-name", required=True, help="Short name, e.g. “DGASPC”.")
        parser.add_argument("--hostname", required=True, help="Host name of its site.")
        parser.add_argument("--port", type=int, default=80)
        parser.add_argument(
            "--kind",
            choices=Institution.Kind.values,
            default=None,
            help="A new institution is subordinate unless told otherwise; an existing one "
            "keeps its kind.",
        )
        parser.add_argument(
            "--default-site", action="store_true", help="Serve this site for unknown hosts."
        )

    # Plain English output whatever the project's language, for scripts that read it.
    @no_translations
    def handle(self, *args, **options):
        if not options["hostname"].strip() or not options["short_name"].strip():
            raise CommandError(_("--hostname and --short-name cannot be empty."))
        try:
            report = institution_provision(
                name=options["name"].strip(),
                short_name=options["short_name"].strip(),
                hostname=options["hostname"].strip().lower(),
                port=options["port"],
                kind=options["kind"],
                is_default_site=options["default_site"],
            )
        except ProvisioningError as error:
            raise CommandError(str(error)) from error
        if not report.changed:
            self.stdout.write(
                _("Nothing to do: %(name)s is already provisioned.") % {"name": report.institution}
            )
            return
        self.stdout.write(
            self.style.SUCCESS(_("Provisioned %(name)s:") % {"name": report.institution})
        )
        for change in report.changes:
            self.stdout.write(f"  + {change}")

from django.core.management.base import BaseCommand, CommandError

from site_s6.demo.bulk import BulkSeedOptions, bulk_seed
from site_s6.demo.bulk.seed import BulkSeedError

DEFAULTS = BulkSeedOptions()


class Command(BaseCommand):
    help = (
        "Fill a fresh database with generated, published content for load tests: "
        "institutions' sites provisioned as usual, then news, events, campaigns and "
        "protocol visits written in bulk (about 100,000 pages with the defaults). "
        "The same --seed gives the same content."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sites", type=int, default=DEFAULTS.sites, help="Sites (1-12).")
        parser.add_argument("--news", type=int, default=DEFAULTS.news, help="News pages.")
        parser.add_argument("--events", type=int, default=DEFAULTS.events, help="Events.")
        parser.add_argument("--campaigns", type=int, default=DEFAULTS.campaigns)
        parser.add_argument(
            "--visits", type=int, default=DEFAULTS.visits, help="Protocol visits (main site)."
        )
        parser.add_argument(
            "--locales",
            default=",".join(DEFAULTS.locales),
            help="Content languages, the default first: 'ro' or 'ro,en'.",
        )
        parser.add_argument(
            "--translated",
            type=float,
            default=DEFAULTS.translated_share,
            help="Share of pages that also get a translation in each further locale.",
        )
        parser.add_argument(
            "--years", type=int, default=DEFAULTS.years, help="Years of publications."
        )
        parser.add_argument(
            "--upcoming",
            type=int,
            default=DEFAULTS.upcoming,
            help="Events of each site still to come, whatever the archive's age (at least).",
        )
        parser.add_argument("--seed", type=int, default=DEFAULTS.seed, help="Random seed.")
        parser.add_argument(
            "--no-search-index",
            action="store_true",
            help="Leave the search index out (rebuild it later with update_index).",
        )

    def handle(self, *args, **options):
        seed_options = BulkSeedOptions(
            sites=options["sites"],
            news=options["news"],
            events=options["events"],
            campaigns=options["campaigns"],
            visits=options["visits"],
            locales=tuple(code.strip() for code in options["locales"].split(",") if code.strip()),
            seed=options["seed"],
            translated_share=options["translated"],
            years=options["years"],
            upcoming=options["upcoming"],
            search_index=not options["no_search_index"],
        )
        verbose = options["verbosity"] > 1
        try:
            report = bulk_seed(seed_options, progress=self.stdout.write if verbose else None)
        except (BulkSeedError, ValueError) as error:
            raise CommandError(str(error)) from error
        for kind, count in report.created.items():
            self.stdout.write(f"  + {count} {kind}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Seeded {report.pages_created} pages ({report.translations} translations) "
                f"on {report.sites} sites in {report.seconds:.1f} s; "
                f"{report.total_pages} pages in the tree."
            )
        )

"""Import a new-resident list from the command line, as the upload screen does."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from backoffice.inflow.columns import LABELS, guess_mapping, missing_required
from backoffice.inflow.reading import UnreadableFile, read_table
from backoffice.inflow.services import import_residents, problems_csv, remembered_mapping
from portal.models import Municipality


class Command(BaseCommand):
    help = ("Import a CSV or XLSX list of new residents for one municipality. Columns are "
            "recognised by their Dutch names or by the mapping last saved for the municipality.")

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--municipality", required=True, help="the municipality's slug")
        parser.add_argument("--report", type=Path,
                            help="write the refused rows (row;column;problem) to this CSV file")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, **options):
        municipality = Municipality.objects.filter(slug=options["municipality"]).first()
        if municipality is None:
            raise CommandError(f"No municipality with slug {options['municipality']!r}.")
        path = options["file"]
        try:
            table = read_table(path.name, path.read_bytes())
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from None
        except UnreadableFile as problem:
            raise CommandError(str(problem)) from None
        mapping = guess_mapping(table.headers, remembered_mapping(municipality))
        missing = missing_required(mapping)
        if missing:
            raise CommandError(
                "No column found for: " + ", ".join(str(LABELS[f.name]) for f in missing)
                + ". Map the columns once in the back office; the mapping is then remembered."
            )
        with tqdm(total=len(table.rows), unit="rows", disable=options["no_progress"],
                  file=self.stderr) as bar:
            batch = import_residents(municipality=municipality, table=table, mapping=mapping,
                                     file_name=path.name, progress=bar.update)
        self.stdout.write(
            f"{batch.rows_imported} imported, {batch.rows_duplicate} already known, "
            f"{batch.rows_invalid} refused (of {batch.rows_total} rows)."
        )
        if options["report"] and batch.problems:
            Path(options["report"]).write_bytes(
                problems_csv(batch, ["row", "column", "problem"]))
            self.stdout.write(f"Refused rows written to {options['report']}.")

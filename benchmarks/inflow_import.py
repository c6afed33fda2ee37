"""The new-resident list at scale: import, re-import and letters.

    .venv/bin/python benchmarks/inflow_import.py [--rows 20000] [--letters 100]

Needs PostgreSQL on 127.0.0.1:5432 (user postgres). Makes the database
`onthaal_benchmark` with the demo, writes a CSV of invented people (a large city's
year, in households), and times: reading and importing it through the same service as
the upload screen, importing it again (every row a duplicate), and the PDF of letters
for the first households. Prints the figures and peak memory.
"""

import argparse
import csv
import io
import os
import random
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serving import ROOT, prepare_database, production_env  # noqa: E402


def invented_csv(rows):
    from backoffice.inflow.columns import FIELD_NAMES
    from backoffice.inflow.values import register_number_for

    rng = random.Random(11)
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";")
    writer.writerow(FIELD_NAMES)
    written = 0
    household = 0
    while written < rows:
        household += 1
        registered = date(2025, 1, 1) + timedelta(days=rng.randrange(365))
        street = f"Benchmarkstraat {household // 50}"
        for member in range(rng.choice([1, 1, 1, 2, 3, 4])):
            birth = date(1950, 1, 1) + timedelta(days=rng.randrange(25_000))
            writer.writerow([
                register_number_for(birth, (written % 997) + 1), f"Demo-Bench-{household}",
                f"Persoon{member}", birth.strftime("%d/%m/%Y"), rng.choice("MV"),
                rng.choice(["BE", "NL", "MA", "Roemenië", "UA", "SYR", "Turkije"]),
                rng.choice(["Belgisch", "niet-Belgisch"]), registered.strftime("%d/%m/%Y"),
                street, str(household % 50 + 1), "", "3999", "Heidebeek",
                f"+3247099{written % 10000:04d}" if rng.random() < 0.6 else "", "",
            ])
            written += 1
    return out.getvalue().encode()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--letters", type=int, default=100)
    options = parser.parse_args()

    env = production_env()
    prepare_database(env)
    os.environ.update({"DJANGO_SETTINGS_MODULE": "portal.settings.dev",
                       "DATABASE_URL": env["DATABASE_URL"]})
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from backoffice.inflow.columns import guess_mapping
    from backoffice.inflow.letters import letters_pdf
    from backoffice.inflow.reading import read_table
    from backoffice.inflow.services import household_members, import_residents, invite_households
    from portal.models import Municipality

    heidebeek = Municipality.objects.get(slug="heidebeek")
    data = invented_csv(options.rows)
    print(f"file: {options.rows} rows, {len(data) / 1e6:.1f} MB")

    def timed_import(label):
        started = time.perf_counter()
        table = read_table("benchmark.csv", data)
        batch = import_residents(municipality=heidebeek, table=table,
                                 mapping=guess_mapping(table.headers), file_name="benchmark.csv")
        seconds = time.perf_counter() - started
        print(f"{label}: {seconds:.1f} s ({options.rows / seconds:,.0f} rows/s), "
              f"{batch.rows_imported} new, {batch.rows_duplicate} known, "
              f"{batch.rows_invalid} refused")
        return batch

    first = timed_import("first import")
    timed_import("same file again")

    residents = list(first.residents.order_by("household_key")[: options.letters * 3])
    groups = household_members(residents)[: options.letters]
    started = time.perf_counter()
    invitations = invite_households(groups, "ar")
    pdf = letters_pdf(list(zip(invitations, groups, strict=True)), "ar")
    seconds = time.perf_counter() - started
    print(f"letters: {len(groups)} households in {seconds:.1f} s "
          f"({seconds / len(groups) * 1000:.0f} ms per letter), PDF {len(pdf) / 1e6:.1f} MB")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()

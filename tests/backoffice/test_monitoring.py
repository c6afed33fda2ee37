"""The monitoring counts: real figures from practice, each definition and its edge cases."""

import csv
import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from appointments.choices import Channel, Status
from appointments.services import cancel_request
from backoffice import services
from backoffice.inflow.figures import Period
from backoffice.models import Conversation, NeedCategory, NewResident
from backoffice.monitoring import counts
from backoffice.monitoring.report import build_report
from home.models import Partner, PartnerKind
from portal import roles
from tests.backoffice.html_tables import table_rows
from tests.factories import MunicipalityFactory, UserFactory

pytestmark = pytest.mark.django_db

BRUSSELS = ZoneInfo("Europe/Brussels")

# Sint-Pieters-Leeuw, people reached in 2016: month -> (desk, letters). From DOMAIN.md.
SINT_PIETERS_LEEUW_2016 = {1: (17, 15), 2: (32, 11), 3: (23, 2), 4: (38, 22), 5: (83, 16),
                           6: (72, 0), 7: (39, 0)}


def at(year, month, day, hour=10, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=BRUSSELS)


def frozen(moment):
    """The clock stands still at `moment` while the services record what happens."""
    return time_machine.travel(moment, tick=False)


@pytest.fixture
def leeuw():
    municipality = MunicipalityFactory(slug="sint-pieters-leeuw", name="Sint-Pieters-Leeuw")
    coordinator = UserFactory(username="spl-coordinator", role=roles.COORDINATOR,
                              municipalities=[municipality])
    return municipality, coordinator


def at_desk(municipality, user, moment, **fields):
    with frozen(moment):
        return services.register_at_desk(municipality=municipality, user=user, fields={
            "name": "Iemand Voorbeeld", "channel": Channel.DESK, **fields})


def reached_by(channel, municipality, user, moment, *, created=None, **fields):
    """A case opened (at `created`) and reached by phone at `moment`."""
    with frozen(created or moment):
        case = services.open_case(municipality=municipality, user=user, fields={
            "name": "Iemand Voorbeeld", "channel": channel, **fields})
    with frozen(moment):
        services.log_contact_attempt(case, user, method="phone", reached=True)
    return case


def conversation_on(case, user, day, **fields):
    with frozen(at(day.year, day.month, day.day, 14)):
        return services.record_conversation(case, user, fields={"held_on": day, **fields})


def page(client, user, **query):
    client.force_login(user)
    return client.get(reverse("backoffice_monitoring"), query)


def export_rows(client, fmt_query, table):
    response = client.get(reverse("backoffice_monitoring_export", args=["csv"]),
                          {**fmt_query, "table": table})
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


class TestFiguresFromPractice:
    def test_sint_pieters_leeuw_2016_reach_per_month_and_channel(self, client, leeuw):
        municipality, coordinator = leeuw
        for month, (desk, letters) in SINT_PIETERS_LEEUW_2016.items():
            for number in range(desk):
                at_desk(municipality, coordinator, at(2016, month, 1 + number % 28))
            for number in range(letters):
                reached_by(Channel.LETTER, municipality, coordinator,
                           at(2016, month, 1 + number % 28, 15))

        query = {"kind": "year", "year": 2016, "municipality": municipality.pk}
        response = page(client, coordinator, **query)
        assert response.status_code == 200
        on_screen = table_rows(response.content, "months")
        in_csv = export_rows(client, query, "months")
        header = on_screen[0]
        assert in_csv[0] == header
        reached, desk, letter = (header.index(label) for label in (
            "Bereikt", str(Channel.DESK.label), str(Channel.LETTER.label)))
        for rows in (on_screen[1:], in_csv[1:]):
            by_month = {row[0]: row for row in rows}
            for month, (desk_count, letter_count) in SINT_PIETERS_LEEUW_2016.items():
                row = by_month[f"{month:02d}/2016"]
                assert [row[reached], row[desk], row[letter]] == [
                    str(desk_count + letter_count), str(desk_count), str(letter_count)]
            for month in range(8, 13):
                assert by_month[f"{month:02d}/2016"][reached] == "0"
        summary = {row[0]: row[1] for row in table_rows(response.content, "summary")}
        assert summary["Mensen bereikt"] == "370"

    def test_conversations_of_november_and_december_side_by_side(self, client, leeuw):
        municipality, coordinator = leeuw
        held = {(2014, 11): 7, (2015, 11): 39, (2014, 12): 6, (2015, 12): 33}
        for (year, month), number in held.items():
            for index in range(number):
                case = at_desk(municipality, coordinator, at(year, month, 1))
                conversation_on(case, coordinator, date(year, month, 1 + index % 28))

        for month, (before, this) in {11: (7, 39), 12: (6, 33)}.items():
            response = page(client, coordinator, kind="month", year=2015, part=month,
                            municipality=municipality.pk)
            rows = {row[0]: row[1:] for row in table_rows(response.content, "summary")}
            assert rows["Eerste gesprekken gehouden"] == [str(this), str(before),
                                                          str(this - before)]
        response = page(client, coordinator, kind="year", year=2015,
                        municipality=municipality.pk)
        yearly = {row[0]: row for row in table_rows(response.content, "year_over_year")}
        assert yearly["11/2015"][3:] == ["39", "7"]
        assert yearly["12/2015"][3:] == ["33", "6"]


class TestDefinitions:
    def test_a_person_reached_twice_counts_once_in_the_first_month(self, leeuw):
        municipality, user = leeuw
        case = reached_by(Channel.PHONE, municipality, user, at(2026, 1, 20))
        with frozen(at(2026, 2, 3)):
            services.log_contact_attempt(case, user, method="phone", reached=True)
        conversation_on(case, user, date(2026, 2, 10))
        ids = [municipality.pk]
        assert counts.reached_by_channel(ids, date(2026, 1, 1), date(2026, 2, 1))["total"] == 1
        assert counts.reached_by_channel(ids, date(2026, 2, 1), date(2026, 3, 1))["total"] == 0
        assert counts.reached_by_channel(ids, date(2026, 1, 1), date(2027, 1, 1))["phone"] == 1

    def test_a_case_counts_in_the_month_it_was_reached_not_the_month_it_was_made(self, leeuw):
        municipality, user = leeuw
        reached_by(Channel.ONLINE, municipality, user, at(2026, 2, 2),
                   created=at(2026, 1, 28), phone="+32470000001")
        ids = [municipality.pk]
        assert counts.reached_by_channel(ids, date(2026, 1, 1), date(2026, 2, 1))["online"] == 0
        assert counts.reached_by_channel(ids, date(2026, 2, 1), date(2026, 3, 1))["online"] == 1
        waits = counts.days_to_first_contact(ids, date(2026, 2, 1), date(2026, 3, 1))
        assert waits == {"median": 5.0, "mean": 5.0}

    def test_a_contact_written_down_later_moves_the_month_back(self, leeuw):
        municipality, user = leeuw
        case = reached_by(Channel.PHONE, municipality, user, at(2026, 3, 2),
                          created=at(2026, 2, 20))
        with frozen(at(2026, 3, 3)):
            services.record_conversation(case, user, fields={"held_on": date(2026, 2, 27)})
        case.refresh_from_db()
        assert case.reached_at == at(2026, 2, 27, 12)
        # ... but never to before the request existed.
        with frozen(at(2026, 3, 4)):
            services.record_conversation(case, user, fields={"held_on": date(2026, 2, 1)})
        case.refresh_from_db()
        assert case.reached_at == at(2026, 2, 20)
        ids = [municipality.pk]
        assert counts.reached_by_channel(ids, date(2026, 2, 1), date(2026, 3, 1))["total"] == 1
        assert counts.reached_by_channel(ids, date(2026, 3, 1), date(2026, 4, 1))["total"] == 0

    def test_months_are_belgian_calendar_months(self, leeuw):
        municipality, user = leeuw
        at_desk(municipality, user, at(2026, 1, 31, 23, 30))  # 22:30 UTC
        at_desk(municipality, user, at(2026, 2, 1, 0, 30))  # still 31 January in UTC
        ids = [municipality.pk]
        assert counts.reached_by_channel(ids, date(2026, 1, 1), date(2026, 2, 1))["desk"] == 1
        assert counts.reached_by_channel(ids, date(2026, 2, 1), date(2026, 3, 1))["desk"] == 1

    def test_an_attempt_that_did_not_reach_anyone_does_not_count(self, leeuw):
        municipality, user = leeuw
        with frozen(at(2026, 4, 1)):
            case = services.open_case(municipality=municipality, user=user,
                                      fields={"name": "Iemand", "channel": Channel.PHONE})
            services.log_contact_attempt(case, user, method="phone", reached=False)
        assert counts.reached_by_channel([municipality.pk], date(2026, 4, 1),
                                         date(2026, 5, 1))["total"] == 0

    def test_cancelled_requests_and_no_shows(self, leeuw, demo):
        municipality, user = leeuw
        with frozen(at(2026, 5, 4)):
            online = services.open_case(municipality=municipality, user=user, fields={
                "name": "Iemand", "channel": Channel.ONLINE, "email": "iemand@example.org"})
        with frozen(at(2026, 5, 6)):
            cancel_request(online)
        desk = at_desk(municipality, user, at(2026, 5, 5))
        for day in (7, 21):
            with frozen(at(2026, 5, day)):
                services.change_status(desk, Status.SCHEDULED, user)
                services.change_status(desk, Status.NO_SHOW, user)
        with frozen(at(2026, 6, 2)):
            services.change_status(desk, Status.CONTACTED, user)
            services.change_status(desk, Status.CANCELLED, user)

        ids = [municipality.pk]
        may = counts.missed_and_cancelled(ids, date(2026, 5, 1), date(2026, 6, 1))
        june = counts.missed_and_cancelled(ids, date(2026, 6, 1), date(2026, 7, 1))
        assert may == {"no_shows": 2, "cancellations": 1}
        assert june == {"no_shows": 0, "cancellations": 1}
        # The cancelled online request was never reached; the desk visit still was.
        assert counts.reached_by_channel(ids, date(2026, 5, 1), date(2026, 7, 1)) == {
            "total": 1, **dict.fromkeys(Channel.values, 0), "desk": 1}

    def test_reach_among_new_residents_of_the_same_months(self, leeuw):
        municipality, _user = leeuw
        for index, outreach in enumerate(["reached", "reached", "called", "new"]):
            NewResident.objects.create(municipality=municipality, last_name="X",
                                       first_name=str(index), registered_on=date(2026, 3, 5),
                                       outreach=outreach)
        NewResident.objects.create(municipality=municipality, last_name="Y", first_name="Z",
                                   registered_on=date(2026, 4, 1), outreach="reached")
        assert counts.reach_rate([municipality.pk], date(2026, 3, 1), date(2026, 4, 1)) == {
            "new_residents": 4, "reached": 2, "rate": 50.0}

    def test_referrals_by_kind_and_the_share_sent_to_dutch(self, leeuw):
        municipality, user = leeuw
        classes = Partner.objects.create(municipality=municipality, name="Huis van het NL",
                                         kind=PartnerKind.DUTCH_CLASSES, description="Les")
        work = Partner.objects.create(municipality=municipality, name="Werkwinkel",
                                      kind=PartnerKind.WORK, description="Werk")
        for index, partners in enumerate([[classes, work], [classes], [work], []]):
            case = at_desk(municipality, user, at(2026, 6, 1 + index))
            with frozen(at(2026, 6, 1 + index)):
                services.record_conversation(
                    case, user, fields={"held_on": date(2026, 6, 1 + index)},
                    referrals=[(partner, "kennismaking") for partner in partners])
        ids = [municipality.pk]
        june = (date(2026, 6, 1), date(2026, 7, 1))
        assert counts.referrals_by_partner_kind(ids, *june) == {"dutch_classes": 2, "work": 2}
        assert counts.referred_to_dutch(ids, *june) == {"people": 4, "to_dutch": 2,
                                                        "share": 50.0}

    def test_needs_ranking_counts_conversations_and_keeps_ten(self, leeuw):
        municipality, user = leeuw
        categories = [NeedCategory.objects.create(label=f"Nood {index:02d}")
                      for index in range(12)]
        for index in range(3):
            case = at_desk(municipality, user, at(2026, 7, 1))
            conversation = conversation_on(case, user, date(2026, 7, 2))
            conversation.needs.set(categories[: 12 - index * 5])
        rows = counts.needs_by_category([municipality.pk], date(2026, 7, 1), date(2026, 8, 1),
                                        limit=10)
        assert len(rows) == 10
        assert rows[0] == ("Nood 00", 3)
        assert ("Nood 11", 1) not in rows

    def test_follow_ups_due_done_and_overdue(self, leeuw):
        municipality, user = leeuw
        case = at_desk(municipality, user, at(2026, 1, 5))
        for follow_up_on, done in [(date(2026, 8, 3), True), (date(2026, 8, 10), False),
                                   (date(2026, 8, 28), False)]:
            conversation = conversation_on(case, user, date(2026, 2, 1),
                                           follow_up=Conversation.FollowUp.CONVERSATION,
                                           follow_up_on=follow_up_on)
            if done:
                services.mark_follow_up_done(case, conversation, user)
        assert counts.follow_ups([municipality.pk], date(2026, 8, 1), date(2026, 9, 1),
                                 today=date(2026, 8, 20)) == {"due": 3, "done": 1,
                                                               "overdue": 1}

    def test_profile_of_the_people_reached(self, leeuw):
        municipality, user = leeuw
        at_desk(municipality, user, at(2026, 9, 1), birth_year=2000, sex="F",
                nationality="MA", contact_language="ar", has_children=True)
        at_desk(municipality, user, at(2026, 9, 2), birth_year=1960, sex="M",
                nationality="NL", contact_language="nl")
        profile = counts.reached_profile([municipality.pk], date(2026, 9, 1), date(2026, 10, 1))
        assert profile["total"] == 2
        assert (profile["group_non_eu"], profile["group_eu"]) == (1, 1)
        assert (profile["age_26-35"], profile["age_66+"]) == (1, 1)  # 26 and 66 in 2026
        assert (profile["sex_F"], profile["sex_M"]) == (1, 1)
        assert (profile["children_yes"], profile["children_unknown"]) == (1, 1)
        assert sorted(profile["languages"]) == [("ar", 1), ("nl", 1)]


class TestPageAndExports:
    def test_cluster_and_per_municipality(self, client, leeuw):
        municipality, coordinator = leeuw
        other = MunicipalityFactory(slug="dilbeek-test", name="Dilbeek")
        coordinator.municipalities.add(other)
        at_desk(municipality, coordinator, at(2026, 3, 3))
        at_desk(other, coordinator, at(2026, 3, 4))
        at_desk(other, coordinator, at(2026, 3, 5))
        response = page(client, coordinator, kind="month", year=2026, part=3)
        rows = table_rows(response.content, "municipalities")
        assert rows[1:] == [["Dilbeek", "2", "0", "0", "0,0"],
                            ["Sint-Pieters-Leeuw", "1", "0", "0", "0,0"]]
        response = page(client, coordinator, kind="month", year=2026, part=3,
                        municipality=other.pk)
        summary = {row[0]: row[1] for row in table_rows(response.content, "summary")}
        assert summary["Mensen bereikt"] == "2"
        assert not table_rows(response.content, "municipalities")

    def test_another_municipality_cannot_be_asked_for(self, client, leeuw, demo):
        _municipality, coordinator = leeuw
        response = page(client, coordinator, kind="year", year=2026,
                        municipality=demo["heidebeek"].pk)
        assert response.status_code == 400
        assert "report" not in response.context
        response = client.get(reverse("backoffice_monitoring_export", args=["csv"]),
                              {"kind": "year", "year": 2026,
                               "municipality": demo["heidebeek"].pk})
        assert response.status_code == 400

    @pytest.mark.parametrize("query", [
        {"kind": "quarter", "year": 2026, "part": 7}, {"kind": "month", "year": "twee"},
        {"kind": "week", "year": 2026}, {"kind": "month", "year": 2026},
    ])
    def test_a_wrong_period_is_explained_not_a_server_error(self, client, leeuw, query):
        _municipality, coordinator = leeuw
        response = page(client, coordinator, **query)
        assert response.status_code == 400
        assert response.context["form"].errors

    def test_exports_hold_counts_not_people(self, client, leeuw):
        municipality, coordinator = leeuw
        case = at_desk(municipality, coordinator, at(2026, 10, 1), name="Zainab Verstraete",
                       phone="+32470123456", email="zainab@example.org")
        conversation = conversation_on(
            case, coordinator, date(2026, 10, 2),
            needs_text="Zainab zoekt avondles; bel 0470 12 34 56 of zainab@example.org, "
                       "Kerkstraat 12, 1600 Sint-Pieters-Leeuw.")
        conversation.needs.set([NeedCategory.objects.create(label="Avondles")])
        client.force_login(coordinator)
        query = {"kind": "month", "year": 2026, "part": 10, "municipality": municipality.pk}
        files = {}
        for fmt in ("csv", "xlsx", "pdf"):
            response = client.get(reverse("backoffice_monitoring_export", args=[fmt]), query)
            assert response.status_code == 200
            assert "attachment" in response["Content-Disposition"]
            files[fmt] = response.content
        for fmt in ("csv", "xlsx"):
            response = client.get(reverse("backoffice_monitoring_signals", args=[fmt]), query)
            files[f"signals-{fmt}"] = response.content
        signals = files["signals-csv"].decode("utf-8-sig")
        assert "avondles" in signals and "Avondles;1" in signals
        texts = [files["csv"].decode("utf-8-sig"), signals, xlsx_text(files["xlsx"]),
                 xlsx_text(files["signals-xlsx"]), pdf_text(files["pdf"])]
        for text in texts:
            for personal in ("Zainab", "Verstraete", "0470", "123456", "example.org",
                             "Kerkstraat 12", "1600"):
                assert personal not in text

    def test_one_table_or_all(self, client, leeuw):
        municipality, coordinator = leeuw
        client.force_login(coordinator)
        query = {"kind": "year", "year": 2026, "municipality": municipality.pk}
        single = client.get(reverse("backoffice_monitoring_export", args=["xlsx"]),
                            {**query, "table": "needs"})
        assert sheet_names(single.content) == ["Vragen en noden de tien meest g"]
        everything = client.get(reverse("backoffice_monitoring_export", args=["xlsx"]), query)
        assert len(sheet_names(everything.content)) == len(
            build_report([municipality.pk], Period("year", 2026), "x").tables)
        unknown = client.get(reverse("backoffice_monitoring_export", args=["xlsx"]),
                             {**query, "table": "nothing"})
        assert unknown.status_code == 404
        assert client.get(reverse("backoffice_monitoring_export", args=["doc"]),
                          query).status_code == 404

    def test_charts_are_described_and_carry_their_numbers(self, client, leeuw):
        municipality, coordinator = leeuw
        at_desk(municipality, coordinator, at(2026, 2, 3))
        response = page(client, coordinator, kind="month", year=2026, part=2,
                        municipality=municipality.pk)
        html = response.content.decode()
        assert html.count('role="img"') == 3
        assert "<title>02/2026, Balie (permanentie): 1</title>" in html
        assert "<script" not in html.split('class="monitoring-period"')[1]


def xlsx_text(content):
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content))
    return "\n".join(str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True)
                     for cell in row if cell is not None)


def sheet_names(content):
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(content)).sheetnames


def pdf_text(content):
    import pypdfium2

    document = pypdfium2.PdfDocument(content)
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def test_quotes_lose_names_and_contact_details_but_keep_ordinary_words():
    from backoffice.monitoring.signals import anonymise_quote

    quote = anonymise_quote(
        "Jan van den Berg zoekt werk in de buurt van de kerk; mail jan@example.org of bel "
        "+32 470 12 34 56, Stationsstraat 4, 1600 Sint-Pieters-Leeuw.", ["Jan van den Berg"])
    assert quote == ("[…] van den […] zoekt werk in de buurt van de kerk; mail […] of bel […], "
                     "[…], […].")


def test_text_that_a_spreadsheet_would_run_stays_text():
    from backoffice.monitoring.exports import Table, csv_bytes, xlsx_bytes

    table = Table("quotes", "Citaten", ["Citaat"], [["=HYPERLINK(\"x\")"], ["- zoekt werk"]])
    assert "'=HYPERLINK" in csv_bytes([table]).decode("utf-8-sig")
    sheet = load_xlsx(xlsx_bytes([table]))
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == [
        "'=HYPERLINK(\"x\")", "'- zoekt werk"]
    assert all(row[0].data_type == "s" for row in sheet.iter_rows(min_row=2))


def load_xlsx(content):
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(content)).active

"""The calendar feed read by a standard iCalendar library (icalendar), as a calendar client would.

Usage: ics_test.py BASE_URL TOKEN OLD_TOKEN
"""
import sys
import urllib.error
import urllib.request
from datetime import date

import icalendar

base, token, old = sys.argv[1], sys.argv[2], sys.argv[3]

with urllib.request.urlopen(f"{base}/kalender/{token}.ics") as response:
    assert response.headers["Content-Type"].startswith("text/calendar"), response.headers["Content-Type"]
    raw = response.read()

calendar = icalendar.Calendar.from_ical(raw)
assert str(calendar["VERSION"]) == "2.0"
events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
assert len(events) >= 20, f"only {len(events)} events"
for uid, event in events.items():
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert isinstance(start, date) and (end - start).days == 1, uid
    assert str(event["SUMMARY"]).strip(), uid
# The deadline as moved by the supplementary letter, and the late incident's year's meetings.
assert events["assignment-UKE-2020-mitt-oslo@styr"].decoded("DTSTART") == date(2020, 12, 15)
assert "Mitt Oslo" in str(events["assignment-UKE-2020-mitt-oslo@styr"]["SUMMARY"])
assert events["letter-UKE-2020-1@styr"].decoded("DTSTART") == date(2020, 4, 2)
meetings = [e for uid, e in events.items() if uid.startswith("meeting-")]
assert len(meetings) == 4, len(meetings)
# Every line is folded to at most 75 octets and ends in CRLF.
assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "unfolded line"
assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")

# A renewed token replaces the old one.
try:
    urllib.request.urlopen(f"{base}/kalender/{old}.ics")
    raise AssertionError("the old calendar token still works")
except urllib.error.HTTPError as error:
    assert error.code == 404, error.code

print(f"iCalendar feed: {len(events)} events parsed by icalendar {icalendar.__version__}; old token refused")

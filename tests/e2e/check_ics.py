#!/usr/bin/python3
"""Strict checks of an iCalendar file written by `tend plan ics`, for the end-to-end tests.

Usage: check_ics.py FILE UNTIL
Checks the octet-level rules of RFC 5545 itself (CRLF line endings, lines of at most 75
octets, continuation lines starting with a space, properties every VEVENT must have), then
parses the file with python3-icalendar and expands each RRULE with dateutil up to UNTIL
(YYYY-MM-DD). Prints one line per event, "SUMMARY|DTSTART|RRULE|occurrences", then "ok".
Exits 1 with a message on the first violation.
"""
import datetime
import sys

import icalendar
from dateutil.rrule import rrulestr


def fail(message):
    print(f"invalid: {message}")
    sys.exit(1)


def check_octets(data):
    if not data.endswith(b"\r\n"):
        fail("the file does not end with CRLF")
    lines = data[:-2].split(b"\r\n")
    for number, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            fail(f"line {number} has a bare LF or CR")
        if len(line) > 75:
            fail(f"line {number} is {len(line)} octets long")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            fail(f"line {number} splits a UTF-8 character")
    return lines


def main():
    path, until_text = sys.argv[1], sys.argv[2]
    data = open(path, "rb").read()
    check_octets(data)
    calendar = icalendar.Calendar.from_ical(data.decode("utf-8"))
    for required in ("VERSION", "PRODID"):
        if required not in calendar:
            fail(f"the calendar has no {required}")
    until = datetime.datetime.fromisoformat(until_text + "T23:59:59")
    uids = set()
    for event in calendar.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "RRULE"):
            if required not in event:
                fail(f"an event has no {required}")
        uid = str(event["UID"])
        if uid in uids:
            fail(f"the UID {uid} is used twice")
        uids.add(uid)
        if not str(event.decoded("DTSTAMP").tzinfo) == "UTC":
            fail("DTSTAMP is not in UTC")
        if not event.walk("VALARM"):
            fail(f"the event {uid} has no alarm")
        start = event.decoded("DTSTART")
        rule = event["RRULE"].to_ical().decode()
        occurrences = list(rrulestr(rule, dtstart=start).between(start, until, inc=True))
        print(f"{event['SUMMARY']}|{start.isoformat()}|{rule}|{len(occurrences)}")
    print("ok")


main()

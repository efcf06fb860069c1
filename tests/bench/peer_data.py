#!/usr/bin/env python3
"""Writes the peers' data for tests/bench/run: the same number of records as tend's synthetic
journal (YEARS x PER_DAY, ending on END), as a timewarrior database (one file per month) and as a
ledger journal (read by ledger and hledger).

usage: peer_data.py FOLDER YEARS PER_DAY END
"""
import datetime
import pathlib
import sys

KINDS = ["kegels", "stretch", "dilate", "relax", "kegels", "massage", "pain", "note", "kegels",
         "dilate", "sex", "kegels"]
MINUTES = [450, 480, 600, 720, 780, 900, 1020, 1080, 1140, 1230, 1290, 1350]


def main():
    folder, years, per_day, end = pathlib.Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), \
        datetime.date.fromisoformat(sys.argv[4])
    start = end - datetime.timedelta(days=365 * years + years // 4 - 1)
    timew = folder / "timew"
    (timew / "data").mkdir(parents=True, exist_ok=True)
    (timew / "timewarrior.cfg").write_text("")
    months = {}
    ledger = []
    count = 0
    day = start
    while day <= end:
        for slot in range(per_day):
            kind = KINDS[slot % len(KINDS)]
            minute = MINUTES[slot % len(MINUTES)] + slot // 12
            begin = datetime.datetime.combine(day, datetime.time()) + datetime.timedelta(
                minutes=minute)
            finish = begin + datetime.timedelta(minutes=10 + slot)
            months.setdefault(day.strftime("%Y-%m"), []).append(
                f"inc {begin:%Y%m%dT%H%M%S}Z - {finish:%Y%m%dT%H%M%S}Z # {kind}\n")
            ledger.append(f"{day.isoformat()} {kind}\n    Sessions:{kind}    {10 + slot} min\n"
                          f"    Time\n\n")
            count += 1
        day += datetime.timedelta(days=1)
    for month, lines in months.items():
        (timew / "data" / f"{month}.data").write_text("".join(lines))
    (folder / "journal.ledger").write_text("".join(ledger))
    print(f"{count} records for timewarrior, ledger and hledger, {start} - {end}")


if __name__ == "__main__":
    main()

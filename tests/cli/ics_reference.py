# What Python's icalendar (Debian's python3-icalendar) reads from an .ics
# file: one JSON object per VEVENT component, for tests/cli/import.rs to
# compare with what studyplan imported. Prints {"error": ...} when the
# library refuses the file as a whole.
import datetime
import json
import sys

import icalendar

data = open(sys.argv[1], "rb").read()
try:
    cals = icalendar.Calendar.from_ical(data, multiple=True)
except Exception as e:  # the library gives up on the file
    print(json.dumps({"error": str(e)}))
    sys.exit(0)

out = []
for cal in cals:
    for ev in cal.walk("VEVENT"):
        start = ev.get("DTSTART")
        item = {
            "uid": str(ev.get("UID")) if ev.get("UID") is not None else None,
            "summary": str(ev.get("SUMMARY", "")),
            "status": str(ev.get("STATUS", "")).upper(),
            "recurring": any(k in ev for k in ("RRULE", "RDATE", "RECURRENCE-ID")),
            "start_utc": None,
            "date": None,
        }
        if start is not None:
            dt = start.dt
            if isinstance(dt, datetime.datetime) and dt.tzinfo is not None:
                item["start_utc"] = dt.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
            elif isinstance(dt, datetime.date) and not isinstance(dt, datetime.datetime):
                item["date"] = dt.isoformat()
        out.append(item)
print(json.dumps({"events": out}))

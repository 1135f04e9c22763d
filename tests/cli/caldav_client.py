# A third CalDAV client for the sync tests, as a phone or another calendar
# app would be: Python's caldav library (installed by scripts/lib.sh
# need_radicale). Usage: caldav_client.py URL USER PASSWORD ACTION [ARG]
#   list            every studyplan calendar and its items, as JSON
#   rewrite UID     save the item again the way some servers and apps do:
#                   properties reordered, a new DTSTAMP, a VTIMEZONE added
#   delete UID      delete the item
#   complete UID    tick the task, as a phone's task app does
#   read HREF       the UIDs in the calendar at HREF (someone else's,
#                   shared with USER), as JSON
#   put HREF UID    try to add an event there; prints the HTTP outcome
import json
import sys
from datetime import datetime, timezone

import caldav

url, user, password, action = sys.argv[1:5]
arg = sys.argv[5] if len(sys.argv) > 5 else None
client = caldav.DAVClient(url=url, username=user, password=password)
if action in ("read", "put"):
    cal = client.calendar(url=arg)
    if action == "read":
        print(json.dumps(sorted(str(o.icalendar_component.get("UID")) for o in cal.objects(load_objects=True))))
    else:
        uid = sys.argv[6]
        try:
            cal.save_event(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//phone//EN\r\nBEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260105T080000Z\r\nDTEND:20260105T090000Z\r\nSUMMARY:not yours\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
            print("written")
        except caldav.lib.error.DAVError as e:
            print(f"refused: {type(e).__name__}")
    sys.exit(0)
calendars = [c for c in client.principal().calendars() if "studyplan-" in str(c.url)]


def objects():
    for cal in calendars:
        # Listed, then read one by one, as a simple client does.
        for obj in cal.objects(load_objects=False):
            try:
                obj.load()
            except caldav.lib.error.NotFoundError:
                continue
            yield cal, obj


def find(uid):
    for cal, obj in objects():
        if f"UID:{uid}" in obj.data:
            return obj
    sys.exit(f"no item {uid}")


if action == "list":
    out = []
    for cal, obj in objects():
        comp = obj.icalendar_component
        out.append({
            "calendar": str(cal.url),
            "component": comp.name,
            "uid": str(comp.get("UID")),
            "summary": str(comp.get("SUMMARY", "")),
            "status": str(comp.get("STATUS", "")),
        })
    print(json.dumps(out))
elif action == "rewrite":
    obj = find(arg)
    lines = obj.data.replace("\r\n ", "").splitlines()
    begin = next(i for i, l in enumerate(lines) if l in ("BEGIN:VEVENT", "BEGIN:VTODO"))
    end = next(i for i, l in enumerate(lines) if l in ("END:VEVENT", "END:VTODO"))
    body = [l for l in lines[begin + 1:end] if not l.startswith("DTSTAMP")]
    body.reverse()
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    tz = ["BEGIN:VTIMEZONE", "TZID:UTC", "BEGIN:STANDARD", "DTSTART:19700101T000000",
          "TZOFFSETFROM:+0000", "TZOFFSETTO:+0000", "END:STANDARD", "END:VTIMEZONE"]
    new = lines[:begin] + ["X-REWRITTEN-BY:test"] + tz + [lines[begin], f"DTSTAMP:{stamp}"] + body + lines[end:]
    obj.data = "\r\n".join(new) + "\r\n"
    obj.save()
elif action == "delete":
    find(arg).delete()
elif action == "complete":
    obj = find(arg)
    obj.icalendar_component["STATUS"] = "COMPLETED"
    obj.icalendar_component["PERCENT-COMPLETE"] = 100
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    data = obj.data
    obj.data = data.replace("STATUS:NEEDS-ACTION", "STATUS:COMPLETED").replace("PERCENT-COMPLETE:0", "PERCENT-COMPLETE:100")
    if "LAST-MODIFIED" in obj.data:
        import re
        obj.data = re.sub(r"LAST-MODIFIED:\d{8}T\d{6}Z", "LAST-MODIFIED:" + stamp, obj.data)
    else:
        obj.data = obj.data.replace("END:VTODO", "LAST-MODIFIED:" + stamp + "\r\nEND:VTODO")
    obj.save()
else:
    sys.exit(f"unknown action {action}")

# A calendar feed on 127.0.0.1 for the subscription tests: serves the files
# of a folder with an ETag (the content's hash) and Last-Modified, answers
# If-None-Match with 304, /forbidden.ics with 403, and logs each request's
# path, status and validators to requests.log in that folder. Prints its
# port, then serves until killed.
import hashlib
import http.server
import os
import sys
from email.utils import formatdate

ROOT = sys.argv[1]


class Feed(http.server.BaseHTTPRequestHandler):
    def log(self, status):
        with open(os.path.join(ROOT, "requests.log"), "a") as f:
            inm = self.headers.get("If-None-Match") or "-"
            ims = self.headers.get("If-Modified-Since") or "-"
            f.write(f"{self.path} {status} {inm} {ims}\n")

    def do_GET(self):
        if self.path == "/forbidden.ics":
            self.log(403)
            self.send_response(403)
            self.end_headers()
            return
        path = os.path.join(ROOT, self.path.lstrip("/"))
        if not os.path.isfile(path):
            self.log(404)
            self.send_response(404)
            self.end_headers()
            return
        body = open(path, "rb").read()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.log(304)
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.log(200)
        self.send_response(200)
        self.send_header("Content-Type", "text/calendar; charset=utf-8")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", formatdate(os.path.getmtime(path), usegmt=True))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Feed)
print(server.server_address[1], flush=True)
server.serve_forever()

#!/usr/bin/env python3
"""fault_server.py — a small HTTP server on 127.0.0.1 that misbehaves on
purpose, for tests/fetch/run-fetch-tests.sh.

usage: fault_server.py PORTFILE [SITEDIR] [DELAY_MS]

Binds 127.0.0.1 on a free port and writes the port to PORTFILE.  Paths:
  /ok                      200 text/html
  /flaky/<key>             500 twice, then 200 (per key)
  /always500               500 every time
  /once-then-500           200 the first time, then 500
  /429/<key>               429 with Retry-After: 1 once, then 200
  /slow                    waits 3 s, then 200
  /truncated               Content-Length 10000, sends 100 bytes, closes
  /wrongtype.xlsx          200 text/html (an error page instead of a file)
  /loop                    302 -> /loop2 -> /loop -> ...
  /offhost                 302 -> http://evil.example.invalid/x
  /big                     200 with 2 MiB
  /etag                    ETag "v1"; If-None-Match "v1" -> 304
  /count                   how many requests each path got (text)
  /times/<key>             200, and records the arrival time of each request
  /times-report/<key>      the arrival times (ms since the first), one per line
  /site/<path>             SITEDIR/<path> (a full mirror), after DELAY_MS
  /uploads/bigpdf/<n>.pdf  200 application/pdf, 31 MiB (generated)
  /uploads/bigdoc/<n>.doc  200 application/msword, the same 31 MiB
  /uploads/trickle/<n>.xlsx 200, 64 KiB sent at 220 bytes/s (5 minutes)
  /robots.txt              Disallow: /private/
"""
import http.server
import os
import socketserver
import sys
import threading
import time
from urllib.parse import unquote

PORTFILE = sys.argv[1]
SITE = sys.argv[2] if len(sys.argv) > 2 else None
DELAY = int(sys.argv[3]) / 1000.0 if len(sys.argv) > 3 else 0.0
counts = {}
times = {}
lock = threading.Lock()

TYPES = {".html": "text/html", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         ".pdf": "application/pdf", ".txt": "text/plain"}


class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True     # no 40 ms delayed-ACK stalls on keep-alive

    def log_message(self, *a):
        pass

    def send(self, code, body=b"", ctype="text/html", headers=None):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        p = self.path.split("?")[0]
        with lock:
            n = counts[p] = counts.get(p, 0) + 1
        page = b"<html><body><p>ok</p></body></html>"
        if p == "/robots.txt":
            return self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if p == "/ok" or p.startswith("/private/"):
            return self.send(200, page)
        if p.startswith("/flaky/"):
            return self.send(500, b"oops") if n <= 2 else self.send(200, page)
        if p == "/once-then-500":
            return self.send(200, page) if n == 1 else self.send(500, b"oops")
        if p == "/always500":
            return self.send(500, b"oops")
        if p.startswith("/429/"):
            return self.send(429, b"slow down", headers={"Retry-After": "1"}) if n == 1 else self.send(200, page)
        if p == "/slow":
            time.sleep(3)
            return self.send(200, page)
        if p == "/truncated":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "10000")
            self.end_headers()
            self.wfile.write(b"x" * 100)
            self.wfile.flush()
            self.close_connection = True
            return
        if p == "/wrongtype.xlsx":
            return self.send(200, b"<html><body>Error: file not found</body></html>")
        if p == "/loop":
            return self.send(302, headers={"Location": "/loop2"})
        if p == "/loop2":
            return self.send(302, headers={"Location": "/loop"})
        if p == "/offhost":
            return self.send(302, headers={"Location": "http://evil.example.invalid/x"})
        if p == "/big":
            return self.send(200, b"a" * (2 << 20), "application/octet-stream")
        if p == "/etag":
            if self.headers.get("If-None-Match") == '"v1"':
                return self.send(304, headers={"ETag": '"v1"'})
            return self.send(200, page, headers={"ETag": '"v1"'})
        if p == "/count":
            body = "".join("%s %d\n" % kv for kv in sorted(counts.items())).encode()
            return self.send(200, body, "text/plain")
        if p.startswith("/times/"):
            with lock:
                times.setdefault(p[7:], []).append(time.monotonic())
            return self.send(200, page)
        if p.startswith("/times-report/"):
            t = times.get(p[14:], [])
            body = "".join("%d\n" % round((x - t[0]) * 1000) for x in t).encode()
            return self.send(200, body, "text/plain")
        if p.startswith("/uploads/bigpdf/") or p.startswith("/uploads/bigdoc/"):
            n = 31 << 20
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf" if p.endswith(".pdf") else "application/msword")
            self.send_header("Content-Length", str(n))
            self.end_headers()
            chunk = b"%PDF-1.4\n" + b"0" * 65526
            for _ in range(n // len(chunk)):
                self.wfile.write(chunk)
            self.wfile.write(chunk[:n % len(chunk)])
            return
        if p.startswith("/uploads/trickle/"):
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", "65536")
            self.end_headers()
            for _ in range(65536 // 22):
                self.wfile.write(b"P" * 22)
                self.wfile.flush()
                time.sleep(0.1)
            self.close_connection = True
            return
        if p.startswith("/site/") and SITE:
            if DELAY:
                time.sleep(DELAY)
            rel = unquote(p[6:])
            full = os.path.realpath(os.path.join(SITE, rel))
            if not full.startswith(os.path.realpath(SITE) + os.sep) or not os.path.isfile(full):
                return self.send(404, b"not found")
            st = os.stat(full)
            etag = '"%x-%x"' % (int(st.st_mtime), st.st_size)
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, headers={"ETag": etag})
            with open(full, "rb") as f:
                body = f.read()
            return self.send(200, body, TYPES.get(os.path.splitext(full)[1], "application/octet-stream"),
                             {"ETag": etag})
        return self.send(404, b"not found")


class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def handle_error(self, request, client_address):
        pass    # clients that hang up on purpose (timeouts, size limits, kill -9)


srv = S(("127.0.0.1", 0), H)
with open(PORTFILE + ".tmp", "w") as f:
    f.write(str(srv.server_address[1]))
os.rename(PORTFILE + ".tmp", PORTFILE)
srv.serve_forever()

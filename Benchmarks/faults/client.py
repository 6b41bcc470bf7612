#!/usr/bin/env python3
"""Traffic for Benchmarks/faults.sh (standard library only).

  client.py reads BASE SESSION TOKEN CSRF SECONDS OUT  a page, an API resource and a form POST in turn from
                                                     4 threads; one line per answer: time status kind words
  client.py writes BASE SESSION CSRF PREFIX OUT     form POSTs of steering signals from 4 threads until
                                                     killed or the server is gone; writes the text of every
                                                     signal answered 303 (committed), one a line, flushed
"""
import http.client
import sys
import threading
import time
import urllib.parse


def request(base, method, path, headers, body=None):
    url = urllib.parse.urlparse(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=15)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def reads(base, session, token, csrf, seconds, out):
    lock = threading.Lock()
    end = time.time() + float(seconds)
    targets = [
        ("page", "/organisasjoner/UKE/indikatorer/2020", {"Cookie": f"styr_session={session}"}),
        ("api", "/api/v1/organisations/UKE/indicators/2020", {"Authorization": f"Bearer {token}"}),
        ("form", "/organisasjoner/UKE/signaler/ny",
         {"Cookie": f"styr_session={session}", "Content-Type": "application/x-www-form-urlencoded"}),
    ]
    with open(out, "w") as log:
        def worker(index):
            n = 0
            while time.time() < end:
                kind, path, headers = targets[(index + n) % 3]
                n += 1
                body = None
                if kind == "form":
                    body = urllib.parse.urlencode({"_csrf": csrf, "tekst": f"Omstart {index}-{n}", "gitt_av": "Feiltest",
                                                   "dato": "15.03.2021", "opphav": "other", "sted": "Telefon", "mote": ""})
                try:
                    status, body = request(base, "POST" if body else "GET", path, headers, body)
                except Exception as error:  # the server itself unreachable: that is a failure
                    status, body = 0, type(error).__name__
                words = " ".join(body.replace("\n", " ").split())
                marker = "databasen" if "databasen" in words.lower() else words[:40]
                with lock:
                    log.write(f"{time.time():.3f} {status} {kind} {marker}\n")
                    log.flush()
                time.sleep(0.02)
        threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()


def writes(base, session, csrf, prefix, out):
    lock = threading.Lock()
    with open(out, "w") as log:
        def worker(index):
            n = 0
            while True:
                n += 1
                text = f"{prefix} {index}-{n}"
                body = urllib.parse.urlencode({"_csrf": csrf, "tekst": text, "gitt_av": "Feiltest", "dato": "15.03.2021",
                                               "opphav": "other", "sted": "Telefon", "mote": ""})
                try:
                    status, _ = request(base, "POST", "/organisasjoner/UKE/signaler/ny",
                                        {"Cookie": f"styr_session={session}", "Content-Type": "application/x-www-form-urlencoded"}, body)
                except Exception:
                    return  # the server is gone
                if status == 303:
                    with lock:
                        log.write(text + "\n")
                        log.flush()
        threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()


if __name__ == "__main__":
    {"reads": reads, "writes": writes}[sys.argv[1]](*sys.argv[2:])

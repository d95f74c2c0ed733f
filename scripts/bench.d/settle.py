#!/usr/bin/env python3
"""Settles a seeded cohort for scripts/bench: one pain score for every patient listed, in order, through the API, so
that the rules have answered each patient once before anything is measured. The bulk seed bypasses the rules, so a
patient's first score after it gets advice (a titration, a rescue dose, a referral that opens a refractory case) that a
patient charted all along would have had pending already; measured at random over 100,000 patients, most ingests would
be such first scores. The scores are drawn as the measured ingest draws them (bench.d/hotpath.lua).

Prints one line: settled=N acked=A errors=E seconds=S rps=R. Stops by itself after --seconds, with what is left
counted as not settled; exits non-zero when any patient was not answered 201.

usage: settle.py BASE_URL TOKEN IDS_FILE --workers N --seconds S
"""
import argparse
import http.client
import json
import queue
import random
import threading
import time
import urllib.parse
from datetime import datetime, timedelta, timezone


def score_body(patient_id, recorded_at):
    return json.dumps({
        "externalId": "settle-" + patient_id, "recordedAt": recorded_at, "scale": "NRS",
        "value": random.randint(0, 10), "kind": "BACKGROUND", "site": "ABDOMEN_UPPER",
        "mechanism": "NOCICEPTIVE_VISCERAL", "course": "CHRONIC",
        "breakthroughEpisodes24h": random.randint(0, 4), "source": "EHR"})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base_url")
    parser.add_argument("token")
    parser.add_argument("ids_file")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seconds", type=float, required=True)
    args = parser.parse_args()

    url = urllib.parse.urlsplit(args.base_url)
    patients = queue.SimpleQueue()
    with open(args.ids_file) as ids:
        for line in ids:
            if line.strip():
                patients.put(line.strip())
    total = patients.qsize()
    deadline = time.monotonic() + args.seconds
    counts = {"acked": 0, "errors": 0}
    lock = threading.Lock()

    def work():
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        headers = {"Authorization": "Bearer " + args.token, "Content-Type": "application/json"}
        while time.monotonic() < deadline:
            try:
                patient_id = patients.get_nowait()
            except queue.Empty:
                break
            recorded_at = (datetime.now(timezone.utc) - timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
            try:
                connection.request("POST", "/api/v1/patients/%s/pain-assessments" % patient_id,
                                   score_body(patient_id, recorded_at), headers)
                response = connection.getresponse()
                response.read()
                acked = response.status == 201
            except (OSError, http.client.HTTPException):
                connection.close()
                acked = False
            with lock:
                counts["acked" if acked else "errors"] += 1
        connection.close()

    started = time.monotonic()
    workers = [threading.Thread(target=work) for _ in range(args.workers)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    seconds = time.monotonic() - started
    settled = counts["acked"] + counts["errors"]
    print("settled=%d acked=%d errors=%d seconds=%.1f rps=%.1f" % (
        settled, counts["acked"], counts["errors"] + total - settled, seconds, settled / seconds if seconds else 0))
    raise SystemExit(0 if counts["acked"] == total else 1)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Turns the statements the service sent for one pain-score ingest into a pgbench script (scripts/bench ceiling 2).

Reads a PostgreSQL log written with log_statement=all, finds the transaction whose parameters carry the marker
externalId, and writes its statements with their parameters inlined: the patient's id becomes the pgbench patient
:i, and so do the ids of the rows the seed made for that patient (bench-seed.sql names them md5(PREFIX || i): the
regimen the live state names, the open case), every other id a fresh one per transaction, the externalId a fresh one. INSERTs get ON CONFLICT DO NOTHING so a
replay never aborts on a uniqueness the real service would have avoided by reading first (the pending-move slot).

usage: capture.py LOGFILE MARKER PATIENT_NUMBER OUT_SCRIPT [CHAIN_ID]   (PATIENT_NUMBER: the i of the seeded patient
md5('p' || i) the marker was sent for; prints the number of statements, BEGIN/COMMIT included). With CHAIN_ID, the
audit events the replay inserts go to chain 'pgbench' instead, so that the bench can remove them: their MACs are not
the service's.
"""
import hashlib
import re
import sys

LINE = re.compile(r"^\S+ \S+ \S+ \[(\d+)\] \S*@\S* (LOG|DETAIL):\s+(.*)$")
PARAM = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")
UUID = re.compile(r"'([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'")


def records(path):
    """(pid, kind, text) per log record, continuation lines joined."""
    current = None
    with open(path, encoding="utf-8", errors="replace") as log:
        for raw in log:
            match = LINE.match(raw.rstrip("\n"))
            if match:
                if current:
                    yield current
                current = [match.group(1), match.group(2), match.group(3)]
            elif current and (raw.startswith("\t") or raw.startswith(" ")):
                current[2] += "\n" + raw.strip("\n")
            else:
                if current:
                    yield current
                current = None
    if current:
        yield current


def statements(path):
    """Per pid, the list of [sql, params] in the order sent."""
    by_pid = {}
    for pid, kind, text in records(path):
        if kind == "LOG":
            found = re.match(r"(?:execute [^:]+|statement): (.*)", text, re.S)
            if found:
                by_pid.setdefault(pid, []).append([found.group(1).strip(), {}])
        elif kind == "DETAIL" and text.startswith("parameters:") and by_pid.get(pid):
            by_pid[pid][-1][1] = {int(n): v for n, v in PARAM.findall(text)}
    return by_pid


def seeded_uuid(name):
    """PostgreSQL's CAST(md5(name) AS uuid)."""
    digest = hashlib.md5(name.encode()).hexdigest()
    return "-".join((digest[:8], digest[8:12], digest[12:16], digest[16:20], digest[20:]))


def seeded_rows_of(number):
    """The ids bench-seed.sql gave the rows of seeded patient number i, each as its pgbench expression of :i."""
    return {seeded_uuid("%s%d" % (prefix, number)): "(md5('%s' || :i)::uuid)" % prefix for prefix in "prc"}


def inline(sql, params):
    for n in sorted(params, reverse=True):
        sql = re.sub(r"\$%d(?!\d)" % n, lambda _m, v=params[n]: v, sql)
    return sql


def main():
    log_path, marker, patient_number, out = sys.argv[1:5]
    chain = sys.argv[5] if len(sys.argv) > 5 else None
    for pid, sent in statements(log_path).items():
        hits = [k for k, (sql, params) in enumerate(sent) if marker in sql or any(marker in v for v in params.values())]
        if not hits:
            continue
        start = hits[0]
        while start > 0 and not re.match(r"(?i)(commit|rollback)\b", sent[start - 1][0]):
            start -= 1
        end = hits[0]
        while end < len(sent) - 1 and not re.match(r"(?i)commit\b", sent[end][0]):
            end += 1
        transaction = [inline(sql, params) for sql, params in sent[start:end + 1]]
        break
    else:
        sys.exit("marker %s not found in %s" % (marker, log_path))

    fresh = {}
    patients_rows = seeded_rows_of(int(patient_number))

    def replace_uuid(match):
        value = match.group(1)
        if value in patients_rows:
            return patients_rows[value]
        fresh.setdefault(value, len(fresh) + 1)
        return "(md5('x%d-' || :u)::uuid)" % fresh[value]

    lines = ["-- Captured from the service's statement log by scripts/bench: one pain-score ingest as sent.",
             "\\set i random(1, :patients)", "\\set u random(1, 9000000000000000000)"]
    for sql in transaction:
        sql = UUID.sub(replace_uuid, sql.replace("'%s'" % marker, "('wrk-' || :u)"))
        if chain and re.match(r"(?i)insert into audit_event\b", sql):
            sql = sql.replace("'%s'" % chain, "'pgbench'")
        if re.match(r"(?i)insert\b", sql) and "on conflict" not in sql.lower():
            sql += " ON CONFLICT DO NOTHING"
        lines.append(sql.replace("\n", " ") + ";")
    with open(out, "w", encoding="utf-8") as script:
        script.write("\n".join(lines) + "\n")
    print(len(transaction))


if __name__ == "__main__":
    main()

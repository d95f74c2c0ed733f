#!/usr/bin/env python3
"""Where the service's CPU went during one bench phase, so that a missed goal comes with the profile that explains it.

  profile.py threads PID > SNAPSHOT          the CPU ticks of each of the JVM's threads, by thread name
  profile.py per-thread BEFORE AFTER REQUESTS the CPU ms per request of each kind of thread between two snapshots
                                             (JIT compilers, GC and the audit sealer are not in JFR's samples)
  profile.py compiler-share BEFORE AFTER     the JIT compilers' share (%) of the JVM's CPU between two snapshots
  profile.py samples SAMPLES.txt [TOP]       reads `jfr print --stack-depth 64 --events jdk.ExecutionSample`: the
                                             share of samples per layer (the innermost frame of a known layer
                                             decides, so a JDK frame counts for the layer that called it) and the
                                             hottest frames of the service's own code and of the libraries, a JDK
                                             frame with the code that called it most often
"""
import collections
import json
import os
import re
import sys

# Checked in order: the first layer whose prefix an innermost frame matches takes the sample.
LAYERS = [
    ("rules (domain)", ("org.painladder.domain.",)),
    ("painladder (app, api, persistence)", ("org.painladder.",)),
    ("Hibernate ORM", ("org.hibernate.",)),
    ("JDBC driver", ("org.postgresql.", "org.h2.")),
    ("connection pool, transactions", ("io.agroal.", "com.arjuna.", "io.quarkus.narayana.")),
    ("JSON (Jackson)", ("com.fasterxml.jackson.",)),
    ("token verification (JWT, crypto)", ("io.smallrye.jwt.", "org.jose4j.", "sun.security.", "java.security.",
                                          "javax.crypto.", "com.sun.crypto.")),
    ("HTTP (Vert.x, Netty, REST)", ("io.vertx.", "io.netty.", "org.jboss.resteasy.", "io.quarkus.resteasy.",
                                    "io.quarkus.vertx.")),
    ("CDI, security, other Quarkus", ("io.quarkus.", "io.smallrye.", "io.micrometer.")),
]
FRAME = re.compile(r"^\s+([\w.$<>]+)\(")
JDK = ("java.", "javax.", "jdk.", "sun.", "com.sun.")


def layer_of(stack):
    for frame in stack:
        for name, prefixes in LAYERS:
            if frame.startswith(prefixes):
                return name
    return "JDK and other"


def thread_ticks(pid):
    """user + system ticks of each of the JVM's threads, keyed "tid name"."""
    ticks = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/stat", encoding="utf-8") as stat:
                line = stat.read()
        except OSError:
            continue
        name = line[line.index("(") + 1:line.rindex(")")]
        fields = line[line.rindex(")") + 2:].split()
        ticks[f"{task} {name}"] = int(fields[11]) + int(fields[12])
    return ticks


def spent_between(before_path, after_path):
    """Ticks spent per kind of thread (executor-thread-7 -> executor-thread-), thread by thread: a pool retires idle
    threads and starts new ones, so the sums of a kind can fall while it works. A thread started in between counts
    whole; one that ended in between is missing (its ticks left with it)."""
    before = json.load(open(before_path, encoding="utf-8"))
    after = json.load(open(after_path, encoding="utf-8"))
    spent = collections.Counter()
    for thread, count in after.items():
        spent[re.sub(r"\d+", "", thread.split(" ", 1)[1])] += count - before.get(thread, 0)
    return +spent


def compiler_share(before_path, after_path):
    spent = spent_between(before_path, after_path)
    compilers = sum(count for name, count in spent.items() if "CompilerThre" in name)
    print(f"{100.0 * compilers / max(1, sum(spent.values())):.0f}")


def per_thread(before_path, after_path, requests):
    spent = spent_between(before_path, after_path)
    hertz = os.sysconf("SC_CLK_TCK")
    total = sum(spent.values())
    print(f"JVM CPU by thread: {1000.0 * total / hertz / requests:.2f} ms per request")
    for name, count in spent.most_common(10):
        print(f"  {1000.0 * count / hertz / requests:5.2f} ms  {100.0 * count / total:5.1f} %  {name}")


def samples(path, top):
    samples = []
    stack = None
    with open(path, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.startswith("jdk.ExecutionSample"):
                stack = []
            elif stack is not None and "stackTrace = [" in line:
                continue
            elif stack is not None and line.strip() == "]":
                samples.append(stack)
                stack = None
            elif stack is not None:
                match = FRAME.match(line)
                if match:
                    stack.append(match.group(1))
    if not samples:
        print("no execution samples")
        return
    layers = collections.Counter(layer_of(stack) for stack in samples)
    own = collections.Counter(next((f for f in stack if f.startswith("org.painladder.")), None) for stack in samples)
    own.pop(None, None)
    leaves = collections.Counter(stack[0] for stack in samples if stack)
    # A JDK frame says little alone (HashMap.getNode): name the code outside the JDK that called it most often.
    callers = collections.defaultdict(collections.Counter)
    for stack in samples:
        if stack:
            callers[stack[0]][next((f for f in stack[1:] if not f.startswith(JDK)), "")] += 1
    total = len(samples)
    print(f"{total} samples")
    for name, count in layers.most_common():
        print(f"  {100.0 * count / total:5.1f} %  {name}")
    print("innermost project frames:")
    for frame, count in own.most_common(top):
        print(f"  {100.0 * count / total:5.1f} %  {frame}")
    print("hottest frames:")
    for frame, count in leaves.most_common(top):
        caller = callers[frame].most_common(1)[0][0] if frame.startswith(JDK) else ""
        print(f"  {100.0 * count / total:5.1f} %  {frame}" + (f"  (mostly from {caller})" if caller else ""))


if __name__ == "__main__":
    if sys.argv[1] == "threads":
        json.dump(thread_ticks(sys.argv[2]), sys.stdout)
    elif sys.argv[1] == "compiler-share":
        compiler_share(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "per-thread":
        per_thread(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        samples(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 12)

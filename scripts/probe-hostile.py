#!/usr/bin/env python3
"""Run backprop-tui on hostile inputs, each under a 4 GB address-space cap, and check it holds.

Every case runs the real binary through `/bin/sh -c 'ulimit -v 4194304; exec ...'` in a fresh
temporary folder, with a timeout, and checks:

  - the exit status is one the case allows (never a signal, never a Swift trap or abort);
  - a refusal prints exactly one line on stderr, of readable length (at most 300 characters);
  - it ends within the case's time limit (no hang), and its peak memory (RSS, from
    /usr/bin/time) stays under the case's bound;
  - nothing is left behind: no `.tmp` file in the folder.

It prints one line a case (status, seconds, peak MB, the stderr line) and exits 1 if any case
failed. The cases are the program's stated limits (README, "Limits") pushed from outside:
special files, oversize and piped input, huge networks drawn at huge sizes, exports of big
networks, non-finite parameters, closed and full outputs, signals, absurd numbers.

Run:  python3 scripts/probe-hostile.py --binary .build/debug/backprop-tui [--only NAME]
Only the Python 3 standard library (and /usr/bin/time) is needed.
"""

import argparse
import os
import shlex
import signal
import subprocess
import sys
import tempfile
import time

CAP_KB = 4 * 1024 * 1024
XOR = "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n"


def write(folder, name, text):
    path = os.path.join(folder, name)
    with open(path, "w") as handle:
        handle.write(text)
    return path


def big_json_scenario(folder, samples):
    rows = ",".join("[0.5]" for _ in range(samples))
    targets = ",".join("[1]" for _ in range(samples))
    text = '{"x": [%s], "y": [%s], "w": [[0.1]], "b": [0], "learningRate": 0.1}' % (rows, targets)
    return write(folder, "big.json", text)


class Case:
    def __init__(self, name, args, allowed, *, seconds=60, peak_mb=1500, lines=None, prepare=None,
                 shell_tail="", check=None, kill_after=None, stdin=None):
        self.name = name
        self.args = args
        self.allowed = allowed
        self.seconds = seconds
        self.peak_mb = peak_mb
        # Exact stderr line count wanted; None: one line when refused, any when it succeeded.
        self.lines = lines
        self.prepare = prepare
        self.shell_tail = shell_tail
        self.check = check
        self.kill_after = kill_after
        self.stdin = stdin


def cases():
    huge_lr = "1" + "0" * 10000
    return [
        Case("data /dev/zero", ["--data", "/dev/zero", "--headless"], {65}, seconds=5, peak_mb=200),
        Case("scenario /dev/zero", ["--scenario", "/dev/zero", "--headless"], {65}, seconds=5, peak_mb=200),
        Case("oversize scenario (sparse 100 MB)", ["--scenario", "sparse.json", "--headless"], {65},
             seconds=5, peak_mb=200,
             prepare=lambda d: os.truncate(write(d, "sparse.json", ""), 100 * 1024 * 1024)),
        Case("endless pipe as scenario", ["--scenario", "/dev/stdin", "--headless"], {65}, seconds=20,
             peak_mb=400, stdin="yes"),
        Case("JSON of 150,000 samples", ["--scenario", "big.json", "--headless", "--steps", "1"], {65},
             seconds=30, peak_mb=1500, prepare=lambda d: big_json_scenario(d, 150_000)),
        Case("JSON of 100,000 samples", ["--scenario", "big.json", "--headless", "--steps", "2"], {0},
             seconds=60, peak_mb=1500, prepare=lambda d: big_json_scenario(d, 100_000)),
        Case("hidden 999999999", ["--data", "xor.csv", "--hidden", "999999999", "--headless"], {64, 65},
             seconds=5, peak_mb=200),
        Case("hidden 5000,5000", ["--data", "xor.csv", "--hidden", "5000,5000", "--headless"], {64, 65},
             seconds=5, peak_mb=200),
        Case("hidden 100000 at 300x80", ["--data", "xor.csv", "--hidden", "100000", "--snapshot", "--size",
                                         "300x80"], {0}, seconds=60, peak_mb=1000),
        Case("hidden 100000 at 120x40, c", ["--data", "xor.csv", "--hidden", "100000", "--snapshot", "--size",
                                            "120x40", "--keys", "c"], {0}, seconds=60, peak_mb=1000),
        Case("hidden 10000 at 1000x1000", ["--data", "xor.csv", "--hidden", "10000", "--snapshot", "--size",
                                           "1000x1000"], {0, 64}, seconds=60, peak_mb=1500),
        Case("export of hidden 2000 after 10,000 steps", ["--data", "xor.csv", "--hidden", "2000", "--snapshot",
                                                          "--steps", "10000", "--keys", "e"], {0},
             seconds=300, peak_mb=1000,
             check=lambda d, out, err: None if any(n.endswith(".csv") and n.startswith("backprop-trace")
                                                   for n in os.listdir(d)) else "no trace file written"),
        Case("150 exports in one second", ["--snapshot", "--keys", "e" * 150], {0}, seconds=60, peak_mb=500,
             check=lambda d, out, err: None if sum(n.startswith("backprop-trace") for n in os.listdir(d)) == 150
             else "%d trace files, not 150" % sum(n.startswith("backprop-trace") for n in os.listdir(d))),
        Case("SIGTERM during an export", ["--data", "xor.csv", "--hidden", "2000", "--snapshot", "--steps",
                                          "1000", "--keys", "e"], {143}, seconds=60, peak_mb=1000,
             kill_after=30.0, lines=0,
             check=lambda d, out, err: None if not any(n.startswith("backprop-trace") for n in os.listdir(d))
             else "a trace file was left after the kill"),
        Case("momentum 1e308", ["--optimizer", "momentum", "--momentum", "1e308", "--steps", "3", "--headless"],
             {3}, seconds=10),
        Case("trace to /dev/full", ["--headless"], {74}, seconds=10, shell_tail=" > /dev/full"),
        Case("trace to a closed stdout", ["--headless"], {74}, seconds=10, shell_tail=" >&-"),
        Case("10^12 steps into head -1", ["--headless", "--steps", "1000000000000"], {0}, seconds=10,
             lines=0, shell_tail=" | head -1 > /dev/null"),
        Case("10,000-digit --lr", ["--lr", huge_lr, "--headless"], {64}, seconds=5),
        Case("--until-cost 1e999", ["--headless", "--until-cost", "1e999"], {64}, seconds=5),
        Case("--hidden ''", ["--data", "xor.csv", "--hidden", "", "--headless"], {64}, seconds=5,
             check=lambda d, out, err: "two spaces in the message" if b"  " in err.strip() else None),
        Case("duplicate input columns", ["--data", "dup.csv", "--headless"], {65}, seconds=5,
             prepare=lambda d: write(d, "dup.csv", "x1,x1,y\n0,0,0\n1,1,1\n")),
        Case("duplicate target columns", ["--data", "dupy.csv", "--headless"], {65}, seconds=5,
             prepare=lambda d: write(d, "dupy.csv", "x1,y,y\n0,0,0\n1,1,1\n")),
        Case("bce target out of range", ["--data", "bce.csv", "--loss", "bce", "--headless"], {64, 65}, seconds=5,
             prepare=lambda d: write(d, "bce.csv", "x1,y\n0,0\n1,2\n")),
        Case("symlink loop", ["--data", "loop.csv", "--headless"], {65}, seconds=5,
             prepare=lambda d: os.symlink("loop.csv", os.path.join(d, "loop.csv")),
             check=lambda d, out, err: "says the loop does not exist" if b"does not exist" in err else None),
    ]


def writing_into(pid, folder):
    """Whether process `pid` holds a file it is writing in `folder` open: an anonymous one
    (`FOLDER/#INODE (deleted)`), a hidden temporary one, or a trace."""
    try:
        targets = [os.readlink("/proc/%s/fd/%s" % (pid, fd)) for fd in os.listdir("/proc/%s/fd" % pid)]
        return any(t.startswith(folder + "/") and (t.endswith("(deleted)") or t.endswith(".tmp")
                                                   or "backprop-trace" in t) for t in targets)
    except OSError:
        return False


def run(case, binary, keep):
    folder = tempfile.mkdtemp(prefix="probe-")
    write(folder, "xor.csv", XOR)
    if case.prepare:
        case.prepare(folder)
    command = "ulimit -v %d; exec %s%s" % (CAP_KB, " ".join(shlex.quote(a) for a in [binary] + case.args),
                                             case.shell_tail)
    rss_file = os.path.join(folder, ".rss")
    full = ["/usr/bin/time", "-q", "-o", rss_file, "-f", "%M", "/bin/sh", "-c", command]
    stdin = subprocess.DEVNULL
    feeder = None
    if case.stdin == "yes":
        feeder = subprocess.Popen(["yes", '{"x": [[1]], "y": [[1]], "w": [[1]], "b": [0], "learningRate": 0.1}'],
                                  stdout=subprocess.PIPE)
        stdin = feeder.stdout
    start = time.monotonic()
    process = subprocess.Popen(full, cwd=folder, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    try:
        if case.kill_after is not None:
            # The binary is the only child of /usr/bin/time (sh exec'd it). It is killed once it
            # holds a file open in the folder (the export under way: an anonymous O_TMPFILE, or a
            # hidden temporary name), or after kill_after seconds at the latest.
            deadline = time.monotonic() + case.kill_after
            children = []
            while time.monotonic() < deadline:
                children = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True,
                                          text=True).stdout.split()
                if children and writing_into(children[0], folder):
                    break
                time.sleep(0.02)
            for pid in children:
                os.kill(int(pid), signal.SIGTERM)
        out, err = process.communicate(timeout=case.seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
        return folder, "hung past %d s" % case.seconds, None, None, ""
    finally:
        if feeder:
            feeder.kill()
    seconds = time.monotonic() - start
    status = process.returncode
    text = err.decode("utf-8", "replace")
    # /usr/bin/time -q keeps its own lines out of stderr, and exits with the child's status.
    try:
        peak = int(open(rss_file).read().split()[-1]) / 1024
    except (OSError, ValueError, IndexError):
        peak = None
    lines = [l for l in text.splitlines() if l]
    problems = []
    if status not in case.allowed:
        problems.append("exit %s, wanted %s" % (status, sorted(case.allowed)))
    wanted_lines = case.lines if case.lines is not None else (1 if status not in (0,) else None)
    if wanted_lines is not None and len(lines) != wanted_lines:
        problems.append("%d stderr lines, wanted %d" % (len(lines), wanted_lines))
    if any(len(l) > 300 for l in lines):
        problems.append("a stderr line of %d characters" % max(len(l) for l in lines))
    if peak is not None and peak > case.peak_mb:
        problems.append("peak %.0f MB over %d MB" % (peak, case.peak_mb))
    left = [n for n in os.listdir(folder) if n.endswith(".tmp")]
    if left:
        problems.append("left behind: %s" % left)
    if case.check:
        problem = case.check(folder, out, err)
        if problem:
            problems.append(problem)
    if not keep:
        subprocess.run(["rm", "-rf", folder])
    summary = "; ".join(problems) if problems else None
    return folder, summary, seconds, peak, (lines[0] if lines else "")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=".build/debug/backprop-tui")
    parser.add_argument("--only", help="run the cases whose name contains this")
    parser.add_argument("--keep", action="store_true", help="keep each case's folder")
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    failed = 0
    for case in cases():
        if options.only and options.only not in case.name:
            continue
        folder, problem, seconds, peak, line = run(case, binary, options.keep)
        timing = "%6.2f s %6s MB" % (seconds or 0, "%.0f" % peak if peak is not None else "?")
        print("%-4s %-42s %s  %s" % ("FAIL" if problem else "ok", case.name, timing, line[:110]))
        if problem:
            failed += 1
            print("     %s" % problem)
    print("%d failed" % failed)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

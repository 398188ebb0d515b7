#!/usr/bin/env python3
"""Key-to-screen latency of the real backprop-tui binary, paused and at `max` speed, in tmux.

The program runs in a detached tmux session on a private server (`tmux -L`, no ~/.tmux.conf).
After its first whole frame, the script presses `g` many times (it toggles the cost pane's title
between "linear" and "log") and, from just before `tmux send-keys` starts until `tmux
capture-pane -p` first shows the other title, polls the screen as fast as tmux answers. Keys are
spaced by random pauses, so at `max` they land at random points of the frame cycle.

What the numbers include besides the program: starting the `send-keys` client, the tmux server
passing the key to the pty and reading the frame back, and the capture that sees it (a new tmux
client each time). The paused figure is that floor plus the program's own answer to a key;
the difference between `max` and paused is what training adds. The script prints the cost of
one `send-keys` and one `capture-pane` alone too.

It also reads the step counter on the status line twice, some seconds apart, while running at
`max` with no keys pressed, and prints steps per second.

Usage (from the repository root, after `swift build -c release`):

    python3 scripts/measure-latency.py                       # seed, 120x40, 200 keys each
    python3 scripts/measure-latency.py --samples 100 --preset xor-gate --size 80x24
    python3 scripts/measure-latency.py --preset xor-hidden --compare sgd,momentum,adam   # a race
    python3 scripts/measure-latency.py --preset spiral --keys S       # with the landscape open

Prints a small table; measures, asserts nothing.
"""

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time

SESSION = "latency"
TITLE = re.compile(r"Cost C \((linear|log)")
STEP = re.compile(r" step (\d+) ")


class Tmux:
    """One private tmux server with the program in its only pane."""

    def __init__(self, width, height, command):
        self.executable = shutil.which("tmux")
        if self.executable is None:
            sys.exit("tmux is not installed")
        self.socket = f"backprop-latency-{os.getpid()}"
        environment = "env TERM=screen-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 "
        self.run("-f", "/dev/null", "new-session", "-d", "-s", SESSION, "-x", str(width), "-y", str(height),
                 environment + command)
        self.run("set-option", "-t", SESSION, "status", "off")
        self.socket_path = self.run("display-message", "-p", "#{socket_path}").strip()

    def run(self, *arguments):
        result = subprocess.run([self.executable, "-L", self.socket, *arguments],
                                stdin=subprocess.DEVNULL, capture_output=True, text=True)
        return result.stdout

    def press(self, *keys):
        self.run("send-keys", "-t", SESSION, *keys)

    def screen(self):
        return self.run("capture-pane", "-p", "-t", SESSION)

    def wait_until(self, what, condition, timeout=30.0):
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen()
            if condition(text):
                return text
            if time.monotonic() > deadline:
                sys.exit(f"timed out waiting for {what}; the screen was:\n{text}")
            time.sleep(0.02)

    def close(self):
        self.run("kill-server")
        # The server leaves its socket behind when the program has already ended the session.
        if self.socket_path and os.path.exists(self.socket_path):
            os.remove(self.socket_path)


def scale(text):
    found = TITLE.search(text)
    return found.group(1) if found else None


def step(text):
    found = STEP.search(text)
    return int(found.group(1)) if found else None


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def latencies(tmux, samples):
    """Milliseconds from pressing `g` to the other cost-scale title on the screen, `samples` times."""
    found = []
    for _ in range(samples):
        time.sleep(random.uniform(0.03, 0.12))
        before = scale(tmux.screen())
        start = time.perf_counter()
        tmux.press("g")
        while True:
            now = scale(tmux.screen())
            if now is not None and now != before:
                break
            if time.perf_counter() - start > 5:
                sys.exit(f"the key did not show within 5 s; the screen was:\n{tmux.screen()}")
        found.append((time.perf_counter() - start) * 1000)
    return found


def steps_per_second(tmux, seconds):
    first_time, first = time.perf_counter(), step(tmux.screen())
    time.sleep(seconds)
    last_time, last = time.perf_counter(), step(tmux.screen())
    return (last - first) / (last_time - first_time)


def tool_floor(tmux, count=50):
    """Median ms of one capture-pane and of one send-keys of a key the program ignores."""
    captures, sends = [], []
    for _ in range(count):
        start = time.perf_counter()
        tmux.screen()
        captures.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        tmux.press("F12")  # no meaning in backprop-tui: the backend skips it
        sends.append((time.perf_counter() - start) * 1000)
    return statistics.median(captures), statistics.median(sends)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=".build/release/backprop-tui")
    parser.add_argument("--preset", default=None, help="--preset for the program (default: its own, seed)")
    parser.add_argument("--compare", default=None, help="--compare for the program: a race of these optimizers")
    parser.add_argument("--size", default="120x40")
    parser.add_argument("--keys", default="",
                        help="keys pressed after the first frame, before measuring (S: with the landscape open)")
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--rate-seconds", type=float, default=5.0)
    options = parser.parse_args()

    binary = os.path.abspath(options.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"{binary} not found: run `swift build -c release` first")
    width, height = (int(n) for n in options.size.split("x"))
    command = f"'{binary}'" + (f" --preset {options.preset}" if options.preset else "")
    command += f" --compare {options.compare}" if options.compare else ""

    tmux = Tmux(width, height, command)
    try:
        # The first whole frame: the status bar, the cost pane and the hint line are all there (a
        # race opens with a line that says how R ends it instead of the key hint).
        tmux.wait_until(
            "the first frame", lambda t: step(t) == 0 and scale(t) and (" q quit" in t or "R ends it" in t))
        for key in options.keys:
            tmux.press(key)
            time.sleep(0.3)
        capture_ms, send_ms = tool_floor(tmux)
        paused = latencies(tmux, options.samples)

        for _ in range(30):
            if "speed max" in tmux.screen():
                break
            tmux.press("]")
            time.sleep(0.05)
        tmux.wait_until("speed max", lambda t: "speed max" in t)
        tmux.press("r")
        tmux.wait_until("running", lambda t: "running" in t and (step(t) or 0) > 0)
        rate = steps_per_second(tmux, options.rate_seconds)
        running = latencies(tmux, options.samples)
        rate_after = steps_per_second(tmux, options.rate_seconds)

        tmux.press("p")
        tmux.wait_until("paused", lambda t: "paused" in t)
        tmux.press("q")
        time.sleep(0.2)
    finally:
        tmux.close()

    race = f", race {options.compare}" if options.compare else ""
    opened = f", after the keys {options.keys}" if options.keys else ""
    print(f"binary {binary}, preset {options.preset or 'seed (default)'}{race}{opened}, {width}x{height}, "
          f"{options.samples} keys each")
    print(f"tmux alone: capture-pane {capture_ms:.1f} ms, send-keys {send_ms:.1f} ms (medians)")
    print(f"{'':8} {'median ms':>10} {'p90 ms':>8} {'min ms':>8} {'max ms':>8}")
    for name, values in (("paused", paused), ("max", running)):
        print(f"{name:8} {statistics.median(values):10.1f} {percentile(values, 0.9):8.1f} "
              f"{min(values):8.1f} {max(values):8.1f}")
    print(f"steps/s at max, no keys: {rate / 1e6:.2f} M before the keys, {rate_after / 1e6:.2f} M after")


if __name__ == "__main__":
    main()

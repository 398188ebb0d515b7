#!/usr/bin/env python3
"""Feed backprop-tui thousands of mutated scenario and CSV files, and check what reaches the terminal.

It checks that error messages never send a file's control characters to the terminal:
thousands of mutated scenario JSON files (the
one-layer form and the `layers` form) and CSV data files, escape sequences, NULs and invalid
UTF-8 included, plus file NAMES holding control characters (real files and missing ones). Each
input runs through `backprop-tui --headless --steps 5 --scenario FILE` (or `--data FILE`), with
a timeout, and every run must:

  - end by itself (no hang past --timeout) with status 0, 3 (diverged), 64 or 65: never a
    signal, never a crash (a Swift trap dies by SIGILL/SIGTRAP);
  - on a failure (64, 65) print nothing on stdout and exactly one line on stderr;
    on divergence (3) print exactly one line on stderr (the trace so far is on stdout);
    on success (0) print nothing on stderr;
  - print only terminal-safe text: valid UTF-8 with no C0 control (below 0x20), no DEL (0x7F) and
    no C1 control (U+0080-U+009F, or a lone byte 0x80-0x9F such as 0x9B, which a terminal may
    read as CSI), ESC included; the only control allowed is the newline that ends each stdout line
    and the single newline that ends the stderr line. (A byte 0x9B inside a printable
    character's UTF-8 encoding, like U+00DB = C3 9B, is text, not a control.)

The first few failing inputs are printed (escaped) for reproduction, with the command and what
came out; --save DIR also writes them to DIR. Exit status 1 on any failure.

Run:  python3 scripts/fuzz-inputs.py --binary .build/debug/backprop-tui --count 3000 --seed 1
Only the Python 3 standard library is needed.
"""

import argparse
import concurrent.futures
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

ACTIVATIONS = ["sigmoid", "tanh", "relu", "linear", "softmax"]
LOSSES = ["sse", "mse", "ce", "bce"]
REDUCTIONS = ["seed", "sum", "mean"]
ONE_LAYER_KEYS = ["x", "y", "w", "b", "activation", "learningRate", "loss", "reduction"]

# Byte strings a hostile or broken file may hold: escape sequences, C0/DEL/C1 controls, and
# bytes that are not UTF-8.
EVIL = [
    b"\x1b[2J",  # clear the screen
    b"\x1b[H\x1b[2J\x1b[3J",
    b"\x1b]0;pwned\x07",  # set the window title (OSC ... BEL)
    b"\x1b]0;pwned\x1b\\",  # OSC ... ST
    b"\x1b]52;c;cHduZWQ=\x07",  # write the clipboard
    b"\x1bP+q544e\x1b\\",  # DCS
    b"\x1b[6n",  # ask the terminal to answer on stdin
    b"\x1b[31mred\x1b[0m",
    b"\x1bc",  # reset the terminal
    b"\x07",
    b"\x00",
    b"\x08\x08\x08",
    b"\x7f",
    b"\x9b2J",  # 8-bit CSI as a raw byte (not UTF-8)
    b"\x9d0;t\x9c",  # 8-bit OSC/ST raw
    b"\xc2\x9b2J",  # U+009B (CSI) encoded in UTF-8
    b"\xc2\x9d0;t\xc2\x9c",
    b"\xc2\x85",  # NEL
    b"\r",
    b"\n",
    b"\r\n",
    b"\t",
    b"\x0b\x0c",
    b"\xff",
    b"\xfe\xff",
    b"\xc3\x28",  # a lead byte with a bad continuation
    b"\xe2\x82",  # a truncated sequence
    b"\xed\xa0\x80",  # a surrogate
    b"\xf8\x88\x80\x80\x80",  # five bytes
    b"\xc0\xaf",  # an overlong slash
    b"\xef\xbb\xbf",  # a byte-order mark in the middle
    "ŷé中\u202e".encode(),  # printable (and a bidi override): must pass unharmed
    b"\\e[2J",  # a literal backslash escape
]

# Strings for JSON text, written the way a JSON string can say them.
JSON_ESCAPES = [
    r"\u001b[2J",
    r"\u0000",
    r"\u009b",
    r"\ud800",
    r"\u",
    r"\u00",
    r"\x1b",
    "\\\x1b",
    "\\\x9b",
    r"\n\t\r\b\f",
    "\\",
]

HUGE_NUMBERS = [
    "1e999",
    "-1e999",
    "1e-999",
    "1e308",
    "-1.7976931348623157e309",
    "123456789012345678901234567890123456789",
    "0." + "0" * 400 + "1",
    "1" * 400,
    "4.9e-324",
    "NaN",
    "Infinity",
    "-0",
    "0x10",
    "1e",
    "--1",
    "1.",
    ".5",
]


def escaped(data):
    """A bytes value as printable ASCII, for reports."""
    out = []
    for byte in data:
        if byte == 0x5C:
            out.append("\\\\")
        elif 0x20 <= byte < 0x7F:
            out.append(chr(byte))
        elif byte == 0x0A:
            out.append("\\n")
        else:
            out.append("\\x%02x" % byte)
    return "".join(out)


# ---------------------------------------------------------------- generators


def matrix(rng, rows, columns, low=-1.0, high=1.0):
    return [[round(rng.uniform(low, high), rng.choice([0, 1, 3, 6, 17])) for _ in range(columns)] for _ in range(rows)]


def one_layer_scenario(rng):
    samples, inputs, outputs = rng.randint(1, 4), rng.randint(1, 4), rng.randint(1, 3)
    scenario = {
        "x": matrix(rng, samples, inputs, -3, 3),
        "y": [[rng.choice([0, 1]) for _ in range(outputs)] for _ in range(samples)],
        "w": matrix(rng, inputs, outputs),
    }
    for key, value in [
        ("b", [0.0] * outputs),
        ("activation", rng.choice(ACTIVATIONS)),
        ("learningRate", rng.choice([0.1, 0.5, 0.01, 3.0])),
        ("loss", rng.choice(LOSSES)),
        ("reduction", rng.choice(REDUCTIONS)),
    ]:
        if rng.random() < 0.6:
            scenario[key] = value
    return scenario


def layers_scenario(rng):
    samples, inputs, outputs = rng.randint(1, 4), rng.randint(1, 4), rng.randint(1, 3)
    sizes = [inputs] + [rng.randint(1, 4) for _ in range(rng.randint(0, 3))] + [outputs]
    layers = []
    for fan_in, fan_out in zip(sizes, sizes[1:]):
        layer = {"w": matrix(rng, fan_in, fan_out)}
        if rng.random() < 0.5:
            layer["b"] = [0.0] * fan_out
        if rng.random() < 0.6:
            layer["activation"] = rng.choice(ACTIVATIONS)
        layers.append(layer)
    scenario = {
        "x": matrix(rng, samples, inputs, -3, 3),
        "y": [[rng.choice([0, 1]) for _ in range(outputs)] for _ in range(samples)],
        "layers": layers,
    }
    for key, value in [
        ("learningRate", rng.choice([0.1, 0.5])),
        ("loss", rng.choice(LOSSES)),
        ("reduction", rng.choice(REDUCTIONS)),
    ]:
        if rng.random() < 0.5:
            scenario[key] = value
    return scenario


def csv_table(rng):
    inputs, outputs = rng.randint(1, 3), rng.randint(1, 2)
    header = [f"x{i + 1}" for i in range(inputs)] + (["y"] if outputs == 1 else [f"y{i + 1}" for i in range(outputs)])
    if inputs == 2 and outputs == 1 and rng.random() < 0.5:
        header = ["x1", "x2", "y"]
    rows = [
        [repr(round(rng.uniform(-2, 2), rng.choice([0, 2, 17]))) for _ in range(inputs)]
        + [str(rng.choice([0, 1])) for _ in range(outputs)]
        for _ in range(rng.randint(1, 6))
    ]
    return header, rows


def csv_text(header, rows, rng, line_end=b"\n"):
    def cell(text):
        data = text if isinstance(text, bytes) else text.encode()
        if rng.random() < 0.1:
            data = b'"' + data.replace(b'"', b'""') + b'"'
        return data

    lines = [b",".join(cell(c) for c in header)] + [b",".join(cell(c) for c in row) for row in rows]
    return line_end.join(lines) + (line_end if rng.random() < 0.9 else b"")


# ---------------------------------------------------------------- mutations


def evil(rng):
    parts = [rng.choice(EVIL) for _ in range(rng.choice([1, 1, 2, 3]))]
    return b"".join(parts)


def flip_bytes(data, rng):
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if not data:
            break
        i = rng.randrange(len(data))
        if rng.random() < 0.5:
            data[i] ^= 1 << rng.randrange(8)
        else:
            data[i] = rng.randrange(256)
    return bytes(data)


def insert_evil(data, rng):
    i = rng.randint(0, len(data))
    return data[:i] + evil(rng) + data[i:]


def truncate(data, rng):
    return data[: rng.randint(0, len(data))]


def quote_inside(data, rng):
    i = rng.randint(0, len(data))
    return data[:i] + rng.choice([b'"', b'""', b"'", b'\\"', b'"\x1b"']) + data[i:]


def long_line(data, rng):
    i = rng.randint(0, len(data))
    filler = rng.choice([b"1", b"a", b"\x1b[2J", b"9" * 7 + b",", b" "]) * rng.choice([1000, 20000, 100000])
    return data[:i] + filler + data[i:]


BYTE_MUTATIONS = [flip_bytes, insert_evil, insert_evil, truncate, quote_inside, long_line]


def json_string_value(rng):
    """The inside of a JSON string (without quotes) that holds something hostile."""
    choice = rng.random()
    if choice < 0.5:
        return evil(rng)
    if choice < 0.8:
        return rng.choice(JSON_ESCAPES).encode()
    return rng.choice(ACTIVATIONS).encode() + evil(rng)


def structural_json(scenario, rng):
    """Text of a scenario with one structural change (keys, types, numbers, shapes, nesting)."""
    text = json.dumps(scenario).encode()
    kind = rng.randrange(14)
    if kind == 0:  # a hostile key
        return text.replace(b"{", b'{"' + json_string_value(rng) + b'": 1, ', 1)
    if kind == 1:  # a hostile activation, loss or reduction name
        field = rng.choice([b"activation", b"loss", b"reduction"])
        value = b'"' + json_string_value(rng) + b'"'
        if b"layers" in text and field == b"activation":
            return text.replace(b'"w":', b'"activation": ' + value + b', "w":', 1)
        return text[:-1] + b', "' + field + b'": ' + value + b"}"
    if kind == 2:  # a hostile string where a number belongs
        fields = [b'"x": [[', b'"y": [[', b'"w": [[', b'"b": [', b'"learningRate": ']
        for field in rng.sample(fields, len(fields)):
            if field in text:
                return text.replace(field, field + b'"' + json_string_value(rng) + b'", ', 1)
        return text
    if kind == 3:  # a duplicated key
        key = rng.choice([b"x", b"y", b"w", b"activation", b"layers", json_string_value(rng)])
        return text.replace(b"{", b'{"' + key + b'": [[1]], ', 1)
    if kind == 4:  # a huge or malformed number
        numbers = [i for i, byte in enumerate(text) if byte in b"0123456789" and text[i - 1 : i] in (b"[", b" ")]
        if not numbers:
            return text
        i = rng.choice(numbers)
        j = i
        while j < len(text) and text[j : j + 1] in b"0123456789.e-+":
            j += 1
        return text[:i] + rng.choice(HUGE_NUMBERS).encode() + text[j:]
    if kind == 5:  # deep nesting
        depth = rng.choice([10, 63, 64, 65, 200, 5000])
        inner = b"[" * depth + b"1" + b"]" * depth if rng.random() < 0.7 else b'{"a":' * depth + b"1" + b"}" * depth
        field = rng.choice([b"x", b"w", b"activation", b"layers", b"q"])
        return text[:-1] + b', "' + field + b'": ' + inner + b"}"
    if kind == 6:  # mismatched shapes
        scenario = json.loads(text)
        target = rng.choice(["x", "y", "w", "b"] + (["layers"] if "layers" in scenario else []))
        if target == "layers":
            layer = rng.choice(scenario["layers"])
            layer["w"] = matrix(rng, rng.randint(0, 5), rng.randint(0, 5))
        elif target == "b":
            scenario["b"] = [0.0] * rng.randint(0, 5)
        else:
            scenario[target] = matrix(rng, rng.randint(0, 5), rng.randint(0, 5))
            if scenario[target] and rng.random() < 0.5:
                scenario[target][0].append(1.0)  # ragged
        return json.dumps(scenario).encode()
    if kind == 7:  # wrong types
        value = rng.choice([b"null", b"true", b"{}", b"[]", b'"text"', b"[[]]", b"[null]", b"[[1, [2]]]", b"-1"])
        field = rng.choice(ONE_LAYER_KEYS + ["layers"]).encode()
        return text[:-1] + b', "' + field + b'": ' + value + b"}"
    if kind == 8:  # huge but shapely: a big network or many layers
        return json.dumps({"x": [[1.0] * 3], "y": [[1.0]], "layers": [{"w": [[0.1]]}] * rng.choice([1, 50, 200])}).encode()
    if kind == 9:  # a top level that is not an object
        return rng.choice([b"[1, 2]", b'"\x1b[2J"', b"1e999", b"null", b"", b"   \n", b"\xef\xbb\xbf", b"{}"])
    if kind == 11:  # numbers that make the cost overflow, at once or after a few steps
        scenario = json.loads(text)
        # A linear output keeps an overflow infinite (a sigmoid would saturate it to a finite cost).
        if "layers" in scenario:
            scenario["layers"][-1]["activation"] = "linear"
        else:
            scenario["activation"] = "linear"
        scenario["loss"] = rng.choice(["sse", "mse"])
        if rng.random() < 0.5:
            scenario["x"] = [[rng.choice([1e200, -1e300, 1e154]) for _ in row] for row in scenario["x"]]
        else:
            scenario["learningRate"] = rng.choice([1e10, 1e100, 1e300])
            scenario["x"] = [[value * 1000 for value in row] for row in scenario["x"]]
        return json.dumps(scenario).encode()
    if kind == 13:  # a hostile optimizer: a name, an object, out-of-range values, a saved state
        value = rng.choice([
            b'"' + json_string_value(rng) + b'"', b'"adam"', b"{}", b"[]", b"null", b"1e999",
            b'{"name": "adam", "beta1": ' + rng.choice(HUGE_NUMBERS).encode() + b"}",
            b'{"name": "momentum", "momentum": -1}', b'{"name": "rmsprop", "alpha": 1}',
            b'{"name": "adam", "epsilon": -0.0, "beta2": 0.999999999999999999}',
            b'{"name": "adam", "step": ' + rng.choice([b"-1", b"1.5", b"1e300", b"3", b"null"]) + b', "m": [1], "v": [-1]}',
            b'{"name": "momentum", "step": 2, "buf": [1e308, 1e308, 1e308, 1e308, 1e308, 1e308]}',
            b'{"name": "' + json_string_value(rng) + b'", "' + json_string_value(rng) + b'": 1}',
        ])
        return text[:-1] + b', "optimizer": ' + value + b"}"
    if kind == 10:  # both forms at once
        return text[:-1] + b', "layers": [{"w": [[1]]}], "w": [[1]]}'
    return text.replace(b'"', b'"' + json_string_value(rng), 1)


def scenario_file(rng):
    scenario = one_layer_scenario(rng) if rng.random() < 0.5 else layers_scenario(rng)
    if rng.random() < 0.5:
        data = structural_json(scenario, rng)
    else:
        data = json.dumps(scenario, indent=rng.choice([None, 1, 2])).encode()
    for _ in range(rng.choice([0, 1, 1, 2, 3])):
        data = rng.choice(BYTE_MUTATIONS)(data, rng)
    return data


def csv_file(rng):
    header, rows = csv_table(rng)
    kind = rng.randrange(10)
    line_end = rng.choice([b"\n", b"\n", b"\r\n", b"\r"])
    if kind == 0:  # a hostile cell
        row = rng.choice(rows)
        row[rng.randrange(len(row))] = rng.choice([b"", b"1"]) + evil(rng)
    elif kind == 1:  # a hostile header name
        i = rng.randrange(len(header))
        header[i] = (header[i].encode() if rng.random() < 0.7 else b"") + evil(rng)
    elif kind == 2:  # a hostile cell quoted, commas and quotes inside
        row = rng.choice(rows)
        row[rng.randrange(len(row))] = b'"' + evil(rng) + b',""' + evil(rng) + b'"'
    elif kind == 3:  # mismatched counts
        row = rng.choice(rows)
        if rng.random() < 0.5 and len(row) > 1:
            row.pop()
        else:
            row.append(b"1" + evil(rng))
    elif kind == 4:  # huge or malformed numbers
        row = rng.choice(rows)
        row[rng.randrange(len(row))] = rng.choice(HUGE_NUMBERS)
    elif kind == 5:  # other separators
        return csv_text(header, rows, rng, line_end).replace(b",", rng.choice([b";", b"\t", b"\x1b"]))
    elif kind == 6:  # no targets, no inputs, empty names
        header = rng.choice([["x1", "x2"], ["y1", "y2"], ["", "y"], ["x", ""], [evil(rng)]])
        rows = [row[: len(header)] for row in rows]
    elif kind == 7:  # many rows (the limit is 100,000)
        count = rng.choice([1000, 100_000, 100_001])
        return b"x,y\n" + b"1,0\n" * count + (b"1," + evil(rng) + b"\n" if rng.random() < 0.5 else b"")
    elif kind == 8:  # blank lines, spaces, a byte-order mark
        data = csv_text(header, rows, rng, line_end)
        return rng.choice([b"\xef\xbb\xbf", b"\n\n", b"  \t\n", b""]) + data.replace(line_end, line_end + b" \t" + line_end, 1)
    data = csv_text(header, rows, rng, line_end)
    for _ in range(rng.choice([1, 1, 2, 3])):
        data = rng.choice(BYTE_MUTATIONS)(data, rng)
    return data


def file_name(rng, index, suffix):
    """A file name: mostly plain, sometimes with control characters or bytes that are not UTF-8."""
    roll = rng.random()
    if roll < 0.8:
        return f"in{index}{suffix}".encode()
    middle = rng.choice(
        [b"\x1b[2J", b"\x1b]0;t\x07", b"\x07", b"\x7f", b"\xc2\x9b", b"\x9b", b"\xff", b"\n", b"\t", b"\r", b"\x01"]
    )
    return b"n" + middle + str(index).encode() + suffix.encode()


# ---------------------------------------------------------------- running and checking


def c1_or_control(text, allowed_newlines):
    """Why `text` (str) is not terminal-safe, or None."""
    for position, character in enumerate(text):
        code = ord(character)
        if character == "\n" and allowed_newlines(position):
            continue
        if code < 0x20 or 0x7F <= code <= 0x9F:
            return f"control U+{code:04X} at {position}"
    return None


def check_output(name, data, single_line):
    """Why `data` (bytes from stdout or stderr) may not reach a terminal, or None."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return f"{name} is not UTF-8 ({error.reason} at byte {error.start}: {data[error.start:error.start + 1]!r})"
    if single_line:
        return c1_or_control(text, lambda position: position == len(text) - 1)
    return c1_or_control(text, lambda position: True)


def judge(status, stdout, stderr):
    """The problems with one run (a list of strings; empty when it passed)."""
    problems = []
    if status is None:
        return ["no exit within the timeout (a hang, or far too slow)"]
    if status < 0 or status >= 128:
        problems.append(f"killed by a signal or crashed (status {status})")
    elif status not in (0, 3, 64, 65):
        problems.append(f"unexpected exit status {status}")
    if status == 0:
        if stderr:
            problems.append("stderr is not empty on success")
    else:
        newlines = stderr.count(b"\n")
        if newlines != 1 or not stderr.endswith(b"\n"):
            problems.append(f"stderr is not exactly one line ({newlines} newlines)")
        if status in (64, 65) and stdout:
            problems.append("stdout is not empty on failure")
    if stdout and not stdout.endswith(b"\n"):
        problems.append("stdout does not end with a newline")
    steps = [line.split()[1] for line in stdout.split(b"\n") if line.startswith(b"step ")]
    if any(not step.isdigit() for step in steps) or [int(s) for s in steps if s.isdigit()] != sorted(
        set(int(s) for s in steps if s.isdigit())
    ):
        problems.append("the text trace repeats a step or has one out of order")
    for stream, data, single in (("stdout", stdout, False), ("stderr", stderr, True)):
        problem = check_output(stream, data, single)
        if problem:
            problems.append(f"{stream}: {problem}")
    return problems


def run(binary, arguments, timeout):
    """(status, stdout, stderr); status None when the run was killed at the timeout."""
    try:
        result = subprocess.run(
            [binary] + arguments,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout,
            env={**os.environ, "LC_ALL": "C.UTF-8"},
        )
    except subprocess.TimeoutExpired as error:
        return None, error.stdout or b"", error.stderr or b""
    return result.returncode, result.stdout, result.stderr


def make_case(rng, index, folder):
    """One input: (description, arguments as bytes, the file's bytes or None, its path or None)."""
    roll = rng.random()
    if roll < 0.47:
        kind, option, suffix, data = "scenario", b"--scenario", ".json", scenario_file(rng)
    elif roll < 0.94:
        kind, option, suffix, data = "csv", b"--data", ".csv", csv_file(rng)
    else:
        # A missing file whose name holds control characters.
        kind = "missing"
        option, suffix = rng.choice([(b"--scenario", ".json"), (b"--data", ".csv")])
        path = os.path.join(os.fsencode(folder), b"missing" + evil(rng).replace(b"\x00", b"") + suffix.encode())
        return kind, [option, path], None, None
    name = file_name(rng, index, suffix)
    path = os.path.join(os.fsencode(folder), name)
    arguments = [option, path]
    if kind == "csv" and rng.random() < 0.2:
        arguments += [b"--hidden", rng.choice([b"2", b"3,2", b"1"])]
    if rng.random() < 0.1:
        arguments += [b"--format", rng.choice([b"csv", b"json", b"text"])]
    if rng.random() < 0.15:
        arguments += rng.choice([
            [b"--optimizer", rng.choice([b"adam", b"momentum", b"nesterov", b"rmsprop", b"sgd", evil(rng).replace(b"\x00", b"")])],
            [b"--optimizer", b"adam", b"--beta1", rng.choice([b"1", b"0.5", b"nan", b"-0", b"1e-400", evil(rng).replace(b"\x00", b"")])],
            [b"--compare", rng.choice([b"sgd,adam", b"adam,adam", b"sgd,momentum,nesterov,rmsprop,adam", b",", evil(rng).replace(b"\x00", b"")])],
            [b"--optimizer", b"rmsprop", b"--alpha", b"0.999999", b"--epsilon", rng.choice([b"0", b"1e308"])],
        ])
    return kind, arguments, data, path


def one(binary, timeout, seed, index, folder):
    rng = random.Random(f"{seed}:{index}")
    kind, arguments, data, path = make_case(rng, index, folder)
    if path is not None:
        with open(path, "wb") as file:
            file.write(data)
    start = time.monotonic()
    try:
        status, stdout, stderr = run(binary, [b"--headless", b"--steps", b"5"] + arguments, timeout)
    finally:
        seconds = time.monotonic() - start
        if path is not None:
            os.unlink(path)
    return {
        "index": index,
        "kind": kind,
        "arguments": arguments,
        "data": data,
        "status": status,
        "stdout": stdout,
        "stderr": stderr,
        "seconds": seconds,
        "problems": judge(status, stdout, stderr),
    }


def report(failure):
    arguments = " ".join(escaped(a) for a in [b"--headless", b"--steps", b"5"] + failure["arguments"])
    print(f"--- input {failure['index']} ({failure['kind']}): {'; '.join(failure['problems'])}")
    print(f"    command: backprop-tui {arguments}")
    if failure["data"] is not None:
        data = failure["data"]
        shown = escaped(data[:600]) + (f"... ({len(data)} bytes)" if len(data) > 600 else "")
        print(f"    file:    {shown}")
    print(f"    status:  {failure['status']} after {failure['seconds']:.2f} s")
    print(f"    stderr:  {escaped(failure['stderr'][:600])}")
    if failure["stdout"]:
        print(f"    stdout:  {escaped(failure['stdout'][:300])}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=".build/debug/backprop-tui", help="the backprop-tui to test")
    parser.add_argument("--count", type=int, default=3000, help="how many inputs to try")
    parser.add_argument("--seed", default="1", help="the seed of the inputs (the same seed, the same inputs)")
    # A valid 100,000-row file prints every prediction at every step of the text trace (7.8 MB
    # for 5 steps): about 2 s in a debug build on an idle core, more on a busy machine.
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds a run may take")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="runs at once")
    parser.add_argument("--show", type=int, default=5, help="how many failing inputs to print")
    parser.add_argument("--save", help="a folder to write the failing inputs to")
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"fuzz-inputs: no executable at {binary}; build first (swift build)")

    folder = tempfile.mkdtemp(prefix="backprop-fuzz-")
    results = []
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=options.jobs) as pool:
            futures = [pool.submit(one, binary, options.timeout, options.seed, i, folder) for i in range(options.count)]
            for future in concurrent.futures.as_completed(futures):
                results.append(future.result())
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    results.sort(key=lambda r: r["index"])
    failures = [r for r in results if r["problems"]]
    statuses = {}
    kinds = {}
    for result in results:
        statuses[result["status"]] = statuses.get(result["status"], 0) + 1
        kinds[result["kind"]] = kinds.get(result["kind"], 0) + 1
    escapes = sum(1 for r in results if b"\\e" in r["stderr"] or b"\\u{" in r["stderr"] or b"\\x" in r["stderr"])
    print(f"fuzz-inputs: {len(results)} inputs (seed {options.seed}): " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print("  exit statuses: " + ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items(), key=lambda i: (i[0] is None, i[0] or 0))))
    print(f"  messages quoting an escaped control or byte: {escapes}")
    slowest = max(results, key=lambda r: r["seconds"])
    print(
        f"  slowest run: {slowest['seconds']:.2f} s (input {slowest['index']}, {slowest['kind']}, "
        f"{len(slowest['data'] or b'')} bytes in, {len(slowest['stdout'])} bytes out)"
    )
    print(f"  failures: {len(failures)}")
    for failure in failures[: options.show]:
        report(failure)
    if options.save and failures:
        os.makedirs(options.save, exist_ok=True)
        for failure in failures:
            if failure["data"] is not None:
                with open(os.path.join(options.save, f"input-{failure['index']}.{failure['kind']}"), "wb") as file:
                    file.write(failure["data"])
        print(f"  failing inputs written to {options.save}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

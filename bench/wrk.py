"""Reading wrk's output defensively: what wrk did not print is said, never a crash."""

import re

UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text):
    """Milliseconds of a wrk duration ("812.00us", "3.1ms", "1.2s"), or None."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text or "")
    if match is None:
        return None
    number, unit = match.groups()
    return float(number) * UNIT_MS[unit]


def parse_wrk(output):
    """{"rps", "p50", "p99", "errors", "missing"} read from wrk's output.

    wrk does not always print every line (no latency distribution when a run
    saw no reply; no "Non-2xx" line when all were 2xx): what it did not print
    is None and named in "missing", never a crash.
    """
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", output, re.M))
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
        output,
    )
    result = {
        "rps": float(rps.group(1)) if rps else None,
        "p50": _ms(latency.get("50")),
        "p99": _ms(latency.get("99")),
        "errors": (int(non_2xx.group(1)) if non_2xx else 0)
        + (sum(map(int, socket_errors.groups())) if socket_errors else 0),
    }
    result["missing"] = [key for key in ("rps", "p50", "p99") if result[key] is None]
    return result

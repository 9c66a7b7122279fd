"""The HTTP bench reads wrk's output defensively (issue 19: it once crashed when wrk
printed no 99 % latency line under load)."""

from bench.wrk import parse_wrk

FULL = """Running 3s test @ http://127.0.0.1:8765/
  1 threads and 2 connections
  Latency Distribution
     50%  812.00us
     75%    1.00ms
     90%    1.20ms
     99%    2.10ms
  6000 requests in 3.00s, 1.2MB read
Requests/sec:   2000.12
Transfer/sec:    400.00KB
"""


def test_wrk_output_read_whole():
    assert parse_wrk(FULL) == {
        "rps": 2000.12,
        "p50": 0.812,
        "p99": 2.1,
        "errors": 0,
        "missing": [],
    }


def test_wrk_without_a_99_percent_line_names_it_missing():
    output = FULL.replace("     99%    2.10ms\n", "")
    result = parse_wrk(output)
    assert result["p99"] is None
    assert result["missing"] == ["p99"]
    assert result["rps"] == 2000.12


def test_wrk_errors_are_counted_not_fatal():
    output = FULL + (
        "  Socket errors: connect 0, read 2, write 0, timeout 3\n"
        "  Non-2xx or 3xx responses: 4\n"
    )
    assert parse_wrk(output)["errors"] == 9


def test_wrk_that_printed_nothing_measures_nothing():
    result = parse_wrk("")
    assert result["missing"] == ["rps", "p50", "p99"]
    assert (result["rps"], result["p50"], result["p99"]) == (None, None, None)


def test_wrk_seconds_and_minutes_in_milliseconds():
    output = FULL.replace("812.00us", "1.50s").replace("2.10ms", "1.00m")
    result = parse_wrk(output)
    assert (result["p50"], result["p99"]) == (1500.0, 60000.0)

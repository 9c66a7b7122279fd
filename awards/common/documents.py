"""How the awards' documents write counts and legal bases (Decree 30/2020)."""


def two_digits(number):
    """Numbers below 10 with a leading zero (Decree 30/2020): 2 → "02"."""
    return f"{number:02d}"


def count_phrase(collectives, individuals, households=0):
    """ "02 tập thể, 01 cá nhân và 01 hộ gia đình"; nothing said of a zero."""
    parts = [
        f"{two_digits(n)} {label}"
        for n, label in (
            (collectives, "tập thể"),
            (individuals, "cá nhân"),
            (households, "hộ gia đình"),
        )
        if n
    ]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " và " + parts[-1]


def basis_lines(lines, closing=None):
    """Legal bases each ending ";" and the last (``closing`` when given) ending "."."""
    lines = [line.rstrip(" ;.") for line in lines]
    if closing:
        lines.append(closing.rstrip(" ;."))
    return [
        line + ("." if index == len(lines) - 1 else ";")
        for index, line in enumerate(lines)
    ]

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


AWARDEE_WORDS = ("tập thể", "cá nhân", "hộ gia đình")


def awardee_phrases(collectives, individuals, households=0):
    """How a decision's articles name its awardees, the number agreeing.

    Returns (each, all): ``each`` opens Điều 2 ("Tập thể có tên" for one
    awardee, "Mỗi tập thể, cá nhân có tên" for several), ``all`` closes the
    decision ("cá nhân có tên" for one, "các tập thể, cá nhân có tên" for
    several). Only the kinds awarded are named.
    """
    counts = (collectives, individuals, households)
    present = [word for word, n in zip(AWARDEE_WORDS, counts, strict=True) if n]
    if not present:
        return "", ""
    if sum(counts) == 1:
        return present[0][0].upper() + present[0][1:], present[0]
    kinds = ", ".join(present)
    return f"Mỗi {kinds}", f"các {kinds}"


def basis_lines(lines, closing=None):
    """Legal bases each ending ";" and the last (``closing`` when given) ending "."."""
    lines = [line.rstrip(" ;.") for line in lines]
    if closing:
        lines.append(closing.rstrip(" ;."))
    return [
        line + ("." if index == len(lines) - 1 else ";")
        for index, line in enumerate(lines)
    ]

# English pages keep the Vietnamese day-first dates; only the number separators differ.
from ..vi.formats import *  # noqa: F403

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","

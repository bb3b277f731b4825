"""Personal data a disclosed page must not show: resident ID numbers, mobile numbers, bank card numbers."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Full-width forms one character each, so positions in the translated text are positions in the original.
_HALF_WIDTH = str.maketrans("０１２３４５６７８９Ｘｘ＋－（）．　", "0123456789Xx+-(). ")

# A number must stand alone: no digit or ASCII letter touching it (so codes such as
# 11999900MB0000000X are left alone), and no decimal point joining it to more digits.
_BEFORE = r"(?<![0-9A-Za-z])(?<![0-9]\.)"
_AFTER = r"(?![0-9A-Za-z])(?!\.[0-9])"
_ID_NUMBER = re.compile(_BEFORE + r"([0-9]{17}[0-9Xx])" + _AFTER)
# 13812345678, 138-1234-5678, 138 1234 5678, +86 138..., 86-138..., (+86)138...; one separator throughout
_MOBILE = re.compile(
    r"(?<![0-9A-Za-z+])(?<![0-9]\.)(?:(?:\+|00)?86[ -]?|\(\+?86\) ?)?"
    r"(1[3-9][0-9])([ -]?)([0-9]{4})\2([0-9]{4})(?!\2[0-9])" + _AFTER)
# 16 to 19 digits, run together or in groups of four (the last may be shorter) not continued by another group
_BANK_CARD = re.compile(
    _BEFORE + r"([0-9]{16,19})" + _AFTER + "|"
    + _BEFORE + r"(?<![0-9] )([0-9]{4}(?: [0-9]{4}){3}(?: [0-9]{1,3})?)" + _AFTER + r"(?! [0-9])")

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"  # ISO 7064 MOD 11-2, indexed by the weighted sum modulo 11

LABELS = {"id-number": "居民身份证号码", "mobile": "手机号码", "bank-card": "银行卡号"}


@dataclass(frozen=True)
class PersonalData:
    kind: str  # "id-number" | "mobile" | "bank-card"
    label: str  # the kind in Chinese, for the clerk
    masked: str  # enough to find the number in the text, never the whole number
    line: int  # 1-based line


def find_personal_data(text: str, first_line: int = 1) -> list[PersonalData]:
    """Resident ID, mobile and bank card numbers in `text`, in order; `first_line` is the line of text[0]."""
    plain = text.translate(_HALF_WIDTH)
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str, str]] = []

    def add(start: int, end: int, kind: str, masked: str) -> None:
        if not any(start < other_end and other_start < end for other_start, other_end in taken):
            taken.append((start, end))
            found.append((start, kind, masked))

    for match in _ID_NUMBER.finditer(plain):
        number = match.group(1).upper()
        if is_id_number(number):
            add(match.start(), match.end(), "id-number", f"{number[:6]}{'*' * 8}{number[-4:]}")
    for match in _MOBILE.finditer(plain):
        head, _, _, tail = match.groups()
        add(match.start(), match.end(), "mobile", f"{head}****{tail}")
    for match in _BANK_CARD.finditer(plain):
        digits = (match.group(1) or match.group(2)).replace(" ", "")
        if luhn_valid(digits) and not looks_like_id_number(digits):
            add(match.start(), match.end(), "bank-card", _mask_card(digits))

    found.sort()
    return [PersonalData(kind, LABELS[kind], masked, first_line + plain.count("\n", 0, start))
            for start, kind, masked in found]


def is_id_number(number: str) -> bool:
    """An 18-character resident ID with a real birth date (1900-2099) and a correct check character."""
    return looks_like_id_number(number) and number[17].upper() == id_check_char(number[:17])


def looks_like_id_number(number: str) -> bool:
    """17 digits with a real birth date and one more character: an ID number, or a mistyped one.

    Such runs are never reported as bank cards, whatever their check character.
    """
    if len(number) != 18 or not (number[:17].isascii() and number[:17].isdigit()):
        return False
    year, month, day = int(number[6:10]), int(number[10:12]), int(number[12:14])
    if not 1900 <= year <= 2099:
        return False
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def id_check_char(first17: str) -> str:
    """The 18th character of a resident ID number, from its first 17 digits."""
    return _ID_CHECK[sum(int(digit) * weight for digit, weight in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def luhn_valid(digits: str) -> bool:
    """The Luhn check used by bank card numbers."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _mask_card(digits: str) -> str:
    stars = "*" * (len(digits) - 8)
    groups = [stars[i:i + 4] for i in range(0, len(stars), 4)]
    return " ".join([digits[:4], *groups, digits[-4:]])

"""The 统一社会信用代码 (unified social credit code) of GB 32100-2015: 18 characters from a 31-character
alphabet, the last a check character over the other seventeen."""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)  # 3**i mod 31
LENGTH = 18


def check_character(first17: str) -> str:
    total = sum(ALPHABET.index(char) * weight for char, weight in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def credit_code_problem(code: str) -> str | None:
    """What is wrong with `code`, in Chinese; None when it is a valid code."""
    if len(code) != LENGTH:
        return f"应为 18 位，实际为 {len(code)} 位"
    wrong = [char for char in code if char not in ALPHABET]
    if wrong:
        return f"含有不能使用的字符“{wrong[0]}”（只能使用数字和除 I、O、S、V、Z 以外的大写字母）"
    expected = check_character(code[:17])
    if code[17] != expected:
        return f"校验码（第 18 位）应为 {expected}，请核对是否抄错"
    return None

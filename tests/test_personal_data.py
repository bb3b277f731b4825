"""Personal data in page text: resident ID, mobile and bank card numbers, and what must not match.

All numbers are fictional: IDs use region 110105 with a computed check character, cards a computed
Luhn digit. The helpers compute check characters independently of the module under test.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from xxgk.personal_data import (
    PersonalData,
    find_personal_data,
    id_check_char,
    is_id_number,
    looks_like_id_number,
    luhn_valid,
)

REGION = "110105"


def id_check(first17: str) -> str:
    """ISO 7064 MOD 11-2 in its closed form: (12 - weighted sum mod 11) mod 11, 10 written X."""
    weighted = sum(int(digit) * (2 ** (17 - i) % 11) for i, digit in enumerate(first17))
    value = (12 - weighted % 11) % 11
    return "X" if value == 10 else str(value)


def make_id(birth: str = "19900307", sequence: str = "123") -> str:
    first17 = REGION + birth + sequence
    return first17 + id_check(first17)


def id_ending_in(char: str, birth: str = "19900307") -> str:
    return next(make_id(birth, f"{n:03d}") for n in range(1000) if make_id(birth, f"{n:03d}").endswith(char))


def luhn_digit(body: str) -> str:
    total = 0
    for i, char in enumerate(reversed(body)):
        value = int(char) * (2 if i % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str(-total % 10)


def make_card(body: str) -> str:
    return body + luhn_digit(body)


def wrong_luhn(body: str) -> str:
    return body + str((int(luhn_digit(body)) + 1) % 10)


def kinds(text: str) -> list[str]:
    return [finding.kind for finding in find_personal_data(text)]


# --- the helpers agree with the module and with a published check example ---------------------------

def test_check_helpers():
    assert id_check("11010519491231002") == "X"  # the example in GB 11643
    assert id_check_char("11010519491231002") == "X"
    assert luhn_digit("7992739871") == "3"  # the usual Luhn example
    assert luhn_valid("79927398713") and not luhn_valid("79927398710")
    for n in range(200):
        first17 = REGION + "19850101" + f"{n:03d}"
        assert id_check_char(first17) == id_check(first17)


# --- resident ID numbers -------------------------------------------------------------------------

def test_valid_id_number_found_and_masked():
    number = make_id()
    [finding] = find_personal_data(f"申请人身份证号：{number}，住址略。")
    assert finding == PersonalData("id-number", "居民身份证号码", f"110105********{number[-4:]}", 1)


def test_id_number_with_x_check_character():
    number = id_ending_in("X")
    assert [f.masked for f in find_personal_data(f"证件号码 {number}")] == [f"110105********{number[-4:]}"]
    assert number[-4:].endswith("X")
    lower = number[:-1] + "x"
    assert [f.masked for f in find_personal_data(f"证件号码 {lower}")] == [f"110105********{number[-4:]}"]


def test_wrong_check_character_is_ignored():
    number = make_id()
    # one of the wrong digits makes the run Luhn-valid: it must not come back as a bank card
    assert any(luhn_valid(number[:-1] + char) for char in "0123456789" if char != number[-1])
    for char in "0123456789X":
        if char != number[-1]:
            wrong = number[:-1] + char
            assert not is_id_number(wrong)
            assert find_personal_data(f"身份证号：{wrong}") == [], wrong  # and not a bank card either


def test_implausible_birth_dates_are_ignored():
    for birth in ("19900230", "18991231", "21000101", "19901301", "19900000"):
        assert find_personal_data(make_id(birth)) == [], birth
    assert kinds(make_id("20991231")) == ["id-number"]
    assert kinds(make_id("19000101")) == ["id-number"]


def test_id_number_inside_a_longer_run_is_ignored():
    number = make_id()
    assert find_personal_data(number + "5") == []
    assert find_personal_data("5" + number) == []
    assert find_personal_data("AB" + number) == []
    assert find_personal_data(number + ".5") == []


def test_valid_id_that_also_passes_luhn_is_an_id_only():
    number = next(n for n in (make_id("19900307", f"{i:03d}") for i in range(1000))
                  if n.isdigit() and luhn_valid(n))
    assert kinds(number) == ["id-number"]


def test_full_width_id_number():
    number = make_id()
    full = number.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    assert [f.masked for f in find_personal_data(full)] == [f"110105********{number[-4:]}"]


# --- mobile numbers ------------------------------------------------------------------------------

def test_mobile_spellings():
    spellings = ["13812345678", "138-1234-5678", "138 1234 5678", "+86 138 1234 5678", "+8613812345678",
                 "86-13812345678", "8613812345678", "(+86)13812345678", "+86-138-1234-5678", "008613812345678",
                 "（＋８６）１３８１２３４５６７８"]
    for spelling in spellings:
        assert find_personal_data(f"联系电话：{spelling}。") == [PersonalData("mobile", "手机号码", "138****5678", 1)], spelling


def test_mobile_prefixes():
    assert kinds("19912345678") == ["mobile"]
    assert kinds("16612345678") == ["mobile"]
    assert kinds("12812345678") == []
    assert kinds("10012345678") == []


def test_landlines_and_other_numbers_are_not_mobiles():
    for text in ["0999-55501202", "电话：0999-55501202", "010-12345678", "（0999）5550 1202", "12345", "10086"]:
        assert find_personal_data(text) == [], text


def test_mobile_inside_longer_runs_or_codes_is_ignored():
    for text in ["138123456789", "213812345678", "A13812345678", "13812345678B", "13812345678.50",
                 "0.13812345678", "138-1234-5678-9", "138-1234 5678", "1013812345678"]:
        assert find_personal_data(text) == [], text


# --- bank card numbers ---------------------------------------------------------------------------

def test_luhn_valid_cards_found():
    for body in ("622200000000123", "62170012345678901", "621700123456789012"):  # 16, 18, 19 digits
        card = make_card(body)
        assert luhn_valid(card)
        [finding] = find_personal_data(f"收款账号：{card}")
        assert finding.kind == "bank-card" and finding.label == "银行卡号"
        assert finding.masked.startswith(card[:4] + " ") and finding.masked.endswith(" " + card[-4:])
        assert finding.masked.replace(" ", "").count("*") == len(card) - 8


def test_card_mask_shape():
    card = make_card("622200000000123")
    assert find_personal_data(card)[0].masked == f"{card[:4]} **** **** {card[-4:]}"
    long_card = make_card("621700123456789012")
    assert find_personal_data(long_card)[0].masked == f"{long_card[:4]} **** **** *** {long_card[-4:]}"


def test_grouped_card():
    card = make_card("622200000000123")
    grouped = " ".join(card[i:i + 4] for i in range(0, 16, 4))
    assert [f.masked for f in find_personal_data(f"卡号 {grouped} 。")] == [f"{card[:4]} **** **** {card[-4:]}"]
    card19 = make_card("621700123456789012")
    grouped19 = " ".join(card19[i:i + 4] for i in range(0, 19, 4))
    assert kinds(grouped19) == ["bank-card"]


def test_luhn_invalid_cards_ignored():
    for body in ("622200000000123", "621700123456789012"):
        assert find_personal_data(wrong_luhn(body)) == []


def test_twenty_digit_run_is_not_a_card():
    run = make_card("6222000000001234567")  # 20 digits, Luhn valid
    assert luhn_valid(run) and len(run) == 20
    assert find_personal_data(run) == []
    assert find_personal_data(" ".join(run[i:i + 4] for i in range(0, 20, 4))) == []


def test_fifteen_digits_are_not_a_card():
    assert find_personal_data(make_card("62220000000012")) == []


# --- what must never match -----------------------------------------------------------------------

def test_index_numbers_dates_and_amounts_do_not_match():
    card = make_card("622200000000123")
    texts = ["索引号：11999900MB0000000X/2025-00038", "11999900MB0000000X", "2025-01-01", "20250101",
             "金额 1234567.89 元", f"合计 {card}.00 元", "京政发〔2025〕13号", "2025年第12345678期"]
    for text in texts:
        assert find_personal_data(text) == [], text


# --- positions -----------------------------------------------------------------------------------

def test_line_numbers_on_multi_line_text():
    number, card = make_id(), make_card("622200000000123")
    text = f"第一行没有\n联系人手机 13912345678\n\n身份证 {number}\n卡号 {card}，电话 138-1234-5678\n"
    assert [(f.kind, f.line) for f in find_personal_data(text)] == [
        ("mobile", 2), ("id-number", 4), ("bank-card", 5), ("mobile", 5)]
    assert [f.line for f in find_personal_data(text, first_line=12)] == [13, 15, 16, 16]


def test_findings_are_in_text_order():
    number, card = make_id(), make_card("622200000000123")
    assert kinds(f"{card} 13812345678 {number} 13912345678") == ["bank-card", "mobile", "id-number", "mobile"]


def test_nothing_in_ordinary_text():
    assert find_personal_data("") == []
    assert find_personal_data("关于印发《2025年政府信息公开工作要点》的通知\n各区人民政府：") == []


# --- the masked value never shows the number -----------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.dates().filter(lambda d: 1900 <= d.year <= 2099), st.integers(min_value=0, max_value=999))
def test_masked_id_never_contains_the_number(birth, sequence):
    number = make_id(birth.strftime("%Y%m%d"), f"{sequence:03d}")
    [finding] = find_personal_data(f"身份证号{number}")
    assert number not in finding.masked
    assert number[6:14] not in finding.masked  # the birth date is hidden
    assert finding.masked == number[:6] + "*" * 8 + number[-4:]


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_masked_mobile_never_contains_the_number(mobile):
    [finding] = find_personal_data(f"手机：{mobile}")
    assert mobile not in finding.masked
    assert sum(char.isdigit() for char in finding.masked) == 7
    assert finding.masked == f"{mobile[:3]}****{mobile[-4:]}"


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"6[0-9]{14,17}", fullmatch=True))
def test_masked_card_never_contains_the_number(body):
    card = make_card(body)
    findings = find_personal_data(f"账号：{card}")
    if looks_like_id_number(card):
        # an ID-shaped run is never reported as a card (as an ID number when its check digit is right)
        assert all(f.kind == "id-number" for f in findings)
        return
    [finding] = findings
    assert card not in finding.masked.replace(" ", "")
    assert sum(char.isdigit() for char in finding.masked) == 8

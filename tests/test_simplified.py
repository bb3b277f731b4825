"""The Traditional-to-Simplified table the build and the search page share."""

from xxgk.simplified import generate, table, to_simplified


def test_the_table_in_the_package_is_what_opencc_gives():
    assert generate() == table(), "regenerate with `.venv/bin/python -m xxgk.simplified`"


def test_every_entry_keeps_the_length_so_offsets_survive_folding():
    data = table()
    assert all(len(v) == 1 for v in data["chars"].values())
    assert all(len(k) == len(v) for k, v in data["phrases"].items())
    text = "關於《示例市價格監測辦法》的答覆，乾隆年間"
    assert len(to_simplified(text)) == len(text)


def test_phrases_before_characters():
    assert to_simplified("政務公開") == "政务公开"
    assert to_simplified("批覆和答覆") == "批复和答复"  # 覆 alone stays 覆
    assert to_simplified("乾隆皇帝很乾燥") == "乾隆皇帝很干燥"
    assert to_simplified("示发改〔2024〕7号 abc") == "示发改〔2024〕7号 abc"

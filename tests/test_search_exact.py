"""Exact lookups: keys that survive every way of typing a title or number, and the pages citing them."""

import pytest

from xxgk.search_exact import CITING_SHOWN, citations, exact_key, exact_shards, fnv1a, keys
from xxgk.search_records import SearchRecord
from xxgk.simplified import to_simplified


def record(url, title, text="", identifiers=(), date="2024-01-01"):
    return SearchRecord(url, title, text, {"title": title, "date": date}, {"年份": [date[:4]]}, date, identifiers)


@pytest.mark.parametrize("typed", ["肥政办字〔2020〕第12号", "肥政办字〔2020〕12号", "肥政办字[2020]12号", "肥政办字(2020)12号", "肥政办字（2020）12号",
                                   "肥政辦字〔2020〕12號", " 肥政办字 〔 2020 〕 12 号 ", "肥政办字［２０２０］１２号"])
def test_document_numbers_typed_in_any_brackets_or_script_share_one_key(typed):
    assert exact_key(typed) == "肥政办字202012号"


def test_index_numbers_and_titles_keep_only_letters_digits_and_han():
    assert exact_key("11999900MB0000000X/2025-00038") == "11999900mb0000000x202500038"
    assert exact_key("示例市新型储能产业发展规划（2024—2030年）") == "示例市新型储能产业发展规划20242030年"


def test_shard_number_matches_the_browser_hash():
    # the same value search-text.js computes (FNV-1a over UTF-16 code units)
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C
    assert fnv1a("号") == fnv1a("\u53f7")


def test_a_notice_issuing_a_regulation_is_also_found_by_the_regulation_name():
    notice = record("a/", "示例市发展和改革委员会关于印发《示例市定价成本监审办法》的通知", identifiers=("示发改规〔2023〕1号",))
    assert keys(notice) == ("示例市发展和改革委员会关于印发示例市定价成本监审办法的通知", "示例市定价成本监审办法", "示发改规20231号")


def test_citations_by_title_document_number_and_index_number():
    text = to_simplified("根据《示例市定价成本监审办法》（示发改规〔2023〕1号）和索引号 11999900MB0000000X/2025-00038 的规定")
    found = {key: text[start:end] for key, start, end in citations(text)}
    assert found["示例市定价成本监审办法"] == "《示例市定价成本监审办法》"
    assert found["示发改规20231号"] == "示发改规〔2023〕1号"
    assert found["11999900mb0000000x202500038"] == "11999900MB0000000X/2025-00038"


def test_shards_list_the_page_then_the_pages_citing_it_the_same_way_newest_first():
    policy = record("policy/", "关于规范收费管理的通知", "正文", ("测试规〔2024〕2号",), "2024-01-01")
    older = record("older/", "解读", "根据测试规〔2024〕2号，……", date="2024-02-01")
    newer = record("newer/", "《关于规范收费管理的通知》政策解读", "……测试规（2024）2号", date="2024-03-01")
    by_title = record("title/", "说明", "《关于规范收费管理的通知》", date="2024-04-01")
    unrelated = record("other/", "其他", "测试规〔2024〕3号")
    count, shards, _outgoing = exact_shards([policy, older, newer, by_title, unrelated])
    entries = {k: v for shard in shards.values() for k, v in shard.items()}
    assert count == 1
    by_number = entries["测试规20242号"]
    assert [c["url"] for c in by_number["match"]] == ["policy/"]
    assert [c["url"] for c in by_number["cited_by"]] == ["newer/", "older/"]
    assert by_number["cited_by"][1]["excerpt"] == ["解读 根据", "测试规〔2024〕2号", "，……"]
    assert [c["url"] for c in entries["关于规范收费管理的通知"]["cited_by"]] == ["title/", "newer/"]
    assert "测试规20243号" not in entries  # cited, but no page has that number
    assert entries["解读"]["cited_by"] == []


def test_a_page_never_cites_itself():
    policy = record("policy/", "关于规范收费管理的通知", "本通知（测试规〔2024〕2号）自发布之日起施行", ("测试规〔2024〕2号",))
    entries = exact_shards([policy])[1][0]
    assert entries["测试规20242号"]["cited_by"] == []


def test_traditional_phrases_fold_as_opencc_folds_them():
    assert exact_key("關於市十七屆人大五次會議第0126號建議的答覆") == exact_key("关于市十七届人大五次会议第0126号建议的答复")
    assert exact_key("乾隆") == "乾隆" and exact_key("乾燥") == "干燥"


def test_another_issuers_number_is_not_taken_for_a_citation():
    text = to_simplified("按照皖财预〔2024〕5号和示发改〔2024〕7号文件要求")
    found = {key for key, _start, _end in citations(text)}
    assert "示发改20247号" in found
    assert "财预20245号" not in found and "皖财预20245号" in found


def test_citing_pages_are_capped_newest_first_with_the_total():
    policy = record("policy/", "关于规范收费管理的通知", "", ("测试规〔2024〕2号",))
    citing = [record(f"c{i}/", f"文件{i}", "根据测试规〔2024〕2号", date=f"2025-01-{1 + i % 28:02d}")
              for i in range(CITING_SHOWN + 5)]
    entry = exact_shards([policy, *citing])[1]
    entry = next(shard["测试规20242号"] for shard in entry.values() if "测试规20242号" in shard)
    assert entry["cited_total"] == CITING_SHOWN + 5 and len(entry["cited_by"]) == CITING_SHOWN
    dates = [c["meta"]["date"] for c in entry["cited_by"]]
    assert dates == sorted(dates, reverse=True)


def test_excerpts_keep_the_citing_page_as_written():
    policy = record("policy/", "關於規範收費管理的通知", "", ("測試規〔2024〕2號",))
    citing = record("c/", "說明", "根據測試規〔2024〕2號辦理")
    entry = exact_shards([policy, citing])[1][0]["测试规20242号"]
    assert entry["cited_by"][0]["excerpt"] == ["說明 根據", "測試規〔2024〕2號", "辦理"]

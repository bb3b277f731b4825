"""The built site as the public sees it: pages, names, metadata, validity, links, feeds."""

import datetime as dt
from pathlib import Path

from conftest import replace_in, soup, texts, write

PARTS = ["政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开工作年度报告"]


def rows_of(page, table: str) -> dict[str, str]:
    """A two-column table (th, td) as a mapping."""
    return dict(zip(texts(page.select(f"{table} th")), texts(page.select(f"{table} td")), strict=True))


def all_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_home_shows_the_four_parts_first_in_order(content, build_site):
    home = soup(build_site(content) / "index.html")
    assert home.html["lang"] == "zh-CN"
    assert texts(home.select("h1")) == ["政府信息公开"]
    main = home.find("main")
    first = main.find(lambda tag: tag.name not in ("h1",) and tag.parent is main)
    assert first.name == "nav"
    assert texts(first.select(".part-name")) == PARTS
    assert [a["href"] for a in first.select("a")] == ["guide/", "rules/", "columns/", "reports/"]
    assert texts(home.select("#latest-heading + ul a"))[0] == "测试市测试局主要职责"
    assert home.select_one("form[role=search]")["action"] == "search/"


def test_every_page_has_one_h1_landmarks_and_a_skip_link_first(content, build_site):
    site = build_site(content)
    for page in all_pages(site):
        html = soup(page)
        assert len(html.select("h1")) == 1, page
        assert html.find("main", id="main"), page
        assert html.find("header") and html.find("footer") and html.find("nav"), page
        first_link = html.body.find(["a", "button", "input"])
        assert first_link.get("href") == "#main" and first_link.get_text() == "跳到正文", page
        for table in html.select("table"):  # simple tables use scope; tables with merged cells id/headers
            if table.select("td[headers]"):
                assert all(th.get("id") for th in table.select("th")), page
                assert all(td.get("headers") for td in table.select("td")), page
            else:
                assert all(th.get("scope") in ("row", "col") for th in table.select("th")), page


def test_internal_links_are_relative_so_the_site_works_under_a_sub_path(content, build_site):
    site = build_site(content)
    for page in all_pages(site):
        if page.name == "404.html":
            continue
        for tag in soup(page).select("[href], [src], [action]"):
            link = tag.get("href") or tag.get("src") or tag.get("action")
            assert not link.startswith("/"), (page, link)
            if link.startswith("http"):
                assert tag.name == "link" and tag["rel"] == ["canonical"], (page, link)


def test_not_found_page_uses_base_url_links(content, build_site):
    page = soup(build_site(content) / "404.html")
    assert texts(page.select("h1")) == ["页面不存在"]
    assert page.select_one("link[rel=stylesheet]")["href"] == "/gk/assets/site.css"  # any depth, any host


def test_guide_shows_update_date_and_office_contacts(content, build_site):
    guide = soup(build_site(content) / "guide/index.html")
    assert guide.select_one(".updated-on").get_text() == "更新日期：2024-06-03"
    rows = rows_of(guide, ".office")
    assert rows == {"机构名称": "测试市测试局办公室", "办公地址": "测试市人民路1号", "邮政编码": "100000",
                    "办公时间": "工作日上午9:00-12:00，下午13:30-17:30", "联系电话": "0999-12345678",
                    "传真": "0999-12345679", "电子邮箱": "gk@example.gov.cn"}


OFFICE_SECTION = """
## 三、政府信息公开工作机构

机构名称：测试市测试局办公室
办公地址：测试市人民路1号
邮政编码：100000
办公时间：工作日上午9:00-12:00，下午13:30-17:30
联系电话：0999-12345678
传真：0999-12345679
电子邮箱：gk@example.gov.cn
"""


def test_guide_shows_the_contacts_once(content, build_site):
    """Written in the guide, one per line: shown there, line by line, and neither as site.yaml's table nor
    in the footer of that page. Without them the guide page shows site.yaml's table and no footer copy."""
    page = soup(build_site(content) / "guide/index.html")
    assert page.get_text().count("0999-12345678") == 1 and page.select(".office")
    write(content / "guide.md", (content / "guide.md").read_text(encoding="utf-8") + OFFICE_SECTION)
    page = soup(build_site(content) / "guide/index.html")
    assert page.get_text().count("0999-12345678") == 1 and not page.select(".office")
    lines = [line.strip() for line in page.select_one(".prose p:-soup-contains('机构名称')").get_text().splitlines()]
    assert lines[:2] == ["机构名称：测试市测试局办公室", "办公地址：测试市人民路1号"]  # not run together
    assert texts(page.select(".site-footer p"))[0] == "本页列有政府信息公开工作机构的联系方式。"
    other = soup(Path("site/rules/index.html"))
    assert "电话：0999-12345678" in other.select_one(".site-footer").get_text()


def test_document_page_metadata_attachments_and_interpretation_links(content, build_site):
    site = build_site(content)
    page = soup(site / "documents/2024/fee-rules/index.html")
    rows = rows_of(page, ".metadata")
    assert rows["索引号"] == "000000001/2024-00001"
    assert rows["主题分类"] == "财政、金融、审计 › 财政"  # the file's backslash is notation, not shown
    assert rows["发布机构"] == "测试市测试局"
    assert rows["成文日期"] == "2024-11-08" and rows["发布日期"] == "2024-11-12"
    assert rows["发文字号"] == "测试规〔2024〕2号"
    assert rows["有效性"] == "有效"
    assert rows["所属栏目"] == "法规文件／规范性文件"
    assert page.select_one(".metadata a")["href"] == "../../../columns/01/01-01/"
    assert texts(page.select(".attachments li")) == ["收费目录 （CSV，30 B）"]
    href = page.select_one(".attachments a")["href"]
    # text files are published as UTF-8 with a byte-order mark (spreadsheets and browsers then read them right)
    assert (site / "documents/2024" / "收费目录.csv").read_bytes() == \
        b"\xef\xbb\xbf" + (content / "documents/2024/收费目录.csv").read_bytes()
    assert href == "../%E6%94%B6%E8%B4%B9%E7%9B%AE%E5%BD%95.csv"
    assert [(a.get_text(), a["href"]) for a in page.select(".related a")] == [
        ("《测试市测试局关于规范收费管理的通知》政策解读", "../fee-rules-interpretation/")]
    back = soup(site / "documents/2024/fee-rules-interpretation/index.html")
    assert [(a.get_text(), a["href"]) for a in back.select(".related a")] == [
        ("测试市测试局关于规范收费管理的通知", "../fee-rules/")]
    assert texts(page.select(".breadcrumbs li")) == ["政府信息公开", "法定主动公开内容", "法规文件",
                                                     "测试市测试局关于规范收费管理的通知"]


def test_repealed_document_shows_banner_with_date_and_replacement(content, build_site):
    replace_in(content / "documents/2024/fee-rules.md", "validity: 有效",
               "validity: 废止\nexpires_on: 2024-12-06\nreplaced_by: 000000001/2024-00003")
    page = soup(build_site(content) / "documents/2024/fee-rules/index.html")
    banner = page.select_one(".validity-banner")
    assert " ".join(banner.get_text(" ", strip=True).split()) == \
        "本文件已废止 废止日期：2024-12-06。 现行文件： 测试市测试局主要职责"
    assert banner.select_one("a")["href"] == "../functions/"
    assert rows_of(page, ".metadata")["有效性"] == "废止"


def test_expired_document_shows_as_invalid_automatically(content, build_site, monkeypatch):
    replace_in(content / "documents/2024/fee-rules.md", "validity: 有效", "validity: 有效\nexpires_on: 2024-12-31")
    site = build_site(content)  # SOURCE_DATE_EPOCH is 2025-01-20
    page = soup(site / "documents/2024/fee-rules/index.html")
    assert "本文件有效期至 2024-12-31，已过有效期，自动标注为失效。" in page.select_one(".validity-banner").get_text()
    assert rows_of(page, ".metadata")["有效性"] == "失效"
    listing = soup(site / "columns/01/index.html")
    assert texts(listing.select(".badge")) == ["失效"]


def test_still_valid_before_expiry(content, build_site):
    replace_in(content / "documents/2024/fee-rules.md", "validity: 有效", "validity: 有效\nexpires_on: 2025-01-20")
    page = soup(build_site(content) / "documents/2024/fee-rules/index.html")
    assert page.select_one(".validity-banner") is None


def add_documents(content: Path, count: int, catalogue: str = "02-01") -> None:
    for i in range(count):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=i)
        write(content / f"documents/2024/many/n{i:03d}.md",
              f"---\ntitle: 通知第{i}号\nindex_no: M/{i:05d}\ncatalogue: {catalogue}\npublished_on: {day}\n---\n正文{i}\n")


def test_sub_column_lists_newest_first_paginated_by_20(content, build_site):
    add_documents(content, 44)
    site = build_site(content)
    first = soup(site / "columns/02/index.html")
    titles = texts(first.select(".document-list a"))
    assert len(titles) == 20 and titles[0] == "测试市测试局主要职责" and titles[1] == "通知第43号"
    nav = first.select_one("nav.pagination")
    assert nav["aria-label"] == "分页"
    assert texts(nav.select(".pagination-status")) == ["第 1 页，共 3 页"]
    assert nav.select_one("[aria-current=page]")["href"] == "./"
    assert nav.select_one("a[rel=next]")["href"] == "page/2/"
    third = soup(site / "columns/02/page/3/index.html")
    assert len(third.select(".document-list li")) == 5
    assert third.select_one("a[rel=prev]")["href"] == "../2/"
    assert texts(third.select("h1")) == ["机构职能（第 3 页）"]
    assert (site / "columns/02/02-01/page/3/index.html").is_file()


def test_empty_sub_column_says_so_and_warns(content, run, build_site):
    write(content / "catalogue.csv", (content / "catalogue.csv").read_text(encoding="utf-8") +
          "03-01,规划信息,发展规划,规划,条例,20个工作日,测试市测试局,政府网站,全社会,主动,市级\n")
    result = run("check", "--content", "content")
    assert result.lines[:-1] == [
        "content/catalogue.csv:6: 警告 [empty-column] 法定主动公开内容的子栏目“规划信息”没有任何文件，页面将显示“本栏目暂无公开信息”"]
    page = soup(build_site(content) / "columns/03/index.html")
    assert texts(page.select(".empty-state")) == ["本栏目暂无公开信息。"]
    assert not page.select(".document-list")


def test_catalogue_table_links_rows_to_their_documents(content, build_site):
    page = soup(build_site(content) / "catalogue/index.html")
    assert texts(page.select("thead th")) == ["编号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体",
                                              "公开渠道和载体", "公开对象", "公开方式", "公开层级"]
    rows = page.select("tbody tr")
    assert len(rows) == 4
    assert rows[0].select_one("a")["href"] == "../columns/01/01-01/"
    assert rows[3].select_one("a") is None and texts(rows[3].select("td"))[-2] == "依申请"


def test_reports_list_and_year_page(content, build_site):
    site = build_site(content)
    listing = soup(site / "reports/index.html")
    assert texts(listing.select(".report-list a")) == ["测试市测试局2024年政府信息公开工作年度报告"]
    page = soup(site / "reports/2024/index.html")
    assert texts(page.select("main section > h2"))[:6] == [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


def test_markdown_links_between_documents_are_rewritten(content, build_site, run):
    replace_in(content / "documents/2024/functions.md", "负责全市测试工作。",
               "负责全市测试工作，见[收费通知](fee-rules.md)。\n\n# 附\n\n![图](chart.png)")
    result = run("check", "--content", "content")
    assert result.lines[:-1] == [
        "content/documents/2024/functions.md:11: 错误 [broken-link] 链接或图片 \"chart.png\" 指向的文件不存在；"
        "站内链接请写相对于本文件的路径，如 ../2023/notice.md"]
    replace_in(content / "documents/2024/functions.md", "![图](chart.png)", "[指南](../../guide.md)")
    page = soup(build_site(content) / "documents/2024/functions/index.html")
    assert [(a.get_text(), a["href"]) for a in page.select(".prose a")] == [
        ("收费通知", "../fee-rules/"), ("指南", "../../../guide/")]
    assert texts(page.select(".prose h2")) == ["附"]


def test_feeds_and_robots(content, build_site):
    site = build_site(content)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://www.example.gov.cn/gk/documents/2024/fee-rules/</loc><lastmod>2024-11-12</lastmod>" in sitemap
    assert "search/" not in sitemap and "404" not in sitemap
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert feed.count("<entry>") == 3
    assert feed.index("测试市测试局主要职责") < feed.index("政策解读")
    assert (site / "robots.txt").read_text(encoding="utf-8") == \
        "User-agent: *\nAllow: /\nDisallow: /gk/inspection/\nSitemap: https://www.example.gov.cn/gk/sitemap.xml\n"


def test_feed_keeps_the_latest_50(content, build_site):
    add_documents(content, 60)
    feed = (build_site(content) / "feed.xml").read_text(encoding="utf-8")
    assert feed.count("<entry>") == 50
    assert "通知第59号" in feed and "通知第9号<" not in feed


def test_links_in_pasted_html_are_checked_and_rewritten_too(content, run, build_site):
    replace_in(content / "documents/2024/functions.md", "负责全市测试工作。",
               '<p>见<a href="fee-rules.md">收费通知</a>和<a href="gone.md">旧文件</a></p>')
    assert run("check", "--content", "content").lines[:-1] == [
        "content/documents/2024/functions.md:7: 错误 [broken-link] 链接或图片 \"gone.md\" 指向的文件不存在；"
        "站内链接请写相对于本文件的路径，如 ../2023/notice.md"]
    replace_in(content / "documents/2024/functions.md", '和<a href="gone.md">旧文件</a>', "")
    page = soup(build_site(content) / "documents/2024/functions/index.html")
    assert page.select_one(".prose a")["href"] == "../fee-rules/"


def test_an_image_without_a_description_is_a_warning_with_its_line(content, build_site, run):
    (content / "documents/2024/chart.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(24))
    replace_in(content / "documents/2024/functions.md", "负责全市测试工作。",
               "负责全市测试工作。\n\n![](chart.png)\n\n<img src=\"chart.png\" alt=\" \">\n\n![机构图](chart.png)")
    result = run("check", "--content", "content")
    assert result.lines[:-1] == [
        f"content/documents/2024/functions.md:{line}: 警告 [image-alt] 图片 \"chart.png\" 没有文字说明：请写成 "
        "![图片内容的说明](chart.png)，读屏软件会读出这段说明" for line in (9, 11)]
    assert run("check", "--content", "content", "--strict").code == 1
    page = soup(build_site(content) / "documents/2024/functions/index.html")
    assert [img.get("alt") for img in page.select(".prose img")] == ["", " ", "机构图"]


def test_a_large_catalogue_does_not_grow_the_site_with_its_square(content, build_site):
    rows = "".join(f"02-{n:02d},机构职能,事项{n},内容,依据,20个工作日内,测试市测试局,政府网站,全社会,主动,市级\n"
                   for n in range(2, 92))
    catalogue = content / "catalogue.csv"
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + rows, encoding="utf-8")
    site = build_site(content, "site", "--no-search")
    first = soup(site / "columns/02/index.html")
    assert len(first.select(".group-nav li")) == 91  # the sub-column's first page lists every 二级事项
    pages = [p for p in (site / "columns/02").rglob("index.html") if p.parent != site / "columns/02"]
    assert len(pages) >= 91
    assert sum(len(soup(p).select(".group-nav li")) for p in pages) == 0  # its 91 item pages list none
    assert soup(pages[0]).select(".breadcrumbs a")[-1]["href"] in ("../", "../../")  # and lead back to it


def test_the_normative_library_lists_every_normative_document_with_its_validity(content, build_site):
    write(content / "documents/2023/old-fee-rules.md", """---
title: 测试市测试局收费管理暂行办法
index_no: 000000001/2023-00004
catalogue: 01-01
published_on: 2023-03-01
doc_no: 测试规〔2023〕1号
kind: 规范性文件
validity: 废止
expires_on: 2024-11-12
replaced_by: 000000001/2024-00001
---
正文
""")
    write(content / "documents/2024/cleanup.md", """---
title: 测试市测试局关于公布规范性文件清理结果的通知
index_no: 000000001/2024-00020
catalogue: 02-01
published_on: 2024-12-20
cleanup: [000000001/2023-00004]
---
清理结果。
""")
    site = build_site(content)
    page = soup(site / "normative/index.html")
    assert texts(page.select(".filter-links a")) == ["全部（2）", "有效（1）", "失效（0）", "废止（1）", "已修改（0）"]
    assert page.select_one(".filter-links a[aria-current=page]").get_text() == "全部（2）"
    rows = [[cell.get_text(" ", strip=True) for cell in tr.find_all(["th", "td"])] for tr in page.select("tbody tr")]
    assert rows == [
        ["测试市测试局关于规范收费管理的通知", "测试规〔2024〕2号", "2024-11-12", "2024-12-01", "有效", ""],
        ["测试市测试局收费管理暂行办法", "测试规〔2023〕1号", "2023-03-01", "", "废止 2024-11-12",
         "被替代： 测试市测试局关于规范收费管理的通知 清理结果： 测试市测试局关于公布规范性文件清理结果的通知"]]
    assert page.select("tbody tr")[1].select("td a")[1]["href"] == "../documents/2024/cleanup/"
    repealed = soup(site / "normative/repealed/index.html")
    assert [tr.th.get_text() for tr in repealed.select("tbody tr")] == ["测试市测试局收费管理暂行办法"]
    assert repealed.select_one(".filter-links a[aria-current=page]")["href"] == "./"
    assert soup(site / "normative/amended/index.html").select_one(".empty-state").get_text() == "没有有效性为“已修改”的规范性文件。"
    assert "规范性文件库" in texts(soup(site / "index.html").select(".site-nav a"))


def test_a_cleanup_naming_no_document_is_an_error(content, run):
    write(content / "documents/2024/cleanup.md", "---\ntitle: 清理结果\nindex_no: 000000001/2024-00020\ncatalogue: 02-01\n"
          "published_on: 2024-12-20\ncleanup: [000000001/2023-99999]\n---\n正文\n")
    result = run("check", "--content", "content")
    assert ("content/documents/2024/cleanup.md:6: 错误 [broken-ref] cleanup（清理的规范性文件索引号）\"000000001/2023-99999\" "
            "没有对应的文件，应为 documents/ 中某个文件的 index_no") in result.lines


CONSULTATION = """---
title: 关于《测试市收费管理办法（征求意见稿）》公开征求意见的公告
index_no: 000000001/2024-00030
catalogue: 02-01
published_on: {published}
consultation:
  from: {opens}
  until: {closes}
---
征求意见稿正文。
"""


def test_consultations_show_their_period_state_and_how_to_comment(content, build_site):
    replace_in(content / "site.yaml", "office:", "consultation:\n  how: 发送电子邮件至 gk@example.gov.cn\noffice:")
    write(content / "documents/2024/draft-open.md",
          CONSULTATION.format(published="2025-01-06", opens="2025-01-06", closes="2025-02-05"))
    write(content / "documents/2024/draft-closed.md",
          CONSULTATION.format(published="2024-10-08", opens="2024-10-08", closes="2024-11-07")
          .replace("2024-00030", "2024-00031").replace("收费管理办法", "价格监测办法"))
    write(content / "documents/2024/feedback.md", "---\ntitle: 关于《测试市价格监测办法（征求意见稿）》意见采纳情况的说明\n"
          "index_no: 000000001/2024-00032\ncatalogue: 02-01\npublished_on: 2024-11-20\n"
          "feedback_for: 000000001/2024-00031\n---\n采纳情况。\n")
    site = build_site(content)  # today is 2025-01-20
    open_draft = soup(site / "documents/2024/draft-open/index.html").select_one(".consultation")
    assert open_draft.h2.get_text() == "征求意见：正在征求意见"
    assert [p.get_text() for p in open_draft.select("p")] == ["征求意见期间：2025-01-06 至 2025-02-05（状态按本页生成之日标注）。",
                                                             "反馈意见的方式：发送电子邮件至 gk@example.gov.cn"]
    closed = soup(site / "documents/2024/draft-closed/index.html")
    assert closed.select_one(".consultation h2").get_text() == "征求意见：征求意见已结束"
    assert closed.select_one(".consultation a")["href"] == "../feedback/"  # linked both ways
    feedback = soup(site / "documents/2024/feedback/index.html")
    assert [a["href"] for a in feedback.select(".related a")] == ["../draft-closed/"]
    listing = soup(site / "consultations/index.html")
    rows = [[c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])] for tr in listing.select("tbody tr")]
    assert rows == [
        ["关于《测试市收费管理办法（征求意见稿）》公开征求意见的公告", "2025-01-06 至 2025-02-05", "正在征求意见", ""],
        ["关于《测试市价格监测办法（征求意见稿）》公开征求意见的公告", "2024-10-08 至 2024-11-07", "征求意见已结束",
         "关于《测试市价格监测办法（征求意见稿）》意见采纳情况的说明"]]


def test_a_consultation_ending_before_it_starts_is_an_error(content, run):
    write(content / "documents/2024/draft.md",
          CONSULTATION.format(published="2024-10-08", opens="2024-10-08", closes="2024-10-01"))
    assert ("content/documents/2024/draft.md:8: 错误 [date] consultation.until（征求意见截止日期）2024-10-01 早于 "
            "consultation.from（开始日期）2024-10-08") in run("check", "--content", "content").lines


def rtf_decoded(data: bytes) -> str:
    """The text of an RTF file's \\uN? escapes, for checking what the form says."""
    import re
    return re.sub(r"\\u(-?\d+)\?", lambda m: chr(int(m[1]) % 65536), data.decode("ascii"))


def test_the_application_page_has_the_channels_office_limits_fees_form_and_reports(content, build_site):
    replace_in(content / "site.yaml", "office:", "application:\n  online_url: https://ysq.example.gov.cn/\noffice:")
    write(content / "documents/2024/applications-q4.md", "---\ntitle: 2024年第四季度政府信息公开申请办理情况分析\n"
          "index_no: 000000001/2024-00040\ncatalogue: 02-01\npublished_on: 2025-01-10\nkind: 依申请公开办理情况分析\n"
          "---\n本季度共收到申请12件。\n")
    site = build_site(content)
    page = soup(site / "apply/index.html")
    assert page.h1.get_text() == "依申请公开"
    assert texts(page.select("main h2")) == ["申请渠道", "申请表", "办理时限", "收费", "依申请公开办理情况分析"]
    assert page.select_one("main ul a")["href"] == "https://ysq.example.gov.cn/"
    assert rows_of(page, ".metadata")["联系电话"] == "0999-12345678"  # the office from site.yaml
    assert "20 个工作日内予以答复" in page.get_text() and "信息处理费" in page.get_text()
    assert [(a.get_text(), a["href"]) for a in page.select(".document-list a")] == [
        ("2024年第四季度政府信息公开申请办理情况分析", "../documents/2024/applications-q4/")]
    download = page.select_one("#form-download")
    assert download["href"] == "application-form.rtf"
    form = (site / "apply/application-form.rtf").read_bytes()
    assert form.startswith(b"{\\rtf1") and form.count(b"{") == form.count(b"}")
    text = rtf_decoded(form)
    assert "政府信息公开申请表" in text and "受理机关：测试市测试局（测试市测试局办公室）" in text
    assert "所需政府信息的名称、文号或者便于查询的其他特征性描述" in text
    printable = soup(site / "apply/form/index.html")
    assert texts(printable.select("caption")) == ["申请人信息", "申请公开的政府信息", "获取信息的方式", "申请人签名或者盖章"]
    assert "姓名或名称" in texts(printable.select("th"))
    assert soup(site / "guide/index.html").select_one("main a[href='../apply/']") is not None
    assert "依申请公开" in texts(soup(site / "index.html").select(".site-nav a"))

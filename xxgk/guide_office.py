"""The disclosure office as the guide states it, compared with site.yaml: 条例 art. 12 has the guide give
the office's address, hours, phone, fax and e-mail, and the footer and the guide page show site.yaml's.
The guide's own lines are read by their labels (办公地址：…, 联系电话：…)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from .model import Office

# office field -> (its name in messages, the labels a guide writes it under, what ends its value)
FIELDS = {
    "address": ("办公地址", "办公地址|通信地址|通讯地址|联系地址|(?<![网站址])地址", "，,；;。\n"),
    "postcode": ("邮政编码", "邮政编码|邮编", "，,；;。）)\n"),
    "hours": ("办公时间", "办公时间|受理时间|工作时间|接待时间", "；;。\n"),
    "phone": ("联系电话", "联系电话|咨询电话|办公电话|(?<![传真])电话", "，,；;。\n"),
    "fax": ("传真", "传真号码|传真电话|传真", "，,；;。\n"),
    "email": ("电子邮箱", "电子邮箱|电子邮件|电子信箱|邮箱|E-?mail", "，,；;。）)\n"),
}
DASHES = re.compile(r"[—–－~～至]+|-+")


@dataclass(frozen=True)
class Stated:
    """One labelled value in the guide body."""

    field: str
    line: int  # in guide.md
    value: str


def normalise(text: str) -> str:
    """For comparing: full-width forms folded (９：００ → 9:00), dashes made one, spaces and markup gone."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = DASHES.sub("-", text)
    return re.sub(r"[\s*_`<>\[\]]", "", text)


def stated_values(body: str, body_line: int) -> list[Stated]:
    found = []
    for number, line in enumerate(body.splitlines(), start=body_line):
        for field, (_name, labels, ends) in FIELDS.items():
            for match in re.finditer(rf"(?:{labels})\s*[:：]\s*([^{re.escape(ends)}]+)", line, re.IGNORECASE):
                value = match[1].strip(" *_（(")
                if value:
                    found.append(Stated(field, number, value))
    return found


def agrees(stated: str, configured: str) -> bool:
    """The guide may add to site.yaml's value (a note in brackets, a second number), not differ from it."""
    stated, configured = normalise(stated), normalise(configured)
    return configured in stated or (len(stated) >= 4 and stated in configured)


@dataclass(frozen=True)
class Disagreement:
    line: int
    message: str


def compare_with_site(body: str, body_line: int, office: Office) -> Iterator[Disagreement]:
    """Each labelled value in the guide that differs from site.yaml. (A field the guide leaves out is
    not one: the guide page then shows site.yaml's table of contacts.)"""
    for item in stated_values(body, body_line):
        name = FIELDS[item.field][0]
        configured = getattr(office, item.field)
        if not agrees(item.value, configured):
            yield Disagreement(item.line, f"指南中的{name}“{item.value}”与 site.yaml 的 office.{item.field}“{configured}”"
                                          "不一致：请改成一致（页脚等处使用 site.yaml 的信息）")


def states_every_contact(body: str) -> bool:
    """Whether the guide body itself lists the office's contacts, so the page need not show them again."""
    fields = {s.field for s in stated_values(body, 1)}
    return all(field in fields for field in FIELDS)

"""The site's name: the first line, a 首页 link, an app promotion or the copyright line."""

from __future__ import annotations

import re

from ..._draft import clean
from ._shapes import BULLET

_SITE_RULES = (
    re.compile(r"^(?P<x>[\u4e00-\u9fff]{2,10}(?:网|报|新闻|资讯网|在线))$"),
    re.compile(r"^(?P<x>[\u4e00-\u9fff]{2,6})首页$"),
    re.compile(r"(?:扫码|扫一扫)?(?:下载|打开)?(?P<x>[\u4e00-\u9fff]{2,4}新闻)(?:客户端|APP|-出品)"),
    re.compile(r"返回(?P<x>[\u4e00-\u9fff]{2,6}?)(?:首页|，)"),
    re.compile(
        r"(?:Copyright\s*©?\s*(?P<y>[\u4e00-\u9fff]{2,8})\s*All Rights)|(?P<x>[\u4e00-\u9fff]{2,8}?)(?:公司)?版权所有"
        r"|版权所有\s*[©:：]?\s*(?P<z>[\u4e00-\u9fff]{2,8}(?:网|报|社|台|新闻))"
    ),
    # the owner after the copyright sign and years (© 2010 - 2016 临江大盘 京ICP备…, Copyright © 2019 临江科普 版权所有)
    re.compile(
        r"(?:©|Copyright|\(c\))\s*(?:\d{4}\s*(?:[-–—~]\s*\d{4}\s*)?)(?!All\b)"
        r"(?P<x>[\u4e00-\u9fff]{2,16}|[A-Z][A-Za-z]{1,15}(?=\s|$))(?:\s|版[权權]所有|$)"
    ),
    # the owner after 版权所有 (版权所有：临江地理学会, 版权所有 临江省中医药研究院附属医院)
    re.compile(r"版[权權]所有\s*[:：]?\s*(?P<x>[\u4e00-\u9fff]{2,16})(?:\s|$)"),
    # an "about us" link naming the site on a line of its own (关于临江大盘)
    re.compile(r"^关于(?!我们|本站|本网)(?P<x>[\u4e00-\u9fffA-Za-z]{2,8})$"),
)
#: An operating company's name, never the brand (…传媒有限公司, …股份有限公司深圳分公司).
_COMPANY = re.compile(r"有限|公司|股份|集团|集團")
_LEADING_VERB = re.compile(r"^(?:回到|到|至|点击|點擊)")
_GENERIC_SITE = frozenset(("新闻", "频道", "顶部", "本网", "网站", "本站", "返回", "进入", "回到", "设为"))


def site_name(lines: list[str]) -> str | None:
    first = next((clean(line) for line in lines if line.strip()), "")
    hit = _SITE_RULES[0].match(first)
    if hit:
        return hit["x"]
    # menu items are never the site's name; lines indented 4 spaces are wrapped tails of menu items
    candidates = [(raw.startswith("    "), clean(raw)) for raw in lines if raw.strip() and not BULLET.match(raw)]
    for n, rule in enumerate(_SITE_RULES[1:], 1):
        for indented, line in candidates:
            if n in (1, 3) and indented:
                continue
            hit = rule.match(line) if n == 1 else rule.search(line)
            if hit:
                name = _brand(hit.groupdict().get("x") or hit.groupdict().get("y") or hit.groupdict().get("z"))
                if name and name not in _GENERIC_SITE and not name.startswith(tuple(_GENERIC_SITE)):
                    return name
    return None


def _brand(name: str | None) -> str | None:
    """The brand in a candidate: never an operating company (…有限公司…), without a leading 到/回到 (返回到X首页)."""
    if not name or _COMPANY.search(name):
        return None
    return _LEADING_VERB.sub("", name) or None

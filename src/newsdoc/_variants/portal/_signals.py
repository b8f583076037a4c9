"""Detection: the page furniture whose presence marks a portal dump."""

from __future__ import annotations

import re

#: How many short unpunctuated lines in a row make a menu.
MENU_RUN = 8
#: Page furniture that marks a portal dump (each distinct hit is evidence).
SIGNALS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (label, literals, re.compile(rx.replace(r"^\s*", r"^[^\S\n]*").replace(r"^\s+", r"^[^\S\n]+"), re.MULTILINE))
    for label, literals, rx in (
        ("footer line 版权声明", ("版权声明",), r"^\s*版权声明"),
        (
            "copyright line",
            ("Copyright", "©", "版权所有", "版權所有", "All Rights"),
            r"Copyright|©|版[权權]所有|All Rights Reserved",
        ),
        ("ICP licence number", ("ICP", "公网安备"), r"ICP[备证]|公网安备"),
        (
            "comment form",
            ("评论", "評論", "验证码", "跟贴"),
            r"^\s*(?:留言与评论|验证码|网友评论|\d+条评论|跟贴|发表评论|我要评论|热门评论|熱門評論|全部评论)",
        ),
        ("previous/next links", ("上一篇", "下一篇"), r"^\s*(?:上一篇|下一篇)"),
        (
            "related-article list",
            ("相关", "相關", "推荐", "推薦", "延伸阅读", "延伸閱讀", "热门文章", "阅读排行"),
            r"^\s*(?:相[关關](?:阅读|閱讀|新闻|新聞|推荐|推薦)|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|热门文章|阅读排行)",
        ),
        (
            "site links",
            ("关于我们", "联系我们", "网站地图", "返回"),
            r"关于我们\s*[|｜]|联系我们\s*[|｜]|网站地图|^\s*返回首页|返回顶部",
        ),
        (
            "page tools",
            ("打印本页", "【字体", "字号", "分享到", "举报", "【打印", "【关闭", "【纠错", "列印", "回上一頁"),
            r"打印本页|【字体|^\s*字号|^\s*分享到|^\s*举报\s*$|【\s*(?:打印|关闭|纠错)】|友善列印|回上一頁",
        ),
        ("bullet menu", ("•", "□"), r"^\s+[•□]\s"),
        # three or more short items between bars ("首页 | 文化动态 | 非遗传承"), or after 首页 ("网站首页  本地  国内")
        (
            "navigation bar",
            ("|", "｜", "首页", "首頁"),
            r"^\s*[^\s|｜]{1,8}(?:[^\S\n]*[|｜][^\S\n]*[^\s|｜]{1,8}){2,}[^\S\n]*$"
            r"|^\s*(?:网站)?首[页頁](?:[^\S\n]+[^\s|｜]{1,8}){2,}[^\S\n]*$",
        ),
        ("NBSP-only lines", ("\xa0",), r"^\xa0+\s*$"),
        # a menu printed one item a line, as browser dumps and mobile pages do: eight or more short lines without
        # punctuation in a row (blank lines between allowed); a bare-text article's lists are shorter or punctuated
        (
            "menu run",
            ("\n",),
            rf"(?:^[^\S\n]*[^\s。！？；，,.!?;:：、][^\n。！？；，,.!?;:：、]{{0,7}}\n(?:[^\S\n]*\n)*){{{MENU_RUN}}}",
        ),
        # a mobile page's app furniture: 打开APP, 下载客户端, 展开全文, 打开新浪新闻 查看更多精彩
        (
            "app furniture",
            ("APP", "App", "客户端", "客戶端", "全文", "更多"),
            r"^\s*(?:打开|打開|下载|下載)\S{0,10}(?:APP|App|客户端|客戶端)|^\s*展[开開]全文\s*$"
            r"|^\s*(?:打开|打開)\S{2,10}\s*(?:查看|阅读|閱讀)更多",
        ),
        # a related item's reading or play count closing its line (南江晚报 1.2万阅读 · 356评论, 3.1万次播放)
        (
            "reading count",
            ("阅读", "閱讀", "播放"),
            r"\d(?:\.\d+)?万?\s*(?:阅读|閱讀|次?播放)(?:\s*[·•]\s*\d+\s*评论)?[^\S\n]*$",
        ),
        (
            "breadcrumb",
            ("首页", "首頁", "正文", "正在阅读", "正在浏览", "当前位置"),
            r"首[页頁]\s*>|>\s*正文|正在阅读|正在浏览|当前位置",
        ),
    )
)

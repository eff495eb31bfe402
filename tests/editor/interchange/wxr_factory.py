"""Writing WordPress exports of any size for the tests, streamed to disk.

The content is Arabic, alternates block and classic posts, threads a share of
the comments and cycles through every comment status. Nothing is kept in
memory but the current item, so a file of hundreds of megabytes costs the
test nothing but disk.
"""

from __future__ import annotations

import random
from pathlib import Path

WORDS = [
    *[
        "الحكومة",
        "الوزير",
        "الاقتصاد",
        "النفط",
        "الطاقة",
        "الصين",
        "اليابان",
        "القمة",
        "المفاوضات",
        "الأسعار",
    ],
    *[
        "البرلمان",
        "الانتخابات",
        "المدينة",
        "الشباب",
        "التعليم",
        "الصحة",
        "المستشفى",
        "الجامعة",
        "المطر",
    ],
    *[
        "الصحراء",
        "الميناء",
        "قال",
        "أكد",
        "أعلن",
        "أشار",
        "أضاف",
        "في",
        "من",
        "إلى",
        "على",
        "عن",
        "مع",
        "بعد",
        "قبل",
        "خلال",
    ],
]
STATUSES = ("1", "1", "0", "spam", "trash", "1", "post-trashed", "0")
HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
\t<title>موقع تجريبي</title>
\t<wp:wxr_version>1.2</wp:wxr_version>
\t<wp:author><wp:author_id>3</wp:author_id><wp:author_login><![CDATA[reporter]]></wp:author_login><wp:author_display_name><![CDATA[مراسل]]></wp:author_display_name></wp:author>
\t<wp:category><wp:term_id>5</wp:term_id><wp:category_nicename><![CDATA[%d8%a3%d8%ae%d8%a8%d8%a7%d8%b1]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[أخبار]]></wp:cat_name></wp:category>
"""


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def comment_xml(
    comment_id: int, parent: int, text: str, approved: str = "1", date: str = "2025-10-01 10:00:00"
) -> str:
    return (
        "<wp:comment>"
        f"<wp:comment_id>{comment_id}</wp:comment_id>"
        f"<wp:comment_author><![CDATA[قارئ {comment_id % 97}]]></wp:comment_author>"
        f"<wp:comment_author_email><![CDATA[r{comment_id % 97}@example.com]]>"
        "</wp:comment_author_email>"
        "<wp:comment_author_IP><![CDATA[192.0.2.1]]></wp:comment_author_IP>"
        f"<wp:comment_date_gmt><![CDATA[{date}]]></wp:comment_date_gmt>"
        f"<wp:comment_content><![CDATA[{text}]]></wp:comment_content>"
        f"<wp:comment_approved><![CDATA[{approved}]]></wp:comment_approved>"
        "<wp:comment_type><![CDATA[comment]]></wp:comment_type>"
        f"<wp:comment_parent>{parent}</wp:comment_parent>"
        "</wp:comment>\n"
    )


def post_xml(post_id: int, body: str, comments: str = "", title: str = "") -> str:
    return (
        "\t<item>"
        f"<title><![CDATA[{title or f'خبر رقم {post_id}'}]]></title>"
        "<dc:creator><![CDATA[reporter]]></dc:creator>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded>"
        "<excerpt:encoded><![CDATA[]]></excerpt:encoded>"
        f"<wp:post_id>{post_id}</wp:post_id>"
        f"<wp:post_date_gmt><![CDATA[2025-10-01 {post_id % 24:02d}:00:00]]></wp:post_date_gmt>"
        f"<wp:post_name><![CDATA[story-{post_id}]]></wp:post_name>"
        "<wp:status><![CDATA[publish]]></wp:status>"
        "<wp:post_type><![CDATA[post]]></wp:post_type>"
        '<category domain="category" nicename="%d8%a3%d8%ae%d8%a8%d8%a7%d8%b1">'
        "<![CDATA[أخبار]]></category>"
        f"{comments}</item>\n"
    )


def write_wxr(
    path: Path,
    posts: int,
    comments_per_post: int,
    *,
    words_per_post: int = 300,
    seed: int = 7,
    first_post: int = 1000,
    first_comment: int = 100_000,
) -> Path:
    """A WXR 1.2 file of ``posts`` posts with ``comments_per_post`` comments each."""
    rng = random.Random(seed)
    comment_id = first_comment
    with path.open("w", encoding="utf-8") as out:
        out.write(HEAD)
        for n in range(posts):
            post_id = first_post + n
            paragraphs = [_sentence(rng, 30) for _ in range(max(1, words_per_post // 30))]
            if n % 2:
                body = "\n\n".join(paragraphs)  # classic: wpautop makes the paragraphs
            else:
                body = "\n\n".join(
                    f"<!-- wp:paragraph -->\n<p>{p}</p>\n<!-- /wp:paragraph -->" for p in paragraphs
                )
            parts = []
            first_in_post = comment_id
            for k in range(comments_per_post):
                parent = first_in_post if k and k % 4 == 0 else 0
                parts.append(
                    comment_xml(
                        comment_id, parent, _sentence(rng, 25), STATUSES[comment_id % len(STATUSES)]
                    )
                )
                comment_id += 1
            out.write(post_xml(post_id, body, "".join(parts)))
        out.write("</channel>\n</rss>\n")
    return path


def wrap(items: str, *, head: str = HEAD) -> str:
    """A complete export around hand-written items."""
    return f"{head}{items}</channel>\n</rss>\n"

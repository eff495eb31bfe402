"""Slugs: readable Arabic inside Midad, WordPress's percent-encoded form for export."""

from __future__ import annotations

import urllib.parse

import pytest

from editor.slugs import (
    MAX_SLUG,
    clean_slug,
    fit_wordpress,
    make_slug,
    taxonomy_slug,
    unique_slug,
    wordpress_length,
    wordpress_slug,
)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("الطاقة المتجددة", "الطاقة-المتجددة"),
        ("الطَّاقَة  المتجددة!", "الطاقة-المتجددة"),
        ("كرة ـــالقدم", "كرة-القدم"),
        ("Middle East", "middle-east"),
        ("\u202eمصر\u202c", "مصر"),
        ("!!!", "untitled"),
    ],
)
def test_make_slug_is_readable(text: str, slug: str) -> None:
    assert make_slug(text) == slug


def test_clean_slug_is_empty_for_nothing_usable() -> None:
    assert clean_slug("  ---  ") == ""


def test_wordpress_form_is_lower_case_percent_encoding() -> None:
    encoded = wordpress_slug("الشرق-الأوسط")
    assert encoded == urllib.parse.quote("الشرق-الأوسط").lower()
    assert encoded.startswith("%d8%a7%d9%84")
    assert urllib.parse.unquote(encoded) == "الشرق-الأوسط"


def test_wordpress_form_never_exceeds_200_nor_cuts_a_letter() -> None:
    encoded = wordpress_slug("ب" * 150)
    assert len(encoded) <= MAX_SLUG
    assert len(encoded) % 6 == 0  # whole letters only: each is %xx%xx


def test_taxonomy_slug_fits_wordpress_whole() -> None:
    name = "الاستثمار في الطاقة الشمسية والرياح في شمال أفريقيا والشرق الأوسط"
    slug = taxonomy_slug(name)
    assert wordpress_length(slug) <= MAX_SLUG
    assert wordpress_slug(slug) == urllib.parse.quote(slug).lower()
    assert name.replace(" ", "-").startswith(slug)


def test_two_long_names_sharing_a_start_get_two_wordpress_slugs() -> None:
    common = "مؤتمر الأمم المتحدة للتغير المناخي في شرم الشيخ "
    first, second = common + "الجلسة الأولى", common + "الجلسة الثانية"
    taken: set[str] = set()
    slugs = []
    for name in (first, second):
        slug = unique_slug(taxonomy_slug(name), taken.__contains__, wordpress=True)
        taken.add(slug)
        slugs.append(slug)
    assert slugs[0] != slugs[1]
    exported = {wordpress_slug(s) for s in slugs}
    assert len(exported) == 2 and all(len(e) <= MAX_SLUG for e in exported)


def test_fit_wordpress_keeps_short_slugs_whole() -> None:
    assert fit_wordpress("sports") == "sports"
    assert fit_wordpress("x" * 250) == "x" * 200

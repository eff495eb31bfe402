"""Arabic words for the synthetic newsroom: a few thousand forms with a Zipf-like frequency.

Real news vocabulary (stems, function words, places, names) is embedded below;
the attached prefixes و ب ل ال and common suffixes turn ~330 stems into a few
thousand distinct word forms, so search, tag matching and index sizes see text
shaped like a real Arabic newsroom's rather than lorem ipsum.
"""

from __future__ import annotations

import random


def _words(block: str) -> list[str]:
    """A whitespace-separated block of words (kept as text: easier to read and extend)."""
    return block.split()


# Very frequent words that take no attached prefix here.
FUNCTION_WORDS = _words(
    """
في من إلى على عن أن إن التي الذي الذين هذا هذه ذلك تلك مع بعد قبل خلال حيث كما وقد قد لم
لن لا ما بين حتى أو ثم كل بعض غير منذ عند نحو وفق لدى أمام عبر ضد إذا هناك أيضا فقط اليوم
أمس أنه أنها إنه كان كانت يكون تكون ليس وهو وهي هو هي هم وفي ومن وعلى وإلى فيما بينما
"""
)

# Nouns and adjectives: these take prefixes (ال و ب ل ...) and suffixes.
NOMINAL_STEMS = _words(
    """
حكومة وزير رئيس برلمان انتخابات حزب معارضة دولة سياسة قرار مجلس نائب دستور قانون اتفاق
مفاوضات سفير سفارة وزارة جامعة قمة أمن جيش شرطة حدود سلام حرب صراع أزمة لاجئ مخيم منظمة
تحالف حوار مبادرة عقوبات بيان تصريح مؤتمر جلسة تصويت ناخب مرشح حملة إصلاح فساد محكمة قاض
دعوى سجن متهم شاهد تحقيق لجنة هيئة مسؤول مصدر متحدث مراسل اقتصاد سوق بورصة سهم أسعار نفط
غاز طاقة كهرباء ميزانية عجز دين قرض بنك مصرف فائدة تضخم عملة دولار جنيه دينار ريال درهم
ليرة استثمار شركة مصنع إنتاج تصدير استيراد تجارة ضريبة رسوم دعم راتب أجور بطالة عمال وظيفة
مشروع تنمية نمو ركود زراعة قمح مياه سد ميناء مطار طريق قطار نقل سياحة فندق مدرسة طالب معلم
تعليم امتحان صحة مستشفى طبيب مريض دواء لقاح وباء فيروس علاج أسرة طفل امرأة شباب مجتمع سكان
مدينة قرية شارع منزل سكن إيجار فقر غذاء خبز ثقافة فن فيلم مسرح رواية كاتب شاعر قصيدة كتاب
معرض مهرجان موسيقى أغنية مطرب جائزة متحف تراث آثار لغة تاريخ حضارة صحيفة مجلة إعلام قناة
برنامج صحفي رياضة كرة قدم مباراة فريق منتخب لاعب مدرب هدف بطولة دوري كأس نادي ملعب جمهور فوز
خسارة تعادل ميدالية تقنية تكنولوجيا إنترنت هاتف تطبيق شبكة حاسوب بيانات ذكاء منصة فضاء علماء
بحث دراسة علم مختبر اكتشاف مناخ بيئة تلوث جفاف فيضان أمطار حرارة عاصفة زلزال غابة بحر نهر
صحراء طقس يوم أسبوع شهر عام سنة ساعة صباح مساء نسبة عدد مليون مليار ألف نصف ربع مرحلة خطة
تقرير نتائج موقف خطوة عملية أهمية ظروف مستوى قطاع مجال منطقة عاصمة محافظة ولاية إقليم شعب
مواطن حقوق حرية عدالة مساعدات إغاثة إعمار بناء مشاركة تعاون علاقات زيارة لقاء اجتماع رسالة
جديد كبير صغير عربي دولي محلي وطني رسمي خاص سياسي اقتصادي اجتماعي ثقافي عسكري أمني إقليمي
عالمي أول آخر أخير سابق حالي مقبل قريب بعيد مهم كثير قليل واسع كامل مباشر إضافي مشترك مستقل
جنوبي شمالي شرقي غربي رقمي طبي مالي تجاري صناعي زراعي علمي فني رياضي شعبي تاريخي
"""
)

# Verbs in the past and present tense: they take و and a few suffixes only.
VERB_STEMS = _words(
    """
قال أكد أعلن أشار أضاف أوضح كشف نفى طالب دعا قرر ناقش التقى زار وصل غادر افتتح وقع شهد
ارتفع انخفض تراجع سجل بلغ حقق فاز خسر استقبل اعتبر رأى يقول يؤكد يعلن يشير يرى يمكن يجب
يعمل يسعى يواجه يشهد يستمر يحاول يطالب يتوقع يبحث يصل
"""
)

# Place names: written as they are, with at most و or ب in front.
PLACES = _words(
    """
مصر لبنان سوريا الأردن العراق السعودية الإمارات قطر الكويت البحرين عمان اليمن ليبيا تونس
الجزائر المغرب السودان فلسطين القدس غزة القاهرة بيروت دمشق بغداد الرياض دبي الدوحة الرباط
الخرطوم أوروبا أمريكا الصين روسيا تركيا إيران فرنسا ألمانيا بريطانيا اليابان الهند
"""
)

CITIES = _words(
    """
القاهرة بيروت دمشق عمّان بغداد الرياض جدة دبي أبوظبي الدوحة الكويت المنامة مسقط صنعاء
طرابلس تونس الجزائر الرباط الدار-البيضاء الخرطوم القدس غزة رام-الله الإسكندرية حلب الموصل
البصرة نواكشوط لندن باريس جنيف واشنطن نيويورك موسكو بكين طوكيو
"""
)
CITIES = [c.replace("-", " ") for c in CITIES]

FIRST_NAMES = _words(
    """
محمد أحمد علي حسن حسين عمر خالد يوسف إبراهيم مصطفى محمود عبدالله سامي طارق ياسر كريم زياد
نبيل هشام وليد رامي عماد فادي باسل سليم جمال منير أنس بلال مازن ناصر فاطمة عائشة مريم زينب
سارة ليلى نور هدى سلمى رنا دينا هالة منى ريم لينا رشا سمر إيمان أمل نادية جميلة خديجة آمنة
"""
)

FAMILY_NAMES = _words(
    """
العلي الحسن المصري الشامي البغدادي التونسي المغربي الخطيب النجار الحداد السيد الأحمد
الزعبي القاسم الشريف العمر الحلبي الدمشقي الرفاعي الصالح البكري الجابر الخوري العطار الفاسي
المالكي الهاشمي الكردي البيطار الأنصاري الزين الطويل الشمري العنزي الدوسري الكبيسي الراشد
"""
)

NEWS_SOURCES = ("وكالات", "رويترز", "أ ف ب", "الأناضول", "د ب أ", "مراسلنا")

PREFIXES = ("و", "ب", "ل", "ال", "وال", "بال", "لل", "فال")
NOMINAL_SUFFIXES = ("ات", "ها", "هم", "ين", "ون", "ي", "نا")
VERB_SUFFIXES = ("ت", "وا", "ها", "ه")


def _attach_suffix(stem: str, suffix: str) -> str:
    # A feminine ة becomes ت before a suffix, and is dropped before the plural ات.
    if stem.endswith("ة"):
        return stem[:-1] + ("ات" if suffix == "ات" else "ت" + suffix)
    return stem + suffix


def _attach_prefix(prefix: str, stem: str) -> str:
    if prefix == "لل" and stem.startswith("ل"):
        return "ل" + stem
    return prefix + stem


def word_forms(rng: random.Random) -> list[str]:
    """Every distinct word form, most frequent first (function words lead)."""
    forms: list[str] = []
    for stem in NOMINAL_STEMS:
        forms.append(stem)
        forms.extend(_attach_prefix(p, stem) for p in PREFIXES)
        for _ in range(3):
            suffix = rng.choice(NOMINAL_SUFFIXES)
            prefix = rng.choice(("", "", "و", "ب", "ل"))
            forms.append(prefix + _attach_suffix(stem, suffix))
    for stem in VERB_STEMS:
        forms.append(stem)
        forms.append("و" + stem)
        if stem.endswith(("ى", "ا")):
            continue  # نفى, دعا: their suffixed forms change the stem
        for suffix in rng.sample(VERB_SUFFIXES, 2):
            forms.append(stem + suffix)
            forms.append("و" + stem + suffix)
    for place in PLACES:
        forms.extend((place, "و" + place, "ب" + place))
    unique = list(dict.fromkeys(f for f in forms if f not in FUNCTION_WORDS))
    rng.shuffle(unique)
    return list(dict.fromkeys(FUNCTION_WORDS)) + unique


POOL_BITS = 16
POOL_SIZE = 1 << POOL_BITS
BUFFER_WORDS = 1 << 18


class Vocabulary:
    """The word forms and a 65,536-entry pool in which each appears by its Zipf weight."""

    def __init__(self, seed: int) -> None:
        rng = random.Random(seed)
        self.forms = word_forms(rng)
        weights = [1.0 / (rank + 2.7) for rank in range(len(self.forms))]
        scale = POOL_SIZE / sum(weights)
        counts = [max(1, round(w * scale)) for w in weights]
        counts[0] += POOL_SIZE - sum(counts)  # exactly 2**16 entries: two random bytes a word
        self.pool: list[str] = []
        for form, count in zip(self.forms, counts, strict=True):
            self.pool.extend([form] * count)
        # Content words only (for tags and headlines that read like titles).
        self.content = [f for f in self.forms if f not in FUNCTION_WORDS]

    def writer(self, rng: random.Random) -> Writer:
        return Writer(self, rng)


class Writer:
    """Seeded Arabic text, fast: random words are drawn a quarter-million at a time.

    ``random.choices`` costs about a microsecond a word; a million comments
    need ~45 million words, so words come from 16-bit indexes into the pool
    made from one ``getrandbits`` call per buffer.
    """

    def __init__(self, vocab: Vocabulary, rng: random.Random) -> None:
        self._vocab = vocab
        self._rng = rng
        self._buffer: list[str] = []
        self._pos = 0

    def _refill(self, at_least: int) -> None:
        count = max(at_least, BUFFER_WORDS)
        raw = self._rng.getrandbits(POOL_BITS * count).to_bytes(2 * count, "little")
        self._buffer = list(map(self._vocab.pool.__getitem__, memoryview(raw).cast("H")))
        self._pos = 0

    def words(self, count: int) -> list[str]:
        if self._pos + count > len(self._buffer):
            self._refill(count)
        out = self._buffer[self._pos : self._pos + count]
        self._pos += count
        return out

    def between(self, low: int, high: int) -> int:
        return low + int(self._rng.random() * (high - low + 1))

    def sentences(self, count: int, low: int = 8, high: int = 22) -> list[str]:
        """About ``count`` words cut into sentences with the odd Arabic comma."""
        words = self.words(count)
        rnd = self._rng.random
        out: list[str] = []
        start = 0
        while start < count:
            end = min(count, start + low + int(rnd() * (high - low + 1)))
            if end - start > 8 and rnd() < 0.4:
                cut = start + 3 + int(rnd() * (end - start - 6))
                words[cut] += "،"
            out.append(" ".join(words[start:end]) + ".")
            start = end
        return out

    def text(self, count: int) -> str:
        return " ".join(self.sentences(count))

    def headline(self) -> str:
        content = self._vocab.content
        words = self.words(self.between(3, 9))
        words.insert(0, content[int(self._rng.random() * len(content))])
        words.insert(self.between(1, len(words)), content[int(self._rng.random() * len(content))])
        return " ".join(words)

    def body_html(self, count: int) -> str:
        """An article body in Midad's HTML subset: paragraphs and the odd sub-heading."""
        parts: list[str] = []
        left = count
        while left > 0:
            size = min(left, self.between(40, 90))
            if parts and self._rng.random() < 0.12:
                parts.append(f"<h2>{' '.join(self.words(self.between(3, 6)))}</h2>")
            parts.append(f"<p>{' '.join(self.sentences(size))}</p>")
            left -= size
        return "".join(parts)


def person_name(index: int) -> str:
    """A deterministic Arabic full name for a reader or journalist number."""
    first = FIRST_NAMES[index % len(FIRST_NAMES)]
    family = FAMILY_NAMES[(index // len(FIRST_NAMES) + index) % len(FAMILY_NAMES)]
    return f"{first} {family}"

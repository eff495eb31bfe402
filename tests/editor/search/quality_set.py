"""The search quality set: short news stories and reader comments written for it, and
queries with the stories each must find.

Every query lists ``find`` (must be found: recall) and may list ``also`` (a
reader would accept it: the same word in another form, or the query's word
used in passing). Anything else found is a wrong match, so every result of
every query is judged, not only the expected ones. The stories are written so
that traps sit next to the targets: مصرف beside مصر, اللبن beside لبنان, the
أمين beside الأمن, بيرو beside بيروت, الإسلام beside السلام, كمال beside المال.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Story:
    key: str
    section: str
    created: str  # YYYY-MM-DD: the date searches sort and filter on
    headline: str
    body: tuple[str, ...]
    standfirst: str = ""
    tags: tuple[str, ...] = ()
    byline: str = ""
    place: str = ""
    status: str = "published"


@dataclass(frozen=True)
class ReaderComment:
    key: str
    story: str
    author: str
    text: str
    status: str = "approved"


@dataclass(frozen=True)
class Case:
    query: str
    find: frozenset[str]
    also: frozenset[str] = frozenset()
    kind: str = "articles"  # or "comments"
    covers: str = ""


def case(
    query: str, find: str, also: str = "", *, kind: str = "articles", covers: str = ""
) -> Case:
    return Case(query, frozenset(find.split()), frozenset(also.split()), kind, covers)


# Sections: (name, parent).
SECTIONS = (
    ("دولي", None),
    ("اقتصاد", None),
    ("أسواق", "اقتصاد"),
    ("محلي", None),
    ("ثقافة", None),
    ("صحة", None),
    ("رياضة", None),
    ("تكنولوجيا", None),
)

STORIES = (
    # -- one form of الصين per story -----------------------------------------
    Story(
        "china_harakat",
        "دولي",
        "2025-03-02",
        "الصِّينُ تُطلِقُ قمرًا صناعيًّا لرصد المناخ",
        (
            "أطلقت الصِّينُ فجر الأحد قمرًا صناعيًّا جديدًا لرصد التغيّرات المناخيّة،"
            " في مهمّة قالت وكالة الفضاء إنها ستستمر ثماني سنوات.",
        ),
        tags=("فضاء",),
        byline="سميرة حداد",
    ),
    Story(
        "china_waw",
        "دولي",
        "2025-03-05",
        "موسكو تستضيف قمة اقتصادية إقليمية",
        (
            "وقّعت روسيا والصين اتفاقًا لتوسيع التبادل التجاري بالعملات المحلية"
            " على هامش القمة التي تستمر يومين.",
        ),
        status="draft",
    ),
    Story(
        "china_bal",
        "اقتصاد",
        "2025-03-08",
        "تراجع مبيعات السيارات الأوروبية",
        (
            "قال اتحاد المصنّعين إن مبيعات السيارات الأوروبية بالصين تراجعت بنسبة"
            " عشرين في المئة خلال الربع الأول.",
        ),
    ),
    Story(
        "china_lil",
        "اقتصاد",
        "2025-03-11",
        "البرازيل ترفع صادرات فول الصويا",
        ("رفعت البرازيل صادراتها من فول الصويا للصين إلى مستوى قياسي هذا الموسم بفضل محصول وفير.",),
    ),
    Story(
        "china_nisba",
        "اقتصاد",
        "2025-03-14",
        "المستثمرون الصينيون يعودون إلى سوق السندات",
        (
            "عاد المستثمرون الصينيون إلى شراء السندات بعد أن خفّض البنك المركزي"
            " الصيني أسعار الفائدة، فيما ارتفعت العملة الصينية أمام الدولار.",
        ),
        byline="سميرة حداد",
    ),
    Story(
        "china_plain",
        "دولي",
        "2025-03-17",
        "زيارة مرتقبة لوزير الخارجية الياباني إلى الصين",
        (
            "يبدأ وزير الخارجية الياباني الأسبوع المقبل زيارة إلى الصين تستمر ثلاثة"
            " أيام، يبحث خلالها ملف التجارة والمعادن النادرة.",
        ),
        tags=("الصين", "اليابان"),
        byline="خالد منصور",
        place="طوكيو",
    ),
    Story(
        "china_trashed",
        "دولي",
        "2025-03-20",
        "مسودة قديمة عن معرض الصين الدولي",
        ("نص تجريبي عن معرض الصين الدولي للاستيراد، نُقل إلى سلة المهملات.",),
        status="trash",
    ),
    Story(
        "minister_apart",
        "محلي",
        "2025-05-02",
        "وزير التعليم يفتتح مدرستين جديدتين",
        (
            "افتتح وزير التعليم مدرستين في الجيزة، فيما أعلنت الخارجية عن منح دراسية"
            " للطلاب الوافدين.",
        ),
    ),
    # -- tatweel, digits -------------------------------------------------------
    Story(
        "tatweel",
        "اقتصاد",
        "2025-04-01",
        "الاقتصـــاد المصـري ينمو بأسرع وتيرة منذ عامين",
        ("سجّل الاقتصـاد المصري نموًّا بنسبة ٤٫٢ في المئة في الربع الثاني، بحسب بيانات رسمية.",),
    ),
    Story(
        "digits_eastern",
        "اقتصاد",
        "2025-06-01",
        "الموازنة الجديدة للعام المالي ٢٠٢٦",
        ("تبلغ قيمة الموازنة ١٥٠٠ مليار جنيه، بزيادة ١٢ في المئة عن العام السابق.",),
    ),
    Story(
        "digits_western",
        "اقتصاد",
        "2025-06-03",
        "خطة الطاقة الشمسية حتى 2026",
        ("تستهدف الخطة توليد 1500 ميغاواط من الطاقة الشمسية في المحافظات الجنوبية.",),
    ),
    # -- hamza forms -------------------------------------------------------------
    Story(
        "hamza_israel",
        "دولي",
        "2025-04-03",
        "اتفاق على إدخال شاحنات المساعدات",
        ("قالت مصادر دبلوماسية إن اسرائيل وافقت على إدخال مئتي شاحنة مساعدات يوميًا عبر المعبر.",),
    ),
    Story(
        "hamza_america",
        "دولي",
        "2025-04-05",
        "الانتخابات النصفية في امريكا تقترب",
        (
            "تتجه الأنظار إلى الولايات المتحدة مع اقتراب الانتخابات النصفية،"
            " وتُظهر استطلاعات الصحافة الأمريكية تقاربًا بين الحزبين.",
        ),
    ),
    Story(
        "hamza_athar",
        "ثقافة",
        "2025-04-07",
        "اكتشاف اثار رومانية في الإسكندرية",
        ("أعلنت وزارة السياحة والآثار اكتشاف بقايا حمّام روماني قرب الميناء الشرقي.",),
    ),
    Story(
        "hamza_conference",
        "صحة",
        "2025-04-09",
        "موتمر طبي عن أمراض القلب",
        ("يناقش الموتمر الذي تستضيفه الجامعة أحدث علاجات أمراض القلب بمشاركة أطباء من عشر دول.",),
    ),
    Story(
        "hamza_algeria",
        "دولي",
        "2025-04-10",
        "الجزائر تستضيف منتدى الغاز",
        ("تستضيف الجزائر الأسبوع المقبل منتدى الدول المصدرة للغاز بحضور وزراء الطاقة.",),
    ),
    # -- ta marbuta and alef maqsura -----------------------------------------------
    Story(
        "tamarbuta_cairo",
        "محلي",
        "2025-04-13",
        "زحام مروري في القاهره بعد إغلاق جسر",
        ("شهدت شوارع القاهره زحامًا شديدًا صباح اليوم بعد إغلاق أحد الجسور للصيانة.",),
    ),
    Story(
        "gov_possessive",
        "دولي",
        "2025-04-15",
        "تونس تعرض برنامج الإصلاح على المانحين",
        ("قدّمت تونس برنامج حكومتها للإصلاح إلى المانحين الدوليين في اجتماع عُقد بباريس.",),
    ),
    Story(
        "gov_plural",
        "دولي",
        "2025-04-17",
        "قمة المناخ تختتم أعمالها",
        ("تعهدت حكومات عشرين دولة بخفض الانبعاثات بحلول عام 2030.",),
    ),
    Story(
        "maqsura_hospital",
        "صحة",
        "2025-04-19",
        "افتتاح مستشفي جديد للأطفال في أسيوط",
        ("افتتح محافظ أسيوط مستشفي الأطفال الجديد بسعة مئتي سرير.",),
    ),
    Story(
        "maqsura_name",
        "رياضة",
        "2025-04-21",
        "مصطفى محمد يقود الهجوم",
        ("أعلن المدرب قائمة المباراة وفيها مصطفى محمد في مركز رأس الحربة.",),
    ),
    # -- attached prefixes, and the words they must not reach -------------------------
    Story(
        "prefix_egypt",
        "دولي",
        "2025-05-04",
        "وفد تجاري أوروبي يزور العاصمة",
        (
            "وصل وفد تجاري أوروبي لبحث فرص الاستثمار بمصر، وقال رئيس الوفد إن السوق"
            " المصرية واعدة وإن الشراكة لمصر وأوروبا أولوية.",
        ),
    ),
    Story(
        "bank_trap",
        "اقتصاد",
        "2025-05-06",
        "مصرف الاستثمار يرفع رأسماله",
        ("أعلن مصرف الاستثمار العربي زيادة رأسماله إلى مليار دولار بعد موافقة المساهمين.",),
    ),
    Story(
        "beirut",
        "ثقافة",
        "2025-05-08",
        "معرض الكتاب يفتح أبوابه في بيروت",
        (
            "يشارك في المعرض أكثر من مئتي دار نشر، وتوجّه المنظمون بالشكر لبيروت التي"
            " احتضنت الدورة رغم الظروف.",
        ),
    ),
    Story(
        "peru",
        "رياضة",
        "2025-05-10",
        "منتخب بيرو يتعادل في التصفيات",
        ("تعادل منتخب بيرو مع تشيلي بهدف لكل منهما في مباراة صعبة على ملعب ليما.",),
    ),
    Story(
        "lebanon",
        "دولي",
        "2025-05-12",
        "لبنان يستعد لموسم سياحي واعد",
        (
            "تتوقع وزارة السياحة اللبنانية ارتفاع عدد الزوار، وقال الوزير إن لبنان"
            " يراهن على المغتربين هذا الصيف.",
        ),
    ),
    Story(
        "yogurt",
        "صحة",
        "2025-05-14",
        "فوائد اللبن الزبادي للجهاز الهضمي",
        ("ينصح أطباء التغذية بتناول اللبن يوميًا لما يحتويه من بكتيريا نافعة.",),
    ),
    Story(
        "security",
        "محلي",
        "2025-05-16",
        "تعزيز الإجراءات الأمنية في المطار",
        ("قررت السلطات تعزيز الأمن في صالات الوصول بعد تزايد أعداد المسافرين.",),
    ),
    Story(
        "secretary_general",
        "دولي",
        "2025-05-18",
        "الأمين العام للأمم المتحدة يدعو إلى وقف إطلاق النار",
        ("دعا الأمين العام إلى هدنة فورية وإلى فتح الممرات أمام قوافل الإغاثة.",),
    ),
    Story(
        "peace",
        "دولي",
        "2025-05-20",
        "مفاوضات السلام تستأنف في جنيف",
        ("استؤنفت مفاوضات السلام برعاية أممية، وسط تفاؤل حذر بإمكانية التوصل إلى اتفاق.",),
    ),
    Story(
        "islamic_art",
        "ثقافة",
        "2025-05-22",
        "معرض للفن الإسلامي في الدوحة",
        (
            "يضم متحف الفن الإسلامي مخطوطات نادرة من العصر العباسي، ويقدّم جولات"
            " تعريفية بالإسلام وحضارته.",
        ),
    ),
    Story(
        "kamal",
        "رياضة",
        "2025-05-24",
        "كمال يسجل هدف الفوز",
        ("سجّل اللاعب كمال عبد الرحيم هدف الفوز في الدقيقة الأخيرة.",),
    ),
    Story(
        "money",
        "أسواق",
        "2025-05-26",
        "أسواق المال الخليجية ترتفع",
        ("ارتفعت أسواق المال في الخليج مدعومة بصعود أسعار النفط.",),
    ),
    Story(
        "syria",
        "دولي",
        "2025-05-28",
        "عودة تدريجية للاجئين إلى سوريا",
        (
            "قالت المفوضية إن آلاف اللاجئين السوريين عادوا هذا العام،"
            " وإن الحكومة السورية وعدت بتسهيلات.",
        ),
    ),
    Story(
        "great_wall",
        "ثقافة",
        "2025-05-30",
        "ترميم جزء من سور المدينة القديمة",
        ("بدأت أعمال ترميم سور المدينة الأثري بعد انهيار جزء منه في الشتاء الماضي.",),
    ),
    # -- mixed Arabic and English ---------------------------------------------------------
    Story(
        "mixed_apple",
        "تكنولوجيا",
        "2025-06-05",
        "Apple تكشف عن iPhone جديد",
        (
            "كشفت شركة Apple عن هاتف iPhone 17، وقالت إن لـApple خططًا لتوسيع خدمات"
            " الذكاء الاصطناعي في المنطقة العربية.",
        ),
    ),
    Story(
        "mixed_covid",
        "صحة",
        "2025-06-07",
        "تراجع إصابات COVID-19 في المنطقة",
        ("أعلنت وزارة الصحة تراجع الإصابات بكوفيد-19 إلى أدنى مستوى منذ بداية الجائحة.",),
    ),
    Story(
        "mixed_reuters",
        "دولي",
        "2025-06-09",
        "Reuters: محادثات للطاقة بين الرياض وبكين",
        ("نقلت وكالة رويترز عن مصادر مطلعة أن الجانبين يبحثان اتفاقًا طويل الأمد للطاقة.",),
    ),
    # -- suffixes ---------------------------------------------------------------------------
    Story(
        "teachers",
        "محلي",
        "2025-06-11",
        "المعلمون يطالبون بزيادة الأجور",
        ("نظّم المعلمون وقفة أمام الوزارة، وقال ممثل المعلمين إن الرواتب لم تتغير منذ سنوات.",),
    ),
    Story(
        "teacher_one",
        "محلي",
        "2025-06-13",
        "تكريم معلم الفيزياء على مستوى المحافظة",
        ("كرّمت المحافظة معلمًا أمضى ثلاثين عامًا في تدريس الفيزياء.",),
    ),
    Story(
        "economists",
        "اقتصاد",
        "2025-06-15",
        "الاقتصاديون يتوقعون تباطؤ النمو",
        ("يرى خبراء أن السياسات الاقتصادية الحالية تحتاج إلى مراجعة قبل نهاية العام.",),
    ),
)

COMMENTS = (
    ReaderComment(
        "c_harakat",
        "china_plain",
        "قارئ من القاهرة",
        "أتمنى أن تنجح الزيارة، فالصِّين شريك لا غنى عنه.",
    ),
    ReaderComment(
        "c_prefix",
        "china_plain",
        "سامي",
        "وبالصين تحديدًا تتركز صناعة المعادن النادرة.",
        status="pending",
    ),
    ReaderComment(
        "c_english", "china_plain", "John", "The visit matters: Japan and China need each other."
    ),
    ReaderComment(
        "c_spam",
        "china_plain",
        "ربح سريع",
        "اربح جوائز الآن من الصين!!! اضغط هنا",
        status="spam",
    ),
    ReaderComment("c_other", "lebanon", "ليلى", "المقال ممتاز لكن العنوان طويل جدًّا."),
    ReaderComment(
        "c_digits", "digits_eastern", "مواطن", "١٥٠٠ مليار رقم ضخم، من أين ستأتي الحكومة به؟"
    ),
)

CASES = (
    # الصين in every form, harakat on either side
    case(
        "الصين",
        "china_harakat china_waw china_bal china_lil china_nisba china_plain",
        covers="attached prefixes و ب لل; harakat; nisba",
    ),
    case(
        "الصِّين",
        "china_harakat china_waw china_bal china_lil china_nisba china_plain",
        covers="harakat in the query",
    ),
    case("صين", "china_harakat china_waw china_bal china_lil china_nisba china_plain"),
    case("الصيني", "china_nisba", "china_harakat china_waw china_bal china_lil china_plain"),
    case(
        "والصين",
        "china_harakat china_waw china_bal china_lil china_nisba china_plain",
        covers="attached prefixes typed in the query",
    ),
    case("للصين", "china_harakat china_waw china_bal china_lil china_nisba china_plain"),
    case("الصينية", "china_nisba", "china_harakat china_waw china_bal china_lil china_plain"),
    case("اليابان", "china_plain", covers="nisba (الياباني)"),
    case("روسيا", "china_waw"),
    # tatweel
    case("الاقتصاد", "tatweel", "china_waw economists", covers="tatweel"),
    case("مـصـر", "tatweel prefix_egypt", covers="tatweel in the query; ب and ل before a name"),
    # hamza forms
    case("إسرائيل", "hamza_israel", covers="hamza: إ written ا"),
    case("أمريكا", "hamza_america", covers="hamza: أ written ا; nisba of a name in ا"),
    case("آثار", "hamza_athar", covers="hamza: آ written ا; و+ال"),
    case("المؤتمر", "hamza_conference", covers="hamza: ؤ written و"),
    case("الجزاير", "hamza_algeria", covers="hamza: ئ written ي"),
    # ta marbuta and alef maqsura
    case("القاهرة", "tamarbuta_cairo", covers="ta marbuta written ه"),
    case("الحكومة", "gov_possessive gov_plural syria", covers="ة before a suffix; plural"),
    case("مستشفى", "maqsura_hospital", covers="alef maqsura written ي"),
    case("مصطفي", "maqsura_name", covers="alef maqsura in the query"),
    # Eastern and Western digits
    case("2026", "digits_eastern digits_western", covers="Eastern digits"),
    case("١٥٠٠", "digits_eastern digits_western", covers="Eastern digits in the query"),
    case("4.2", "tatweel", covers="Eastern decimal separator"),
    # suffixes
    case("معلم", "teachers teacher_one", covers="plural ون/ين; the alef of tanween"),
    case("اتفاق", "hamza_israel china_waw peace mixed_reuters", covers="the alef of tanween"),
    case("لاجئ", "syria", covers="plural ين"),
    case("سوريا", "syria", covers="nisba of a name in يا, not سور (a wall)"),
    case("سور", "great_wall", covers="not سوريا"),
    # mixed Arabic and English
    case("apple", "mixed_apple", covers="Latin; لـApple"),
    case("IPHONE", "mixed_apple", covers="Latin, any case"),
    case("covid-19", "mixed_covid", covers="a Latin word with digits"),
    case("كوفيد", "mixed_covid", covers="ب before an Arabic word joined to digits"),
    case("Reuters", "mixed_reuters"),
    case("الذكاء الاصطناعي", "mixed_apple"),
    case("تونس", "gov_possessive"),
    case("جنيف", "peace"),
    case("الدوحة", "islamic_art", covers="ta marbuta"),
    case("السورية", "syria", covers="nisba back to its name"),
    case("الأمريكي", "hamza_america"),
    # what must not be found
    case("مصرف", "bank_trap", covers="not مصر"),
    case("بيروت", "beirut", covers="ل before a name; not بيرو"),
    case("بيرو", "peru", covers="not بيروت"),
    case("لبنان", "lebanon", covers="not اللبن"),
    case("اللبن", "yogurt", covers="not لبنان"),
    case("الأمن", "security", covers="not الأمين"),
    case("الأمين", "secretary_general", covers="not الأمن"),
    case("السلام", "peace", covers="not الإسلام"),
    case("الإسلام", "islamic_art", covers="not السلام"),
    case("المال", "money", "digits_eastern", covers="not كمال"),
    case("كمال", "kamal"),
    # phrase, prefix, exclusion, OR
    case('"وزير الخارجية"', "china_plain", covers="phrase"),
    case("وزير الخارجية", "china_plain minister_apart", covers="both words, anywhere"),
    case('"الاقتصاد المصري"', "tatweel", covers="phrase across tatweel"),
    case("اقتصا*", "tatweel economists china_waw", covers="prefix"),
    case(
        "الصين -اليابان",
        "china_harakat china_waw china_bal china_lil china_nisba",
        covers="exclusion",
    ),
    case("الصين NOT روسيا", "china_harakat china_bal china_lil china_nisba china_plain"),
    case(
        'الصين -"وزير الخارجية"',
        "china_harakat china_waw china_bal china_lil china_nisba",
        covers="exclusion of a phrase",
    ),
    case("بيروت OR لبنان", "beirut lebanon", covers="OR"),
    # filters
    case("الصين section:اقتصاد", "china_bal china_lil china_nisba", covers="section filter"),
    case("أسواق section:اقتصاد", "money", covers="a section includes its children"),
    case("زيارة tag:الصين", "china_plain", covers="tag filter"),
    case("الصين status:draft", "china_waw", covers="status filter"),
    case("الصين status:trash", "china_trashed", covers="the trash, only when asked"),
    case("الصين status:published", "china_harakat china_bal china_lil china_nisba china_plain"),
    case("الصين حالة:مسودة", "china_waw", covers="Arabic status names"),
    case("قسم:اقتصاد الصين", "china_bal china_lil china_nisba"),
    case("tag:اليابان", "china_plain"),
    case("الصين from:2025-03-10 to:2025-03-15", "china_lil china_nisba", covers="date range"),
    case(
        "الصين من:٢٠٢٥/٠٣/١٠ إلى:٢٠٢٥/٠٣/١٥",
        "china_lil china_nisba",
        covers="Arabic filter keys, Eastern digits",
    ),
    case("الصين author:سميرة", "china_harakat china_nisba", covers="author (byline)"),
    case('author:"خالد منصور"', "china_plain", covers="a filter alone"),
    # comments
    case("الصين", "c_harakat c_prefix c_spam", kind="comments", covers="comments: prefixes"),
    case("china", "c_english", kind="comments", covers="comments: English"),
    case("Japan", "c_english", kind="comments"),
    case("الصين status:pending", "c_prefix", kind="comments", covers="comment status"),
    case("الصين -جوائز", "c_harakat c_prefix", kind="comments", covers="comments: exclusion"),
    case("1500", "c_digits", kind="comments", covers="comments: Eastern digits"),
    case("author:ليلى", "c_other", kind="comments", covers="comment author"),
)

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>Activity</name>
    <message>
        <location filename="../../ui/workflow/activity.py" line="43"/>
        <source>Status moves</source>
        <translation>تغييرات الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/activity.py" line="44"/>
        <source>Returned to the journalist</source>
        <translation>أعيد إلى الصحفي</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/activity.py" line="45"/>
        <source>Published</source>
        <translation>نُشر</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/activity.py" line="46"/>
        <source>Restored from the trash</source>
        <translation>استُعيد من المهملات</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/activity.py" line="47"/>
        <source>Took over editing</source>
        <translation>تولّى التحرير</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/activity.py" line="53"/>
        <source>took over editing</source>
        <translation>تولّى التحرير</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/activity.py" line="80"/>
        <source>When</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/activity.py" line="81"/>
        <source>Who</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/activity.py" line="82"/>
        <source>Story</source>
        <translation>المقال</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/activity.py" line="83"/>
        <source>Move</source>
        <translation>الانتقال</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/activity.py" line="84"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
</context>
<context>
    <name>ActivityLog</name>
    <message>
        <location filename="../../ui/workflow/activity.py" line="122"/>
        <source>Newsroom activity log</source>
        <translation>سجل نشاط غرفة الأخبار</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/activity.py" line="126"/>
        <source>Activity log · %1</source>
        <translation>سجل النشاط · %1</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/activity.py" line="155"/>
        <source>Everyone</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/activity.py" line="160"/>
        <source>Every move</source>
        <translation>كل الانتقالات</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/activity.py" line="168"/>
        <source>&amp;Person</source>
        <translation>ال&amp;شخص</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/activity.py" line="170"/>
        <source>&amp;Move</source>
        <translation>الان&amp;تقال</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workflow/activity.py" line="195"/>
        <source>%Ln entries</source>
        <translation>
            <numerusform>لا قيود</numerusform>
            <numerusform>قيد واحد</numerusform>
            <numerusform>قيدان</numerusform>
            <numerusform>%Ln قيود</numerusform>
            <numerusform>%Ln قيدًا</numerusform>
            <numerusform>%Ln قيد</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="102"/>
        <source>Midad cannot open the newsroom</source>
        <translation>تعذّر على مداد فتح قاعدة بيانات غرفة الأخبار</translation>
    </message>
</context>
<context>
    <name>ArticleEditorPane</name>
    <message>
        <location filename="../../ui/articles/editor_pane.py" line="117"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../ui/articles/editor_pane.py" line="119"/>
        <source>Submit for review</source>
        <translation>إرسال للمراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/articles/editor_pane.py" line="323"/>
        <source>%1 · version %2</source>
        <translation>%1 · النسخة %2</translation>
    </message>
    <message>
        <location filename="../../ui/articles/editor_pane.py" line="374"/>
        <source>%1 words · %2 characters · %3 min read</source>
        <translation>الكلمات: %1 · الأحرف: %2 · مدة القراءة: %3 دقيقة</translation>
    </message>
    <message>
        <location filename="../../ui/articles/editor_pane.py" line="386"/>
        <source>Unsaved changes</source>
        <translation>تعديلات غير محفوظة</translation>
    </message>
    <message>
        <location filename="../../ui/articles/editor_pane.py" line="388"/>
        <source>All changes saved</source>
        <translation>كل التعديلات محفوظة</translation>
    </message>
    <message>
        <location filename="../../ui/articles/editor_pane.py" line="424"/>
        <source>Not saved: %1</source>
        <translation>لم يُحفظ: %1</translation>
    </message>
    <message>
        <location filename="../../ui/articles/editor_pane.py" line="472"/>
        <source>Autosaved</source>
        <translation>حُفظ تلقائيًا</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/shared_story.py" line="34"/>
        <source>Not saved: someone else saved this story meanwhile. Save (Ctrl+S) to combine the two versions.</source>
        <translation>لم يُحفظ: حفظ شخص آخر هذا المقال في الأثناء. احفظ (Ctrl+S) للجمع بين النسختين.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/shared_story.py" line="53"/>
        <source>Not saved: your text is still here.</source>
        <translation>لم يُحفظ: نصك ما زال هنا.</translation>
    </message>
    <message>
        <location filename="../../ui/articles/remote_story.py" line="52"/>
        <source>%1 changed this story on another desk. Your text is kept; saving combines the two versions.</source>
        <translation>غيّر %1 هذا الخبر من مكتب آخر. نصك محفوظ هنا، والحفظ يجمع النسختين.</translation>
    </message>
    <message>
        <location filename="../../ui/articles/remote_story.py" line="58"/>
        <source>This story was changed on another desk. Your text is kept; saving combines the two versions.</source>
        <translation>تغيّر هذا الخبر من مكتب آخر. نصك محفوظ هنا، والحفظ يجمع النسختين.</translation>
    </message>
    <message>
        <location filename="../../ui/articles/remote_story.py" line="106"/>
        <source>Not saved yet: the server cannot be reached. Your text is kept on this computer and will be saved when the connection is back.</source>
        <translation>لم يُحفظ بعد: لا يمكن الوصول إلى الخادم. نصك محفوظ على هذا الجهاز وسيُحفظ حين يعود الاتصال.</translation>
    </message>
</context>
<context>
    <name>ArticleFields</name>
    <message>
        <location filename="../../ui/articles/fields.py" line="101"/>
        <source>Tags, separated by commas</source>
        <translation>الوسوم، مفصولة بفواصل</translation>
    </message>
    <message>
        <location filename="../../ui/articles/fields.py" line="117"/>
        <source>Headline</source>
        <translation>العنوان الرئيسي</translation>
    </message>
    <message>
        <location filename="../../ui/articles/fields.py" line="119"/>
        <source>Standfirst</source>
        <translation>المقدمة</translation>
    </message>
    <message>
        <location filename="../../ui/articles/fields.py" line="120"/>
        <source>Section</source>
        <translation>القسم</translation>
    </message>
    <message>
        <location filename="../../ui/articles/fields.py" line="121"/>
        <source>Tags</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../ui/articles/fields.py" line="122"/>
        <source>Byline</source>
        <translation>التوقيع</translation>
    </message>
    <message>
        <location filename="../../ui/articles/fields.py" line="123"/>
        <source>Dateline</source>
        <translation>سطر المكان والتاريخ</translation>
    </message>
    <message>
        <location filename="../../ui/articles/fields.py" line="271"/>
        <source>Aim for %1–%2 characters</source>
        <translation>الأفضل بين %1 و%2 حرفًا</translation>
    </message>
    <message>
        <location filename="../../ui/articles/fields.py" line="276"/>
        <source>%1 characters: short for a headline</source>
        <translation>%1 حرفًا: قصير لعنوان</translation>
    </message>
    <message>
        <location filename="../../ui/articles/fields.py" line="279"/>
        <source>%1 characters: search results and shares cut after about %2</source>
        <translation>%1 حرفًا: نتائج البحث والمشاركات تقطع العنوان بعد نحو %2</translation>
    </message>
    <message>
        <location filename="../../ui/articles/fields.py" line="285"/>
        <source>%1 characters: too long to save (at most %2)</source>
        <translation>%1 حرفًا: أطول من أن يُحفظ (الحد %2)</translation>
    </message>
    <message>
        <location filename="../../ui/articles/fields.py" line="290"/>
        <source>%1 characters</source>
        <translation>%1 حرفًا</translation>
    </message>
    <message>
        <location filename="../../ui/articles/fields.py" line="300"/>
        <source>New tags, created on save: %1</source>
        <translation>وسوم جديدة تُنشأ عند الحفظ: %1</translation>
    </message>
</context>
<context>
    <name>ArticleList</name>
    <message>
        <location filename="../../ui/articles/model.py" line="57"/>
        <source>Headline</source>
        <translation>العنوان الرئيسي</translation>
    </message>
    <message>
        <location filename="../../ui/articles/model.py" line="58"/>
        <source>Section</source>
        <translation>القسم</translation>
    </message>
    <message>
        <location filename="../../ui/articles/model.py" line="59"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/articles/model.py" line="60"/>
        <source>Author</source>
        <translation>الكاتب</translation>
    </message>
    <message>
        <location filename="../../ui/articles/model.py" line="61"/>
        <source>Updated</source>
        <translation>آخر تحديث</translation>
    </message>
</context>
<context>
    <name>ArticleListPanel</name>
    <message>
        <location filename="../../ui/articles/list_panel.py" line="70"/>
        <source>Clear the filter</source>
        <translation>إلغاء التصفية</translation>
    </message>
    <message>
        <location filename="../../ui/articles/list_panel.py" line="88"/>
        <source>Filter: %1</source>
        <translation>التصفية: %1</translation>
    </message>
    <message>
        <location filename="../../ui/articles/list_panel.py" line="90"/>
        <source>All articles</source>
        <translation>كل المقالات</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/articles/list_panel.py" line="102"/>
        <source>%Ln article(s)</source>
        <translation>
            <numerusform>لا مقالات</numerusform>
            <numerusform>مقال واحد</numerusform>
            <numerusform>مقالان</numerusform>
            <numerusform>%Ln مقالات</numerusform>
            <numerusform>%Ln مقالًا</numerusform>
            <numerusform>%Ln مقال</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArticleSearch</name>
    <message>
        <location filename="../../ui/articles/search_box.py" line="15"/>
        <source>Search articles (Ctrl+Shift+F)</source>
        <translation>ابحث في المقالات (Ctrl+Shift+F)</translation>
    </message>
</context>
<context>
    <name>CommentDetail</name>
    <message>
        <location filename="../../ui/moderation/detail.py" line="139"/>
        <source>A note for the moderators (never published)</source>
        <translation>ملاحظة للمشرفين (لا تُنشر أبدًا)</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/detail.py" line="144"/>
        <source>Save the note</source>
        <translation>حفظ الملاحظة</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/detail.py" line="170"/>
        <source>Thread</source>
        <translation>المحادثة</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/detail.py" line="171"/>
        <source>Author</source>
        <translation>الكاتب</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/detail.py" line="172"/>
        <source>Decisions</source>
        <translation>القرارات</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/detail.py" line="215"/>
        <location filename="../../ui/moderation/detail.py" line="303"/>
        <source>(anonymous)</source>
        <translation>(مجهول)</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/detail.py" line="219"/>
        <source>On: %1</source>
        <translation>على: %1</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/detail.py" line="222"/>
        <source>Rule: %1</source>
        <translation>القاعدة: %1</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/detail.py" line="299"/>
        <source>[not sent]</source>
        <translation>[لم يُرسل]</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/detail.py" line="314"/>
        <source>An anonymous comment: no name and no email to follow.</source>
        <translation>تعليق مجهول: لا اسم ولا بريد يمكن تتبعه.</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/detail.py" line="322"/>
        <source>same email</source>
        <translation>البريد نفسه</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/detail.py" line="324"/>
        <source>same name</source>
        <translation>الاسم نفسه</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/detail.py" line="326"/>
        <source>%1 comments (%2): %3 approved, %4 pending, %5 spam, %6 trash — %7% approved</source>
        <translation>%1 تعليقًا (%2): %3 معتمد، %4 قيد المراجعة، %5 مزعج، %6 في المهملات — %7٪ معتمد</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/detail.py" line="342"/>
        <source>(the latest only)</source>
        <translation>(الأحدث فقط)</translation>
    </message>
</context>
<context>
    <name>CommentQueue</name>
    <message>
        <location filename="../../ui/moderation/model.py" line="211"/>
        <source>Comment</source>
        <translation>التعليق</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/model.py" line="212"/>
        <source>Author</source>
        <translation>صاحب التعليق</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/model.py" line="213"/>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/model.py" line="214"/>
        <source>Held because</source>
        <translation>سبب الحجز</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/model.py" line="215"/>
        <source>Submitted</source>
        <translation>تاريخ الإرسال</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/model.py" line="222"/>
        <source>(anonymous)</source>
        <translation>(مجهول)</translation>
    </message>
</context>
<context>
    <name>CommentSearch</name>
    <message>
        <location filename="../../ui/moderation/search_box.py" line="15"/>
        <source>Search comments (Ctrl+Shift+F)</source>
        <translation>ابحث في التعليقات (Ctrl+Shift+F)</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/workflow/conflicts.py" line="67"/>
        <source>Choose between the two versions</source>
        <translation>اختر بين النسختين</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/conflicts.py" line="75"/>
        <source>%1 while you were editing it. Where you both changed the same field, choose which text to keep; everything else has been combined.</source>
        <translation>%1 بينما كنت تحرره. حيث غيّر كلاكما الحقل نفسه اختر النص الذي يبقى؛ وقد جُمع كل ما عدا ذلك.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/conflicts.py" line="91"/>
        <source>Keep all of mine</source>
        <translation>أبقِ نسختي كلها</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/conflicts.py" line="93"/>
        <source>Take all of theirs</source>
        <translation>خذ نسختهم كلها</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/conflicts.py" line="99"/>
        <source>Save with these choices</source>
        <translation>احفظ بهذه الاختيارات</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/conflicts.py" line="102"/>
        <source>Cancel (keep editing, nothing saved)</source>
        <translation>إلغاء (تابع التحرير، لا يُحفظ شيء)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/conflicts.py" line="127"/>
        <source>Keep mine (%1)</source>
        <translation>أبقِ نصي (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/conflicts.py" line="128"/>
        <source>Take theirs (%1)</source>
        <translation>خذ نصهم (%1)</translation>
    </message>
</context>
<context>
    <name>ConflictResolver</name>
    <message>
        <location filename="../../ui/workflow/conflicts.py" line="253"/>
        <source>Saved, combined with another save: %1 came from the other version.</source>
        <translation>حُفظ بعد الجمع مع حفظ آخر: %1 من النسخة الأخرى.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/conflicts.py" line="257"/>
        <source>Saved, combined with another save.</source>
        <translation>حُفظ بعد الجمع مع حفظ آخر.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/conflicts.py" line="262"/>
        <source>Someone saved this story</source>
        <translation>حفظ أحدهم هذا المقال</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/conflicts.py" line="265"/>
        <source>%1 saved this story at %2</source>
        <translation>حفظ %1 هذا المقال في %2</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/conflicts.py" line="281"/>
        <source>(no section)</source>
        <translation>(بلا قسم)</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <location filename="../../ui/workflow/conflicts.py" line="243"/>
        <source>The story keeps changing under you; it was not saved. Try again.</source>
        <translation>المقال يتغير باستمرار أثناء الحفظ؛ لم يُحفظ. حاول مرة أخرى.</translation>
    </message>
</context>
<context>
    <name>ConnectionStatus</name>
    <message>
        <location filename="../../ui/live.py" line="227"/>
        <source>Reconnected</source>
        <translation>أعيد الاتصال</translation>
    </message>
    <message>
        <location filename="../../ui/live.py" line="232"/>
        <source>Server unreachable — reconnecting…</source>
        <translation>لا اتصال بالخادم — يعاد الاتصال…</translation>
    </message>
</context>
<context>
    <name>DatelineEditor</name>
    <message>
        <location filename="../../ui/articles/dateline_editor.py" line="178"/>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <location filename="../../ui/articles/dateline_editor.py" line="181"/>
        <source>The dateline has a date</source>
        <translation>سطر المكان والتاريخ يتضمّن تاريخًا</translation>
    </message>
</context>
<context>
    <name>DeleteSectionDialog</name>
    <message>
        <location filename="../../ui/taxonomy/dialogs.py" line="180"/>
        <source>Delete section</source>
        <translation>حذف القسم</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/dialogs.py" line="183"/>
        <source>“%1” files %2 stories. Move them to:</source>
        <translation>في «%1» من الأخبار %2. انقلها إلى:</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/dialogs.py" line="187"/>
        <source>Delete “%1”? It files no stories.</source>
        <translation>أتحذف «%1»؟ ليس فيه أي خبر.</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/dialogs.py" line="198"/>
        <source>Its subsections move up one level.</source>
        <translation>ترتفع أقسامه الفرعية مستوى واحدًا.</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/dialogs.py" line="205"/>
        <source>Delete</source>
        <translation>احذف</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../ui/taxonomy/duplicates.py" line="51"/>
        <source>&amp;Merge into the kept one</source>
        <translation>&amp;ادمجها في المُبقى عليه</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/duplicates.py" line="54"/>
        <source>&amp;Skip this group</source>
        <translation>&amp;تخطَّ هذه المجموعة</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/duplicates.py" line="56"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/duplicates.py" line="63"/>
        <source>Names that differ only in hamza, ta marbuta, alef maqsura, harakat, tatweel, a leading “ال” or spacing. Untick a name to leave it out.</source>
        <translation>أسماء لا تختلف إلا في الهمزة أو التاء المربوطة أو الألف المقصورة أو الحركات أو التطويل أو «ال» في أولها أو المسافات. أزل العلامة عن اسم لتستثنيه.</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/duplicates.py" line="70"/>
        <source>&amp;Keep</source>
        <translation>أ&amp;بقِ على</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/duplicates.py" line="93"/>
        <source>No near-duplicates left.</source>
        <translation>لم يبقَ أي تكرار متقارب.</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/duplicates.py" line="96"/>
        <source>%1 group(s) to review. This one:</source>
        <translation>مجموعات للمراجعة: %1. هذه المجموعة:</translation>
    </message>
</context>
<context>
    <name>EditorActions</name>
    <message>
        <location filename="../../ui/articles/toolbar.py" line="33"/>
        <source>Undo (Ctrl+Z)</source>
        <translation>تراجع (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../ui/articles/toolbar.py" line="34"/>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>إعادة (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <location filename="../../ui/articles/toolbar.py" line="35"/>
        <source>Bold</source>
        <translation>عريض</translation>
    </message>
    <message>
        <location filename="../../ui/articles/toolbar.py" line="36"/>
        <source>Italic</source>
        <translation>مائل</translation>
    </message>
    <message>
        <location filename="../../ui/articles/toolbar.py" line="37"/>
        <source>Paragraph</source>
        <translation>فقرة</translation>
    </message>
    <message>
        <location filename="../../ui/articles/toolbar.py" line="38"/>
        <source>Sub-heading</source>
        <translation>عنوان فرعي</translation>
    </message>
    <message>
        <location filename="../../ui/articles/toolbar.py" line="39"/>
        <source>Minor sub-heading</source>
        <translation>عنوان فرعي ثانوي</translation>
    </message>
    <message>
        <location filename="../../ui/articles/toolbar.py" line="43"/>
        <source>Quotation</source>
        <translation>اقتباس</translation>
    </message>
    <message>
        <location filename="../../ui/articles/toolbar.py" line="44"/>
        <source>Bulleted list</source>
        <translation>قائمة نقطية</translation>
    </message>
    <message>
        <location filename="../../ui/articles/toolbar.py" line="45"/>
        <source>Numbered list</source>
        <translation>قائمة مرقمة</translation>
    </message>
    <message>
        <location filename="../../ui/articles/toolbar.py" line="46"/>
        <source>Link…</source>
        <translation>رابط…</translation>
    </message>
    <message>
        <location filename="../../ui/articles/toolbar.py" line="47"/>
        <source>Right to left (Ctrl+Right Shift)</source>
        <translation>من اليمين إلى اليسار (Ctrl+Shift الأيمن)</translation>
    </message>
    <message>
        <location filename="../../ui/articles/toolbar.py" line="48"/>
        <source>Left to right (Ctrl+Left Shift)</source>
        <translation>من اليسار إلى اليمين (Ctrl+Shift الأيسر)</translation>
    </message>
    <message>
        <location filename="../../ui/articles/toolbar.py" line="50"/>
        <source>Direction from the text</source>
        <translation>الاتجاه حسب النص</translation>
    </message>
    <message>
        <location filename="../../ui/articles/toolbar.py" line="55"/>
        <source>Find…</source>
        <translation>بحث…</translation>
    </message>
    <message>
        <location filename="../../ui/articles/toolbar.py" line="56"/>
        <source>Replace…</source>
        <translation>استبدال…</translation>
    </message>
    <message>
        <location filename="../../ui/articles/toolbar.py" line="57"/>
        <source>Revisions…</source>
        <translation>المراجعات…</translation>
    </message>
    <message>
        <location filename="../../ui/articles/toolbar.py" line="58"/>
        <source>Move the cursor visually</source>
        <translation>تحريك المؤشر بصريًا</translation>
    </message>
    <message>
        <location filename="../../ui/articles/toolbar.py" line="62"/>
        <source>Arrow keys move on screen rather than in reading order in mixed lines</source>
        <translation>تحرّك الأسهم المؤشر كما يظهر على الشاشة لا بترتيب القراءة في الأسطر المختلطة</translation>
    </message>
    <message>
        <location filename="../../ui/articles/toolbar.py" line="64"/>
        <source>Check spelling</source>
        <translation>التدقيق الإملائي</translation>
    </message>
</context>
<context>
    <name>EditorOffers</name>
    <message>
        <location filename="../../ui/articles/offers.py" line="57"/>
        <source>Could not keep a recovery copy: %1</source>
        <translation>تعذّر حفظ نسخة الاسترجاع: %1</translation>
    </message>
    <message>
        <location filename="../../ui/articles/offers.py" line="85"/>
        <source>(no headline)</source>
        <translation>(بلا عنوان)</translation>
    </message>
    <message>
        <location filename="../../ui/articles/offers.py" line="87"/>
        <source>Midad closed before your changes to “%1” were saved (%2).</source>
        <translation>أُغلق مداد قبل حفظ تعديلاتك على «%1» (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/articles/offers.py" line="91"/>
        <source>Restore them</source>
        <translation>استرجعها</translation>
    </message>
    <message>
        <location filename="../../ui/articles/offers.py" line="92"/>
        <source>Discard them</source>
        <translation>تخلَّ عنها</translation>
    </message>
    <message>
        <location filename="../../ui/articles/offers.py" line="115"/>
        <source>Recovered text</source>
        <translation>النص المسترجع</translation>
    </message>
    <message>
        <location filename="../../ui/articles/offers.py" line="136"/>
        <source>This looks like a whole article page. Fill the headline, dateline and body from it?</source>
        <translation>يبدو هذا صفحة مقال كاملة. هل تُملأ منه الحقول: العنوان والمكان والتاريخ والنص؟</translation>
    </message>
    <message>
        <location filename="../../ui/articles/offers.py" line="139"/>
        <source>Fill the fields</source>
        <translation>املأ الحقول</translation>
    </message>
    <message>
        <location filename="../../ui/articles/offers.py" line="157"/>
        <source>Fill from page</source>
        <translation>الملء من الصفحة</translation>
    </message>
    <message>
        <location filename="../../ui/articles/offers.py" line="164"/>
        <source>Very long pasted paragraphs were split at sentence ends to keep typing fast.</source>
        <translation>قُسّمت الفقرات الملصوقة الطويلة جدًا عند نهايات الجمل لتبقى الكتابة سريعة.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../ui/articles/fields.py" line="39"/>
        <source>The headline is too long: at most %1 characters.</source>
        <translation>العنوان طويل جدًا: الحد %1 حرفًا.</translation>
    </message>
    <message>
        <location filename="../../ui/articles/fields.py" line="43"/>
        <source>A headline is needed before submitting.</source>
        <translation>يلزم عنوان قبل الإرسال.</translation>
    </message>
    <message>
        <location filename="../../ui/articles/fields.py" line="44"/>
        <source>Choose a section before submitting.</source>
        <translation>اختر قسمًا قبل الإرسال.</translation>
    </message>
    <message>
        <location filename="../../ui/articles/fields.py" line="45"/>
        <source>The dateline needs a place before submitting.</source>
        <translation>يلزم ذكر المكان قبل الإرسال.</translation>
    </message>
    <message>
        <location filename="../../ui/articles/fields.py" line="48"/>
        <source>The story has no text yet.</source>
        <translation>لا نص في الخبر بعد.</translation>
    </message>
    <message>
        <location filename="../../ui/articles/fields.py" line="49"/>
        <source>Please check this field.</source>
        <translation>يُرجى مراجعة هذا الحقل.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/moderation/filters.py" line="69"/>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/filters.py" line="84"/>
        <source>Author name or email</source>
        <translation>اسم الكاتب أو بريده</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/filters.py" line="91"/>
        <source>Show every comment of the queue</source>
        <translation>عرض كل تعليقات القائمة</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/filters.py" line="101"/>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/filters.py" line="118"/>
        <source>All sections</source>
        <translation>كل الأقسام</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/filters.py" line="128"/>
        <source>All stories</source>
        <translation>كل المقالات</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../ui/articles/find_bar.py" line="41"/>
        <source>Find</source>
        <translation>بحث</translation>
    </message>
    <message>
        <location filename="../../ui/articles/find_bar.py" line="45"/>
        <source>Replace with</source>
        <translation>استبدل بـ</translation>
    </message>
    <message>
        <location filename="../../ui/articles/find_bar.py" line="46"/>
        <source>Any letter form</source>
        <translation>كل أشكال الحروف</translation>
    </message>
    <message>
        <location filename="../../ui/articles/find_bar.py" line="49"/>
        <source>Ignore harakat, tatweel, hamza forms and attached و ف ب ل ك ال</source>
        <translation>تجاهل الحركات والتطويل وأشكال الهمزة والسوابق المتصلة و ف ب ل ك ال</translation>
    </message>
    <message>
        <location filename="../../ui/articles/find_bar.py" line="52"/>
        <source>Whole words</source>
        <translation>كلمات كاملة</translation>
    </message>
    <message>
        <location filename="../../ui/articles/find_bar.py" line="56"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>النتيجة السابقة (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/articles/find_bar.py" line="59"/>
        <source>Next match (Enter)</source>
        <translation>النتيجة التالية (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/articles/find_bar.py" line="60"/>
        <source>Replace</source>
        <translation>استبدال</translation>
    </message>
    <message>
        <location filename="../../ui/articles/find_bar.py" line="61"/>
        <source>Replace all</source>
        <translation>استبدال الكل</translation>
    </message>
    <message>
        <location filename="../../ui/articles/find_bar.py" line="68"/>
        <source>Close (Esc)</source>
        <translation>إغلاق (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/articles/find_bar.py" line="163"/>
        <source>No matches</source>
        <translation>لا نتائج</translation>
    </message>
    <message>
        <location filename="../../ui/articles/find_bar.py" line="165"/>
        <source>%1 matches</source>
        <translation>النتائج: %1</translation>
    </message>
    <message>
        <location filename="../../ui/articles/find_bar.py" line="168"/>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <location filename="../../ui/articles/find_bar.py" line="233"/>
        <source>%1 replaced</source>
        <translation>استُبدل: %1</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../ui/articles/history.py" line="56"/>
        <source>created</source>
        <translation>إنشاء</translation>
    </message>
    <message>
        <location filename="../../ui/articles/history.py" line="57"/>
        <source>saved</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../ui/articles/history.py" line="58"/>
        <source>autosaved</source>
        <translation>حفظ تلقائي</translation>
    </message>
    <message>
        <location filename="../../ui/articles/history.py" line="59"/>
        <source>submitted</source>
        <translation>إرسال للمراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/articles/history.py" line="60"/>
        <source>restored</source>
        <translation>استرجاع</translation>
    </message>
    <message>
        <location filename="../../ui/articles/history.py" line="61"/>
        <source>imported</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../ui/articles/history.py" line="68"/>
        <source>Headline</source>
        <translation>العنوان الرئيسي</translation>
    </message>
    <message>
        <location filename="../../ui/articles/history.py" line="69"/>
        <source>Standfirst</source>
        <translation>المقدمة</translation>
    </message>
    <message>
        <location filename="../../ui/articles/history.py" line="70"/>
        <source>Section</source>
        <translation>القسم</translation>
    </message>
    <message>
        <location filename="../../ui/articles/history.py" line="71"/>
        <source>Tags</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../ui/articles/history.py" line="72"/>
        <source>Byline</source>
        <translation>التوقيع</translation>
    </message>
    <message>
        <location filename="../../ui/articles/history.py" line="73"/>
        <source>Dateline</source>
        <translation>سطر المكان والتاريخ</translation>
    </message>
    <message>
        <location filename="../../ui/articles/history.py" line="74"/>
        <source>Body</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../ui/articles/history.py" line="86"/>
        <location filename="../../ui/workflow/since_seen.py" line="66"/>
        <source>(formatting or direction changed)</source>
        <translation>(تغيّر التنسيق أو الاتجاه)</translation>
    </message>
</context>
<context>
    <name>Interchange</name>
    <message>
        <location filename="../../ui/interchange/summary.py" line="41"/>
        <source>Stories added: %1</source>
        <translation>قصص أُضيفت: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="42"/>
        <source>Comments added: %1</source>
        <translation>تعليقات أُضيفت: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="43"/>
        <source>Sections added: %1</source>
        <translation>أقسام أُضيفت: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="44"/>
        <source>Tags added: %1</source>
        <translation>وسوم أُضيفت: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="45"/>
        <source>Authors added (journalists, no password yet): %1</source>
        <translation>كتّاب أُضيفوا (صحفيون، بلا كلمة مرور بعد): %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="53"/>
        <source>Stories already here, left as they are: %1</source>
        <translation>قصص موجودة هنا تُركت كما هي: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="56"/>
        <source>Comments already here: %1</source>
        <translation>تعليقات موجودة هنا: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="57"/>
        <source>Sections already here: %1</source>
        <translation>أقسام موجودة هنا: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="58"/>
        <source>Tags already here: %1</source>
        <translation>وسوم موجودة هنا: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="59"/>
        <source>Authors already here: %1</source>
        <translation>كتّاب موجودون هنا: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="66"/>
        <source>Skipped, not a story (type “%2”): %1</source>
        <translation>تُخطّي، ليس قصة (النوع «%2»): %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="69"/>
        <source>Skipped, not a reader comment (“%2”): %1</source>
        <translation>تُخطّي، ليس تعليق قارئ («%2»): %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="72"/>
        <source>Skipped, terms of another kind (“%2”): %1</source>
        <translation>تُخطّي، مصطلحات من نوع آخر («%2»): %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="77"/>
        <source>Skipped, WordPress&apos;s automatic drafts: %1</source>
        <translation>تُخطّي، مسودات ووردبريس التلقائية: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="80"/>
        <source>Skipped, a second copy of the same post: %1</source>
        <translation>تُخطّي، نسخة ثانية من المنشور نفسه: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="83"/>
        <source>Skipped, a second copy of the same comment: %1</source>
        <translation>تُخطّي، نسخة ثانية من التعليق نفسه: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="86"/>
        <source>Skipped, comments on skipped items: %1</source>
        <translation>تُخطّي، تعليقات على عناصر متخطّاة: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="94"/>
        <source>Replies whose comment is not in the file (kept as top-level comments): %1</source>
        <translation>ردود تعليقُها الأصلي ليس في الملف (بقيت تعليقات مستقلة): %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="98"/>
        <source>Replies in a loop (cut, kept as top-level comments): %1</source>
        <translation>ردود في حلقة مغلقة (قُطعت وبقيت تعليقات مستقلة): %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="101"/>
        <source>Headlines with hidden direction controls (removed): %1</source>
        <translation>عناوين فيها محارف اتجاه خفية (أُزيلت): %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="104"/>
        <source>Comments with hidden direction controls (neutralised on screen): %1</source>
        <translation>تعليقات فيها محارف اتجاه خفية (تُحيَّد عند العرض): %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="107"/>
        <source>Extra categories of stories (the first one is the section): %1</source>
        <translation>تصنيفات زائدة للقصص (الأول صار القسم): %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="110"/>
        <source>Other terms on stories (post formats and the like, ignored): %1</source>
        <translation>مصطلحات أخرى على القصص (صيغ المنشورات ونحوها، أُهملت): %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="113"/>
        <source>Sections whose parent is not in the file (placed at the top): %1</source>
        <translation>أقسام أصلها ليس في الملف (وُضعت في الأعلى): %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="116"/>
        <source>Sections in a loop of parents (cut): %1</source>
        <translation>أقسام في حلقة من الأصول (قُطعت): %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="119"/>
        <source>Stories with an unknown status (imported as drafts): %1</source>
        <translation>قصص بحالة غير معروفة (استُوردت مسودات): %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="122"/>
        <source>Comments with an unknown status (imported as pending): %1</source>
        <translation>تعليقات بحالة غير معروفة (استُوردت معلّقة): %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="125"/>
        <source>Headlines longer than 500 characters (cut): %1</source>
        <translation>عناوين أطول من 500 محرف (قُصّت): %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="128"/>
        <source>Posts without a site id (matched by headline and date): %1</source>
        <translation>منشورات بلا رقم في الموقع (طوبقت بالعنوان والتاريخ): %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="131"/>
        <source>The search index update was stopped; the import is complete. Rebuild the search index to find everything: %1</source>
        <translation>أُوقف تحديث فهرس البحث؛ الاستيراد تامّ. أعد بناء فهرس البحث ليجد كل شيء: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="136"/>
        <source>The search index could not be updated; the import is complete. Rebuild the search index to find everything: %1</source>
        <translation>تعذّر تحديث فهرس البحث؛ الاستيراد تامّ. أعد بناء فهرس البحث ليجد كل شيء: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="141"/>
        <source>The moderation rules were stopped; the import is complete. Apply the rules from the moderation desk to judge the rest: %1</source>
        <translation>أُوقفت قواعد الإشراف؛ الاستيراد تامّ. طبّق القواعد من مكتب الإشراف للحكم على البقية: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="146"/>
        <source>New comments held by the moderation rules: %1</source>
        <translation>تعليقات جديدة أوقفتها قواعد الإشراف: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="149"/>
        <source>New comments sent to spam by the moderation rules: %1</source>
        <translation>تعليقات جديدة أرسلتها قواعد الإشراف إلى المزعج: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="152"/>
        <source>New comments approved as from trusted authors: %1</source>
        <translation>تعليقات جديدة قُبلت لأنها من كتّاب موثوقين: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="161"/>
        <source>Imported the WordPress export %1 (%2).</source>
        <translation>استُورد ملف تصدير ووردبريس %1 ‏(%2).</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="168"/>
        <source>The file declared the encoding %1 but its text is UTF-8; it was read as UTF-8.</source>
        <translation>صرّح الملف بالترميز %1 لكن نصه UTF-8؛ فقُرئ على أنه UTF-8.</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="175"/>
        <source>Nothing new: everything in the file is already here.</source>
        <translation>لا جديد: كل ما في الملف موجود هنا.</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="187"/>
        <source>Comments whose status was taken from the site: %1</source>
        <translation>تعليقات أُخذت حالتها من الموقع: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="197"/>
        <source>Comments decided here that the site decided differently (the decision made here was kept): %1</source>
        <translation>تعليقات قُرّر فيها هنا وقرّر فيها الموقع غير ذلك (أُبقي قرار هنا): %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="205"/>
        <source>  comment %1 on “%2”: here %3, on the site %4</source>
        <translation>  التعليق %1 على «%2»: هنا %3، وفي الموقع %4</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="217"/>
        <source>Wrote the WordPress export %1.</source>
        <translation>كُتب ملف تصدير ووردبريس %1.</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="221"/>
        <source>Stories: %1</source>
        <translation>القصص: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="222"/>
        <source>Comments: %1</source>
        <translation>التعليقات: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="225"/>
        <source>Sections: %1</source>
        <translation>الأقسام: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="228"/>
        <source>Tags: %1</source>
        <translation>الوسوم: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="229"/>
        <source>Authors: %1</source>
        <translation>الكتّاب: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="233"/>
        <source>Readers&apos; emails and addresses were left out: your role may not see them.</source>
        <translation>تُركت عناوين بريد القرّاء وعناوينهم الشبكية: دورك لا يسمح برؤيتها.</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="242"/>
        <source>Wrote the moderation decisions for the site to %1.</source>
        <translation>كُتبت قرارات الإشراف الموجهة إلى الموقع في %1.</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="247"/>
        <source>No decisions were waiting to be sent; the file lists none.</source>
        <translation>لم تكن هناك قرارات تنتظر الإرسال؛ الملف لا يضم شيئًا.</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="252"/>
        <source>Comments in the file: %1</source>
        <translation>التعليقات في الملف: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="255"/>
        <source>Decisions marked as sent: %1</source>
        <translation>قرارات عُلّمت بأنها أُرسلت: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="263"/>
        <source>Opening the WordPress export…</source>
        <translation>يُفتح ملف تصدير ووردبريس…</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="265"/>
        <source>Applying the moderation rules to the new comments…</source>
        <translation>تُطبَّق قواعد الإشراف على التعليقات الجديدة…</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="270"/>
        <source>Updating the search index: %1 of %2</source>
        <translation>يُحدَّث فهرس البحث: %1 من %2</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="275"/>
        <source>Linking replies to their comments…</source>
        <translation>تُربط الردود بتعليقاتها…</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="278"/>
        <source>Reading the export: %1% — %2 stories, %3 comments</source>
        <translation>قراءة ملف التصدير: %1% — %2 قصة، %3 تعليق</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="289"/>
        <source>Preparing the WordPress export…</source>
        <translation>يُحضَّر ملف تصدير ووردبريس…</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="291"/>
        <source>Writing stories: %1 of %2</source>
        <translation>كتابة القصص: %1 من %2</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/summary.py" line="298"/>
        <source>Writing the moderation decisions…</source>
        <translation>تُكتب قرارات الإشراف…</translation>
    </message>
</context>
<context>
    <name>InterchangeActions</name>
    <message>
        <location filename="../../ui/interchange/actions.py" line="61"/>
        <source>Import WordPress export…</source>
        <translation>استيراد ملف تصدير ووردبريس…</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/actions.py" line="64"/>
        <source>Export WordPress file…</source>
        <translation>تصدير ملف ووردبريس…</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/actions.py" line="68"/>
        <source>Export moderation decisions for the site…</source>
        <translation>تصدير قرارات الإشراف إلى الموقع…</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/actions.py" line="81"/>
        <source>WordPress exports (%1);;All files (*)</source>
        <translation>ملفات تصدير ووردبريس (%1);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/actions.py" line="87"/>
        <source>Import WordPress export</source>
        <translation>استيراد ملف تصدير ووردبريس</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/actions.py" line="100"/>
        <source>WordPress import</source>
        <translation>الاستيراد من ووردبريس</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/actions.py" line="104"/>
        <source>Importing a WordPress export</source>
        <translation>استيراد ملف تصدير ووردبريس</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/actions.py" line="109"/>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>أُلغي الاستيراد؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/actions.py" line="117"/>
        <source>Export WordPress file</source>
        <translation>تصدير ملف ووردبريس</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/actions.py" line="129"/>
        <source>WordPress export</source>
        <translation>التصدير إلى ووردبريس</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/actions.py" line="133"/>
        <source>Writing a WordPress export</source>
        <translation>كتابة ملف تصدير ووردبريس</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/actions.py" line="137"/>
        <source>The export was cancelled; no file was written.</source>
        <translation>أُلغي التصدير؛ لم يُكتب أي ملف.</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/actions.py" line="144"/>
        <source>Export moderation decisions</source>
        <translation>تصدير قرارات الإشراف</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/actions.py" line="146"/>
        <source>Decisions (*.json);;All files (*)</source>
        <translation>القرارات (*.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/actions.py" line="158"/>
        <source>Decisions for the site</source>
        <translation>قرارات موجهة إلى الموقع</translation>
    </message>
    <message>
        <location filename="../../ui/interchange/actions.py" line="162"/>
        <source>Exporting moderation decisions</source>
        <translation>تصدير قرارات الإشراف</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location filename="../../ui/moderation/help.py" line="44"/>
        <source>Moderation keys</source>
        <translation>مفاتيح الإشراف</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="14"/>
        <source>Draft</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="15"/>
        <source>Submitted</source>
        <translation>مُرسَل للمراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="16"/>
        <location filename="../../ui/labels.py" line="26"/>
        <source>Approved</source>
        <translation>معتمد</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="17"/>
        <source>Scheduled</source>
        <translation>مجدول</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="18"/>
        <source>Published</source>
        <translation>منشور</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="19"/>
        <location filename="../../ui/labels.py" line="28"/>
        <source>Trash</source>
        <translation>سلة المهملات</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <source>Pending</source>
        <translation>قيد المراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27"/>
        <source>Spam</source>
        <translation>مزعج</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34"/>
        <source>Journalist</source>
        <translation>صحفي</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35"/>
        <source>Editor</source>
        <translation>محرر</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="36"/>
        <source>Moderator</source>
        <translation>مشرف</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37"/>
        <source>Admin</source>
        <translation>مدير</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38"/>
        <source>Not signed in</source>
        <translation>لم يسجَّل الدخول</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../ui/articles/link_dialog.py" line="22"/>
        <source>Link</source>
        <translation>رابط</translation>
    </message>
    <message>
        <location filename="../../ui/articles/link_dialog.py" line="39"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../ui/articles/link_dialog.py" line="40"/>
        <source>Address</source>
        <translation>العنوان الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../ui/articles/link_dialog.py" line="57"/>
        <source>Use a web address (https://…) or an e-mail address.</source>
        <translation>استخدم عنوان موقع (https://…) أو بريدًا إلكترونيًا.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.py" line="57"/>
        <source>Midad — newsroom desk</source>
        <translation>مداد — مكتب التحرير</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="78"/>
        <source>Sections</source>
        <translation>الأقسام</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="79"/>
        <source>Tags</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="94"/>
        <location filename="../../ui/mainwindow.py" line="209"/>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="95"/>
        <location filename="../../ui/mainwindow.py" line="209"/>
        <source>Comments</source>
        <translation>التعليقات</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="108"/>
        <location filename="../../ui/mainwindow.py" line="216"/>
        <source>Review desk</source>
        <translation>مكتب المراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="166"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="167"/>
        <source>Import article page…</source>
        <translation>استيراد صفحة مقال…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="180"/>
        <source>Switch user…</source>
        <translation>تبديل المستخدم…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="184"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="189"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="190"/>
        <location filename="../../ui/mainwindow.py" line="306"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="193"/>
        <location filename="../../ui/mainwindow.py" line="312"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="207"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="219"/>
        <source>Newsroom activity log</source>
        <translation>سجل نشاط غرفة الأخبار</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="222"/>
        <source>Go to the article list</source>
        <translation>الانتقال إلى قائمة المقالات</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="230"/>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="235"/>
        <source>&amp;Tools</source>
        <translation>&amp;أدوات</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="238"/>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="239"/>
        <location filename="../../ui/mainwindow.py" line="355"/>
        <source>About Midad</source>
        <translation>عن مداد</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="266"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="256"/>
        <source>The database was upgraded; a copy of the old one is at %1</source>
        <translation>حُدِّثت قاعدة البيانات؛ نسخة من القديمة محفوظة في ‎%1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="304"/>
        <source>Undo %1</source>
        <translation>تراجع عن %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="310"/>
        <source>Redo %1</source>
        <translation>إعادة %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="332"/>
        <source>Import article page</source>
        <translation>استيراد صفحة مقال</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="332"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>ملفات نصية (*.txt);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="356"/>
        <source>Midad, the offline Arabic newsroom desk.
Database: %1</source>
        <translation>مداد، مكتب تحرير عربي يعمل دون اتصال بالإنترنت.
قاعدة البيانات: ‎%1</translation>
    </message>
</context>
<context>
    <name>MergeTagsDialog</name>
    <message>
        <location filename="../../ui/taxonomy/dialogs.py" line="246"/>
        <source>Merge tags</source>
        <translation>دمج الوسوم</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/dialogs.py" line="248"/>
        <source>Merge %1 tags into one. Their stories will carry the one you keep.</source>
        <translation>دمج %1 من الوسوم في وسم واحد. ستحمل أخبارها الوسم الذي تبقي عليه.</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/dialogs.py" line="262"/>
        <source>Merge</source>
        <translation>ادمج</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/dialogs.py" line="266"/>
        <source>&amp;Keep</source>
        <translation>أ&amp;بقِ على</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="16"/>
        <source>This file is not a Midad newsroom database. It was left untouched.</source>
        <translation>هذا الملف ليس قاعدة بيانات غرفة أخبار لمداد. لم يُجرَ عليه أي تغيير.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="20"/>
        <source>This database was written by a newer version of Midad. Update Midad to open it; the database was left untouched.</source>
        <translation>كُتبت قاعدة البيانات هذه بإصدار أحدث من مداد. حدِّث مداد لفتحها؛ لم يُجرَ على قاعدة البيانات أي تغيير.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="25"/>
        <source>The database is busy in another program. Nothing was changed; try again in a moment.</source>
        <translation>قاعدة البيانات مشغولة في برنامج آخر. لم يتغيّر شيء؛ أعد المحاولة بعد قليل.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="29"/>
        <source>The data folder cannot be written. Choose another location with --db.</source>
        <translation>تتعذّر الكتابة في مجلد البيانات. اختر موقعًا آخر بالخيار ‎--db.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="33"/>
        <source>The newsroom&apos;s database server cannot be reached. Nothing was changed; check the network and try again.</source>
        <translation>لا يمكن الوصول إلى خادم قاعدة بيانات غرفة الأخبار. لم يتغيّر شيء؛ تحقّق من الشبكة وحاول مجددًا.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="38"/>
        <source>The database server refused the user name or password, or asked for a password that was not given.</source>
        <translation>رفض خادم قاعدة البيانات اسم المستخدم أو كلمة المرور، أو طلب كلمة مرور لم تُعطَ.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="43"/>
        <source>The password could not be kept in the system keyring; Midad will ask for it next time.</source>
        <translation>تعذّر حفظ كلمة المرور في حافظة مفاتيح النظام؛ سيطلبها مداد في المرة القادمة.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="48"/>
        <source>The disk is full. Nothing was saved; free some space and try again.</source>
        <translation>القرص ممتلئ. لم يُحفَظ شيء؛ أفرغ بعض المساحة ثم أعد المحاولة.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="52"/>
        <source>This item no longer exists; it may have been deleted on another desk.</source>
        <translation>لم يعد هذا العنصر موجودًا؛ ربما حُذف من مكتب آخر.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="56"/>
        <source>Your role does not allow this.</source>
        <translation>دورك لا يسمح بهذا الإجراء.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="60"/>
        <source>Someone else saved this story after you opened it. Your text is kept in the editor.</source>
        <translation>حفظ شخص آخر هذه المادة بعد أن فتحتها. ما زال نصّك في المحرّر.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="64"/>
        <source>This file is not an article page that Midad can read.</source>
        <translation>هذا الملف ليس صفحة مقال يستطيع مداد قراءتها.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="68"/>
        <source>Please check what you entered.</source>
        <translation>يُرجى التحقق مما أدخلته.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="75"/>
        <source>Something went wrong.</source>
        <translation>حدث خطأ ما.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="83"/>
        <source>The work was cancelled; nothing was changed.</source>
        <translation>أُلغي العمل؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="95"/>
        <source>This file is not a WordPress export (WXR). Nothing was imported.</source>
        <translation>هذا الملف ليس ملف تصدير ووردبريس (WXR). لم يُستورد شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="98"/>
        <source>This WordPress export is damaged: it is cut short or not well-formed. Nothing was imported.</source>
        <translation>ملف تصدير ووردبريس هذا تالف: مبتور أو غير سليم البنية. لم يُستورد شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="103"/>
        <source>This file declares a DOCTYPE, which a WordPress export never does; Midad refuses it for safety. Nothing was imported.</source>
        <translation>يصرّح هذا الملف بـ DOCTYPE، وهذا ما لا يفعله تصدير ووردبريس أبدًا؛ يرفضه مداد حفاظًا على الأمان. لم يُستورد شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="108"/>
        <source>The text of this file is not in the encoding it declares. Nothing was imported.</source>
        <translation>نص هذا الملف ليس بالترميز الذي يصرّح به. لم يُستورد شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="112"/>
        <source>This file holds a single text larger than 10 MB, more than Midad reads. Nothing was imported.</source>
        <translation>في هذا الملف نص واحد أكبر من 10 ميغابايت، وهذا أكثر مما يقرؤه مداد. لم يُستورد شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="117"/>
        <source>The file cannot be written there. Choose another folder.</source>
        <translation>لا يمكن كتابة الملف هناك. اختر مجلدًا آخر.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="123"/>
        <source>This file cannot be read.</source>
        <translation>لا يمكن قراءة هذا الملف.</translation>
    </message>
</context>
<context>
    <name>Moderation</name>
    <message>
        <location filename="../../ui/moderation/toolbar.py" line="101"/>
        <source>Approve</source>
        <translation>موافقة</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/toolbar.py" line="102"/>
        <source>Spam</source>
        <translation>مزعج</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/toolbar.py" line="103"/>
        <source>Trash</source>
        <translation>نقل إلى المهملات</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/toolbar.py" line="104"/>
        <source>Back to pending</source>
        <translation>إعادة إلى المراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/toolbar.py" line="110"/>
        <source>Approve the selected</source>
        <translation>موافقة على المحدد</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/toolbar.py" line="111"/>
        <source>Spam the selected</source>
        <translation>المحدد مزعج</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/toolbar.py" line="112"/>
        <source>Trash the selected</source>
        <translation>نقل المحدد إلى المهملات</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/toolbar.py" line="113"/>
        <source>Selected back to pending</source>
        <translation>إعادة المحدد إلى المراجعة</translation>
    </message>
</context>
<context>
    <name>ModerationLabels</name>
    <message>
        <location filename="../../ui/moderation/labels.py" line="12"/>
        <source>Blocked word</source>
        <translation>كلمة محظورة</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/labels.py" line="13"/>
        <source>Held word</source>
        <translation>كلمة للمراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/labels.py" line="14"/>
        <source>Too many links</source>
        <translation>روابط كثيرة</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/labels.py" line="15"/>
        <source>Repeated text</source>
        <translation>نص مكرر</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/labels.py" line="16"/>
        <source>Trusted author</source>
        <translation>كاتب موثوق</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/labels.py" line="22"/>
        <source>by hand</source>
        <translation>يدويًا</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/labels.py" line="23"/>
        <source>by a rule</source>
        <translation>بقاعدة</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/labels.py" line="24"/>
        <source>in bulk</source>
        <translation>جماعيًا</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/labels.py" line="25"/>
        <source>undone</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/labels.py" line="26"/>
        <source>imported</source>
        <translation>مستورد</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/labels.py" line="44"/>
        <source>(like #%1)</source>
        <translation>(مثل #%1)</translation>
    </message>
</context>
<context>
    <name>ModerationPanel</name>
    <message>
        <location filename="../../ui/moderation/panel.py" line="249"/>
        <source>%1 selected</source>
        <translation>المحدد: %1</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/panel.py" line="187"/>
        <source>Export for the site…</source>
        <translation>تصدير للموقع…</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/panel.py" line="190"/>
        <source>Rules…</source>
        <translation>القواعد…</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/panel.py" line="193"/>
        <source>Keys (?)</source>
        <translation>المفاتيح (؟)</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/panel.py" line="243"/>
        <source>Decisions not yet sent to the site: %1</source>
        <translation>قرارات لم تُرسل إلى الموقع بعد: %1</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/panel.py" line="252"/>
        <source>Select the whole queue (%1)</source>
        <translation>تحديد القائمة كلها (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/panel.py" line="508"/>
        <source>Export decisions for the site</source>
        <translation>تصدير القرارات للموقع</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/panel.py" line="510"/>
        <source>JSON files (*.json)</source>
        <translation>ملفات JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <location filename="../../ui/taxonomy/dialogs.py" line="76"/>
        <source>made from the name</source>
        <translation>يُصنع من الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/dialogs.py" line="89"/>
        <source>&amp;Name</source>
        <translation>الا&amp;سم</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/dialogs.py" line="90"/>
        <source>S&amp;lug</source>
        <translation>الم&amp;عرّف في الرابط</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/dialogs.py" line="91"/>
        <source>For WordPress</source>
        <translation>في ووردبريس</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/dialogs.py" line="95"/>
        <source>(top level)</source>
        <translation>(المستوى الأعلى)</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/dialogs.py" line="100"/>
        <source>&amp;Parent section</source>
        <translation>القسم ال&amp;أب</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <location filename="../../ui/ops.py" line="125"/>
        <source>Midad</source>
        <translation>مداد</translation>
    </message>
    <message>
        <location filename="../../ui/ops.py" line="157"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../ui/workflow/actions.py" line="203"/>
        <source>Published page</source>
        <translation>الصفحة المنشورة</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/actions.py" line="210"/>
        <source>The page has not been written yet.</source>
        <translation>لم تُكتب الصفحة بعد.</translation>
    </message>
</context>
<context>
    <name>ReturnNoteDialog</name>
    <message>
        <location filename="../../ui/workflow/return_note.py" line="22"/>
        <source>Return to the journalist</source>
        <translation>إعادة إلى الصحفي</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/return_note.py" line="23"/>
        <source>What should the journalist change?</source>
        <translation>ما الذي ينبغي أن يغيّره الصحفي؟</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/return_note.py" line="34"/>
        <source>Return with this note</source>
        <translation>أعِده مع هذه الملاحظة</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/return_note.py" line="36"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>ReviewDesk</name>
    <message>
        <location filename="../../ui/workflow/review_desk.py" line="64"/>
        <source>Headline</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_desk.py" line="65"/>
        <source>Author</source>
        <translation>الكاتب</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_desk.py" line="66"/>
        <source>Section</source>
        <translation>القسم</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_desk.py" line="67"/>
        <source>Submitted</source>
        <translation>أُرسل</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_desk.py" line="143"/>
        <source>Open</source>
        <translation>افتح</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_desk.py" line="146"/>
        <source>Approve</source>
        <translation>اعتمد</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_desk.py" line="149"/>
        <source>Return…</source>
        <translation>أعِد…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_desk.py" line="168"/>
        <source>removed</source>
        <translation>محذوف</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_desk.py" line="170"/>
        <source>added</source>
        <translation>مضاف</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_desk.py" line="171"/>
        <source>harakat only</source>
        <translation>حركات فقط</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_desk.py" line="172"/>
        <source>letter forms only</source>
        <translation>أشكال الحروف فقط</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workflow/review_desk.py" line="228"/>
        <source>%Ln stories waiting for review</source>
        <translation>
            <numerusform>لا مقالات تنتظر المراجعة</numerusform>
            <numerusform>مقال واحد ينتظر المراجعة</numerusform>
            <numerusform>مقالان ينتظران المراجعة</numerusform>
            <numerusform>%Ln مقالات تنتظر المراجعة</numerusform>
            <numerusform>%Ln مقالًا ينتظر المراجعة</numerusform>
            <numerusform>%Ln مقال ينتظر المراجعة</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/workflow/since_seen.py" line="38"/>
        <source>You have not seen this story before: all of it is new to you.</source>
        <translation>لم تطّلع على هذا المقال من قبل: كله جديد عليك.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/since_seen.py" line="44"/>
        <source>Nothing has changed since you last saw it (%1).</source>
        <translation>لم يتغير شيء منذ اطلعت عليه آخر مرة (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/since_seen.py" line="48"/>
        <source>Changed since you last saw it (%1): %2</source>
        <translation>تغيّر منذ اطلعت عليه آخر مرة (%1): %2</translation>
    </message>
</context>
<context>
    <name>RevisionHistory</name>
    <message>
        <location filename="../../ui/articles/history.py" line="129"/>
        <source>Revisions</source>
        <translation>المراجعات</translation>
    </message>
    <message>
        <location filename="../../ui/articles/history.py" line="139"/>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <location filename="../../ui/articles/history.py" line="139"/>
        <source>Who</source>
        <translation>مَن</translation>
    </message>
    <message>
        <location filename="../../ui/articles/history.py" line="139"/>
        <source>Why</source>
        <translation>لماذا</translation>
    </message>
    <message>
        <location filename="../../ui/articles/history.py" line="158"/>
        <source>Restore this revision</source>
        <translation>استرجع هذه المراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/articles/history.py" line="163"/>
        <source>Red: removed · green: added · amber: only harakat or tatweel · blue: only letter forms (hamza, ta marbuta, ya)</source>
        <translation>الأحمر: محذوف · الأخضر: مضاف · الكهرماني: حركات أو تطويل فقط · الأزرق: أشكال الحروف فقط (الهمزة، التاء المربوطة، الياء)</translation>
    </message>
    <message>
        <location filename="../../ui/articles/history.py" line="178"/>
        <source>Compare</source>
        <translation>قارن</translation>
    </message>
    <message>
        <location filename="../../ui/articles/history.py" line="180"/>
        <source>with</source>
        <translation>مع</translation>
    </message>
    <message>
        <location filename="../../ui/articles/history.py" line="208"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/articles/history.py" line="266"/>
        <source>Revisions · %1 revisions</source>
        <translation>المراجعات · عددها %1</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../ui/moderation/rules_dialog.py" line="27"/>
        <source>Moderation rules</source>
        <translation>قواعد الإشراف</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/rules_dialog.py" line="32"/>
        <source>Off</source>
        <translation>معطّل</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/rules_dialog.py" line="36"/>
        <source>Approve comments by authors approved before</source>
        <translation>اعتماد تعليقات الكتّاب الذين اعتُمدت تعليقاتهم من قبل</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/rules_dialog.py" line="39"/>
        <source>Hold the same text posted again within a week</source>
        <translation>حجز النص نفسه إذا نُشر ثانية خلال أسبوع</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/rules_dialog.py" line="42"/>
        <source>Apply the rules to the pending queue now</source>
        <translation>تطبيق القواعد على قائمة المراجعة الآن</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/rules_dialog.py" line="47"/>
        <source>One word a line. Words match after normalisation (harakat, tatweel and letter forms do not matter), with the prefixes و ف ب ل ك ال and common endings, and never inside another word.</source>
        <translation>كلمة في كل سطر. تُطابَق الكلمات بعد التوحيد (لا أثر للحركات والتطويل وأشكال الحروف)، مع السوابق و ف ب ل ك ال واللواحق الشائعة، ولا تُطابَق أبدًا داخل كلمة أخرى.</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/rules_dialog.py" line="55"/>
        <source>Hold a comment with this many links</source>
        <translation>حجز التعليق إذا بلغت روابطه هذا العدد</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/rules_dialog.py" line="56"/>
        <source>Hold words</source>
        <translation>كلمات للمراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/rules_dialog.py" line="57"/>
        <source>Block words (to spam)</source>
        <translation>كلمات محظورة (إلى المزعج)</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <location filename="../../ui/workflow/actions.py" line="175"/>
        <source>Schedule publication</source>
        <translation>جدولة النشر</translation>
    </message>
</context>
<context>
    <name>SearchActions</name>
    <message>
        <location filename="../../ui/search/actions.py" line="31"/>
        <source>Rebuild search index</source>
        <translation>إعادة بناء فهرس البحث</translation>
    </message>
    <message>
        <location filename="../../ui/search/actions.py" line="35"/>
        <source>Index every article and comment again (search works meanwhile, partly)</source>
        <translation>فهرسة كل المقالات والتعليقات من جديد (يعمل البحث في أثنائها، جزئيًا)</translation>
    </message>
    <message>
        <location filename="../../ui/search/actions.py" line="51"/>
        <source>Search index</source>
        <translation>فهرس البحث</translation>
    </message>
    <message>
        <location filename="../../ui/search/actions.py" line="56"/>
        <source>The rebuild was stopped: search finds part of the newsroom until it is rebuilt</source>
        <translation>توقفت إعادة البناء: لن يجد البحث إلا جزءًا من غرفة الأخبار حتى يُعاد بناء الفهرس</translation>
    </message>
    <message>
        <location filename="../../ui/search/actions.py" line="90"/>
        <source>Rebuilding the search index…</source>
        <translation>تجري إعادة بناء فهرس البحث…</translation>
    </message>
    <message>
        <location filename="../../ui/search/actions.py" line="93"/>
        <source>Indexing comments: %1 of %2</source>
        <translation>فهرسة التعليقات: %1 من %2</translation>
    </message>
    <message>
        <location filename="../../ui/search/actions.py" line="95"/>
        <source>Indexing articles: %1 of %2</source>
        <translation>فهرسة المقالات: %1 من %2</translation>
    </message>
    <message>
        <location filename="../../ui/search/actions.py" line="105"/>
        <source>Search index rebuilt: %1 articles, %2 comments</source>
        <translation>أُعيد بناء فهرس البحث: المقالات %1، التعليقات %2</translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <location filename="../../ui/search/pane.py" line="80"/>
        <source>Newest first (otherwise best matches first)</source>
        <translation>الأحدث أولًا (وإلا فالأقرب إلى ما تبحث عنه أولًا)</translation>
    </message>
    <message>
        <location filename="../../ui/search/pane.py" line="144"/>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <location filename="../../ui/search/pane.py" line="147"/>
        <source>Every form of a word is found (الصين finds والصين, بالصين, الصيني).
&quot;two words&quot; for a phrase, word* for words that begin so, -word to leave out, a OR b.
Filters: section: tag: status: author: from: to: (also قسم: وسم: حالة: كاتب: من: إلى:)</source>
        <translation>يجد البحث كل صيغ الكلمة (الصين تجد والصين وبالصين والصيني).
&quot;كلمتان&quot; بين علامتي تنصيص لعبارة، وكلمة* لما يبدأ بها، و-كلمة لاستبعادها، و أ OR ب لأيٍّ منهما.
التصفية: قسم: وسم: حالة: كاتب: من: إلى: (وبالإنجليزية section: tag: status: author: from: to:)</translation>
    </message>
    <message>
        <location filename="../../ui/search/pane.py" line="219"/>
        <source>Searching…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <location filename="../../ui/search/pane.py" line="247"/>
        <source>Nothing is called %1</source>
        <translation>لا شيء باسم %1</translation>
    </message>
    <message>
        <location filename="../../ui/search/pane.py" line="251"/>
        <source>No results</source>
        <translation>لا نتائج</translation>
    </message>
    <message>
        <location filename="../../ui/search/pane.py" line="254"/>
        <source>More than %1 results</source>
        <translation>أكثر من %1 نتيجة</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <location filename="../../ui/search/results.py" line="128"/>
        <source>on %1</source>
        <translation>على «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/search/results.py" line="143"/>
        <source>(anonymous)</source>
        <translation>(مجهول)</translation>
    </message>
</context>
<context>
    <name>SectionPanel</name>
    <message>
        <location filename="../../ui/taxonomy/section_panel.py" line="89"/>
        <source>New section…</source>
        <translation>قسم جديد…</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/section_panel.py" line="90"/>
        <source>Edit section…</source>
        <translation>تعديل القسم…</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/section_panel.py" line="92"/>
        <source>Delete section…</source>
        <translation>حذف القسم…</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/section_panel.py" line="94"/>
        <source>Move up</source>
        <translation>انقله لأعلى</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/section_panel.py" line="95"/>
        <source>Move down</source>
        <translation>انقله لأسفل</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/section_panel.py" line="101"/>
        <source>Make a subsection of the one above</source>
        <translation>اجعله قسمًا فرعيًا للقسم الذي فوقه</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/section_panel.py" line="104"/>
        <source>Move out one level</source>
        <translation>أخرجه مستوى واحدًا</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/section_panel.py" line="107"/>
        <source>Find near-duplicate sections…</source>
        <translation>ابحث عن الأقسام المتكررة…</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/section_panel.py" line="208"/>
        <source>New section</source>
        <translation>قسم جديد</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/section_panel.py" line="228"/>
        <source>Edit section</source>
        <translation>تعديل القسم</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/section_panel.py" line="310"/>
        <source>Near-duplicate sections</source>
        <translation>أقسام متكررة</translation>
    </message>
</context>
<context>
    <name>SectionPicker</name>
    <message>
        <location filename="../../ui/articles/section_picker.py" line="163"/>
        <source>(no section)</source>
        <translation>(بلا قسم)</translation>
    </message>
    <message>
        <location filename="../../ui/articles/section_picker.py" line="202"/>
        <source>Choose a section…</source>
        <translation>اختر قسمًا…</translation>
    </message>
</context>
<context>
    <name>SectionTree</name>
    <message>
        <location filename="../../ui/taxonomy/section_model.py" line="215"/>
        <source>No stories</source>
        <translation>لا أخبار</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/section_model.py" line="219"/>
        <source>In this section alone: %1</source>
        <translation>في هذا القسم وحده: %1</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/section_model.py" line="223"/>
        <source>Slug: %1</source>
        <translation>المعرّف في الرابط: %1</translation>
    </message>
</context>
<context>
    <name>ServerPasswordDialog</name>
    <message>
        <location filename="../../ui/server_password.py" line="41"/>
        <source>Password for the newsroom server</source>
        <translation>كلمة مرور خادم غرفة الأخبار</translation>
    </message>
    <message>
        <location filename="../../ui/server_password.py" line="45"/>
        <source>The server asks for the password of %1.</source>
        <translation>يطلب الخادم كلمة المرور للحساب %1.</translation>
    </message>
    <message>
        <location filename="../../ui/server_password.py" line="56"/>
        <source>Remember it in the system keyring</source>
        <translation>احفظها في حافظة مفاتيح النظام</translation>
    </message>
    <message>
        <location filename="../../ui/server_password.py" line="61"/>
        <source>This session has no system keyring; use PGPASSWORD or ~/.pgpass.</source>
        <translation>لا توجد حافظة مفاتيح للنظام في هذه الجلسة؛ استعمل PGPASSWORD أو ‎~/.pgpass.</translation>
    </message>
    <message>
        <location filename="../../ui/server_password.py" line="70"/>
        <source>Open</source>
        <translation>افتح</translation>
    </message>
    <message>
        <location filename="../../ui/server_password.py" line="74"/>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../ui/server_password.py" line="86"/>
        <source>The server refused this password.</source>
        <translation>رفض الخادم كلمة المرور هذه.</translation>
    </message>
    <message>
        <location filename="../../ui/server_password.py" line="93"/>
        <source>Type the password first.</source>
        <translation>اكتب كلمة المرور أولًا.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/workflow/sign_in.py" line="27"/>
        <source>Sign in to Midad</source>
        <translation>تسجيل الدخول إلى مداد</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/sign_in.py" line="39"/>
        <source>Sign in</source>
        <translation>دخول</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/sign_in.py" line="43"/>
        <source>Login</source>
        <translation>اسم الدخول</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/sign_in.py" line="44"/>
        <source>Password</source>
        <translation>كلمة السر</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/sign_in.py" line="73"/>
        <source>Wrong login or password.</source>
        <translation>اسم الدخول أو كلمة السر غير صحيحة.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/sign_in.py" line="75"/>
        <source>Try again in %1 s.</source>
        <translation>أعد المحاولة بعد %1 ثانية.</translation>
    </message>
</context>
<context>
    <name>SourcesEdit</name>
    <message>
        <location filename="../../ui/articles/dateline_editor.py" line="94"/>
        <source>Add a source</source>
        <translation>أضف مصدرًا</translation>
    </message>
    <message>
        <location filename="../../ui/articles/dateline_editor.py" line="127"/>
        <source>Remove %1</source>
        <translation>احذف %1</translation>
    </message>
</context>
<context>
    <name>SpellingMenu</name>
    <message>
        <location filename="../../ui/articles/spelling.py" line="228"/>
        <source>No suggestions</source>
        <translation>لا اقتراحات</translation>
    </message>
    <message>
        <location filename="../../ui/articles/spelling.py" line="235"/>
        <source>Add “%1” to the newsroom dictionary</source>
        <translation>أضف «%1» إلى قاموس غرفة الأخبار</translation>
    </message>
</context>
<context>
    <name>SpellingSupport</name>
    <message>
        <location filename="../../ui/articles/spelling.py" line="281"/>
        <source>Spell checking is off: the Arabic dictionary (hunspell-ar) is not installed.</source>
        <translation>التدقيق الإملائي متوقف: القاموس العربي (hunspell-ar) غير مثبّت.</translation>
    </message>
    <message>
        <location filename="../../ui/articles/spelling.py" line="284"/>
        <source>Spell checking is off: the enchant library is not installed.</source>
        <translation>التدقيق الإملائي متوقف: مكتبة enchant غير مثبّتة.</translation>
    </message>
</context>
<context>
    <name>StoryGuard</name>
    <message>
        <location filename="../../ui/workflow/story_guard.py" line="140"/>
        <source>%1 took over this story at %2. Your changes were not saved into it: they are still here. Keep them as a new draft, or discard them to see the story as it is now.</source>
        <translation>تولّى %1 تحرير هذا المقال في %2. لم تُحفظ تعديلاتك فيه، وهي ما زالت هنا: احفظها مسودة جديدة، أو تخلَّ عنها لترى المقال كما هو الآن.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/story_guard.py" line="147"/>
        <source>Keep my text as a new draft</source>
        <translation>احفظ نصي مسودة جديدة</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/story_guard.py" line="148"/>
        <source>Discard my changes</source>
        <translation>تخلَّ عن تعديلاتي</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/story_guard.py" line="167"/>
        <source>Take over</source>
        <translation>تولَّ التحرير</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/story_guard.py" line="170"/>
        <source>Being edited by %1 since %2. You can read it; it opens for you when they close it.</source>
        <translation>يحرره %1 منذ %2. يمكنك قراءته، ويُفتح لك حين يغلقه.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/story_guard.py" line="189"/>
        <source>Returned by %1 (%2): %3</source>
        <translation>أعاده %1 (%2): %3</translation>
    </message>
</context>
<context>
    <name>TagList</name>
    <message>
        <location filename="../../ui/taxonomy/tag_model.py" line="100"/>
        <source>Tag</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/tag_model.py" line="102"/>
        <source>Stories</source>
        <translation>الأخبار</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/tag_model.py" line="123"/>
        <source>%1
Slug: %2</source>
        <translation>%1
المعرّف في الرابط: %2</translation>
    </message>
</context>
<context>
    <name>TagPanel</name>
    <message>
        <location filename="../../ui/taxonomy/tag_panel.py" line="57"/>
        <source>Filter tags</source>
        <translation>تصفية الوسوم</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/tag_panel.py" line="62"/>
        <source>all</source>
        <translation>كلها</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/tag_panel.py" line="63"/>
        <source>any</source>
        <translation>أيّها</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/tag_panel.py" line="64"/>
        <source>Stories with all of the selected tags, or with any of them</source>
        <translation>الأخبار التي تحمل كل الوسوم المختارة، أو أيًّا منها</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/tag_panel.py" line="123"/>
        <source>New tag…</source>
        <translation>وسم جديد…</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/tag_panel.py" line="124"/>
        <source>Rename tag…</source>
        <translation>إعادة تسمية الوسم…</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/tag_panel.py" line="126"/>
        <source>Merge selected tags…</source>
        <translation>دمج الوسوم المختارة…</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/tag_panel.py" line="129"/>
        <source>Delete selected tags…</source>
        <translation>حذف الوسوم المختارة…</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/tag_panel.py" line="132"/>
        <source>Find near-duplicate tags…</source>
        <translation>ابحث عن الوسوم المتكررة…</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/tag_panel.py" line="204"/>
        <source>New tag</source>
        <translation>وسم جديد</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/tag_panel.py" line="221"/>
        <source>Rename tag</source>
        <translation>إعادة تسمية الوسم</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/tag_panel.py" line="258"/>
        <source>Near-duplicate tags</source>
        <translation>وسوم متكررة</translation>
    </message>
</context>
<context>
    <name>TaxonomyDialogs</name>
    <message>
        <location filename="../../ui/taxonomy/dialogs.py" line="288"/>
        <source>Delete tags</source>
        <translation>حذف الوسوم</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/dialogs.py" line="292"/>
        <source>Delete %1 tag(s): %2?</source>
        <translation>أتحذف الوسوم (%1): %2؟</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/dialogs.py" line="297"/>
        <source>%1 stories carry them and will no longer do so. You can undo this.</source>
        <translation>عدد الأخبار التي تحملها: %1، ولن تحملها بعد الآن. يمكنك التراجع عن ذلك.</translation>
    </message>
</context>
<context>
    <name>TaxonomyFilter</name>
    <message>
        <location filename="../../ui/taxonomy/filter.py" line="57"/>
        <source>section %1</source>
        <translation>قسم «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/filter.py" line="63"/>
        <source>tag %1</source>
        <translation>وسم «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/filter.py" line="70"/>
        <source>all of the tags %1</source>
        <translation>كل الوسوم: %1</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/filter.py" line="72"/>
        <source>any of the tags %1</source>
        <translation>أيٌّ من الوسوم: %1</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/filter.py" line="75"/>
        <source> and </source>
        <translation> و</translation>
    </message>
</context>
<context>
    <name>TaxonomyMessages</name>
    <message>
        <location filename="../../ui/taxonomy/messages.py" line="28"/>
        <source>A name cannot be empty. Nothing was changed.</source>
        <translation>لا يكون الاسم فارغًا. لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/messages.py" line="33"/>
        <source>The name is %1 characters long; at most %2 fit. Nothing was changed.</source>
        <translation>طول الاسم %1 حرفًا، والحد الأقصى %2. لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/messages.py" line="41"/>
        <source>“%1” already exists; the two differ only in spelling (white space, harakat or letter forms). Nothing was changed.</source>
        <translation>«%1» موجود من قبل، ولا يختلف الاسمان إلا في الكتابة (المسافات أو الحركات أو أشكال الحروف). لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/messages.py" line="47"/>
        <source>A slug needs at least one letter or digit, and its WordPress form can hold at most 200 characters. Nothing was changed.</source>
        <translation>يحتاج المعرّف في الرابط إلى حرف أو رقم على الأقل، ولا تتجاوز صيغته في ووردبريس ٢٠٠ محرف. لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/messages.py" line="53"/>
        <source>The slug “%1” is already taken. Nothing was changed.</source>
        <translation>المعرّف «%1» مستخدم من قبل. لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/messages.py" line="57"/>
        <source>A section cannot go inside itself or one of its own subsections. Nothing was changed.</source>
        <translation>لا يوضع القسم داخل نفسه ولا داخل أحد أقسامه الفرعية. لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/messages.py" line="63"/>
        <source>“%1” still files %2 stories: choose the section they move to. Nothing was changed.</source>
        <translation>ما زال في «%1» من الأخبار %2: اختر القسم الذي تنتقل إليه. لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/messages.py" line="71"/>
        <source>Sections or tags changed since this step, so it cannot be undone or redone exactly. Nothing was changed.</source>
        <translation>تغيرت الأقسام أو الوسوم منذ هذه الخطوة، فلا يمكن التراجع عنها أو إعادتها بدقة. لم يتغير شيء.</translation>
    </message>
</context>
<context>
    <name>TaxonomyUndo</name>
    <message>
        <location filename="../../ui/taxonomy/undo.py" line="26"/>
        <source>create section</source>
        <translation>إنشاء القسم</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/undo.py" line="27"/>
        <source>edit section</source>
        <translation>تعديل القسم</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/undo.py" line="28"/>
        <source>move section</source>
        <translation>نقل القسم</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/undo.py" line="29"/>
        <source>delete section</source>
        <translation>حذف القسم</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/undo.py" line="30"/>
        <source>merge sections</source>
        <translation>دمج الأقسام</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/undo.py" line="31"/>
        <source>file stories in a section</source>
        <translation>وضع الأخبار في قسم</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/undo.py" line="34"/>
        <source>create tag</source>
        <translation>إنشاء الوسم</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/undo.py" line="35"/>
        <source>rename tag</source>
        <translation>إعادة تسمية الوسم</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/undo.py" line="36"/>
        <source>merge tags</source>
        <translation>دمج الوسوم</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/undo.py" line="37"/>
        <source>delete tags</source>
        <translation>حذف الوسوم</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/undo.py" line="38"/>
        <source>tag stories</source>
        <translation>وسم الأخبار</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/undo.py" line="92"/>
        <source>Updating the search index: %1 of %2 stories</source>
        <translation>تحديث فهرس البحث: الخبر %1 من %2</translation>
    </message>
    <message>
        <location filename="../../ui/taxonomy/undo.py" line="101"/>
        <source>Search index</source>
        <translation>فهرس البحث</translation>
    </message>
</context>
<context>
    <name>TriageBar</name>
    <message>
        <location filename="../../ui/moderation/toolbar.py" line="56"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/toolbar.py" line="59"/>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/toolbar.py" line="61"/>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/toolbar.py" line="64"/>
        <source>Select</source>
        <translation>تحديد</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/toolbar.py" line="67"/>
        <source>Select the whole queue</source>
        <translation>تحديد القائمة كلها</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/toolbar.py" line="71"/>
        <source>Unselect all</source>
        <translation>إلغاء التحديد</translation>
    </message>
</context>
<context>
    <name>TriageKeys</name>
    <message>
        <location filename="../../ui/moderation/help.py" line="19"/>
        <source>Next / previous comment</source>
        <translation>التعليق التالي / السابق</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/help.py" line="20"/>
        <source>Approve</source>
        <translation>موافقة</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/help.py" line="21"/>
        <source>Spam</source>
        <translation>مزعج</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/help.py" line="22"/>
        <source>Trash</source>
        <translation>نقل إلى المهملات</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/help.py" line="23"/>
        <source>Back to pending</source>
        <translation>إعادة إلى المراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/help.py" line="24"/>
        <source>Undo the last decision</source>
        <translation>التراجع عن آخر قرار</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/help.py" line="25"/>
        <source>Select or unselect the comment</source>
        <translation>تحديد التعليق أو إلغاء تحديده</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/help.py" line="28"/>
        <source>The same for every selected comment</source>
        <translation>الأمر نفسه لكل التعليقات المحددة</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/help.py" line="30"/>
        <source>Show these keys</source>
        <translation>عرض هذه المفاتيح</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/help.py" line="33"/>
        <source>The same keys work with the Arabic keyboard layout</source>
        <translation>المفاتيح نفسها تعمل مع لوحة المفاتيح العربية</translation>
    </message>
</context>
<context>
    <name>WorkflowActions</name>
    <message>
        <location filename="../../ui/workflow/actions.py" line="60"/>
        <source>&amp;Story</source>
        <translation>الم&amp;قال</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/actions.py" line="64"/>
        <source>Submit for review</source>
        <translation>إرسال للمراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/actions.py" line="65"/>
        <source>Approve</source>
        <translation>اعتماد</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/actions.py" line="66"/>
        <source>Return to the journalist…</source>
        <translation>إعادة إلى الصحفي…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/actions.py" line="67"/>
        <source>Schedule…</source>
        <translation>جدولة…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/actions.py" line="68"/>
        <source>Publish now</source>
        <translation>نشر الآن</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/actions.py" line="69"/>
        <source>Move to trash</source>
        <translation>نقل إلى سلة المهملات</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/actions.py" line="75"/>
        <source>Unpublish</source>
        <translation>إلغاء النشر</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/actions.py" line="77"/>
        <source>Restore from trash</source>
        <translation>استعادة من سلة المهملات</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/actions.py" line="82"/>
        <source>Preview the published page</source>
        <translation>معاينة الصفحة المنشورة</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/actions.py" line="84"/>
        <source>Activity log…</source>
        <translation>سجل نشاط المقال…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/actions.py" line="86"/>
        <source>Newsroom activity log…</source>
        <translation>سجل نشاط غرفة الأخبار…</translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <location filename="../../ui/search/pane.py" line="52"/>
        <source>%Ln result(s)</source>
        <translation>
            <numerusform>لا نتائج</numerusform>
            <numerusform>نتيجة واحدة</numerusform>
            <numerusform>نتيجتان</numerusform>
            <numerusform>%Ln نتائج</numerusform>
            <numerusform>%Ln نتيجة</numerusform>
            <numerusform>%Ln نتيجة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Popup</name>
    <message>
        <location filename="../../ui/articles/section_picker.py" line="81"/>
        <source>Filter sections</source>
        <translation>تصفية الأقسام</translation>
    </message>
</context>
</TS>

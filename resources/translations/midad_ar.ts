<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="87"/>
        <source>Midad cannot open the newsroom</source>
        <translation>تعذّر على مداد فتح قاعدة بيانات غرفة الأخبار</translation>
    </message>
</context>
<context>
    <name>ArticleEditorPane</name>
    <message>
        <location filename="../../ui/articles/editor_pane.py" line="67"/>
        <source>Tags, separated by commas</source>
        <translation>الوسوم، مفصولة بفواصل</translation>
    </message>
    <message>
        <location filename="../../ui/articles/editor_pane.py" line="73"/>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <location filename="../../ui/articles/editor_pane.py" line="75"/>
        <source>The dateline has a date</source>
        <translation>سطر المكان والتاريخ يتضمّن تاريخًا</translation>
    </message>
    <message>
        <location filename="../../ui/articles/editor_pane.py" line="82"/>
        <source>Sources, separated by /</source>
        <translation>المصادر، مفصولة بـ /</translation>
    </message>
    <message>
        <location filename="../../ui/articles/editor_pane.py" line="94"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../ui/articles/editor_pane.py" line="105"/>
        <source>Headline</source>
        <translation>العنوان الرئيسي</translation>
    </message>
    <message>
        <location filename="../../ui/articles/editor_pane.py" line="106"/>
        <source>Standfirst</source>
        <translation>المقدمة</translation>
    </message>
    <message>
        <location filename="../../ui/articles/editor_pane.py" line="107"/>
        <source>Section</source>
        <translation>القسم</translation>
    </message>
    <message>
        <location filename="../../ui/articles/editor_pane.py" line="108"/>
        <source>Tags</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../ui/articles/editor_pane.py" line="109"/>
        <source>Byline</source>
        <translation>التوقيع</translation>
    </message>
    <message>
        <location filename="../../ui/articles/editor_pane.py" line="110"/>
        <source>Dateline</source>
        <translation>سطر المكان والتاريخ</translation>
    </message>
    <message>
        <location filename="../../ui/articles/editor_pane.py" line="140"/>
        <source>(no section)</source>
        <translation>(بلا قسم)</translation>
    </message>
    <message>
        <location filename="../../ui/articles/editor_pane.py" line="169"/>
        <location filename="../../ui/articles/editor_pane.py" line="272"/>
        <source>%1 · version %2</source>
        <translation>%1 · النسخة %2</translation>
    </message>
    <message>
        <location filename="../../ui/articles/editor_pane.py" line="243"/>
        <source>%1 words · %2 characters · %3 min read</source>
        <translation>الكلمات: %1 · الأحرف: %2 · مدة القراءة: %3 دقيقة</translation>
    </message>
</context>
<context>
    <name>ArticleList</name>
    <message>
        <location filename="../../ui/articles/model.py" line="46"/>
        <source>Headline</source>
        <translation>العنوان الرئيسي</translation>
    </message>
    <message>
        <location filename="../../ui/articles/model.py" line="47"/>
        <source>Section</source>
        <translation>القسم</translation>
    </message>
    <message>
        <location filename="../../ui/articles/model.py" line="48"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/articles/model.py" line="49"/>
        <source>Author</source>
        <translation>الكاتب</translation>
    </message>
    <message>
        <location filename="../../ui/articles/model.py" line="50"/>
        <source>Updated</source>
        <translation>آخر تحديث</translation>
    </message>
</context>
<context>
    <name>ArticleListPanel</name>
    <message>
        <location filename="../../ui/articles/list_panel.py" line="54"/>
        <source>Clear the filter</source>
        <translation>إلغاء التصفية</translation>
    </message>
    <message>
        <location filename="../../ui/articles/list_panel.py" line="72"/>
        <source>Filter: %1</source>
        <translation>التصفية: %1</translation>
    </message>
    <message>
        <location filename="../../ui/articles/list_panel.py" line="74"/>
        <source>All articles</source>
        <translation>كل المقالات</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/articles/list_panel.py" line="86"/>
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
    <name>CommentQueue</name>
    <message>
        <location filename="../../ui/moderation/model.py" line="37"/>
        <source>Comment</source>
        <translation>التعليق</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/model.py" line="38"/>
        <source>Author</source>
        <translation>صاحب التعليق</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/model.py" line="39"/>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/model.py" line="40"/>
        <source>Submitted</source>
        <translation>تاريخ الإرسال</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/model.py" line="47"/>
        <source>(anonymous)</source>
        <translation>(مجهول)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="12"/>
        <source>Draft</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="13"/>
        <source>Submitted</source>
        <translation>مُرسَل للمراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="14"/>
        <location filename="../../ui/labels.py" line="24"/>
        <source>Approved</source>
        <translation>معتمد</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="15"/>
        <source>Scheduled</source>
        <translation>مجدول</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="16"/>
        <source>Published</source>
        <translation>منشور</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="17"/>
        <location filename="../../ui/labels.py" line="26"/>
        <source>Trash</source>
        <translation>سلة المهملات</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="23"/>
        <source>Pending</source>
        <translation>قيد المراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <source>Spam</source>
        <translation>مزعج</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="32"/>
        <source>Journalist</source>
        <translation>صحفي</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="33"/>
        <source>Editor</source>
        <translation>محرر</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34"/>
        <source>Moderator</source>
        <translation>مشرف</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35"/>
        <source>Admin</source>
        <translation>مدير</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.py" line="44"/>
        <source>Midad — newsroom desk</source>
        <translation>مداد — مكتب التحرير</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="57"/>
        <source>Sections</source>
        <translation>الأقسام</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="58"/>
        <source>Tags</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="73"/>
        <location filename="../../ui/mainwindow.py" line="113"/>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="74"/>
        <location filename="../../ui/mainwindow.py" line="113"/>
        <source>Comments</source>
        <translation>التعليقات</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="91"/>
        <source>section %1</source>
        <translation>قسم «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="96"/>
        <source>tag %1</source>
        <translation>وسم «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="101"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="102"/>
        <source>Import article page…</source>
        <translation>استيراد صفحة مقال…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="106"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="111"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="119"/>
        <source>Go to the article list</source>
        <translation>الانتقال إلى قائمة المقالات</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="124"/>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="125"/>
        <location filename="../../ui/mainwindow.py" line="178"/>
        <source>About Midad</source>
        <translation>عن مداد</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="132"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="142"/>
        <source>The database was upgraded; a copy of the old one is at %1</source>
        <translation>حُدِّثت قاعدة البيانات؛ نسخة من القديمة محفوظة في ‎%1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="155"/>
        <source>Import article page</source>
        <translation>استيراد صفحة مقال</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="155"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>ملفات نصية (*.txt);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="179"/>
        <source>Midad, the offline Arabic newsroom desk.
Database: %1</source>
        <translation>مداد، مكتب تحرير عربي يعمل دون اتصال بالإنترنت.
قاعدة البيانات: ‎%1</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="14"/>
        <source>This file is not a Midad newsroom database. It was left untouched.</source>
        <translation>هذا الملف ليس قاعدة بيانات غرفة أخبار لمداد. لم يُجرَ عليه أي تغيير.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="18"/>
        <source>This database was written by a newer version of Midad. Update Midad to open it; the database was left untouched.</source>
        <translation>كُتبت قاعدة البيانات هذه بإصدار أحدث من مداد. حدِّث مداد لفتحها؛ لم يُجرَ على قاعدة البيانات أي تغيير.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="23"/>
        <source>The database is busy in another program. Nothing was changed; try again in a moment.</source>
        <translation>قاعدة البيانات مشغولة في برنامج آخر. لم يتغيّر شيء؛ أعد المحاولة بعد قليل.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="27"/>
        <source>The data folder cannot be written. Choose another location with --db.</source>
        <translation>تتعذّر الكتابة في مجلد البيانات. اختر موقعًا آخر بالخيار ‎--db.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="31"/>
        <source>The disk is full. Nothing was saved; free some space and try again.</source>
        <translation>القرص ممتلئ. لم يُحفَظ شيء؛ أفرغ بعض المساحة ثم أعد المحاولة.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="35"/>
        <source>This item no longer exists; it may have been deleted on another desk.</source>
        <translation>لم يعد هذا العنصر موجودًا؛ ربما حُذف من مكتب آخر.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="39"/>
        <source>Your role does not allow this.</source>
        <translation>دورك لا يسمح بهذا الإجراء.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="43"/>
        <source>Someone else saved this story after you opened it. Your text is kept in the editor.</source>
        <translation>حفظ شخص آخر هذه المادة بعد أن فتحتها. ما زال نصّك في المحرّر.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="47"/>
        <source>This file is not an article page that Midad can read.</source>
        <translation>هذا الملف ليس صفحة مقال يستطيع مداد قراءتها.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="51"/>
        <source>Please check what you entered.</source>
        <translation>يُرجى التحقق مما أدخلته.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="58"/>
        <source>Something went wrong.</source>
        <translation>حدث خطأ ما.</translation>
    </message>
</context>
<context>
    <name>Moderation</name>
    <message>
        <location filename="../../ui/moderation/panel.py" line="202"/>
        <source>Approve</source>
        <translation>موافقة</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/panel.py" line="203"/>
        <source>Spam</source>
        <translation>مزعج</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/panel.py" line="204"/>
        <source>Trash</source>
        <translation>نقل إلى المهملات</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/panel.py" line="205"/>
        <source>Back to pending</source>
        <translation>إعادة إلى المراجعة</translation>
    </message>
</context>
<context>
    <name>ModerationPanel</name>
    <message>
        <location filename="../../ui/moderation/panel.py" line="152"/>
        <source>(anonymous)</source>
        <translation>(مجهول)</translation>
    </message>
    <message>
        <location filename="../../ui/moderation/panel.py" line="160"/>
        <source>On: %1</source>
        <translation>تعليق على: %1</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <location filename="../../ui/ops.py" line="32"/>
        <source>Midad</source>
        <translation>مداد</translation>
    </message>
</context>
<context>
    <name>TagPanel</name>
    <message>
        <location filename="../../ui/taxonomy/panels.py" line="115"/>
        <source>Filter tags</source>
        <translation>تصفية الوسوم</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CommentsBar</name>
    <message numerus="yes">
        <source>%n comment(s) to address; pages with comments are marked ✉ in the list of steps.</source>
        <translation>
            <numerusform>%n comment to address; pages with comments are marked ✉ in the list of steps.</numerusform>
            <numerusform>%n comments to address; pages with comments are marked ✉ in the list of steps.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message numerus="yes">
        <source>%n field(s) changed</source>
        <translation>
            <numerusform>%n field changed</numerusform>
            <numerusform>%n fields changed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditorActions</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The assessment cannot be submitted for review yet: %n required item(s) missing.</source>
        <translation>
            <numerusform>The assessment cannot be submitted for review yet: %n required item is missing.</numerusform>
            <numerusform>The assessment cannot be submitted for review yet: %n required items are missing.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The assessment cannot be submitted again yet: %n review comment(s) are not marked as addressed. Pages with comments are marked ✉ in the list of steps.</source>
        <translation>
            <numerusform>The assessment cannot be submitted again yet: %n review comment is not marked as addressed. Pages with comments are marked ✉ in the list of steps.</numerusform>
            <numerusform>The assessment cannot be submitted again yet: %n review comments are not marked as addressed. Pages with comments are marked ✉ in the list of steps.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message numerus="yes">
        <source>%n measure(s)</source>
        <translation>
            <numerusform>%n measure</numerusform>
            <numerusform>%n measures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s)</source>
        <translation>
            <numerusform>%n decision</numerusform>
            <numerusform>%n decisions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GapsPanel</name>
    <message numerus="yes">
        <source>What is &amp;left (%n)</source>
        <translation>
            <numerusform>What is &amp;left (%n)</numerusform>
            <numerusform>What is &amp;left (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing required is missing, but %n review comment(s) must be marked as addressed before the assessment can be submitted again.</source>
        <translation>
            <numerusform>Nothing required is missing, but %n review comment must be marked as addressed before the assessment can be submitted again.</numerusform>
            <numerusform>Nothing required is missing, but %n review comments must be marked as addressed before the assessment can be submitted again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message numerus="yes">
        <source>✓ The audit log is intact: all %n entries check out, none was changed or removed.</source>
        <translation>
            <numerusform>✓ The audit log is intact: its only entry checks out and was not changed or removed.</numerusform>
            <numerusform>✓ The audit log is intact: all %n entries check out, none was changed or removed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n row(s) written to %1</source>
        <translation>
            <numerusform>%n row written to %1</numerusform>
            <numerusform>%n rows written to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NavigationTree</name>
    <message numerus="yes">
        <source>%n left</source>
        <translation>
            <numerusform>%n left</numerusform>
            <numerusform>%n left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open review comment(s)</source>
        <translation>
            <numerusform>%n open review comment</numerusform>
            <numerusform>%n open review comments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message numerus="yes">
        <source>%n assessment(s)</source>
        <translation>
            <numerusform>%n assessment</numerusform>
            <numerusform>%n assessments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message numerus="yes">
        <source>%n comment(s) not yet addressed.</source>
        <translation>
            <numerusform>%n comment not yet addressed.</numerusform>
            <numerusform>%n comments not yet addressed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n required item(s) missing: return it to the caseworker with comments.</source>
        <translation>
            <numerusform>%n required item is missing: return it to the caseworker with comments.</numerusform>
            <numerusform>%n required items are missing: return it to the caseworker with comments.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Return the assessment to the caseworker? Your %n open comment(s) go with it; you can add an overall comment.</source>
        <translation>
            <numerusform>Return the assessment to the caseworker? Your open comment goes with it; you can add an overall comment.</numerusform>
            <numerusform>Return the assessment to the caseworker? Your %n open comments go with it; you can add an overall comment.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message numerus="yes">
        <source>Review &amp;comments (%n)</source>
        <translation>
            <numerusform>Review &amp;comments (%n)</numerusform>
            <numerusform>Review &amp;comments (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source>%n checklist file(s) can be used:</source>
        <translation>
            <numerusform>%n checklist file can be used:</numerusform>
            <numerusform>%n checklist files can be used:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) will be skipped:</source>
        <translation>
            <numerusform>%n file will be skipped:</numerusform>
            <numerusform>%n files will be skipped:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n comment</numerusform>
            <numerusform>%n comments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not yet addressed</source>
        <translation>
            <numerusform>%n not yet addressed</numerusform>
            <numerusform>%n not yet addressed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n required item(s) missing</source>
        <translation>
            <numerusform>%n required item missing</numerusform>
            <numerusform>%n required items missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n statistics table(s) do not add up or are incomplete</source>
        <translation>
            <numerusform>%n statistics table does not add up or is incomplete</numerusform>
            <numerusform>%n statistics tables do not add up or are incomplete</numerusform>
        </translation>
    </message>
</context>
</TS>

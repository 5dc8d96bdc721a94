<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb" sourcelanguage="en">
<context>
    <name>AssessmentTableModel</name>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConclusionPage</name>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionPage</name>
    <message>
        <source>One group per line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditorActions</name>
    <message>
        <source>&amp;Modules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Submit for review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;thing left to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps and &amp;grounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The p&amp;age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is &amp;left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G&amp;uidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing required is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit the assessment for review? While it is in review you can read it but not change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted for review. The assessment is now read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not ready for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The assessment cannot be submitted for review yet: %n required item(s) missing.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Show what is left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>✓ done   ! something is missing   – not relevant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About this assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer in the checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review: this assessment has been submitted and is read-only while it is reviewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved: this assessment is locked and read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made with %1 version %2; the current version is %3. Answers to questions that are no longer in the checklist are kept and shown as such.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last changes could not be saved. Close anyway and lose them?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GapsModel</name>
    <message>
        <source>Measure %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GapsPanel</name>
    <message>
        <source>What is left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing required is missing: the assessment can be submitted for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>What is &amp;left (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroundPage</name>
    <message>
        <source>Term in the law: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuidancePane</name>
    <message>
        <source>&amp;Guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeptAnswers</name>
    <message>
        <source>No longer in the checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These answers were given to questions that the current version of the checklist no longer has. They are kept with the assessment and are not counted as missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1 (its wording is not available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeptPage</name>
    <message>
        <source>This assessment was made with an earlier version of its checklist. What was written for grounds and questions that the current version no longer has is kept here, unchanged. It is not counted as missing and cannot be edited.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search title or case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A checklist file was skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n assessment(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Could not create an assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1”? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the assessment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeasuresPage</name>
    <message>
        <source>Measures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove measure</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModulesChooser</name>
    <message>
        <source>No optional modules are installed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModulesDialog</name>
    <message>
        <source>Modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modules add perspectives to the assessment, each with its own questions. Switching a module off keeps what you wrote for it; it comes back if you switch the module on again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavigationTree</name>
    <message>
        <source>Steps and grounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <source>New assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title of the decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can be filled in later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title of the decision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Law</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Law to assess against:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lan&amp;guage of the assessment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF and the text for the decision memo are written in this language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreeningPage</name>
    <message>
        <source>Decide for each ground whether the decision may affect people differently, and say why in a line. Then assess the relevant grounds in depth on their own pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assess in depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assess in depth: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why? One line is enough here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested as relevant: the decision text mentions %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded as the author of new assessments and in the review history. Leave it empty to use your computer account name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the computer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language of the window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder with the organisation&apos;s own checklists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: only the built-in checklists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the checklist folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own &amp;checklists:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was found in the checklist folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder with own checklists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the built-in checklists are used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n checklist file(s) can be used:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) will be skipped:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Lika will use the new language the next time it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <source>Add measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change modules</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

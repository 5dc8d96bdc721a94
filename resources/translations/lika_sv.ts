<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv" sourcelanguage="en">
<context>
    <name>AuditTexts</name>
    <message>
        <source>fingerprint %1</source>
        <translation>fingeravtryck %1</translation>
    </message>
    <message>
        <source>Comment %1</source>
        <translation>Kommentar %1</translation>
    </message>
    <message>
        <source>Revision %1, a copy of assessment %2</source>
        <translation>Version %1, en kopia av bedömning %2</translation>
    </message>
    <message>
        <source>As a new assessment (%1)</source>
        <translation>Som en ny bedömning (%1)</translation>
    </message>
    <message>
        <source>Over the stored assessment (%1)</source>
        <translation>Ersatte den sparade bedömningen (%1)</translation>
    </message>
    <message>
        <source>The approval in the file is unverified: it approves nothing.</source>
        <translation>Godkännandet i filen är inte verifierat: det godkänner ingenting.</translation>
    </message>
    <message>
        <source>The approval by %1 is signed by the key of %2.</source>
        <translation>Godkännandet av %1 är signerat med nyckeln för %2.</translation>
    </message>
    <message>
        <source>the importing user</source>
        <translation>den som importerade</translation>
    </message>
    <message>
        <source>%1 (key %2)</source>
        <translation>%1 (nyckel %2)</translation>
    </message>
    <message>
        <source>It was: %1</source>
        <translation>Hade status: %1</translation>
    </message>
    <message>
        <source>Backup %1, made %2.</source>
        <translation>Säkerhetskopian %1, gjord %2.</translation>
    </message>
    <message>
        <source>Entries in the audit log it replaced: %1; hash of the newest: %2.</source>
        <translation>Poster i händelseloggen som ersattes: %1; den senaste postens hash: %2.</translation>
    </message>
    <message>
        <source>The audit log it replaced was empty.</source>
        <translation>Händelseloggen som ersattes var tom.</translation>
    </message>
    <message>
        <source>The audit log it replaced could not be read.</source>
        <translation>Händelseloggen som ersattes gick inte att läsa.</translation>
    </message>
    <message>
        <source>There was no register here before.</source>
        <translation>Här fanns inget register tidigare.</translation>
    </message>
    <message>
        <source>The replaced register is kept in the backup folder as %1.</source>
        <translation>Det ersatta registret sparas i mappen med säkerhetskopior som %1.</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>”%1”</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>Säkerhetskopior</translation>
    </message>
    <message>
        <source>When Lika started</source>
        <translation>När Lika startade</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Daglig</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>Före en uppgradering</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>Gjord manuellt</translation>
    </message>
    <message>
        <source>Replaced by a restore</source>
        <translation>Ersatt vid återställning</translation>
    </message>
    <message>
        <source>Backups of %1 are kept in %2. Each one is checked for damage when it is made.</source>
        <translation>Säkerhetskopior av %1 sparas i %2. Varje kopia kontrolleras för skador när den görs.</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Gjord</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Varför</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Storlek</translation>
    </message>
    <message>
        <source>Automatic backups to keep</source>
        <translation>Antal automatiska säkerhetskopior som sparas</translation>
    </message>
    <message>
        <source>&amp;Keep the newest automatic backups:</source>
        <translation>&amp;Behåll de senaste automatiska säkerhetskopiorna:</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Säkerhetskopiera &amp;nu</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Återställ…</translation>
    </message>
    <message>
        <source>&amp;Open the folder</source>
        <translation>&amp;Öppna mappen</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Återställ säkerhetskopia</translation>
    </message>
    <message>
        <source>Replace the register with the backup from %1? Open assessments are saved and closed first. The register as it is now is kept in the backup folder, so nothing is deleted.</source>
        <translation>Vill du ersätta registret med säkerhetskopian från %1? Öppna bedömningar sparas och stängs först. Registret som det ser ut nu sparas i mappen med säkerhetskopior, så ingenting raderas.</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>Inte återställd</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Säkerhetskopian är återställd</translation>
    </message>
    <message>
        <source>The backup was restored. The register as it was is kept as %1.</source>
        <translation>Säkerhetskopian har återställts. Registret som det var sparas som %1.</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Nothing to show for this period.</source>
        <translation>Inget att visa för den här perioden.</translation>
    </message>
</context>
<context>
    <name>CommentCard</name>
    <message>
        <source>Sho&amp;w the measure</source>
        <translation>&amp;Visa åtgärden</translation>
    </message>
    <message>
        <source>Mark as a&amp;ddressed…</source>
        <translation>Markera som å&amp;tgärdad…</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Gäller</translation>
    </message>
    <message>
        <source>What it says now</source>
        <translation>Vad som står där nu</translation>
    </message>
    <message>
        <source>A&amp;bout:</source>
        <translation>&amp;Gäller:</translation>
    </message>
    <message>
        <source>It says:</source>
        <translation>Nuvarande text:</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Kommentar:</translation>
    </message>
    <message>
        <source>&amp;Add comment</source>
        <translation>&amp;Lägg till kommentar</translation>
    </message>
</context>
<context>
    <name>CommentsBar</name>
    <message>
        <source>Returned from review</source>
        <translation>Återsänd från granskning</translation>
    </message>
    <message>
        <source>Returned from review by %1, %2.</source>
        <translation>Återsänd av %1 efter granskning, %2.</translation>
    </message>
    <message>
        <source>Overall comment: %1</source>
        <translation>Övergripande kommentar: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) to address; pages with comments are marked ✉ in the list of steps.</source>
        <translation>
            <numerusform>%n kommentar att åtgärda; sidor med kommentarer är markerade med ✉ i listan med steg.</numerusform>
            <numerusform>%n kommentarer att åtgärda; sidor med kommentarer är markerade med ✉ i listan med steg.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark as addressed</source>
        <translation>Markera som åtgärdad</translation>
    </message>
    <message>
        <source>Mark this comment as addressed?</source>
        <translation>Vill du markera kommentaren som åtgärdad?</translation>
    </message>
    <message>
        <source>&amp;Reply to the reviewer (optional):</source>
        <translation>&amp;Svar till granskaren (valfritt):</translation>
    </message>
    <message>
        <source>&amp;Mark as addressed</source>
        <translation>&amp;Markera som åtgärdad</translation>
    </message>
    <message>
        <source>Not marked as addressed</source>
        <translation>Inte markerad som åtgärdad</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Untitled assessment</source>
        <translation>Bedömning utan rubrik</translation>
    </message>
    <message>
        <source>Compare revisions – %1</source>
        <translation>Jämför versioner – %1</translation>
    </message>
    <message>
        <source>Show only &amp;changes</source>
        <translation>Visa bara &amp;ändringar</translation>
    </message>
    <message>
        <source>Summary of the changes</source>
        <translation>Sammanfattning av ändringarna</translation>
    </message>
    <message>
        <source>Fields of both revisions</source>
        <translation>Fälten i båda versionerna</translation>
    </message>
    <message>
        <source>Revision %1 (%2)</source>
        <translation>Version %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) changed</source>
        <translation>
            <numerusform>%n fält har ändrats</numerusform>
            <numerusform>%n fält har ändrats</numerusform>
        </translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>Inga ändringar</translation>
    </message>
    <message>
        <source>The two revisions have the same content.</source>
        <translation>De två versionerna har samma innehåll.</translation>
    </message>
    <message>
        <source>The revisions cannot be compared</source>
        <translation>Versionerna kan inte jämföras</translation>
    </message>
</context>
<context>
    <name>CompareModel</name>
    <message>
        <source>What</source>
        <translation>Fält</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Ändrat</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Oförändrat</translation>
    </message>
</context>
<context>
    <name>ConclusionPage</name>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Checklist modules</source>
        <translation>Moduler</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>Ändrad på annat håll</translation>
    </message>
    <message>
        <source>Someone else saved this assessment (in another window or on another computer) after you opened it, so your latest changes are not saved yet. Nothing has been lost. These fields differ:</source>
        <translation>Någon annan har sparat bedömningen (i ett annat fönster eller på en annan dator) efter att du öppnade den, så dina senaste ändringar är inte sparade ännu. Ingenting har gått förlorat. De här fälten skiljer sig åt:</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Fält</translation>
    </message>
    <message>
        <source>In the register now</source>
        <translation>I registret nu</translation>
    </message>
    <message>
        <source>Yours, not saved</source>
        <translation>Din version, inte sparad</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Ändrad av</translation>
    </message>
    <message>
        <source>both</source>
        <translation>båda</translation>
    </message>
    <message>
        <source>you</source>
        <translation>du</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>någon annan</translation>
    </message>
    <message>
        <source>Fields that differ</source>
        <translation>Fält som skiljer sig åt</translation>
    </message>
    <message>
        <source>In the register now (whole text)</source>
        <translation>I registret nu (hela texten)</translation>
    </message>
    <message>
        <source>Yours, not saved (whole text)</source>
        <translation>Din version, inte sparad (hela texten)</translation>
    </message>
    <message>
        <source>In the register now:</source>
        <translation>I registret nu:</translation>
    </message>
    <message>
        <source>Yours, not saved:</source>
        <translation>Din version, inte sparad:</translation>
    </message>
    <message>
        <source>“Keep my changes” saves your changes on top of the other version; where you both changed a field, yours is kept. “Use the other version” discards your unsaved changes; copy them first if you want to keep the text.</source>
        <translation>”Behåll mina ändringar” sparar dina ändringar ovanpå den andra versionen; där ni båda har ändrat samma fält behålls din ändring. ”Använd den andra versionen” tar bort dina osparade ändringar; kopiera dem först om du vill behålla texten.</translation>
    </message>
    <message>
        <source>&amp;Keep my changes</source>
        <translation>&amp;Behåll mina ändringar</translation>
    </message>
    <message>
        <source>&amp;Use the other version</source>
        <translation>&amp;Använd den andra versionen</translation>
    </message>
    <message>
        <source>&amp;Copy my changes</source>
        <translation>&amp;Kopiera mina ändringar</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopierat</translation>
    </message>
</context>
<context>
    <name>DataActions</name>
    <message>
        <source>&amp;Import assessment…</source>
        <translation>I&amp;mportera bedömning…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Ex&amp;port assessment…</source>
        <translation>Ex&amp;portera bedömning…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Säkerhetskopior…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>Lika was not closed properly last time. Your work was saved as you typed and is open again.</source>
        <translation>Lika avslutades inte som vanligt förra gången. Det du skrev sparades medan du skrev och är öppet igen.</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Säkerhetskopia gjord</translation>
    </message>
    <message>
        <source>The register may be damaged</source>
        <translation>Registret kan vara skadat</translation>
    </message>
    <message>
        <source>%1

Export the assessments you are working on, then restore a backup (File → Backups…) or ask IT to run “lika check”.</source>
        <translation>%1

Exportera de bedömningar du arbetar med och återställ sedan en säkerhetskopia (Arkiv → Säkerhetskopior…) eller be IT-avdelningen köra ”lika check”.</translation>
    </message>
    <message>
        <source>No backup was made: %1</source>
        <translation>Ingen säkerhetskopia gjordes: %1</translation>
    </message>
    <message>
        <source>Export assessment</source>
        <translation>Exportera bedömning</translation>
    </message>
    <message>
        <source>Lika exchange files (*.json)</source>
        <translation>Lika-utbytesfiler (*.json)</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Inte exporterad</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exporterad till %1</translation>
    </message>
    <message>
        <source>Import assessment</source>
        <translation>Importera bedömning</translation>
    </message>
    <message>
        <source>Lika exchange files or PDFs (*.json *.pdf)</source>
        <translation>Lika-utbytesfiler eller PDF:er (*.json *.pdf)</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Inte importerad</translation>
    </message>
    <message>
        <source>Untitled assessment</source>
        <translation>Bedömning utan rubrik</translation>
    </message>
    <message>
        <source>Imported “%1” from %2; its approval is unverified, so it is in review</source>
        <translation>Importerade ”%1” från %2; godkännandet är inte verifierat, så bedömningen är under granskning</translation>
    </message>
    <message>
        <source>Imported “%1” from %2</source>
        <translation>Importerade ”%1” från %2</translation>
    </message>
    <message>
        <source>Already in the register</source>
        <translation>Finns redan i registret</translation>
    </message>
    <message>
        <source>“%1” (assessment %2) is already in the register. Replace it with the version in the file, or import the file as a separate copy?</source>
        <translation>”%1” (bedömning %2) finns redan i registret. Vill du ersätta den med versionen i filen, eller importera filen som en separat kopia?</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersätt</translation>
    </message>
    <message>
        <source>Import as a &amp;copy</source>
        <translation>Importera som &amp;kopia</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>e.g. %1</source>
        <translation>t.ex. %1</translation>
    </message>
    <message>
        <source>Choose from a calendar (Alt+Down)</source>
        <translation>Välj i en kalender (Alt+Nedpil)</translation>
    </message>
    <message>
        <source>Not a date Lika can read: type it as %1 or %2. Nothing was saved.</source>
        <translation>Lika kan inte läsa detta som ett datum: skriv till exempel %1 eller %2. Inget sparades.</translation>
    </message>
    <message>
        <source>Not a date yet (for example %1 or %2)</source>
        <translation>Inget fullständigt datum ännu (till exempel %1 eller %2)</translation>
    </message>
    <message>
        <source>Type both dates of the period, for example %1.</source>
        <translation>Skriv periodens båda datum, till exempel %1.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Perioden slutar innan den börjar.</translation>
    </message>
</context>
<context>
    <name>DecisionPage</name>
    <message>
        <source>One group per line</source>
        <translation>En grupp per rad</translation>
    </message>
</context>
<context>
    <name>DueMeasuresModel</name>
    <message>
        <source>Due</source>
        <translation>Läge</translation>
    </message>
    <message>
        <source>(no owner)</source>
        <translation>(ingen ansvarig)</translation>
    </message>
</context>
<context>
    <name>EditorActions</name>
    <message>
        <source>&amp;Modules…</source>
        <translation>&amp;Moduler…</translation>
    </message>
    <message>
        <source>&amp;Submit for review…</source>
        <translation>&amp;Skicka för granskning…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Exportera &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;täng</translation>
    </message>
    <message>
        <source>&amp;Assessment</source>
        <translation>&amp;Bedömning</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Redigera</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>&amp;Nästa sida</translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation>&amp;Föregående sida</translation>
    </message>
    <message>
        <source>Next &amp;thing left to do</source>
        <translation>Nästa &amp;sak som saknas</translation>
    </message>
    <message>
        <source>Steps and &amp;grounds</source>
        <translation>Steg och &amp;grunder</translation>
    </message>
    <message>
        <source>The p&amp;age</source>
        <translation>S&amp;idan</translation>
    </message>
    <message>
        <source>What is &amp;left</source>
        <translation>&amp;Kvar att göra</translation>
    </message>
    <message>
        <source>G&amp;uidance</source>
        <translation>&amp;Vägledning</translation>
    </message>
    <message>
        <source>Next pane</source>
        <translation>Nästa del av fönstret</translation>
    </message>
    <message>
        <source>Previous pane</source>
        <translation>Föregående del av fönstret</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gå till</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Bedömning</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Ångra %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Gör om %1</translation>
    </message>
    <message>
        <source>Nothing required is missing.</source>
        <translation>Inget som krävs saknas.</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>Skicka för granskning</translation>
    </message>
    <message>
        <source>Submit the assessment for review? While it is in review you can read it but not change it.</source>
        <translation>Vill du skicka bedömningen för granskning? Medan den granskas kan du läsa den men inte ändra den.</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>&amp;Skicka</translation>
    </message>
    <message>
        <source>Not submitted</source>
        <translation>Inte skickad</translation>
    </message>
    <message>
        <source>Submitted for review. The assessment is now read-only.</source>
        <translation>Skickad för granskning. Bedömningen kan nu bara läsas.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… och %n till</numerusform>
            <numerusform>… och %n till</numerusform>
        </translation>
    </message>
    <message>
        <source>Not ready for review</source>
        <translation>Inte klar för granskning</translation>
    </message>
    <message numerus="yes">
        <source>The assessment cannot be submitted for review yet: %n required item(s) missing.</source>
        <translation>
            <numerusform>Bedömningen kan inte skickas för granskning än: %n obligatorisk uppgift saknas.</numerusform>
            <numerusform>Bedömningen kan inte skickas för granskning än: %n obligatoriska uppgifter saknas.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Show what is left</source>
        <translation>&amp;Visa vad som är kvar</translation>
    </message>
    <message numerus="yes">
        <source>The assessment cannot be submitted again yet: %n review comment(s) are not marked as addressed. Pages with comments are marked ✉ in the list of steps.</source>
        <translation>
            <numerusform>Bedömningen kan inte skickas för granskning igen än: %n granskningskommentar är inte markerad som åtgärdad. Sidor med kommentarer är markerade med ✉ i listan med steg.</numerusform>
            <numerusform>Bedömningen kan inte skickas för granskning igen än: %n granskningskommentarer är inte markerade som åtgärdade. Sidor med kommentarer är markerade med ✉ i listan med steg.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>✓ done   ! something is missing   – not relevant</source>
        <translation>✓ klar   ! något saknas   – inte relevant</translation>
    </message>
    <message>
        <source>About this assessment</source>
        <translation>Om den här bedömningen</translation>
    </message>
    <message>
        <source>No longer in the checklist</source>
        <translation>Finns inte längre i checklistan</translation>
    </message>
    <message>
        <source>Text for the decision memo</source>
        <translation>Text till tjänsteskrivelsen</translation>
    </message>
    <message>
        <source>In review: this assessment has been submitted and is read-only while it is reviewed.</source>
        <translation>Under granskning: bedömningen är inskickad och kan bara läsas medan den granskas.</translation>
    </message>
    <message>
        <source>Approved: this assessment is locked and read-only.</source>
        <translation>Godkänd: bedömningen är låst och kan bara läsas.</translation>
    </message>
    <message>
        <source>Made with %1 version %2; the current version is %3. Answers to questions that are no longer in the checklist are kept and shown as such.</source>
        <translation>Gjord med %1 version %2; den nuvarande versionen är %3. Svar på frågor som inte längre finns i checklistan sparas och visas som sådana.</translation>
    </message>
    <message>
        <source>Untitled assessment</source>
        <translation>Bedömning utan rubrik</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Alla ändringar är sparade</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Inte sparat</translation>
    </message>
    <message>
        <source>Changes not saved</source>
        <translation>Ändringarna sparades inte</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>Stänga utan att spara?</translation>
    </message>
    <message>
        <source>The last changes could not be saved. Close anyway and lose them?</source>
        <translation>De senaste ändringarna kunde inte sparas. Vill du stänga ändå och förlora dem?</translation>
    </message>
</context>
<context>
    <name>EvaluationDialog</name>
    <message>
        <source>Evaluate the decision</source>
        <translation>Utvärdera beslutet</translation>
    </message>
    <message>
        <source>Follow-up date: %1</source>
        <translation>Datum för uppföljning: %1</translation>
    </message>
    <message>
        <source>No follow-up date was set.</source>
        <translation>Inget datum för uppföljning har angetts.</translation>
    </message>
    <message>
        <source>Status of “%1”</source>
        <translation>Status för ”%1”</translation>
    </message>
    <message>
        <source>Earlier evaluations:</source>
        <translation>Tidigare utvärderingar:</translation>
    </message>
    <message>
        <source>Type the date of the evaluation.</source>
        <translation>Skriv datumet för utvärderingen.</translation>
    </message>
    <message>
        <source>The evaluation was not saved</source>
        <translation>Utvärderingen sparades inte</translation>
    </message>
    <message>
        <source>“%1” needs a date Lika can read: type it as %2 or %3.</source>
        <translation>”%1” behöver ett datum som Lika kan läsa: skriv det som %2 eller %3.</translation>
    </message>
</context>
<context>
    <name>EvidenceSection</name>
    <message>
        <source>Cannot open</source>
        <translation>Kan inte öppnas</translation>
    </message>
    <message>
        <source>PDF, Office and OpenDocument files, images and CSV, up to 10 MB each.</source>
        <translation>PDF-, Office- och OpenDocument-filer, bilder och CSV, högst 10 MB per fil.</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>Bifoga fil…</translation>
    </message>
    <message>
        <source>Add link…</source>
        <translation>Lägg till länk…</translation>
    </message>
    <message>
        <source>Add case reference…</source>
        <translation>Lägg till diarienummer…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Attach file</source>
        <translation>Bifoga fil</translation>
    </message>
    <message>
        <source>Evidence (%1)</source>
        <translation>Underlag (%1)</translation>
    </message>
    <message>
        <source>File not attached</source>
        <translation>Filen bifogades inte</translation>
    </message>
    <message>
        <source>Remove evidence</source>
        <translation>Ta bort underlag</translation>
    </message>
</context>
<context>
    <name>FieldNames</name>
    <message>
        <source>Measure %1</source>
        <translation>Åtgärd %1</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(ingen text)</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Moduler</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search titles, case numbers, descriptions, justifications, measures…</source>
        <translation>Sök i rubriker, diarienummer, beskrivningar, motiveringar, åtgärder…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Förvaltning eller enhet</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Alla enheter</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>Lag</translation>
    </message>
    <message>
        <source>All frameworks</source>
        <translation>Alla lagar</translation>
    </message>
    <message>
        <source>Type of decision</source>
        <translation>Typ av beslut</translation>
    </message>
    <message>
        <source>All types of decision</source>
        <translation>Alla typer av beslut</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Any ground</source>
        <translation>Alla grunder</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Påverkan</translation>
    </message>
    <message>
        <source>Any impact</source>
        <translation>All påverkan</translation>
    </message>
    <message>
        <source>&amp;Decision date from</source>
        <translation>&amp;Beslutsdatum från</translation>
    </message>
    <message>
        <source>The planned decision date, or the day the assessment was created</source>
        <translation>Det planerade beslutsdatumet, eller den dag bedömningen skapades</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Från datum</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Till datum</translation>
    </message>
    <message>
        <source>Has &amp;overdue measures</source>
        <translation>Har &amp;försenade åtgärder</translation>
    </message>
    <message>
        <source>Due for &amp;evaluation</source>
        <translation>Ska utv&amp;ärderas</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>Rensa fi&amp;lter</translation>
    </message>
    <message>
        <source>Filter problem</source>
        <translation>Problem med filtret</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Sök:</translation>
    </message>
    <message>
        <source>The end date is before the start date; the list still shows the last valid filter.</source>
        <translation>Slutdatumet ligger före startdatumet. Listan visar fortfarande det senaste giltiga filtret.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Lika</source>
        <translation>Välkommen till Lika</translation>
    </message>
    <message>
        <source>Your name and role are recorded as the author of the assessments you create and beside your approvals. You can change them later in Settings.</source>
        <translation>Ditt namn och din roll anges som handläggare i de bedömningar du skapar och vid dina godkännanden. Du kan ändra dem senare under Inställningar.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ditt namn</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ditt &amp;namn:</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>Din roll</translation>
    </message>
    <message>
        <source>For example: Investigator</source>
        <translation>Till exempel: Utredare</translation>
    </message>
    <message>
        <source>Your &amp;role:</source>
        <translation>Din &amp;roll:</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <source>Which measures</source>
        <translation>Vilka åtgärder</translation>
    </message>
    <message>
        <source>Overdue and due within 30 days</source>
        <translation>Försenade och med datum inom 30 dagar</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Försenade</translation>
    </message>
    <message>
        <source>Due within 30 days</source>
        <translation>Datum inom 30 dagar</translation>
    </message>
    <message>
        <source>All open measures</source>
        <translation>Alla öppna åtgärder</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Förvaltning eller enhet</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Alla enheter</translation>
    </message>
    <message>
        <source>Measures due and overdue</source>
        <translation>Åtgärder som snart ska vara klara eller är försenade</translation>
    </message>
    <message>
        <source>Only those due for evaluation now</source>
        <translation>Bara de som ska utvärderas nu</translation>
    </message>
    <message>
        <source>Decisions to evaluate</source>
        <translation>Beslut att utvärdera</translation>
    </message>
    <message>
        <source>&amp;Open assessment</source>
        <translation>&amp;Öppna bedömning</translation>
    </message>
    <message>
        <source>Re&amp;cord evaluation…</source>
        <translation>Registrera utvärd&amp;ering…</translation>
    </message>
    <message>
        <source>Decisions to follow up</source>
        <translation>Beslut att följa upp</translation>
    </message>
    <message numerus="yes">
        <source>%n measure(s)</source>
        <translation>
            <numerusform>%n åtgärd</numerusform>
            <numerusform>%n åtgärder</numerusform>
        </translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Räknar…</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s)</source>
        <translation>
            <numerusform>%n beslut</numerusform>
            <numerusform>%n beslut</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GapsPanel</name>
    <message>
        <source>What is left</source>
        <translation>Kvar att göra</translation>
    </message>
    <message numerus="yes">
        <source>Nothing required is missing, but %n review comment(s) must be marked as addressed before the assessment can be submitted again.</source>
        <translation>
            <numerusform>Inget som krävs saknas, men %n granskningskommentar måste markeras som åtgärdad innan bedömningen kan skickas för granskning igen.</numerusform>
            <numerusform>Inget som krävs saknas, men %n granskningskommentarer måste markeras som åtgärdade innan bedömningen kan skickas för granskning igen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing required is missing: the assessment can be submitted for review.</source>
        <translation>Inget som krävs saknas: bedömningen kan skickas för granskning.</translation>
    </message>
    <message>
        <source>%1 of %2 checklist questions not answered</source>
        <translation>%1 av %2 frågor i checklistan är obesvarade</translation>
    </message>
    <message numerus="yes">
        <source>What is &amp;left (%n)</source>
        <translation>
            <numerusform>&amp;Kvar att göra (%n)</numerusform>
            <numerusform>&amp;Kvar att göra (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroundPage</name>
    <message>
        <source>Term in the law: %1</source>
        <translation>Lagens ord: %1</translation>
    </message>
    <message>
        <source>Impact in depth</source>
        <translation>Närmare bedömning</translation>
    </message>
    <message>
        <source>Checklist questions</source>
        <translation>Checklistans frågor</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <source>Example: %1</source>
        <translation>Exempel: %1</translation>
    </message>
    <message>
        <source>Examples: %1</source>
        <translation>Exempel: %1</translation>
    </message>
</context>
<context>
    <name>GuidancePane</name>
    <message>
        <source>G&amp;uidance</source>
        <translation>&amp;Vägledning</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Vägledning</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>User guide</source>
        <translation>Användarhandbok</translation>
    </message>
    <message>
        <source>Open the calendar in a date field</source>
        <translation>Öppna kalendern i ett datumfält</translation>
    </message>
    <message>
        <source>Empty a date field</source>
        <translation>Töm ett datumfält</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tangenter</translation>
    </message>
    <message>
        <source>Equality impact assessments of draft decisions.</source>
        <translation>Jämställdhets- och diskrimineringsanalyser av förslag till beslut.</translation>
    </message>
    <message>
        <source>Third-party software and fonts</source>
        <translation>Programvara och typsnitt från andra</translation>
    </message>
    <message>
        <source>Licence: GNU General Public License, version 3 or later.</source>
        <translation>Licens: GNU General Public License, version 3 eller senare.</translation>
    </message>
    <message>
        <source>Register:</source>
        <translation>Register:</translation>
    </message>
    <message>
        <source>About Lika</source>
        <translation>Om Lika</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Om &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Användarhandbok</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Kortkommandon</translation>
    </message>
    <message>
        <source>&amp;About Lika</source>
        <translation>&amp;Om Lika</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Untitled assessment</source>
        <translation>Bedömning utan rubrik</translation>
    </message>
    <message>
        <source>History – %1, revision %2</source>
        <translation>Historik – %1, version %2</translation>
    </message>
    <message>
        <source>Whether the audit log is intact</source>
        <translation>Om händelseloggen är intakt</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <source>The selected entry in full</source>
        <translation>Hela den markerade posten</translation>
    </message>
    <message>
        <source>The selected &amp;entry in full:</source>
        <translation>Hela den markerade &amp;posten:</translation>
    </message>
    <message>
        <source>Nothing has been recorded for this assessment yet.</source>
        <translation>Inget har loggats för den här bedömningen än.</translation>
    </message>
    <message>
        <source>Checking that the audit log is intact…</source>
        <translation>Kontrollerar att händelseloggen är intakt…</translation>
    </message>
    <message>
        <source>The audit log could not be checked: %1</source>
        <translation>Händelseloggen kunde inte kontrolleras: %1</translation>
    </message>
    <message numerus="yes">
        <source>✓ The audit log is intact: all %n entries check out, none was changed or removed.</source>
        <translation>
            <numerusform>✓ Händelseloggen är intakt: den enda posten stämmer och har inte ändrats eller tagits bort.</numerusform>
            <numerusform>✓ Händelseloggen är intakt: alla %n poster stämmer, ingen har ändrats eller tagits bort.</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ The audit log has been changed outside Lika: the history from entry %1 on cannot be trusted.</source>
        <translation>⚠ Händelseloggen har ändrats utanför Lika: historiken från och med post %1 går inte att lita på.</translation>
    </message>
    <message>
        <source>The history cannot be shown</source>
        <translation>Historiken kan inte visas</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>Tidpunkt</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Vad som ändrades</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Skapad</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Sparad</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Status ändrad</translation>
    </message>
    <message>
        <source>Comment added</source>
        <translation>Kommentar tillagd</translation>
    </message>
    <message>
        <source>Comment addressed</source>
        <translation>Kommentar åtgärdad</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importerad</translation>
    </message>
    <message>
        <source>New revision</source>
        <translation>Ny version</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Borttagen</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Säkerhetskopia återställd</translation>
    </message>
    <message>
        <source>Approval record sealed</source>
        <translation>Godkännandeposter förseglade</translation>
    </message>
    <message>
        <source>Protection put back</source>
        <translation>Skyddet återställt</translation>
    </message>
</context>
<context>
    <name>KeptAnswers</name>
    <message>
        <source>No longer in the checklist</source>
        <translation>Finns inte längre i checklistan</translation>
    </message>
    <message>
        <source>These answers were given to questions that the current version of the checklist no longer has. They are kept with the assessment and are not counted as missing.</source>
        <translation>De här svaren gavs på frågor som inte finns i checklistans nuvarande version. De sparas med bedömningen och räknas inte som saknade.</translation>
    </message>
    <message>
        <source>Question %1 (its wording is not available)</source>
        <translation>Fråga %1 (frågans lydelse finns inte tillgänglig)</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>Svar: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Kommentar: %1</translation>
    </message>
</context>
<context>
    <name>KeptPage</name>
    <message>
        <source>This assessment was made with an earlier version of its checklist. What was written for grounds and questions that the current version no longer has is kept here, unchanged. It is not counted as missing and cannot be edited.</source>
        <translation>Bedömningen gjordes med en tidigare version av checklistan. Det som skrevs om grunder och frågor som inte finns i den nuvarande versionen sparas här, oförändrat. Det räknas inte som saknat och kan inte ändras.</translation>
    </message>
</context>
<context>
    <name>LengthLimit</name>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 av %2 tecken</translation>
    </message>
    <message>
        <source>%1 of %2 lines</source>
        <translation>%1 av %2 rader</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Signed in to the server as %1</source>
        <translation>Inloggad på servern som %1</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Register</translation>
    </message>
    <message>
        <source>Follo&amp;w-up</source>
        <translation>&amp;Uppföljning</translation>
    </message>
    <message>
        <source>O&amp;verview</source>
        <translation>Ö&amp;versikt</translation>
    </message>
    <message>
        <source>&amp;New assessment</source>
        <translation>&amp;Ny bedömning</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öppna</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Ta bort…</translation>
    </message>
    <message>
        <source>Record &amp;evaluation…</source>
        <translation>Registrera &amp;utvärdering…</translation>
    </message>
    <message>
        <source>E&amp;xport view as CSV…</source>
        <translation>E&amp;xportera vyn som CSV…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Upp&amp;datera</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>Re&amp;gister</source>
        <translation>Re&amp;gister</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>A checklist file was skipped</source>
        <translation>En checklista hoppades över</translation>
    </message>
    <message>
        <source>Register restored</source>
        <translation>Registret återställt</translation>
    </message>
    <message>
        <source>The register was restored from a backup in another window or program. What is shown now is the restored register; the register as it was is kept in its backup folder.</source>
        <translation>Registret återställdes från en säkerhetskopia i ett annat fönster eller program. Det som visas nu är det återställda registret; registret som det var sparas i mappen för säkerhetskopior.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1</source>
        <translation>
            <numerusform>%n rad sparad i %1</numerusform>
            <numerusform>%n rader sparade i %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not create an assessment</source>
        <translation>Bedömningen kunde inte skapas</translation>
    </message>
    <message>
        <source>Could not open the assessment</source>
        <translation>Bedömningen kunde inte öppnas</translation>
    </message>
    <message>
        <source>Record evaluation</source>
        <translation>Registrera utvärdering</translation>
    </message>
    <message>
        <source>Only an approved assessment can be evaluated: until then the decision has not been taken.</source>
        <translation>Bara en godkänd bedömning kan utvärderas: innan dess är beslutet inte fattat.</translation>
    </message>
    <message>
        <source>Delete assessment</source>
        <translation>Ta bort bedömning</translation>
    </message>
    <message>
        <source>Delete “%1”? This cannot be undone.</source>
        <translation>Vill du ta bort ”%1”? Det går inte att ångra.</translation>
    </message>
    <message>
        <source>Untitled assessment</source>
        <translation>Bedömning utan rubrik</translation>
    </message>
    <message>
        <source>Could not delete the assessment</source>
        <translation>Bedömningen kunde inte tas bort</translation>
    </message>
</context>
<context>
    <name>MeasuresPage</name>
    <message>
        <source>Measures</source>
        <translation>Åtgärder</translation>
    </message>
    <message>
        <source>A&amp;dd measure</source>
        <translation>&amp;Lägg till åtgärd</translation>
    </message>
    <message>
        <source>&amp;Remove measure</source>
        <translation>&amp;Ta bort åtgärd</translation>
    </message>
</context>
<context>
    <name>MemoPage</name>
    <message>
        <source>Text for the decision memo</source>
        <translation>Text till tjänsteskrivelsen</translation>
    </message>
    <message>
        <source>Paste this text into the decision memo, in its section on the consequences for equality. It is written from what you have filled in, in the language of the assessment, and changes as you edit. Where something is still missing, the text says so.</source>
        <translation>Klistra in texten i tjänsteskrivelsen, i avsnittet om konsekvenser för jämlikhet. Den skrivs utifrån det du har fyllt i, på bedömningens språk, och ändras när du ändrar något. Om något fortfarande saknas står det i texten.</translation>
    </message>
    <message>
        <source>&amp;Copy the text</source>
        <translation>K&amp;opiera texten</translation>
    </message>
    <message>
        <source>Export &amp;memo section…</source>
        <translation>&amp;Exportera avsnittet för tjänsteskrivelsen…</translation>
    </message>
    <message>
        <source>A Word document with the text, the impact table and the measures table</source>
        <translation>Ett Word-dokument med texten, tabellen över konsekvenser och tabellen över åtgärder</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>Språk: %1</translation>
    </message>
    <message>
        <source>Copied. Paste it into the memo with Ctrl+V.</source>
        <translation>Kopierad. Klistra in den i tjänsteskrivelsen med Ctrl+V.</translation>
    </message>
    <message>
        <source>Export memo section</source>
        <translation>Exportera avsnittet för tjänsteskrivelsen</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word-dokument (*.docx)</translation>
    </message>
    <message>
        <source>The memo section was not written</source>
        <translation>Avsnittet skrevs inte</translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>Sparat i %1</translation>
    </message>
</context>
<context>
    <name>ModulesChooser</name>
    <message>
        <source>No optional modules are installed.</source>
        <translation>Inga valfria moduler är installerade.</translation>
    </message>
</context>
<context>
    <name>ModulesDialog</name>
    <message>
        <source>Modules</source>
        <translation>Moduler</translation>
    </message>
    <message>
        <source>Modules add perspectives to the assessment, each with its own questions. Switching a module off keeps what you wrote for it; it comes back if you switch the module on again.</source>
        <translation>Moduler lägger till perspektiv i bedömningen, vart och ett med egna frågor. Om du stänger av en modul sparas det du har skrivit, och det kommer tillbaka om du slår på modulen igen.</translation>
    </message>
</context>
<context>
    <name>NavigationTree</name>
    <message>
        <source>Steps and grounds</source>
        <translation>Steg och grunder</translation>
    </message>
    <message numerus="yes">
        <source>%n left</source>
        <translation>
            <numerusform>%n kvar</numerusform>
            <numerusform>%n kvar</numerusform>
        </translation>
    </message>
    <message>
        <source>not relevant</source>
        <translation>inte relevant</translation>
    </message>
    <message numerus="yes">
        <source>%n open review comment(s)</source>
        <translation>
            <numerusform>%n öppen granskningskommentar</numerusform>
            <numerusform>%n öppna granskningskommentarer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <source>New assessment</source>
        <translation>Ny bedömning</translation>
    </message>
    <message>
        <source>Title of the decision</source>
        <translation>Ärendets rubrik</translation>
    </message>
    <message>
        <source>Can be filled in later</source>
        <translation>Kan fyllas i senare</translation>
    </message>
    <message>
        <source>&amp;Title of the decision:</source>
        <translation>&amp;Ärendets rubrik:</translation>
    </message>
    <message>
        <source>Law</source>
        <translation>Lag</translation>
    </message>
    <message>
        <source>&amp;Law to assess against:</source>
        <translation>&amp;Lag som bedömningen utgår från:</translation>
    </message>
    <message>
        <source>Language of the assessment</source>
        <translation>Bedömningens språk</translation>
    </message>
    <message>
        <source>Lan&amp;guage of the assessment:</source>
        <translation>Bedömningens &amp;språk:</translation>
    </message>
    <message>
        <source>The PDF and the text for the decision memo are written in this language.</source>
        <translation>PDF-filen och texten till tjänsteskrivelsen skrivs på det här språket.</translation>
    </message>
    <message>
        <source>Type of decision</source>
        <translation>Typ av beslut</translation>
    </message>
    <message>
        <source>Not chosen</source>
        <translation>Inte vald</translation>
    </message>
    <message>
        <source>T&amp;ype of decision:</source>
        <translation>T&amp;yp av beslut:</translation>
    </message>
    <message>
        <source>Adds questions for this kind of decision and suggests modules.</source>
        <translation>Lägger till frågor för den här typen av beslut och föreslår moduler.</translation>
    </message>
    <message>
        <source>Optional modules</source>
        <translation>Valfria moduler</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>S&amp;kapa</translation>
    </message>
</context>
<context>
    <name>OpeningPage</name>
    <message>
        <source>Opening the register…</source>
        <translation>Registret öppnas…</translation>
    </message>
    <message>
        <source>Opening the register %1…</source>
        <translation>Registret %1 öppnas…</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>I år</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Förra året</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Senaste 12 månaderna</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Hela tiden</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>Valda datum</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Från datum</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Till datum</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Förvaltning eller enhet</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Alla enheter</translation>
    </message>
    <message>
        <source>&amp;Update</source>
        <translation>Uppdat&amp;era</translation>
    </message>
    <message>
        <source>Overview problem</source>
        <translation>Problem med översikten</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <source>Assessments per status</source>
        <translation>Bedömningar per status</translation>
    </message>
    <message>
        <source>Assessments per status, as numbers</source>
        <translation>Bedömningar per status, i siffror</translation>
    </message>
    <message>
        <source>Grounds found relevant, by impact</source>
        <translation>Grunder som bedömts relevanta, efter påverkan</translation>
    </message>
    <message>
        <source>Grounds by impact, as numbers</source>
        <translation>Grunder efter påverkan, i siffror</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Räknar…</translation>
    </message>
    <message>
        <source>The overview could not be computed</source>
        <translation>Översikten kunde inte beräknas</translation>
    </message>
    <message>
        <source>Assessments count in the period of their planned decision date (or of the day they were created, if they have none).</source>
        <translation>Bedömningar räknas till perioden för sitt planerade beslutsdatum (eller den dag de skapades, om de saknar ett).</translation>
    </message>
</context>
<context>
    <name>PaneActions</name>
    <message>
        <source>Show &amp;guidance</source>
        <translation>Visa &amp;vägledning</translation>
    </message>
    <message>
        <source>Move the divider to the right</source>
        <translation>Flytta avdelaren åt höger</translation>
    </message>
    <message>
        <source>Move the divider to the left</source>
        <translation>Flytta avdelaren åt vänster</translation>
    </message>
</context>
<context>
    <name>RegisterRevisionActions</name>
    <message>
        <source>Re&amp;visions…</source>
        <translation>&amp;Versioner…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historik…</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <source>Assessments</source>
        <translation>Bedömningar</translation>
    </message>
    <message>
        <source>Number of assessments</source>
        <translation>Antal bedömningar</translation>
    </message>
    <message>
        <source>No assessments match the search and filters.</source>
        <translation>Inga bedömningar matchar sökningen och filtren.</translation>
    </message>
    <message>
        <source>Go to the &amp;list</source>
        <translation>Gå till &amp;listan</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Söker…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Räknar…</translation>
    </message>
    <message numerus="yes">
        <source>%n assessment(s)</source>
        <translation>
            <numerusform>%n bedömning</numerusform>
            <numerusform>%n bedömningar</numerusform>
        </translation>
    </message>
    <message>
        <source>No assessments yet: start one with New assessment.</source>
        <translation>Inga bedömningar än: börja med Ny bedömning.</translation>
    </message>
    <message>
        <source>The register could not be read</source>
        <translation>Registret kunde inte läsas</translation>
    </message>
    <message>
        <source>Export view as CSV</source>
        <translation>Exportera vyn som CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporterar…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>The export failed</source>
        <translation>Exporten misslyckades</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Portfolio report</source>
        <translation>Portföljrapport</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Till</translation>
    </message>
    <message>
        <source>Department or unit</source>
        <translation>Förvaltning eller enhet</translation>
    </message>
    <message>
        <source>All departments and units</source>
        <translation>Alla förvaltningar och enheter</translation>
    </message>
    <message>
        <source>Language of the report</source>
        <translation>Rapportens språk</translation>
    </message>
    <message>
        <source>&amp;PDF, to read and print</source>
        <translation>&amp;PDF, för att läsa och skriva ut</translation>
    </message>
    <message>
        <source>&amp;CSV, one row per assessment and ground</source>
        <translation>&amp;CSV, en rad per bedömning och diskrimineringsgrund</translation>
    </message>
    <message>
        <source>&amp;Open the report when it is written</source>
        <translation>Ö&amp;ppna rapporten när den är klar</translation>
    </message>
    <message>
        <source>&amp;Period (decision date) from:</source>
        <translation>&amp;Period (beslutsdatum) från:</translation>
    </message>
    <message>
        <source>Period &amp;to:</source>
        <translation>Period &amp;till:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Enhet:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>&amp;Create report…</source>
        <translation>&amp;Skapa rapport…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Save the portfolio report</source>
        <translation>Spara portföljrapporten</translation>
    </message>
    <message>
        <source>Writing the portfolio report…</source>
        <translation>Skriver portföljrapporten…</translation>
    </message>
</context>
<context>
    <name>ReportMenu</name>
    <message>
        <source>&amp;Portfolio report…</source>
        <translation>&amp;Portföljrapport…</translation>
    </message>
    <message>
        <source>Counts, impacts per ground and overdue measures for a period, as PDF or CSV</source>
        <translation>Antal, påverkan per diskrimineringsgrund och försenade åtgärder för en period, som PDF eller CSV</translation>
    </message>
    <message>
        <source>Repor&amp;ts</source>
        <translation>Rappor&amp;ter</translation>
    </message>
</context>
<context>
    <name>ReportTask</name>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>The report was not written</source>
        <translation>Rapporten skrevs inte</translation>
    </message>
    <message>
        <source>Report written</source>
        <translation>Rapporten är klar</translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>Sparad i %1</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öppna</translation>
    </message>
    <message>
        <source>Could not open the file</source>
        <translation>Filen kunde inte öppnas</translation>
    </message>
    <message>
        <source>No program is set up to open %1.</source>
        <translation>Inget program är inställt för att öppna %1.</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>&amp;Comment…</source>
        <translation>&amp;Kommentera…</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Godkänn…</translation>
    </message>
    <message>
        <source>&amp;Return with comments…</source>
        <translation>&amp;Skicka tillbaka med kommentarer…</translation>
    </message>
    <message>
        <source>Start a &amp;new revision…</source>
        <translation>Starta en &amp;ny version…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Exportera &amp;PDF…</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>S&amp;täng</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Granskning</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Granskning</translation>
    </message>
    <message>
        <source>Comment not added</source>
        <translation>Kommentaren lades inte till</translation>
    </message>
    <message>
        <source>Comment added.</source>
        <translation>Kommentaren har lagts till.</translation>
    </message>
    <message>
        <source>Approve the assessment? It is then locked: changing it needs a new revision.</source>
        <translation>Vill du godkänna bedömningen? Den låses då: för att ändra den behövs en ny version.</translation>
    </message>
    <message>
        <source>You wrote or submitted it: the approval will be shown as self-approved.</source>
        <translation>Du har själv skrivit eller lämnat in bedömningen: godkännandet kommer att visas som självgodkänt.</translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) not yet addressed.</source>
        <translation>
            <numerusform>%n kommentar är inte åtgärdad än.</numerusform>
            <numerusform>%n kommentarer är inte åtgärdade än.</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Godkänn</translation>
    </message>
    <message>
        <source>Approval &amp;comment (optional):</source>
        <translation>&amp;Kommentar till godkännandet (valfritt):</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Godkänn</translation>
    </message>
    <message numerus="yes">
        <source>%n required item(s) missing: return it to the caseworker with comments.</source>
        <translation>
            <numerusform>%n obligatorisk uppgift saknas: skicka tillbaka bedömningen till handläggaren med kommentarer.</numerusform>
            <numerusform>%n obligatoriska uppgifter saknas: skicka tillbaka bedömningen till handläggaren med kommentarer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>Inte godkänd</translation>
    </message>
    <message>
        <source>Approved. The assessment is now locked.</source>
        <translation>Godkänd. Bedömningen är nu låst.</translation>
    </message>
    <message>
        <source>Approval not signed</source>
        <translation>Godkännandet är inte signerat</translation>
    </message>
    <message>
        <source>The approval stands in this register, but it could not be signed: a copy in an exchange file will arrive unverified.</source>
        <translation>Godkännandet gäller i det här registret, men det kunde inte signeras: i en kopia i en utbytesfil kommer godkännandet fram som inte verifierat.</translation>
    </message>
    <message numerus="yes">
        <source>Return the assessment to the caseworker? Your %n open comment(s) go with it; you can add an overall comment.</source>
        <translation>
            <numerusform>Vill du skicka tillbaka bedömningen till handläggaren? Din öppna kommentar följer med, och du kan lägga till en övergripande kommentar.</numerusform>
            <numerusform>Vill du skicka tillbaka bedömningen till handläggaren? Dina %n öppna kommentarer följer med, och du kan lägga till en övergripande kommentar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Return with comments</source>
        <translation>Skicka tillbaka med kommentarer</translation>
    </message>
    <message>
        <source>&amp;Overall comment (optional):</source>
        <translation>&amp;Övergripande kommentar (valfritt):</translation>
    </message>
    <message>
        <source>&amp;Return</source>
        <translation>&amp;Skicka tillbaka</translation>
    </message>
    <message>
        <source>Not returned</source>
        <translation>Inte återsänd</translation>
    </message>
    <message>
        <source>Returned to the caseworker.</source>
        <translation>Återsänd till handläggaren.</translation>
    </message>
    <message>
        <source>New revision</source>
        <translation>Ny version</translation>
    </message>
    <message>
        <source>Start revision %1 as a draft? This approved revision stays as it is and can still be read.</source>
        <translation>Vill du starta version %1 som ett utkast? Den här godkända versionen förblir som den är och kan fortfarande läsas.</translation>
    </message>
    <message>
        <source>&amp;Start revision</source>
        <translation>&amp;Starta ny version</translation>
    </message>
    <message>
        <source>No new revision</source>
        <translation>Ingen ny version</translation>
    </message>
    <message>
        <source>Revision %1 started as a draft.</source>
        <translation>Version %1 har startats som ett utkast.</translation>
    </message>
</context>
<context>
    <name>ReviewHtml</name>
    <message>
        <source>Comment…</source>
        <translation>Kommentera…</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentarer</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>About this assessment</source>
        <translation>Om den här bedömningen</translation>
    </message>
    <message>
        <source>The assessment</source>
        <translation>Bedömningen</translation>
    </message>
    <message>
        <source>Review comments</source>
        <translation>Kommentarer från granskningen</translation>
    </message>
    <message numerus="yes">
        <source>Review &amp;comments (%n)</source>
        <translation>
            <numerusform>&amp;Kommentarer från granskningen (%n)</numerusform>
            <numerusform>&amp;Kommentarer från granskningen (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>You are working as %1.</source>
        <translation>Du arbetar under namnet %1.</translation>
    </message>
    <message>
        <source>Untitled assessment</source>
        <translation>Bedömning utan rubrik</translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>Granskning: %1</translation>
    </message>
    <message>
        <source>In review: read the assessment, comment on its steps, grounds and measures (the Comment… links), then approve it or return it with your comments.</source>
        <translation>Under granskning: läs bedömningen och kommentera dess steg, grunder och åtgärder (länkarna Kommentera…). Godkänn den sedan eller skicka tillbaka den med dina kommentarer.</translation>
    </message>
    <message>
        <source>Approved by %1, %2. The assessment is locked; to change it, start a new revision.</source>
        <translation>Godkänd av %1, %2. Bedömningen är låst; starta en ny version om du vill ändra den.</translation>
    </message>
    <message>
        <source>Self-approved: the approver also wrote or submitted it.</source>
        <translation>Självgodkänd: den som godkände har också skrivit eller lämnat in bedömningen.</translation>
    </message>
    <message>
        <source>Approved. The assessment is locked; to change it, start a new revision.</source>
        <translation>Godkänd. Bedömningen är låst; starta en ny version om du vill ändra den.</translation>
    </message>
    <message>
        <source>Returned to the caseworker with the comments below.</source>
        <translation>Återsänd till handläggaren med kommentarerna nedan.</translation>
    </message>
    <message>
        <source>Revision %1: a newer revision of this assessment exists.</source>
        <translation>Version %1: det finns en nyare version av bedömningen.</translation>
    </message>
</context>
<context>
    <name>RevisionActions</name>
    <message>
        <source>Fingerprint</source>
        <translation>Fingeravtryck</translation>
    </message>
    <message>
        <source>A short code computed from what the assessment says. The same code is printed on every page of its PDF, so a printout can be checked against the register; it changes whenever the content changes.</source>
        <translation>En kort kod som räknas fram ur bedömningens innehåll. Samma kod skrivs ut på varje sida i PDF-filen, så att en utskrift kan jämföras med registret. Koden ändras så snart innehållet ändras.</translation>
    </message>
    <message>
        <source>Re&amp;visions…</source>
        <translation>&amp;Versioner…</translation>
    </message>
    <message>
        <source>Compare &amp;with previous revision</source>
        <translation>Jämför med &amp;föregående version</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historik…</translation>
    </message>
    <message>
        <source>Re&amp;visions</source>
        <translation>&amp;Versioner</translation>
    </message>
    <message>
        <source>Revision %1 of %2</source>
        <translation>Version %1 av %2</translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>%1 · Fingerprint %2</source>
        <translation>%1 · Fingeravtryck %2</translation>
    </message>
    <message>
        <source>The revisions cannot be compared</source>
        <translation>Versionerna kan inte jämföras</translation>
    </message>
    <message>
        <source>Compare with previous revision</source>
        <translation>Jämför med föregående version</translation>
    </message>
    <message>
        <source>The revision before this one is not in the register.</source>
        <translation>Versionen före den här finns inte i registret.</translation>
    </message>
</context>
<context>
    <name>RevisionsDialog</name>
    <message>
        <source>Untitled assessment</source>
        <translation>Bedömning utan rubrik</translation>
    </message>
    <message>
        <source>Revisions – %1</source>
        <translation>Versioner – %1</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Versioner</translation>
    </message>
    <message>
        <source>Earlier revisions open read-only. Select two revisions to compare them, or one to compare it with the revision before it.</source>
        <translation>Tidigare versioner öppnas så att de bara kan läsas. Markera två versioner för att jämföra dem, eller en för att jämföra den med versionen före.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öppna</translation>
    </message>
    <message>
        <source>Co&amp;mpare</source>
        <translation>&amp;Jämför</translation>
    </message>
    <message>
        <source>The revisions cannot be shown</source>
        <translation>Versionerna kan inte visas</translation>
    </message>
</context>
<context>
    <name>RevisionsModel</name>
    <message>
        <source>Revision</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Ändrad</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Godkänd av</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>Godkännandedatum</translation>
    </message>
    <message>
        <source>Approved fingerprint</source>
        <translation>Godkänt fingeravtryck</translation>
    </message>
    <message>
        <source>Self-approved</source>
        <translation>Självgodkänd</translation>
    </message>
    <message>
        <source>The fingerprint of the content that was approved. It is printed on every page of the PDF of this revision.</source>
        <translation>Fingeravtrycket för det innehåll som godkändes. Det skrivs ut på varje sida i PDF-filen för den här versionen.</translation>
    </message>
    <message>
        <source>Approved by the same person who wrote the assessment.</source>
        <translation>Godkänd av samma person som skrev bedömningen.</translation>
    </message>
    <message>
        <source>%1 (older, 48-bit form)</source>
        <translation>%1 (äldre form, 48 bitar)</translation>
    </message>
    <message>
        <source>Yes, by the author</source>
        <translation>Ja, av handläggaren</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
</context>
<context>
    <name>SaveFeedback</name>
    <message>
        <source>Not saved yet: %1 Lika tries again in a moment.</source>
        <translation>Inte sparat ännu: %1 Lika försöker igen om en stund.</translation>
    </message>
    <message>
        <source>Not saved yet: the server cannot be reached. Your changes are kept in this window, and Lika saves them as soon as the server is back. (%1)</source>
        <translation>Inte sparat ännu: servern kan inte nås. Dina ändringar finns kvar i det här fönstret, och Lika sparar dem så snart servern är tillbaka. (%1)</translation>
    </message>
    <message>
        <source>Changed elsewhere: this window shows the version saved there.</source>
        <translation>Ändrad på annat håll: fönstret visar nu den version som sparades där.</translation>
    </message>
    <message>
        <source>Not saved: deleted elsewhere</source>
        <translation>Inte sparat: raderad på annat håll</translation>
    </message>
    <message>
        <source>Deleted elsewhere</source>
        <translation>Raderad på annat håll</translation>
    </message>
    <message>
        <source>This assessment was deleted in another window or on another computer. Your text is still here: copy what you need before you close this window.</source>
        <translation>Bedömningen har raderats i ett annat fönster eller på en annan dator. Din text finns kvar här: kopiera det du behöver innan du stänger fönstret.</translation>
    </message>
    <message>
        <source>Changes not saved</source>
        <translation>Ändringarna sparades inte</translation>
    </message>
    <message>
        <source>Not saved: changed elsewhere</source>
        <translation>Inte sparat: ändrad på annat håll</translation>
    </message>
</context>
<context>
    <name>ScreeningPage</name>
    <message>
        <source>Decide for each ground whether the decision may affect people differently, and say why in a line. Then assess the relevant grounds in depth on their own pages.</source>
        <translation>Ta ställning för varje grund till om beslutet kan påverka människor olika, och skriv varför på en rad. Bedöm sedan de relevanta grunderna närmare på deras egna sidor.</translation>
    </message>
    <message>
        <source>Suggestions from the decision text are unavailable: %1</source>
        <translation>Förslag utifrån beslutstexten kan inte visas: %1</translation>
    </message>
    <message>
        <source>Assess in depth</source>
        <translation>Bedöm närmare</translation>
    </message>
    <message>
        <source>Assess in depth: %1</source>
        <translation>Bedöm närmare: %1</translation>
    </message>
    <message>
        <source>Why? One line is enough here.</source>
        <translation>Varför? En rad räcker här.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motivering: %1</translation>
    </message>
</context>
<context>
    <name>ServerBackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>Säkerhetskopior</translation>
    </message>
    <message>
        <source>The register %1 is on a database server. IT backs the server up with PostgreSQL&apos;s own tools (pg_dump or continuous archiving) and restores it when needed; Lika makes no backups of its own here.

You can save a copy of the whole register as a register file, to hand on or to archive.</source>
        <translation>Registret %1 finns på en databasserver. IT säkerhetskopierar servern med PostgreSQL:s egna verktyg (pg_dump eller kontinuerlig arkivering) och återställer den vid behov; Lika gör inga egna säkerhetskopior här.

Du kan spara en kopia av hela registret som en registerfil, för att lämna vidare eller arkivera.</translation>
    </message>
    <message>
        <source>&amp;Save a copy as a register file…</source>
        <translation>&amp;Spara en kopia som registerfil…</translation>
    </message>
    <message>
        <source>Save a copy as a register file</source>
        <translation>Spara en kopia som registerfil</translation>
    </message>
    <message>
        <source>Lika registers (*.db)</source>
        <translation>Lika-register (*.db)</translation>
    </message>
    <message>
        <source>Copy saved</source>
        <translation>Kopian sparad</translation>
    </message>
    <message>
        <source>A copy of the register was saved as %1.</source>
        <translation>En kopia av registret sparades som %1.</translation>
    </message>
    <message>
        <source>No copy was saved</source>
        <translation>Ingen kopia sparades</translation>
    </message>
</context>
<context>
    <name>ServerWindow</name>
    <message>
        <source>The server register cannot be reached. Check the network connection, or ask IT whether the database server is running and the address is right.</source>
        <translation>Serverregistret kan inte nås. Kontrollera nätverksanslutningen eller fråga IT om databasservern är igång och adressen stämmer.</translation>
    </message>
    <message>
        <source>The server register has been upgraded for a newer version of Lika. Ask IT to update Lika on this computer; nothing was read or changed.</source>
        <translation>Serverregistret har uppgraderats för en nyare version av Lika. Be IT att uppdatera Lika på den här datorn; inget har lästs eller ändrats.</translation>
    </message>
    <message>
        <source>The server register could not be opened. Show IT the details below.</source>
        <translation>Serverregistret kunde inte öppnas. Visa IT uppgifterna nedan.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ditt namn</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ditt &amp;namn:</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>Din roll</translation>
    </message>
    <message>
        <source>For example: Investigator</source>
        <translation>Till exempel: Utredare</translation>
    </message>
    <message>
        <source>Your &amp;role:</source>
        <translation>Din &amp;roll:</translation>
    </message>
    <message>
        <source>Recorded as the author of new assessments and in the review history. Leave it empty to use your computer account name.</source>
        <translation>Anges som handläggare för nya bedömningar och i granskningshistoriken. Lämna tomt för att använda namnet på ditt datorkonto.</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>Språk i fönstret</translation>
    </message>
    <message>
        <source>Follow the computer (%1)</source>
        <translation>Samma som datorn (%1)</translation>
    </message>
    <message>
        <source>&amp;Language of the window:</source>
        <translation>&amp;Språk i fönstret:</translation>
    </message>
    <message>
        <source>Folder with the organisation&apos;s own checklists</source>
        <translation>Mapp med organisationens egna checklistor</translation>
    </message>
    <message>
        <source>None: only the built-in checklists</source>
        <translation>Ingen: bara de inbyggda checklistorna</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bläddra…</translation>
    </message>
    <message>
        <source>Cl&amp;ear</source>
        <translation>&amp;Rensa</translation>
    </message>
    <message>
        <source>Clear the checklist folder</source>
        <translation>Ta bort mappen för checklistor</translation>
    </message>
    <message>
        <source>Own &amp;checklists:</source>
        <translation>&amp;Egna checklistor:</translation>
    </message>
    <message>
        <source>What was found in the checklist folder</source>
        <translation>Vad som hittades i mappen</translation>
    </message>
    <message>
        <source>Folder with own checklists</source>
        <translation>Mapp med egna checklistor</translation>
    </message>
    <message>
        <source>Only the built-in checklists are used.</source>
        <translation>Bara de inbyggda checklistorna används.</translation>
    </message>
    <message>
        <source>This folder does not exist.</source>
        <translation>Mappen finns inte.</translation>
    </message>
    <message numerus="yes">
        <source>%n checklist file(s) can be used:</source>
        <translation>
            <numerusform>%n checklista kan användas:</numerusform>
            <numerusform>%n checklistor kan användas:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) will be skipped:</source>
        <translation>
            <numerusform>%n fil hoppas över:</numerusform>
            <numerusform>%n filer hoppas över:</numerusform>
        </translation>
    </message>
    <message>
        <source>Lika will use the new language the next time it starts.</source>
        <translation>Lika använder det nya språket nästa gång programmet startar.</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The folder of the register %1 does not exist.</source>
        <translation>Mappen för registret %1 finns inte.</translation>
    </message>
    <message>
        <source>%1 is not a Lika database.</source>
        <translation>%1 är inte en databas från Lika.</translation>
    </message>
    <message>
        <source>%1 is a database of another program, not a Lika database.</source>
        <translation>%1 är en databas från ett annat program, inte från Lika.</translation>
    </message>
    <message>
        <source>The register %1 is damaged.</source>
        <translation>Registret %1 är skadat.</translation>
    </message>
    <message>
        <source>The register %1 is damaged or emptied.</source>
        <translation>Registret %1 är skadat eller tömt.</translation>
    </message>
    <message>
        <source>The register %1 was written by a newer version of Lika.</source>
        <translation>Registret %1 har skrivits av en nyare version av Lika.</translation>
    </message>
    <message>
        <source>The register %1 cannot be written: the file or its folder is read-only.</source>
        <translation>Det går inte att skriva till registret %1: filen eller mappen är skrivskyddad.</translation>
    </message>
    <message>
        <source>The disk holding the register %1 is almost full.</source>
        <translation>Disken där registret %1 ligger är nästan full.</translation>
    </message>
    <message>
        <source>The register %1 cannot be read.</source>
        <translation>Det går inte att läsa registret %1.</translation>
    </message>
    <message>
        <source>If the register is on a network drive or a USB stick, check that it is connected. Lika can also create the folder and start a new, empty register there.</source>
        <translation>Om registret ligger på en nätverksenhet eller ett USB-minne, kontrollera att det är anslutet. Lika kan också skapa mappen och starta ett nytt, tomt register där.</translation>
    </message>
    <message>
        <source>This is some other kind of file. Start Lika with the right file, or move this one away.</source>
        <translation>Det här är en annan sorts fil. Starta Lika med rätt fil, eller flytta den här filen.</translation>
    </message>
    <message>
        <source>This database belongs to another program. Lika will not change it. Start Lika with the right file.</source>
        <translation>Databasen hör till ett annat program. Lika ändrar den inte. Starta Lika med rätt fil.</translation>
    </message>
    <message>
        <source>The file may have been damaged by a disk fault, a full disk or an interrupted copy. Lika will not write to it.</source>
        <translation>Filen kan ha skadats av ett diskfel, en full disk eller en avbruten kopiering. Lika skriver inte till den.</translation>
    </message>
    <message>
        <source>The file is empty, but the register has backups: it was emptied or damaged, for example by a full disk or an interrupted copy. Lika will not use it as a new register.</source>
        <translation>Filen är tom, men registret har säkerhetskopior: den har tömts eller skadats, till exempel av en full disk eller en avbruten kopiering. Lika använder den inte som ett nytt register.</translation>
    </message>
    <message>
        <source>Update Lika to open it. This version leaves the file untouched, so nothing is lost.</source>
        <translation>Uppdatera Lika för att öppna den. Den här versionen lämnar filen orörd, så ingenting går förlorat.</translation>
    </message>
    <message>
        <source>Lika saves every change as you type, so it must be able to write to the file and its folder. Ask IT for write access, or copy the file to a folder of your own.</source>
        <translation>Lika sparar varje ändring medan du skriver och måste därför kunna skriva till filen och dess mapp. Be IT-avdelningen om skrivbehörighet, eller kopiera filen till en egen mapp.</translation>
    </message>
    <message>
        <source>Lika may not be able to save your work. Free some space before you continue.</source>
        <translation>Lika kanske inte kan spara ditt arbete. Frigör utrymme innan du fortsätter.</translation>
    </message>
    <message>
        <source>Check that the file is yours and not open in another program.</source>
        <translation>Kontrollera att filen är din och inte är öppen i ett annat program.</translation>
    </message>
    <message>
        <source>The backup from %1 was restored. The file it replaced is kept as %2.</source>
        <translation>Säkerhetskopian från %1 har återställts. Filen som ersattes sparas som %2.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Detaljer: %1</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Fortsätt</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>&amp;Create the folder</source>
        <translation>&amp;Skapa mappen</translation>
    </message>
    <message>
        <source>The newest good backup is from %1. Restore it? The file that is there now is kept in %2, so nothing is deleted.</source>
        <translation>Den senaste felfria säkerhetskopian är från %1. Vill du återställa den? Filen som finns där nu sparas i %2, så ingenting raderas.</translation>
    </message>
    <message>
        <source>&amp;Restore the backup</source>
        <translation>&amp;Återställ säkerhetskopian</translation>
    </message>
    <message>
        <source>Lika could not start: %1</source>
        <translation>Lika kunde inte starta: %1</translation>
    </message>
</context>
<context>
    <name>StatisticsSection</name>
    <message>
        <source>No statistics yet.</source>
        <translation>Ingen statistik ännu.</translation>
    </message>
    <message>
        <source>Add statistics table</source>
        <translation>Lägg till statistiktabell</translation>
    </message>
    <message>
        <source>Change statistics</source>
        <translation>Ändra statistik</translation>
    </message>
    <message>
        <source>Remove statistics table</source>
        <translation>Ta bort statistiktabell</translation>
    </message>
</context>
<context>
    <name>StatisticsTableEditor</name>
    <message>
        <source>Remove table</source>
        <translation>Ta bort tabellen</translation>
    </message>
</context>
<context>
    <name>SuggestionLabel</name>
    <message>
        <source>“%1”</source>
        <translation>”%1”</translation>
    </message>
    <message>
        <source>Suggested as relevant: the decision text mentions %1.</source>
        <translation>Förslag: kan vara relevant, eftersom beslutstexten nämner %1.</translation>
    </message>
</context>
<context>
    <name>SummaryExport</name>
    <message>
        <source>Export PDF</source>
        <translation>Exportera PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF was not written</source>
        <translation>PDF-filen skrevs inte</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Skriver PDF-filen…</translation>
    </message>
    <message>
        <source>PDF written to %1</source>
        <translation>PDF-filen sparad i %1</translation>
    </message>
</context>
<context>
    <name>TargetNames</name>
    <message>
        <source>A measure that was removed</source>
        <translation>En åtgärd som har tagits bort</translation>
    </message>
    <message>
        <source>Addressed</source>
        <translation>Åtgärdad</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppen</translation>
    </message>
    <message>
        <source>%1 wrote, %2</source>
        <translation>%1 skrev, %2</translation>
    </message>
    <message>
        <source>Addressed by %1, %2</source>
        <translation>Åtgärdad av %1, %2</translation>
    </message>
    <message>
        <source>Reply: %1</source>
        <translation>Svar: %1</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>Self-approved:</source>
        <translation>Självgodkänd:</translation>
    </message>
    <message>
        <source>the approver also wrote or submitted the assessment.</source>
        <translation>den som godkände har också skrivit eller lämnat in bedömningen.</translation>
    </message>
    <message>
        <source>Approval comment:</source>
        <translation>Kommentar till godkännandet:</translation>
    </message>
    <message>
        <source>Fingerprint of this content: %1</source>
        <translation>Fingeravtryck för det här innehållet: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n kommentar</numerusform>
            <numerusform>%n kommentarer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not yet addressed</source>
        <translation>
            <numerusform>%n inte åtgärdad än</numerusform>
            <numerusform>%n inte åtgärdade än</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n required item(s) missing</source>
        <translation>
            <numerusform>%n obligatorisk uppgift saknas</numerusform>
            <numerusform>%n obligatoriska uppgifter saknas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n statistics table(s) do not add up or are incomplete</source>
        <translation>
            <numerusform>%n statistiktabell stämmer inte eller är ofullständig</numerusform>
            <numerusform>%n statistiktabeller stämmer inte eller är ofullständiga</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 checklist questions not answered</source>
        <translation>%1 av %2 frågor i checklistan är obesvarade</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <source>Add measure</source>
        <translation>Lägg till åtgärd</translation>
    </message>
    <message>
        <source>Remove measure</source>
        <translation>Ta bort åtgärd</translation>
    </message>
    <message>
        <source>Change modules</source>
        <translation>Ändra moduler</translation>
    </message>
</context>
</TS>

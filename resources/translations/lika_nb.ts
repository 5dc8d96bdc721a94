<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb" sourcelanguage="en">
<context>
    <name>AuditTexts</name>
    <message>
        <source>fingerprint %1</source>
        <translation>fingeravtrykk %1</translation>
    </message>
    <message>
        <source>Comment %1</source>
        <translation>Kommentar %1</translation>
    </message>
    <message>
        <source>Revision %1, a copy of assessment %2</source>
        <translation>Versjon %1, en kopi av vurdering %2</translation>
    </message>
    <message>
        <source>As a new assessment (%1)</source>
        <translation>Som en ny vurdering (%1)</translation>
    </message>
    <message>
        <source>Over the stored assessment (%1)</source>
        <translation>Erstattet den lagrede vurderingen (%1)</translation>
    </message>
    <message>
        <source>The approval in the file is unverified: it approves nothing.</source>
        <translation>Godkjenningen i filen er ikke verifisert: den godkjenner ingenting.</translation>
    </message>
    <message>
        <source>The approval by %1 is signed by the key of %2.</source>
        <translation>Godkjenningen av %1 er signert med nøkkelen til %2.</translation>
    </message>
    <message>
        <source>the importing user</source>
        <translation>den som importerte</translation>
    </message>
    <message>
        <source>%1 (key %2)</source>
        <translation>%1 (nøkkel %2)</translation>
    </message>
    <message>
        <source>It was: %1</source>
        <translation>Hadde status: %1</translation>
    </message>
    <message>
        <source>Backup %1, made %2.</source>
        <translation>Sikkerhetskopien %1, laget %2.</translation>
    </message>
    <message>
        <source>Entries in the audit log it replaced: %1; hash of the newest: %2.</source>
        <translation>Oppføringer i hendelsesloggen som ble erstattet: %1; hash for den nyeste: %2.</translation>
    </message>
    <message>
        <source>The audit log it replaced was empty.</source>
        <translation>Hendelsesloggen som ble erstattet, var tom.</translation>
    </message>
    <message>
        <source>The audit log it replaced could not be read.</source>
        <translation>Hendelsesloggen som ble erstattet, kunne ikke leses.</translation>
    </message>
    <message>
        <source>There was no register here before.</source>
        <translation>Det fantes ikke noe register her fra før.</translation>
    </message>
    <message>
        <source>The replaced register is kept in the backup folder as %1.</source>
        <translation>Det erstattede registeret er beholdt i mappen med sikkerhetskopier som %1.</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>Sikkerhetskopier</translation>
    </message>
    <message>
        <source>When Lika started</source>
        <translation>Da Lika startet</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Daglig</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>Før en oppgradering</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>Tatt manuelt</translation>
    </message>
    <message>
        <source>Replaced by a restore</source>
        <translation>Erstattet ved gjenoppretting</translation>
    </message>
    <message>
        <source>Backups of %1 are kept in %2. Each one is checked for damage when it is made.</source>
        <translation>Sikkerhetskopier av %1 lagres i %2. Hver kopi kontrolleres for skader når den tas.</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Tatt</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Hvorfor</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Størrelse</translation>
    </message>
    <message>
        <source>Automatic backups to keep</source>
        <translation>Antall automatiske sikkerhetskopier som beholdes</translation>
    </message>
    <message>
        <source>&amp;Keep the newest automatic backups:</source>
        <translation>&amp;Behold de nyeste automatiske sikkerhetskopiene:</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Ta sikkerhetskopi &amp;nå</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Gjenopprett…</translation>
    </message>
    <message>
        <source>&amp;Open the folder</source>
        <translation>&amp;Åpne mappen</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Gjenopprett sikkerhetskopi</translation>
    </message>
    <message>
        <source>Replace the register with the backup from %1? Open assessments are saved and closed first. The register as it is now is kept in the backup folder, so nothing is deleted.</source>
        <translation>Vil du erstatte registeret med sikkerhetskopien fra %1? Åpne vurderinger lagres og lukkes først. Registeret slik det er nå, beholdes i mappen med sikkerhetskopier, så ingenting slettes.</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>Ikke gjenopprettet</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Sikkerhetskopien er gjenopprettet</translation>
    </message>
    <message>
        <source>The backup was restored. The register as it was is kept as %1.</source>
        <translation>Sikkerhetskopien er gjenopprettet. Registeret slik det var, er beholdt som %1.</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Nothing to show for this period.</source>
        <translation>Ingenting å vise for denne perioden.</translation>
    </message>
</context>
<context>
    <name>CommentCard</name>
    <message>
        <source>Sho&amp;w the measure</source>
        <translation>V&amp;is tiltaket</translation>
    </message>
    <message>
        <source>Mark as a&amp;ddressed…</source>
        <translation>Merk som &amp;fulgt opp…</translation>
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
        <translation>Gjelder</translation>
    </message>
    <message>
        <source>What it says now</source>
        <translation>Det som står der nå</translation>
    </message>
    <message>
        <source>A&amp;bout:</source>
        <translation>&amp;Gjelder:</translation>
    </message>
    <message>
        <source>It says:</source>
        <translation>Teksten nå:</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Kommentar:</translation>
    </message>
    <message>
        <source>&amp;Add comment</source>
        <translation>&amp;Legg til kommentar</translation>
    </message>
</context>
<context>
    <name>CommentsBar</name>
    <message>
        <source>Returned from review</source>
        <translation>Sendt tilbake fra gjennomgang</translation>
    </message>
    <message>
        <source>Returned from review by %1, %2.</source>
        <translation>Sendt tilbake av %1 etter gjennomgang, %2.</translation>
    </message>
    <message>
        <source>Overall comment: %1</source>
        <translation>Overordnet kommentar: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) to address; pages with comments are marked ✉ in the list of steps.</source>
        <translation>
            <numerusform>%n kommentar må følges opp; sider med kommentarer er merket med ✉ i listen over trinn.</numerusform>
            <numerusform>%n kommentarer må følges opp; sider med kommentarer er merket med ✉ i listen over trinn.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark as addressed</source>
        <translation>Merk som fulgt opp</translation>
    </message>
    <message>
        <source>Mark this comment as addressed?</source>
        <translation>Vil du merke kommentaren som fulgt opp?</translation>
    </message>
    <message>
        <source>&amp;Reply to the reviewer (optional):</source>
        <translation>&amp;Svar på kommentaren (valgfritt):</translation>
    </message>
    <message>
        <source>&amp;Mark as addressed</source>
        <translation>&amp;Merk som fulgt opp</translation>
    </message>
    <message>
        <source>Not marked as addressed</source>
        <translation>Ikke merket som fulgt opp</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Untitled assessment</source>
        <translation>Vurdering uten tittel</translation>
    </message>
    <message>
        <source>Compare revisions – %1</source>
        <translation>Sammenlign versjoner – %1</translation>
    </message>
    <message>
        <source>Show only &amp;changes</source>
        <translation>Vis bare &amp;endringer</translation>
    </message>
    <message>
        <source>Summary of the changes</source>
        <translation>Sammendrag av endringene</translation>
    </message>
    <message>
        <source>Fields of both revisions</source>
        <translation>Feltene i begge versjonene</translation>
    </message>
    <message>
        <source>Revision %1 (%2)</source>
        <translation>Versjon %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) changed</source>
        <translation>
            <numerusform>%n felt er endret</numerusform>
            <numerusform>%n felt er endret</numerusform>
        </translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>Ingen endringer</translation>
    </message>
    <message>
        <source>The two revisions have the same content.</source>
        <translation>De to versjonene har samme innhold.</translation>
    </message>
    <message>
        <source>The revisions cannot be compared</source>
        <translation>Versjonene kan ikke sammenlignes</translation>
    </message>
</context>
<context>
    <name>CompareModel</name>
    <message>
        <source>What</source>
        <translation>Felt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Endret</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Uendret</translation>
    </message>
</context>
<context>
    <name>ConclusionPage</name>
    <message>
        <source>Choose…</source>
        <translation>Velg…</translation>
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
        <translation>Endret et annet sted</translation>
    </message>
    <message>
        <source>Someone else saved this assessment (in another window or on another computer) after you opened it, so your latest changes are not saved yet. Nothing has been lost. These fields differ:</source>
        <translation>Noen andre har lagret vurderingen (i et annet vindu eller på en annen datamaskin) etter at du åpnet den, så de siste endringene dine er ikke lagret ennå. Ingenting har gått tapt. Disse feltene er forskjellige:</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Felt</translation>
    </message>
    <message>
        <source>In the register now</source>
        <translation>I registeret nå</translation>
    </message>
    <message>
        <source>Yours, not saved</source>
        <translation>Din versjon, ikke lagret</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Endret av</translation>
    </message>
    <message>
        <source>both</source>
        <translation>begge</translation>
    </message>
    <message>
        <source>you</source>
        <translation>du</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>noen andre</translation>
    </message>
    <message>
        <source>Fields that differ</source>
        <translation>Felt som er forskjellige</translation>
    </message>
    <message>
        <source>In the register now (whole text)</source>
        <translation>I registeret nå (hele teksten)</translation>
    </message>
    <message>
        <source>Yours, not saved (whole text)</source>
        <translation>Din versjon, ikke lagret (hele teksten)</translation>
    </message>
    <message>
        <source>In the register now:</source>
        <translation>I registeret nå:</translation>
    </message>
    <message>
        <source>Yours, not saved:</source>
        <translation>Din versjon, ikke lagret:</translation>
    </message>
    <message>
        <source>“Keep my changes” saves your changes on top of the other version; where you both changed a field, yours is kept. “Use the other version” discards your unsaved changes; copy them first if you want to keep the text.</source>
        <translation>«Behold mine endringer» lagrer endringene dine oppå den andre versjonen; der dere begge har endret samme felt, beholdes din endring. «Bruk den andre versjonen» forkaster de ulagrede endringene dine; kopier dem først hvis du vil beholde teksten.</translation>
    </message>
    <message>
        <source>&amp;Keep my changes</source>
        <translation>&amp;Behold mine endringer</translation>
    </message>
    <message>
        <source>&amp;Use the other version</source>
        <translation>B&amp;ruk den andre versjonen</translation>
    </message>
    <message>
        <source>&amp;Copy my changes</source>
        <translation>&amp;Kopier mine endringer</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>DataActions</name>
    <message>
        <source>&amp;Import assessment…</source>
        <translation>I&amp;mporter vurdering…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Ex&amp;port assessment…</source>
        <translation>Eks&amp;porter vurdering…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>Sikker&amp;hetskopier…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>Lika was not closed properly last time. Your work was saved as you typed and is open again.</source>
        <translation>Lika ble ikke avsluttet på vanlig måte sist. Det du skrev, ble lagret mens du skrev, og er åpent igjen.</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Sikkerhetskopi tatt</translation>
    </message>
    <message>
        <source>The register may be damaged</source>
        <translation>Registeret kan være skadet</translation>
    </message>
    <message>
        <source>%1

Export the assessments you are working on, then restore a backup (File → Backups…) or ask IT to run “lika check”.</source>
        <translation>%1

Eksporter vurderingene du arbeider med, og gjenopprett deretter en sikkerhetskopi (Fil → Sikkerhetskopier…), eller be IT-avdelingen kjøre «lika check».</translation>
    </message>
    <message>
        <source>No backup was made: %1</source>
        <translation>Ingen sikkerhetskopi ble tatt: %1</translation>
    </message>
    <message>
        <source>Export assessment</source>
        <translation>Eksporter vurdering</translation>
    </message>
    <message>
        <source>Lika exchange files (*.json)</source>
        <translation>Lika-utvekslingsfiler (*.json)</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Ikke eksportert</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Eksportert til %1</translation>
    </message>
    <message>
        <source>Import assessment</source>
        <translation>Importer vurdering</translation>
    </message>
    <message>
        <source>Lika exchange files or PDFs (*.json *.pdf)</source>
        <translation>Lika-utvekslingsfiler eller PDF-er (*.json *.pdf)</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Ikke importert</translation>
    </message>
    <message>
        <source>Untitled assessment</source>
        <translation>Vurdering uten tittel</translation>
    </message>
    <message>
        <source>Imported “%1” from %2; its approval is unverified, so it is in review</source>
        <translation>Importerte «%1» fra %2; godkjenningen er ikke verifisert, så vurderingen er til gjennomgang</translation>
    </message>
    <message>
        <source>Imported “%1” from %2</source>
        <translation>Importerte «%1» fra %2</translation>
    </message>
    <message>
        <source>Already in the register</source>
        <translation>Finnes allerede i registeret</translation>
    </message>
    <message>
        <source>“%1” (assessment %2) is already in the register. Replace it with the version in the file, or import the file as a separate copy?</source>
        <translation>«%1» (vurdering %2) finnes allerede i registeret. Vil du erstatte den med versjonen i filen, eller importere filen som en egen kopi?</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Erstatt</translation>
    </message>
    <message>
        <source>Import as a &amp;copy</source>
        <translation>Importer som &amp;kopi</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>e.g. %1</source>
        <translation>f.eks. %1</translation>
    </message>
    <message>
        <source>Choose from a calendar (Alt+Down)</source>
        <translation>Velg i en kalender (Alt+Pil ned)</translation>
    </message>
    <message>
        <source>Not a date Lika can read: type it as %1 or %2. Nothing was saved.</source>
        <translation>Lika kan ikke lese dette som en dato: skriv for eksempel %1 eller %2. Ingenting ble lagret.</translation>
    </message>
    <message>
        <source>Not a date yet (for example %1 or %2)</source>
        <translation>Ingen fullstendig dato ennå (for eksempel %1 eller %2)</translation>
    </message>
    <message>
        <source>Type both dates of the period, for example %1.</source>
        <translation>Skriv begge datoene i perioden, for eksempel %1.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Perioden slutter før den begynner.</translation>
    </message>
</context>
<context>
    <name>DecisionPage</name>
    <message>
        <source>One group per line</source>
        <translation>Én gruppe per linje</translation>
    </message>
</context>
<context>
    <name>DueMeasuresModel</name>
    <message>
        <source>Due</source>
        <translation>Status for frist</translation>
    </message>
    <message>
        <source>(no owner)</source>
        <translation>(ingen ansvarlig)</translation>
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
        <translation>&amp;Send til gjennomgang…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Eksporter &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Lukk</translation>
    </message>
    <message>
        <source>&amp;Assessment</source>
        <translation>&amp;Vurdering</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Angre</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gjør om</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>&amp;Neste side</translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation>&amp;Forrige side</translation>
    </message>
    <message>
        <source>Next &amp;thing left to do</source>
        <translation>Neste &amp;ting som gjenstår</translation>
    </message>
    <message>
        <source>Steps and &amp;grounds</source>
        <translation>Trinn og &amp;grunnlag</translation>
    </message>
    <message>
        <source>The p&amp;age</source>
        <translation>S&amp;iden</translation>
    </message>
    <message>
        <source>What is &amp;left</source>
        <translation>G&amp;jenstår</translation>
    </message>
    <message>
        <source>G&amp;uidance</source>
        <translation>V&amp;eiledning</translation>
    </message>
    <message>
        <source>Next pane</source>
        <translation>Neste del av vinduet</translation>
    </message>
    <message>
        <source>Previous pane</source>
        <translation>Forrige del av vinduet</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gå til</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Vurdering</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Angre %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Gjør om %1</translation>
    </message>
    <message>
        <source>Nothing required is missing.</source>
        <translation>Ingenting som kreves, mangler.</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>Send til gjennomgang</translation>
    </message>
    <message>
        <source>Submit the assessment for review? While it is in review you can read it but not change it.</source>
        <translation>Vil du sende vurderingen til gjennomgang? Mens den er til gjennomgang, kan du lese den, men ikke endre den.</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <source>Not submitted</source>
        <translation>Ikke sendt</translation>
    </message>
    <message>
        <source>Submitted for review. The assessment is now read-only.</source>
        <translation>Sendt til gjennomgang. Vurderingen kan nå bare leses.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… og %n til</numerusform>
            <numerusform>… og %n til</numerusform>
        </translation>
    </message>
    <message>
        <source>Not ready for review</source>
        <translation>Ikke klar til gjennomgang</translation>
    </message>
    <message numerus="yes">
        <source>The assessment cannot be submitted for review yet: %n required item(s) missing.</source>
        <translation>
            <numerusform>Vurderingen kan ikke sendes til gjennomgang ennå: %n påkrevd opplysning mangler.</numerusform>
            <numerusform>Vurderingen kan ikke sendes til gjennomgang ennå: %n påkrevde opplysninger mangler.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Show what is left</source>
        <translation>&amp;Vis det som gjenstår</translation>
    </message>
    <message numerus="yes">
        <source>The assessment cannot be submitted again yet: %n review comment(s) are not marked as addressed. Pages with comments are marked ✉ in the list of steps.</source>
        <translation>
            <numerusform>Vurderingen kan ikke sendes til gjennomgang igjen ennå: %n kommentar fra gjennomgangen er ikke merket som fulgt opp. Sider med kommentarer er merket med ✉ i listen over trinn.</numerusform>
            <numerusform>Vurderingen kan ikke sendes til gjennomgang igjen ennå: %n kommentarer fra gjennomgangen er ikke merket som fulgt opp. Sider med kommentarer er merket med ✉ i listen over trinn.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>✓ done   ! something is missing   – not relevant</source>
        <translation>✓ ferdig   ! noe mangler   – ikke relevant</translation>
    </message>
    <message>
        <source>About this assessment</source>
        <translation>Om denne vurderingen</translation>
    </message>
    <message>
        <source>No longer in the checklist</source>
        <translation>Finnes ikke lenger i sjekklisten</translation>
    </message>
    <message>
        <source>Text for the decision memo</source>
        <translation>Tekst til saksframlegget</translation>
    </message>
    <message>
        <source>In review: this assessment has been submitted and is read-only while it is reviewed.</source>
        <translation>Til gjennomgang: vurderingen er sendt inn og kan bare leses mens den gjennomgås.</translation>
    </message>
    <message>
        <source>Approved: this assessment is locked and read-only.</source>
        <translation>Godkjent: vurderingen er låst og kan bare leses.</translation>
    </message>
    <message>
        <source>Made with %1 version %2; the current version is %3. Answers to questions that are no longer in the checklist are kept and shown as such.</source>
        <translation>Laget med %1 versjon %2; gjeldende versjon er %3. Svar på spørsmål som ikke lenger finnes i sjekklisten, beholdes og vises som det.</translation>
    </message>
    <message>
        <source>Untitled assessment</source>
        <translation>Vurdering uten tittel</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Alle endringer er lagret</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Ikke lagret</translation>
    </message>
    <message>
        <source>Changes not saved</source>
        <translation>Endringene ble ikke lagret</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>Lukke uten å lagre?</translation>
    </message>
    <message>
        <source>The last changes could not be saved. Close anyway and lose them?</source>
        <translation>De siste endringene kunne ikke lagres. Vil du lukke likevel og miste dem?</translation>
    </message>
</context>
<context>
    <name>EvaluationDialog</name>
    <message>
        <source>Evaluate the decision</source>
        <translation>Evaluer vedtaket</translation>
    </message>
    <message>
        <source>Follow-up date: %1</source>
        <translation>Dato for oppfølging: %1</translation>
    </message>
    <message>
        <source>No follow-up date was set.</source>
        <translation>Det er ikke satt noen dato for oppfølging.</translation>
    </message>
    <message>
        <source>Status of “%1”</source>
        <translation>Status for «%1»</translation>
    </message>
    <message>
        <source>Earlier evaluations:</source>
        <translation>Tidligere evalueringer:</translation>
    </message>
    <message>
        <source>Type the date of the evaluation.</source>
        <translation>Skriv datoen for evalueringen.</translation>
    </message>
    <message>
        <source>The evaluation was not saved</source>
        <translation>Evalueringen ble ikke lagret</translation>
    </message>
    <message>
        <source>“%1” needs a date Lika can read: type it as %2 or %3.</source>
        <translation>«%1» trenger en dato Lika kan lese: skriv den som %2 eller %3.</translation>
    </message>
</context>
<context>
    <name>EvidenceSection</name>
    <message>
        <source>Cannot open</source>
        <translation>Kan ikke åpnes</translation>
    </message>
    <message>
        <source>PDF, Office and OpenDocument files, images and CSV, up to 10 MB each.</source>
        <translation>PDF-, Office- og OpenDocument-filer, bilder og CSV, høyst 10 MB per fil.</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>Legg ved fil…</translation>
    </message>
    <message>
        <source>Add link…</source>
        <translation>Legg til lenke…</translation>
    </message>
    <message>
        <source>Add case reference…</source>
        <translation>Legg til saksnummer…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åpne</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Attach file</source>
        <translation>Legg ved fil</translation>
    </message>
    <message>
        <source>Evidence (%1)</source>
        <translation>Underlag (%1)</translation>
    </message>
    <message>
        <source>File not attached</source>
        <translation>Filen ble ikke lagt ved</translation>
    </message>
    <message>
        <source>Remove evidence</source>
        <translation>Fjern underlag</translation>
    </message>
</context>
<context>
    <name>FieldNames</name>
    <message>
        <source>Measure %1</source>
        <translation>Tiltak %1</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(ingen tekst)</translation>
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
        <translation>Søk i titler, saksnumre, beskrivelser, begrunnelser, tiltak…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Søk</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle statuser</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Virksomhet eller enhet</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Alle enheter</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>Lov</translation>
    </message>
    <message>
        <source>All frameworks</source>
        <translation>Alle lover</translation>
    </message>
    <message>
        <source>Type of decision</source>
        <translation>Type vedtak</translation>
    </message>
    <message>
        <source>All types of decision</source>
        <translation>Alle typer vedtak</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>Grunnlag</translation>
    </message>
    <message>
        <source>Any ground</source>
        <translation>Alle grunnlag</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Virkning</translation>
    </message>
    <message>
        <source>Any impact</source>
        <translation>All virkning</translation>
    </message>
    <message>
        <source>&amp;Decision date from</source>
        <translation>Vedtaks&amp;dato fra</translation>
    </message>
    <message>
        <source>The planned decision date, or the day the assessment was created</source>
        <translation>Den planlagte vedtaksdatoen, eller dagen vurderingen ble opprettet</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fra dato</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Til dato</translation>
    </message>
    <message>
        <source>Has &amp;overdue measures</source>
        <translation>Har forsinkede t&amp;iltak</translation>
    </message>
    <message>
        <source>Due for &amp;evaluation</source>
        <translation>Skal &amp;evalueres</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>&amp;Tøm filtrene</translation>
    </message>
    <message>
        <source>Filter problem</source>
        <translation>Problem med filteret</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Søk:</translation>
    </message>
    <message>
        <source>The end date is before the start date; the list still shows the last valid filter.</source>
        <translation>Sluttdatoen er før startdatoen. Listen viser fortsatt det siste gyldige filteret.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Lika</source>
        <translation>Velkommen til Lika</translation>
    </message>
    <message>
        <source>Your name and role are recorded as the author of the assessments you create and beside your approvals. You can change them later in Settings.</source>
        <translation>Navnet og rollen din oppgis som saksbehandler i vurderingene du oppretter og ved godkjenningene dine. Du kan endre dem senere under Innstillinger.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ditt navn</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ditt &amp;navn:</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>Din rolle</translation>
    </message>
    <message>
        <source>For example: Investigator</source>
        <translation>For eksempel: Utreder</translation>
    </message>
    <message>
        <source>Your &amp;role:</source>
        <translation>Din &amp;rolle:</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <source>Which measures</source>
        <translation>Hvilke tiltak</translation>
    </message>
    <message>
        <source>Overdue and due within 30 days</source>
        <translation>Forsinket og med frist innen 30 dager</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Forsinket</translation>
    </message>
    <message>
        <source>Due within 30 days</source>
        <translation>Frist innen 30 dager</translation>
    </message>
    <message>
        <source>All open measures</source>
        <translation>Alle åpne tiltak</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Virksomhet eller enhet</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Alle enheter</translation>
    </message>
    <message>
        <source>Measures due and overdue</source>
        <translation>Tiltak med frist snart eller som er forsinket</translation>
    </message>
    <message>
        <source>Only those due for evaluation now</source>
        <translation>Bare de som skal evalueres nå</translation>
    </message>
    <message>
        <source>Decisions to evaluate</source>
        <translation>Vedtak som skal evalueres</translation>
    </message>
    <message>
        <source>&amp;Open assessment</source>
        <translation>&amp;Åpne vurdering</translation>
    </message>
    <message>
        <source>Re&amp;cord evaluation…</source>
        <translation>Registrer &amp;evaluering…</translation>
    </message>
    <message>
        <source>Decisions to follow up</source>
        <translation>Vedtak som skal følges opp</translation>
    </message>
    <message numerus="yes">
        <source>%n measure(s)</source>
        <translation>
            <numerusform>%n tiltak</numerusform>
            <numerusform>%n tiltak</numerusform>
        </translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Teller…</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s)</source>
        <translation>
            <numerusform>%n vedtak</numerusform>
            <numerusform>%n vedtak</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GapsPanel</name>
    <message>
        <source>What is left</source>
        <translation>Gjenstår</translation>
    </message>
    <message numerus="yes">
        <source>Nothing required is missing, but %n review comment(s) must be marked as addressed before the assessment can be submitted again.</source>
        <translation>
            <numerusform>Ingenting som kreves, mangler, men %n kommentar fra gjennomgangen må merkes som fulgt opp før vurderingen kan sendes til gjennomgang igjen.</numerusform>
            <numerusform>Ingenting som kreves, mangler, men %n kommentarer fra gjennomgangen må merkes som fulgt opp før vurderingen kan sendes til gjennomgang igjen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing required is missing: the assessment can be submitted for review.</source>
        <translation>Ingenting som kreves, mangler: vurderingen kan sendes til gjennomgang.</translation>
    </message>
    <message>
        <source>%1 of %2 checklist questions not answered</source>
        <translation>%1 av %2 spørsmål i sjekklisten er ubesvart</translation>
    </message>
    <message numerus="yes">
        <source>What is &amp;left (%n)</source>
        <translation>
            <numerusform>G&amp;jenstår (%n)</numerusform>
            <numerusform>G&amp;jenstår (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroundPage</name>
    <message>
        <source>Term in the law: %1</source>
        <translation>Lovens ord: %1</translation>
    </message>
    <message>
        <source>Impact in depth</source>
        <translation>Nærmere vurdering</translation>
    </message>
    <message>
        <source>Checklist questions</source>
        <translation>Sjekklistens spørsmål</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Velg…</translation>
    </message>
    <message>
        <source>Example: %1</source>
        <translation>Eksempel: %1</translation>
    </message>
    <message>
        <source>Examples: %1</source>
        <translation>Eksempler: %1</translation>
    </message>
</context>
<context>
    <name>GuidancePane</name>
    <message>
        <source>G&amp;uidance</source>
        <translation>V&amp;eiledning</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Veiledning</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>User guide</source>
        <translation>Brukerveiledning</translation>
    </message>
    <message>
        <source>Open the calendar in a date field</source>
        <translation>Åpne kalenderen i et datofelt</translation>
    </message>
    <message>
        <source>Empty a date field</source>
        <translation>Tøm et datofelt</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Hurtigtaster</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Taster</translation>
    </message>
    <message>
        <source>Equality impact assessments of draft decisions.</source>
        <translation>Vurderinger av likestilling og diskriminering i forslag til vedtak.</translation>
    </message>
    <message>
        <source>Third-party software and fonts</source>
        <translation>Programvare og skrifttyper fra andre</translation>
    </message>
    <message>
        <source>Licence: GNU General Public License, version 3 or later.</source>
        <translation>Lisens: GNU General Public License, versjon 3 eller senere.</translation>
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
        <translation>&amp;Hjelp</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Brukerveiledning</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Hurtigtaster</translation>
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
        <translation>Vurdering uten tittel</translation>
    </message>
    <message>
        <source>History – %1, revision %2</source>
        <translation>Historikk – %1, versjon %2</translation>
    </message>
    <message>
        <source>Whether the audit log is intact</source>
        <translation>Om hendelsesloggen er intakt</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historikk</translation>
    </message>
    <message>
        <source>The selected entry in full</source>
        <translation>Hele den valgte oppføringen</translation>
    </message>
    <message>
        <source>The selected &amp;entry in full:</source>
        <translation>Hele den valgte &amp;oppføringen:</translation>
    </message>
    <message>
        <source>Nothing has been recorded for this assessment yet.</source>
        <translation>Ingenting er loggført for denne vurderingen ennå.</translation>
    </message>
    <message>
        <source>Checking that the audit log is intact…</source>
        <translation>Kontrollerer at hendelsesloggen er intakt…</translation>
    </message>
    <message>
        <source>The audit log could not be checked: %1</source>
        <translation>Hendelsesloggen kunne ikke kontrolleres: %1</translation>
    </message>
    <message numerus="yes">
        <source>✓ The audit log is intact: all %n entries check out, none was changed or removed.</source>
        <translation>
            <numerusform>✓ Hendelsesloggen er intakt: den eneste oppføringen stemmer og er verken endret eller fjernet.</numerusform>
            <numerusform>✓ Hendelsesloggen er intakt: alle %n oppføringene stemmer, ingen er endret eller fjernet.</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ The audit log has been changed outside Lika: the history from entry %1 on cannot be trusted.</source>
        <translation>⚠ Hendelsesloggen er endret utenfor Lika: historikken fra og med oppføring %1 er ikke til å stole på.</translation>
    </message>
    <message>
        <source>The history cannot be shown</source>
        <translation>Historikken kan ikke vises</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Hendelse</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Hva som ble endret</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Opprettet</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Lagret</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Status endret</translation>
    </message>
    <message>
        <source>Comment added</source>
        <translation>Kommentar lagt til</translation>
    </message>
    <message>
        <source>Comment addressed</source>
        <translation>Kommentar fulgt opp</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importert</translation>
    </message>
    <message>
        <source>New revision</source>
        <translation>Ny versjon</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Slettet</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Sikkerhetskopi gjenopprettet</translation>
    </message>
    <message>
        <source>Approval record sealed</source>
        <translation>Godkjenningsposter forseglet</translation>
    </message>
    <message>
        <source>Protection put back</source>
        <translation>Beskyttelsen gjenopprettet</translation>
    </message>
</context>
<context>
    <name>KeptAnswers</name>
    <message>
        <source>No longer in the checklist</source>
        <translation>Finnes ikke lenger i sjekklisten</translation>
    </message>
    <message>
        <source>These answers were given to questions that the current version of the checklist no longer has. They are kept with the assessment and are not counted as missing.</source>
        <translation>Disse svarene ble gitt på spørsmål som ikke finnes i gjeldende versjon av sjekklisten. De beholdes sammen med vurderingen og regnes ikke som manglende.</translation>
    </message>
    <message>
        <source>Question %1 (its wording is not available)</source>
        <translation>Spørsmål %1 (ordlyden er ikke tilgjengelig)</translation>
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
        <translation>Vurderingen ble laget med en tidligere versjon av sjekklisten. Det som ble skrevet om grunnlag og spørsmål som ikke finnes i gjeldende versjon, beholdes her uendret. Det regnes ikke som manglende og kan ikke endres.</translation>
    </message>
</context>
<context>
    <name>LengthLimit</name>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 av %2 tegn</translation>
    </message>
    <message>
        <source>%1 of %2 lines</source>
        <translation>%1 av %2 linjer</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Signed in to the server as %1</source>
        <translation>Logget inn på serveren som %1</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Register</translation>
    </message>
    <message>
        <source>Follo&amp;w-up</source>
        <translation>&amp;Oppfølging</translation>
    </message>
    <message>
        <source>O&amp;verview</source>
        <translation>O&amp;versikt</translation>
    </message>
    <message>
        <source>&amp;New assessment</source>
        <translation>&amp;Ny vurdering</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Åpne</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Slett…</translation>
    </message>
    <message>
        <source>Record &amp;evaluation…</source>
        <translation>Registrer &amp;evaluering…</translation>
    </message>
    <message>
        <source>E&amp;xport view as CSV…</source>
        <translation>E&amp;ksporter visningen som CSV…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Oppdater</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avslutt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
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
        <translation>En sjekklistefil ble hoppet over</translation>
    </message>
    <message>
        <source>Register restored</source>
        <translation>Registeret gjenopprettet</translation>
    </message>
    <message>
        <source>The register was restored from a backup in another window or program. What is shown now is the restored register; the register as it was is kept in its backup folder.</source>
        <translation>Registeret ble gjenopprettet fra en sikkerhetskopi i et annet vindu eller program. Det som vises nå, er det gjenopprettede registeret; registeret slik det var, er tatt vare på i mappen for sikkerhetskopier.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1</source>
        <translation>
            <numerusform>%n rad lagret i %1</numerusform>
            <numerusform>%n rader lagret i %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not create an assessment</source>
        <translation>Vurderingen kunne ikke opprettes</translation>
    </message>
    <message>
        <source>Could not open the assessment</source>
        <translation>Vurderingen kunne ikke åpnes</translation>
    </message>
    <message>
        <source>Record evaluation</source>
        <translation>Registrer evaluering</translation>
    </message>
    <message>
        <source>Only an approved assessment can be evaluated: until then the decision has not been taken.</source>
        <translation>Bare en godkjent vurdering kan evalueres: før det er vedtaket ikke fattet.</translation>
    </message>
    <message>
        <source>Delete assessment</source>
        <translation>Slett vurdering</translation>
    </message>
    <message>
        <source>Delete “%1”? This cannot be undone.</source>
        <translation>Vil du slette «%1»? Dette kan ikke angres.</translation>
    </message>
    <message>
        <source>Untitled assessment</source>
        <translation>Vurdering uten tittel</translation>
    </message>
    <message>
        <source>Could not delete the assessment</source>
        <translation>Vurderingen kunne ikke slettes</translation>
    </message>
</context>
<context>
    <name>MeasuresPage</name>
    <message>
        <source>Measures</source>
        <translation>Tiltak</translation>
    </message>
    <message>
        <source>A&amp;dd measure</source>
        <translation>&amp;Legg til tiltak</translation>
    </message>
    <message>
        <source>&amp;Remove measure</source>
        <translation>&amp;Fjern tiltak</translation>
    </message>
</context>
<context>
    <name>MemoPage</name>
    <message>
        <source>Text for the decision memo</source>
        <translation>Tekst til saksframlegget</translation>
    </message>
    <message>
        <source>Paste this text into the decision memo, in its section on the consequences for equality. It is written from what you have filled in, in the language of the assessment, and changes as you edit. Where something is still missing, the text says so.</source>
        <translation>Lim inn teksten i saksframlegget, i avsnittet om konsekvenser for likestilling. Den skrives ut fra det du har fylt inn, på vurderingens språk, og endres når du endrer noe. Hvis noe fortsatt mangler, står det i teksten.</translation>
    </message>
    <message>
        <source>&amp;Copy the text</source>
        <translation>&amp;Kopier teksten</translation>
    </message>
    <message>
        <source>Export &amp;memo section…</source>
        <translation>Eksporter &amp;avsnittet til saksframlegget…</translation>
    </message>
    <message>
        <source>A Word document with the text, the impact table and the measures table</source>
        <translation>Et Word-dokument med teksten, tabellen over konsekvenser og tabellen over tiltak</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>Språk: %1</translation>
    </message>
    <message>
        <source>Copied. Paste it into the memo with Ctrl+V.</source>
        <translation>Kopiert. Lim den inn i saksframlegget med Ctrl+V.</translation>
    </message>
    <message>
        <source>Export memo section</source>
        <translation>Eksporter avsnittet til saksframlegget</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word-dokumenter (*.docx)</translation>
    </message>
    <message>
        <source>The memo section was not written</source>
        <translation>Avsnittet ble ikke skrevet</translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>Lagret i %1</translation>
    </message>
</context>
<context>
    <name>ModulesChooser</name>
    <message>
        <source>No optional modules are installed.</source>
        <translation>Ingen valgfrie moduler er installert.</translation>
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
        <translation>Moduler legger til perspektiver i vurderingen, hvert med egne spørsmål. Hvis du slår av en modul, beholdes det du har skrevet, og det kommer tilbake hvis du slår modulen på igjen.</translation>
    </message>
</context>
<context>
    <name>NavigationTree</name>
    <message>
        <source>Steps and grounds</source>
        <translation>Trinn og grunnlag</translation>
    </message>
    <message numerus="yes">
        <source>%n left</source>
        <translation>
            <numerusform>%n gjenstår</numerusform>
            <numerusform>%n gjenstår</numerusform>
        </translation>
    </message>
    <message>
        <source>not relevant</source>
        <translation>ikke relevant</translation>
    </message>
    <message numerus="yes">
        <source>%n open review comment(s)</source>
        <translation>
            <numerusform>%n åpen kommentar fra gjennomgangen</numerusform>
            <numerusform>%n åpne kommentarer fra gjennomgangen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <source>New assessment</source>
        <translation>Ny vurdering</translation>
    </message>
    <message>
        <source>Title of the decision</source>
        <translation>Sakens tittel</translation>
    </message>
    <message>
        <source>Can be filled in later</source>
        <translation>Kan fylles ut senere</translation>
    </message>
    <message>
        <source>&amp;Title of the decision:</source>
        <translation>&amp;Sakens tittel:</translation>
    </message>
    <message>
        <source>Law</source>
        <translation>Lov</translation>
    </message>
    <message>
        <source>&amp;Law to assess against:</source>
        <translation>&amp;Lov som vurderingen bygger på:</translation>
    </message>
    <message>
        <source>Language of the assessment</source>
        <translation>Vurderingens språk</translation>
    </message>
    <message>
        <source>Lan&amp;guage of the assessment:</source>
        <translation>Vurderingens s&amp;pråk:</translation>
    </message>
    <message>
        <source>The PDF and the text for the decision memo are written in this language.</source>
        <translation>PDF-filen og teksten til saksframlegget skrives på dette språket.</translation>
    </message>
    <message>
        <source>Type of decision</source>
        <translation>Type vedtak</translation>
    </message>
    <message>
        <source>Not chosen</source>
        <translation>Ikke valgt</translation>
    </message>
    <message>
        <source>T&amp;ype of decision:</source>
        <translation>T&amp;ype vedtak:</translation>
    </message>
    <message>
        <source>Adds questions for this kind of decision and suggests modules.</source>
        <translation>Legger til spørsmål for denne typen vedtak og foreslår moduler.</translation>
    </message>
    <message>
        <source>Optional modules</source>
        <translation>Valgfrie moduler</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Opprett</translation>
    </message>
</context>
<context>
    <name>OpeningPage</name>
    <message>
        <source>Opening the register…</source>
        <translation>Registeret åpnes…</translation>
    </message>
    <message>
        <source>Opening the register %1…</source>
        <translation>Registeret %1 åpnes…</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>I år</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>I fjor</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Siste 12 måneder</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Hele perioden</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>Valgte datoer</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fra dato</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Til dato</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Virksomhet eller enhet</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Alle enheter</translation>
    </message>
    <message>
        <source>&amp;Update</source>
        <translation>Oppdat&amp;er</translation>
    </message>
    <message>
        <source>Overview problem</source>
        <translation>Problem med oversikten</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammendrag</translation>
    </message>
    <message>
        <source>Assessments per status</source>
        <translation>Vurderinger per status</translation>
    </message>
    <message>
        <source>Assessments per status, as numbers</source>
        <translation>Vurderinger per status, i tall</translation>
    </message>
    <message>
        <source>Grounds found relevant, by impact</source>
        <translation>Grunnlag vurdert som relevante, etter virkning</translation>
    </message>
    <message>
        <source>Grounds by impact, as numbers</source>
        <translation>Grunnlag etter virkning, i tall</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Teller…</translation>
    </message>
    <message>
        <source>The overview could not be computed</source>
        <translation>Oversikten kunne ikke beregnes</translation>
    </message>
    <message>
        <source>Assessments count in the period of their planned decision date (or of the day they were created, if they have none).</source>
        <translation>Vurderinger telles i perioden for den planlagte vedtaksdatoen (eller dagen de ble opprettet, om de ikke har en).</translation>
    </message>
</context>
<context>
    <name>PaneActions</name>
    <message>
        <source>Show &amp;guidance</source>
        <translation>Vis &amp;veiledning</translation>
    </message>
    <message>
        <source>Move the divider to the right</source>
        <translation>Flytt skillelinjen til høyre</translation>
    </message>
    <message>
        <source>Move the divider to the left</source>
        <translation>Flytt skillelinjen til venstre</translation>
    </message>
</context>
<context>
    <name>RegisterRevisionActions</name>
    <message>
        <source>Re&amp;visions…</source>
        <translation>&amp;Versjoner…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historikk…</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <source>Assessments</source>
        <translation>Vurderinger</translation>
    </message>
    <message>
        <source>Number of assessments</source>
        <translation>Antall vurderinger</translation>
    </message>
    <message>
        <source>No assessments match the search and filters.</source>
        <translation>Ingen vurderinger passer med søket og filtrene.</translation>
    </message>
    <message>
        <source>Go to the &amp;list</source>
        <translation>Gå til &amp;listen</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Søker…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Teller…</translation>
    </message>
    <message numerus="yes">
        <source>%n assessment(s)</source>
        <translation>
            <numerusform>%n vurdering</numerusform>
            <numerusform>%n vurderinger</numerusform>
        </translation>
    </message>
    <message>
        <source>No assessments yet: start one with New assessment.</source>
        <translation>Ingen vurderinger ennå: begynn med Ny vurdering.</translation>
    </message>
    <message>
        <source>The register could not be read</source>
        <translation>Registeret kunne ikke leses</translation>
    </message>
    <message>
        <source>Export view as CSV</source>
        <translation>Eksporter visningen som CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Eksporterer…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>The export failed</source>
        <translation>Eksporten mislyktes</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Portfolio report</source>
        <translation>Porteføljerapport</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Department or unit</source>
        <translation>Virksomhet eller enhet</translation>
    </message>
    <message>
        <source>All departments and units</source>
        <translation>Alle virksomheter og enheter</translation>
    </message>
    <message>
        <source>Language of the report</source>
        <translation>Rapportens språk</translation>
    </message>
    <message>
        <source>&amp;PDF, to read and print</source>
        <translation>&amp;PDF, for å lese og skrive ut</translation>
    </message>
    <message>
        <source>&amp;CSV, one row per assessment and ground</source>
        <translation>&amp;CSV, én rad per vurdering og diskrimineringsgrunnlag</translation>
    </message>
    <message>
        <source>&amp;Open the report when it is written</source>
        <translation>&amp;Åpne rapporten når den er ferdig</translation>
    </message>
    <message>
        <source>&amp;Period (decision date) from:</source>
        <translation>&amp;Periode (vedtaksdato) fra:</translation>
    </message>
    <message>
        <source>Period &amp;to:</source>
        <translation>Periode &amp;til:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Enhet:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>S&amp;pråk:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>&amp;Create report…</source>
        <translation>&amp;Lag rapport…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokumenter (*.pdf)</translation>
    </message>
    <message>
        <source>Save the portfolio report</source>
        <translation>Lagre porteføljerapporten</translation>
    </message>
    <message>
        <source>Writing the portfolio report…</source>
        <translation>Skriver porteføljerapporten…</translation>
    </message>
</context>
<context>
    <name>ReportMenu</name>
    <message>
        <source>&amp;Portfolio report…</source>
        <translation>&amp;Porteføljerapport…</translation>
    </message>
    <message>
        <source>Counts, impacts per ground and overdue measures for a period, as PDF or CSV</source>
        <translation>Antall, virkning per diskrimineringsgrunnlag og forsinkede tiltak for en periode, som PDF eller CSV</translation>
    </message>
    <message>
        <source>Repor&amp;ts</source>
        <translation>R&amp;apporter</translation>
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
        <translation>Rapporten ble ikke skrevet</translation>
    </message>
    <message>
        <source>Report written</source>
        <translation>Rapporten er ferdig</translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>Lagret i %1</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Åpne</translation>
    </message>
    <message>
        <source>Could not open the file</source>
        <translation>Filen kunne ikke åpnes</translation>
    </message>
    <message>
        <source>No program is set up to open %1.</source>
        <translation>Ingen program er satt opp til å åpne %1.</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>&amp;Comment…</source>
        <translation>&amp;Kommenter…</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Godkjenn…</translation>
    </message>
    <message>
        <source>&amp;Return with comments…</source>
        <translation>&amp;Send tilbake med kommentarer…</translation>
    </message>
    <message>
        <source>Start a &amp;new revision…</source>
        <translation>Start en &amp;ny versjon…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Eksporter &amp;PDF…</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Lukk</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Gjennomgang</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Gjennomgang</translation>
    </message>
    <message>
        <source>Comment not added</source>
        <translation>Kommentaren ble ikke lagt til</translation>
    </message>
    <message>
        <source>Comment added.</source>
        <translation>Kommentaren er lagt til.</translation>
    </message>
    <message>
        <source>Approve the assessment? It is then locked: changing it needs a new revision.</source>
        <translation>Vil du godkjenne vurderingen? Den blir da låst: for å endre den må du starte en ny versjon.</translation>
    </message>
    <message>
        <source>You wrote or submitted it: the approval will be shown as self-approved.</source>
        <translation>Du har selv skrevet eller sendt inn vurderingen: godkjenningen blir vist som egengodkjent.</translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) not yet addressed.</source>
        <translation>
            <numerusform>%n kommentar er ikke fulgt opp ennå.</numerusform>
            <numerusform>%n kommentarer er ikke fulgt opp ennå.</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Godkjenn</translation>
    </message>
    <message>
        <source>Approval &amp;comment (optional):</source>
        <translation>&amp;Kommentar til godkjenningen (valgfritt):</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Godkjenn</translation>
    </message>
    <message numerus="yes">
        <source>%n required item(s) missing: return it to the caseworker with comments.</source>
        <translation>
            <numerusform>%n påkrevd opplysning mangler: send vurderingen tilbake til saksbehandleren med kommentarer.</numerusform>
            <numerusform>%n påkrevde opplysninger mangler: send vurderingen tilbake til saksbehandleren med kommentarer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>Ikke godkjent</translation>
    </message>
    <message>
        <source>Approved. The assessment is now locked.</source>
        <translation>Godkjent. Vurderingen er nå låst.</translation>
    </message>
    <message>
        <source>Approval not signed</source>
        <translation>Godkjenningen er ikke signert</translation>
    </message>
    <message>
        <source>The approval stands in this register, but it could not be signed: a copy in an exchange file will arrive unverified.</source>
        <translation>Godkjenningen gjelder i dette registeret, men den kunne ikke signeres: i en kopi i en utvekslingsfil kommer godkjenningen fram som ikke verifisert.</translation>
    </message>
    <message numerus="yes">
        <source>Return the assessment to the caseworker? Your %n open comment(s) go with it; you can add an overall comment.</source>
        <translation>
            <numerusform>Vil du sende vurderingen tilbake til saksbehandleren? Den åpne kommentaren din følger med, og du kan legge til en overordnet kommentar.</numerusform>
            <numerusform>Vil du sende vurderingen tilbake til saksbehandleren? De %n åpne kommentarene dine følger med, og du kan legge til en overordnet kommentar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Return with comments</source>
        <translation>Send tilbake med kommentarer</translation>
    </message>
    <message>
        <source>&amp;Overall comment (optional):</source>
        <translation>&amp;Overordnet kommentar (valgfritt):</translation>
    </message>
    <message>
        <source>&amp;Return</source>
        <translation>&amp;Send tilbake</translation>
    </message>
    <message>
        <source>Not returned</source>
        <translation>Ikke sendt tilbake</translation>
    </message>
    <message>
        <source>Returned to the caseworker.</source>
        <translation>Sendt tilbake til saksbehandleren.</translation>
    </message>
    <message>
        <source>New revision</source>
        <translation>Ny versjon</translation>
    </message>
    <message>
        <source>Start revision %1 as a draft? This approved revision stays as it is and can still be read.</source>
        <translation>Vil du starte versjon %1 som et utkast? Denne godkjente versjonen forblir som den er og kan fortsatt leses.</translation>
    </message>
    <message>
        <source>&amp;Start revision</source>
        <translation>&amp;Start ny versjon</translation>
    </message>
    <message>
        <source>No new revision</source>
        <translation>Ingen ny versjon</translation>
    </message>
    <message>
        <source>Revision %1 started as a draft.</source>
        <translation>Versjon %1 er startet som et utkast.</translation>
    </message>
</context>
<context>
    <name>ReviewHtml</name>
    <message>
        <source>Comment…</source>
        <translation>Kommenter…</translation>
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
        <translation>Om denne vurderingen</translation>
    </message>
    <message>
        <source>The assessment</source>
        <translation>Vurderingen</translation>
    </message>
    <message>
        <source>Review comments</source>
        <translation>Kommentarer fra gjennomgangen</translation>
    </message>
    <message numerus="yes">
        <source>Review &amp;comments (%n)</source>
        <translation>
            <numerusform>&amp;Kommentarer fra gjennomgangen (%n)</numerusform>
            <numerusform>&amp;Kommentarer fra gjennomgangen (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>You are working as %1.</source>
        <translation>Du arbeider under navnet %1.</translation>
    </message>
    <message>
        <source>Untitled assessment</source>
        <translation>Vurdering uten tittel</translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>Gjennomgang: %1</translation>
    </message>
    <message>
        <source>In review: read the assessment, comment on its steps, grounds and measures (the Comment… links), then approve it or return it with your comments.</source>
        <translation>Til gjennomgang: les vurderingen og kommenter trinnene, grunnlagene og tiltakene (lenkene Kommenter…). Godkjenn den deretter eller send den tilbake med kommentarene dine.</translation>
    </message>
    <message>
        <source>Approved by %1, %2. The assessment is locked; to change it, start a new revision.</source>
        <translation>Godkjent av %1, %2. Vurderingen er låst; start en ny versjon hvis du vil endre den.</translation>
    </message>
    <message>
        <source>Self-approved: the approver also wrote or submitted it.</source>
        <translation>Egengodkjent: den som godkjente, har også skrevet eller sendt inn vurderingen.</translation>
    </message>
    <message>
        <source>Approved. The assessment is locked; to change it, start a new revision.</source>
        <translation>Godkjent. Vurderingen er låst; start en ny versjon hvis du vil endre den.</translation>
    </message>
    <message>
        <source>Returned to the caseworker with the comments below.</source>
        <translation>Sendt tilbake til saksbehandleren med kommentarene nedenfor.</translation>
    </message>
    <message>
        <source>Revision %1: a newer revision of this assessment exists.</source>
        <translation>Versjon %1: det finnes en nyere versjon av vurderingen.</translation>
    </message>
</context>
<context>
    <name>RevisionActions</name>
    <message>
        <source>Fingerprint</source>
        <translation>Fingeravtrykk</translation>
    </message>
    <message>
        <source>A short code computed from what the assessment says. The same code is printed on every page of its PDF, so a printout can be checked against the register; it changes whenever the content changes.</source>
        <translation>En kort kode som regnes ut fra innholdet i vurderingen. Den samme koden står på hver side i PDF-filen, slik at en utskrift kan sammenlignes med registeret. Koden endres hver gang innholdet endres.</translation>
    </message>
    <message>
        <source>Re&amp;visions…</source>
        <translation>&amp;Versjoner…</translation>
    </message>
    <message>
        <source>Compare &amp;with previous revision</source>
        <translation>Sammenlign med &amp;forrige versjon</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historikk…</translation>
    </message>
    <message>
        <source>Re&amp;visions</source>
        <translation>&amp;Versjoner</translation>
    </message>
    <message>
        <source>Revision %1 of %2</source>
        <translation>Versjon %1 av %2</translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation>Versjon %1</translation>
    </message>
    <message>
        <source>%1 · Fingerprint %2</source>
        <translation>%1 · Fingeravtrykk %2</translation>
    </message>
    <message>
        <source>The revisions cannot be compared</source>
        <translation>Versjonene kan ikke sammenlignes</translation>
    </message>
    <message>
        <source>Compare with previous revision</source>
        <translation>Sammenlign med forrige versjon</translation>
    </message>
    <message>
        <source>The revision before this one is not in the register.</source>
        <translation>Versjonen før denne finnes ikke i registeret.</translation>
    </message>
</context>
<context>
    <name>RevisionsDialog</name>
    <message>
        <source>Untitled assessment</source>
        <translation>Vurdering uten tittel</translation>
    </message>
    <message>
        <source>Revisions – %1</source>
        <translation>Versjoner – %1</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Versjoner</translation>
    </message>
    <message>
        <source>Earlier revisions open read-only. Select two revisions to compare them, or one to compare it with the revision before it.</source>
        <translation>Tidligere versjoner åpnes slik at de bare kan leses. Velg to versjoner for å sammenligne dem, eller én for å sammenligne den med versjonen før.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Åpne</translation>
    </message>
    <message>
        <source>Co&amp;mpare</source>
        <translation>&amp;Sammenlign</translation>
    </message>
    <message>
        <source>The revisions cannot be shown</source>
        <translation>Versjonene kan ikke vises</translation>
    </message>
</context>
<context>
    <name>RevisionsModel</name>
    <message>
        <source>Revision</source>
        <translation>Versjon</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Endret</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Godkjent av</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>Godkjenningsdato</translation>
    </message>
    <message>
        <source>Approved fingerprint</source>
        <translation>Godkjent fingeravtrykk</translation>
    </message>
    <message>
        <source>Self-approved</source>
        <translation>Egengodkjent</translation>
    </message>
    <message>
        <source>The fingerprint of the content that was approved. It is printed on every page of the PDF of this revision.</source>
        <translation>Fingeravtrykket for innholdet som ble godkjent. Det står på hver side i PDF-filen for denne versjonen.</translation>
    </message>
    <message>
        <source>Approved by the same person who wrote the assessment.</source>
        <translation>Godkjent av den samme personen som skrev vurderingen.</translation>
    </message>
    <message>
        <source>%1 (older, 48-bit form)</source>
        <translation>%1 (eldre form, 48 biter)</translation>
    </message>
    <message>
        <source>Yes, by the author</source>
        <translation>Ja, av saksbehandleren</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nei</translation>
    </message>
</context>
<context>
    <name>SaveFeedback</name>
    <message>
        <source>Not saved yet: %1 Lika tries again in a moment.</source>
        <translation>Ikke lagret ennå: %1 Lika prøver igjen om litt.</translation>
    </message>
    <message>
        <source>Not saved yet: the server cannot be reached. Your changes are kept in this window, and Lika saves them as soon as the server is back. (%1)</source>
        <translation>Ikke lagret ennå: serveren kan ikke nås. Endringene dine er beholdt i dette vinduet, og Lika lagrer dem så snart serveren er tilbake. (%1)</translation>
    </message>
    <message>
        <source>Changed elsewhere: this window shows the version saved there.</source>
        <translation>Endret et annet sted: vinduet viser nå versjonen som ble lagret der.</translation>
    </message>
    <message>
        <source>Not saved: deleted elsewhere</source>
        <translation>Ikke lagret: slettet et annet sted</translation>
    </message>
    <message>
        <source>Deleted elsewhere</source>
        <translation>Slettet et annet sted</translation>
    </message>
    <message>
        <source>This assessment was deleted in another window or on another computer. Your text is still here: copy what you need before you close this window.</source>
        <translation>Vurderingen er slettet i et annet vindu eller på en annen datamaskin. Teksten din er fortsatt her: kopier det du trenger før du lukker vinduet.</translation>
    </message>
    <message>
        <source>Changes not saved</source>
        <translation>Endringene ble ikke lagret</translation>
    </message>
    <message>
        <source>Not saved: changed elsewhere</source>
        <translation>Ikke lagret: endret et annet sted</translation>
    </message>
</context>
<context>
    <name>ScreeningPage</name>
    <message>
        <source>Decide for each ground whether the decision may affect people differently, and say why in a line. Then assess the relevant grounds in depth on their own pages.</source>
        <translation>Ta stilling for hvert grunnlag til om vedtaket kan påvirke mennesker ulikt, og skriv hvorfor på én linje. Vurder deretter de relevante grunnlagene nærmere på deres egne sider.</translation>
    </message>
    <message>
        <source>Suggestions from the decision text are unavailable: %1</source>
        <translation>Forslag ut fra vedtaksteksten kan ikke vises: %1</translation>
    </message>
    <message>
        <source>Assess in depth</source>
        <translation>Vurder nærmere</translation>
    </message>
    <message>
        <source>Assess in depth: %1</source>
        <translation>Vurder nærmere: %1</translation>
    </message>
    <message>
        <source>Why? One line is enough here.</source>
        <translation>Hvorfor? Én linje er nok her.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Begrunnelse: %1</translation>
    </message>
</context>
<context>
    <name>ServerBackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>Sikkerhetskopier</translation>
    </message>
    <message>
        <source>The register %1 is on a database server. IT backs the server up with PostgreSQL&apos;s own tools (pg_dump or continuous archiving) and restores it when needed; Lika makes no backups of its own here.

You can save a copy of the whole register as a register file, to hand on or to archive.</source>
        <translation>Registeret %1 ligger på en databaseserver. IT sikkerhetskopierer serveren med PostgreSQLs egne verktøy (pg_dump eller kontinuerlig arkivering) og gjenoppretter den ved behov; Lika tar ingen egne sikkerhetskopier her.

Du kan lagre en kopi av hele registeret som en registerfil, for å gi videre eller arkivere.</translation>
    </message>
    <message>
        <source>&amp;Save a copy as a register file…</source>
        <translation>&amp;Lagre en kopi som registerfil…</translation>
    </message>
    <message>
        <source>Save a copy as a register file</source>
        <translation>Lagre en kopi som registerfil</translation>
    </message>
    <message>
        <source>Lika registers (*.db)</source>
        <translation>Lika-registre (*.db)</translation>
    </message>
    <message>
        <source>Copy saved</source>
        <translation>Kopien er lagret</translation>
    </message>
    <message>
        <source>A copy of the register was saved as %1.</source>
        <translation>En kopi av registeret ble lagret som %1.</translation>
    </message>
    <message>
        <source>No copy was saved</source>
        <translation>Ingen kopi ble lagret</translation>
    </message>
</context>
<context>
    <name>ServerWindow</name>
    <message>
        <source>The server register cannot be reached. Check the network connection, or ask IT whether the database server is running and the address is right.</source>
        <translation>Serverregisteret kan ikke nås. Kontroller nettverkstilkoblingen, eller spør IT om databaseserveren kjører og adressen er riktig.</translation>
    </message>
    <message>
        <source>The server register has been upgraded for a newer version of Lika. Ask IT to update Lika on this computer; nothing was read or changed.</source>
        <translation>Serverregisteret er oppgradert for en nyere versjon av Lika. Be IT oppdatere Lika på denne datamaskinen; ingenting er lest eller endret.</translation>
    </message>
    <message>
        <source>The server register could not be opened. Show IT the details below.</source>
        <translation>Serverregisteret kunne ikke åpnes. Vis IT opplysningene nedenfor.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Navnet ditt</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>&amp;Navnet ditt:</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>Din rolle</translation>
    </message>
    <message>
        <source>For example: Investigator</source>
        <translation>For eksempel: Utreder</translation>
    </message>
    <message>
        <source>Your &amp;role:</source>
        <translation>Din &amp;rolle:</translation>
    </message>
    <message>
        <source>Recorded as the author of new assessments and in the review history. Leave it empty to use your computer account name.</source>
        <translation>Føres opp som saksbehandler for nye vurderinger og i historikken for gjennomgang. La feltet stå tomt for å bruke navnet på datakontoen din.</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>Språk i vinduet</translation>
    </message>
    <message>
        <source>Follow the computer (%1)</source>
        <translation>Samme som datamaskinen (%1)</translation>
    </message>
    <message>
        <source>&amp;Language of the window:</source>
        <translation>&amp;Språk i vinduet:</translation>
    </message>
    <message>
        <source>Folder with the organisation&apos;s own checklists</source>
        <translation>Mappe med organisasjonens egne sjekklister</translation>
    </message>
    <message>
        <source>None: only the built-in checklists</source>
        <translation>Ingen: bare de innebygde sjekklistene</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bla gjennom…</translation>
    </message>
    <message>
        <source>Cl&amp;ear</source>
        <translation>&amp;Tøm</translation>
    </message>
    <message>
        <source>Clear the checklist folder</source>
        <translation>Fjern mappen for sjekklister</translation>
    </message>
    <message>
        <source>Own &amp;checklists:</source>
        <translation>&amp;Egne sjekklister:</translation>
    </message>
    <message>
        <source>What was found in the checklist folder</source>
        <translation>Hva som ble funnet i mappen</translation>
    </message>
    <message>
        <source>Folder with own checklists</source>
        <translation>Mappe med egne sjekklister</translation>
    </message>
    <message>
        <source>Only the built-in checklists are used.</source>
        <translation>Bare de innebygde sjekklistene brukes.</translation>
    </message>
    <message>
        <source>This folder does not exist.</source>
        <translation>Mappen finnes ikke.</translation>
    </message>
    <message numerus="yes">
        <source>%n checklist file(s) can be used:</source>
        <translation>
            <numerusform>%n sjekklistefil kan brukes:</numerusform>
            <numerusform>%n sjekklistefiler kan brukes:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) will be skipped:</source>
        <translation>
            <numerusform>%n fil hoppes over:</numerusform>
            <numerusform>%n filer hoppes over:</numerusform>
        </translation>
    </message>
    <message>
        <source>Lika will use the new language the next time it starts.</source>
        <translation>Lika bruker det nye språket neste gang programmet starter.</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Innstillinger…</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The folder of the register %1 does not exist.</source>
        <translation>Mappen for registeret %1 finnes ikke.</translation>
    </message>
    <message>
        <source>%1 is not a Lika database.</source>
        <translation>%1 er ikke en database fra Lika.</translation>
    </message>
    <message>
        <source>%1 is a database of another program, not a Lika database.</source>
        <translation>%1 er en database fra et annet program, ikke fra Lika.</translation>
    </message>
    <message>
        <source>The register %1 is damaged.</source>
        <translation>Registeret %1 er skadet.</translation>
    </message>
    <message>
        <source>The register %1 is damaged or emptied.</source>
        <translation>Registeret %1 er skadet eller tømt.</translation>
    </message>
    <message>
        <source>The register %1 was written by a newer version of Lika.</source>
        <translation>Registeret %1 er skrevet av en nyere versjon av Lika.</translation>
    </message>
    <message>
        <source>The register %1 cannot be written: the file or its folder is read-only.</source>
        <translation>Det går ikke an å skrive til registeret %1: filen eller mappen er skrivebeskyttet.</translation>
    </message>
    <message>
        <source>The disk holding the register %1 is almost full.</source>
        <translation>Disken der registeret %1 ligger, er nesten full.</translation>
    </message>
    <message>
        <source>The register %1 cannot be read.</source>
        <translation>Det går ikke an å lese registeret %1.</translation>
    </message>
    <message>
        <source>If the register is on a network drive or a USB stick, check that it is connected. Lika can also create the folder and start a new, empty register there.</source>
        <translation>Hvis registeret ligger på en nettverksstasjon eller en minnepinne, kontroller at den er koblet til. Lika kan også opprette mappen og starte et nytt, tomt register der.</translation>
    </message>
    <message>
        <source>This is some other kind of file. Start Lika with the right file, or move this one away.</source>
        <translation>Dette er en annen type fil. Start Lika med riktig fil, eller flytt denne filen.</translation>
    </message>
    <message>
        <source>This database belongs to another program. Lika will not change it. Start Lika with the right file.</source>
        <translation>Databasen hører til et annet program. Lika endrer den ikke. Start Lika med riktig fil.</translation>
    </message>
    <message>
        <source>The file may have been damaged by a disk fault, a full disk or an interrupted copy. Lika will not write to it.</source>
        <translation>Filen kan ha blitt skadet av en diskfeil, en full disk eller en avbrutt kopiering. Lika skriver ikke til den.</translation>
    </message>
    <message>
        <source>The file is empty, but the register has backups: it was emptied or damaged, for example by a full disk or an interrupted copy. Lika will not use it as a new register.</source>
        <translation>Filen er tom, men registeret har sikkerhetskopier: den er tømt eller skadet, for eksempel av en full disk eller en avbrutt kopiering. Lika bruker den ikke som et nytt register.</translation>
    </message>
    <message>
        <source>Update Lika to open it. This version leaves the file untouched, so nothing is lost.</source>
        <translation>Oppdater Lika for å åpne den. Denne versjonen lar filen være urørt, så ingenting går tapt.</translation>
    </message>
    <message>
        <source>Lika saves every change as you type, so it must be able to write to the file and its folder. Ask IT for write access, or copy the file to a folder of your own.</source>
        <translation>Lika lagrer hver endring mens du skriver, og må derfor kunne skrive til filen og mappen den ligger i. Be IT-avdelingen om skrivetilgang, eller kopier filen til en egen mappe.</translation>
    </message>
    <message>
        <source>Lika may not be able to save your work. Free some space before you continue.</source>
        <translation>Lika kan kanskje ikke lagre arbeidet ditt. Frigjør plass før du fortsetter.</translation>
    </message>
    <message>
        <source>Check that the file is yours and not open in another program.</source>
        <translation>Kontroller at filen er din og ikke er åpen i et annet program.</translation>
    </message>
    <message>
        <source>The backup from %1 was restored. The file it replaced is kept as %2.</source>
        <translation>Sikkerhetskopien fra %1 er gjenopprettet. Filen som ble erstattet, er beholdt som %2.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Detaljer: %1</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Fortsett</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avslutt</translation>
    </message>
    <message>
        <source>&amp;Create the folder</source>
        <translation>&amp;Opprett mappen</translation>
    </message>
    <message>
        <source>The newest good backup is from %1. Restore it? The file that is there now is kept in %2, so nothing is deleted.</source>
        <translation>Den nyeste feilfrie sikkerhetskopien er fra %1. Vil du gjenopprette den? Filen som ligger der nå, beholdes i %2, så ingenting slettes.</translation>
    </message>
    <message>
        <source>&amp;Restore the backup</source>
        <translation>&amp;Gjenopprett sikkerhetskopien</translation>
    </message>
    <message>
        <source>Lika could not start: %1</source>
        <translation>Lika kunne ikke starte: %1</translation>
    </message>
</context>
<context>
    <name>StatisticsSection</name>
    <message>
        <source>No statistics yet.</source>
        <translation>Ingen statistikk ennå.</translation>
    </message>
    <message>
        <source>Add statistics table</source>
        <translation>Legg til statistikktabell</translation>
    </message>
    <message>
        <source>Change statistics</source>
        <translation>Endre statistikk</translation>
    </message>
    <message>
        <source>Remove statistics table</source>
        <translation>Fjern statistikktabell</translation>
    </message>
</context>
<context>
    <name>StatisticsTableEditor</name>
    <message>
        <source>Remove table</source>
        <translation>Fjern tabellen</translation>
    </message>
</context>
<context>
    <name>SuggestionLabel</name>
    <message>
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <source>Suggested as relevant: the decision text mentions %1.</source>
        <translation>Forslag: kan være relevant, fordi vedtaksteksten nevner %1.</translation>
    </message>
</context>
<context>
    <name>SummaryExport</name>
    <message>
        <source>Export PDF</source>
        <translation>Eksporter PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokumenter (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF was not written</source>
        <translation>PDF-filen ble ikke skrevet</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Skriver PDF-filen…</translation>
    </message>
    <message>
        <source>PDF written to %1</source>
        <translation>PDF-filen lagret i %1</translation>
    </message>
</context>
<context>
    <name>TargetNames</name>
    <message>
        <source>A measure that was removed</source>
        <translation>Et tiltak som er fjernet</translation>
    </message>
    <message>
        <source>Addressed</source>
        <translation>Fulgt opp</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åpen</translation>
    </message>
    <message>
        <source>%1 wrote, %2</source>
        <translation>%1 skrev, %2</translation>
    </message>
    <message>
        <source>Addressed by %1, %2</source>
        <translation>Fulgt opp av %1, %2</translation>
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
        <translation>Egengodkjent:</translation>
    </message>
    <message>
        <source>the approver also wrote or submitted the assessment.</source>
        <translation>den som godkjente, har også skrevet eller sendt inn vurderingen.</translation>
    </message>
    <message>
        <source>Approval comment:</source>
        <translation>Kommentar til godkjenningen:</translation>
    </message>
    <message>
        <source>Fingerprint of this content: %1</source>
        <translation>Fingeravtrykk for dette innholdet: %1</translation>
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
            <numerusform>%n ikke fulgt opp ennå</numerusform>
            <numerusform>%n ikke fulgt opp ennå</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n required item(s) missing</source>
        <translation>
            <numerusform>%n påkrevd opplysning mangler</numerusform>
            <numerusform>%n påkrevde opplysninger mangler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n statistics table(s) do not add up or are incomplete</source>
        <translation>
            <numerusform>%n statistikktabell stemmer ikke eller er ufullstendig</numerusform>
            <numerusform>%n statistikktabeller stemmer ikke eller er ufullstendige</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 checklist questions not answered</source>
        <translation>%1 av %2 spørsmål i sjekklisten er ubesvart</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <source>Add measure</source>
        <translation>Legg til tiltak</translation>
    </message>
    <message>
        <source>Remove measure</source>
        <translation>Fjern tiltak</translation>
    </message>
    <message>
        <source>Change modules</source>
        <translation>Endre moduler</translation>
    </message>
</context>
</TS>

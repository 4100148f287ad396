<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n problem(s) found:</source>
        <translation>
            <numerusform>%n problem found:</numerusform>
            <numerusform>%n problems found:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import without the %n row(s) with problems</source>
        <translation>
            <numerusform>Import without the %n row with problems</numerusform>
            <numerusform>Import without the %n rows with problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message numerus="yes">
        <source>Showing %n participant(s) of {total}</source>
        <translation>
            <numerusform>Showing %n participant of {total}</numerusform>
            <numerusform>Showing %n participants of {total}</numerusform>
        </translation>
    </message>
</context>
</TS>

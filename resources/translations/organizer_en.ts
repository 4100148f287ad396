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
<context>
    <name>ScheduleEffectText</name>
    <message numerus="yes">
        <source>{shift} for %n</source>
        <translation>
            <numerusform>{shift} for %n person</numerusform>
            <numerusform>{shift} for %n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The attendance percentage of %n participant(s) will change: {detail}.</source>
        <translation>
            <numerusform>The attendance percentage of %n participant will change: {detail}.</numerusform>
            <numerusform>The attendance percentage of %n participants will change: {detail}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) will qualify for the certificate.</source>
        <translation>
            <numerusform>%n person will qualify for the certificate.</numerusform>
            <numerusform>%n people will qualify for the certificate.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) will no longer qualify for the certificate.</source>
        <translation>
            <numerusform>%n person will no longer qualify for the certificate.</numerusform>
            <numerusform>%n people will no longer qualify for the certificate.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n mark(s) already given for this session are kept, but they stop counting.</source>
        <translation>
            <numerusform>The %n mark already given for this session is kept, but it stops counting.</numerusform>
            <numerusform>The %n marks already given for this session are kept, but they stop counting.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n mark(s) given for this session count again.</source>
        <translation>
            <numerusform>The %n mark given for this session counts again.</numerusform>
            <numerusform>The %n marks given for this session count again.</numerusform>
        </translation>
    </message>
</context>
</TS>

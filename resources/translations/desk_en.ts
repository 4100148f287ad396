<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>MissingDialog</name>
    <message numerus="yes">
        <source>%n person(s) not checked in today</source>
        <translation>
            <numerusform>%n person not checked in today</numerusform>
            <numerusform>%n people not checked in today</numerusform>
        </translation>
    </message>
</context>
</TS>

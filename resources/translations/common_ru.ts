<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
<context>
    <name>PassphraseSession</name>
    <message>
        <source>Signing key</source>
        <translation>Ключ подписи</translation>
    </message>
    <message>
        <source>Passphrase of the badge signing key:</source>
        <translation>Парольная фраза ключа подписи бейджей:</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again:</source>
        <translation>Неверная парольная фраза. Попробуйте ещё раз:</translation>
    </message>
</context>
<context>
    <name>Streams</name>
    <message>
        <source>Stream {number}</source>
        <translation>Поток {number}</translation>
    </message>
    <message>
        <source>Stream {number} — {title}</source>
        <translation>Поток {number} — {title}</translation>
    </message>
</context>
</TS>

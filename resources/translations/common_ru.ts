<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
<context>
    <name>ClockBanner</name>
    <message>
        <source>{count} days</source>
        <translation>{count} сут.</translation>
    </message>
    <message>
        <source>{count} h</source>
        <translation>{count} ч</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is ahead: it shows {now}, {span} after the last checked time ({then}). Check the date and time. Until then new records keep the checked time.</source>
        <translation>Часы этого компьютера спешат: они показывают {now}, на {span} позже последнего проверенного времени ({then}). Проверьте дату и время. Пока часы не исправлены, новые записи получают проверенное время.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock was set back: it shows {now}, {span} before a time already checked ({then}). Check the date and time.</source>
        <translation>Часы этого компьютера переведены назад: они показывают {now}, на {span} раньше уже проверенного времени ({then}). Проверьте дату и время.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock was changed while the program ran ({span}): check the date and time.</source>
        <translation>Часы этого компьютера переведены во время работы программы (на {span}): проверьте дату и время.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is wrong: check the date and time</source>
        <translation>Часы этого компьютера неверны: проверьте дату и время</translation>
    </message>
    <message>
        <source>The time is right</source>
        <translation>Время верное</translation>
    </message>
    <message>
        <source>Look at the date and time in the corner of the screen. Are they right now? New records will take this computer&apos;s time again.</source>
        <translation>Посмотрите на дату и время в углу экрана. Они сейчас верные? Новые записи снова будут получать время этого компьютера.</translation>
    </message>
</context>
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

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>День:</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Под угрозой</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Поток</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Посещ.</translation>
    </message>
    <message>
        <source>Absent twice</source>
        <translation>2 подряд</translation>
    </message>
    <message>
        <source>Arrivals per 10 minutes by desk</source>
        <translation>Приход по 10 минут, по стойкам</translation>
    </message>
    <message>
        <source>Arrived and expected, by stream and day</source>
        <translation>Пришли и ожидались, по потокам и дням</translation>
    </message>
    <message>
        <source>Present at the latest sessions, %</source>
        <translation>Присутствовали на последних занятиях, %</translation>
    </message>
    <message>
        <source>people</source>
        <translation>человек</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>пришли</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>ожидались</translation>
    </message>
    <message>
        <source>present</source>
        <translation>присутствовали</translation>
    </message>
    <message>
        <source>no check-ins that day</source>
        <translation>в этот день регистраций нет</translation>
    </message>
    <message>
        <source>accelerator NGOs</source>
        <translation>НКО акселератора</translation>
    </message>
    <message>
        <source>all NGOs</source>
        <translation>все НКО</translation>
    </message>
    <message>
        <source>saved, {count} people in the accelerator</source>
        <translation>сохранён, в акселераторе {count} чел.</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>ещё не сохранён</translation>
    </message>
    <message>
        <source>Certificates issued: {certificates}. Selection: {selection}. Reach ({group}): mean growth ×{mean}, {measured} of {organizations} measured, {at_target} at ×2.5 or more; frozen baselines: {frozen} of {accounts} accounts. At risk: {risk} (below {required}% or absent twice in a row).</source>
        <translation>Выдано сертификатов: {certificates}. Отбор: {selection}. Охват ({group}): средний рост ×{mean}, замерено {measured} из {organizations}, рост ×2,5 и больше у {at_target}; базовый охват зафиксирован у {frozen} из {accounts} аккаунтов. Под угрозой: {risk} (посещаемость ниже {required}% или два пропуска подряд).</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
</context>
<context>
    <name>PackButton</name>
    <message>
        <source>Build the evidence pack…</source>
        <translation>Собрать пакет документов…</translation>
    </message>
    <message>
        <source>Folder for the evidence pack</source>
        <translation>Папка для пакета документов</translation>
    </message>
    <message>
        <source>Building the evidence pack…</source>
        <translation>Собираю пакет документов…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Evidence pack</source>
        <translation>Пакет документов</translation>
    </message>
    <message>
        <source>The evidence pack is ready: {count} files in {folder} and the archive {zip}.</source>
        <translation>Пакет документов готов: {count} файлов в папке {folder} и архив {zip}.</translation>
    </message>
</context>
<context>
    <name>SelectionPage</name>
    <message>
        <source>included by decision</source>
        <translation>включён решением</translation>
    </message>
    <message>
        <source>selected by quota</source>
        <translation>отобран по квоте</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>отобран</translation>
    </message>
    <message>
        <source>excluded by decision</source>
        <translation>исключён решением</translation>
    </message>
    <message>
        <source>attendance too low</source>
        <translation>мала посещаемость</translation>
    </message>
    <message>
        <source>no place left</source>
        <translation>не хватило мест</translation>
    </message>
    <message>
        <source>NGO limit</source>
        <translation>лимит мест на НКО</translation>
    </message>
    <message>
        <source>tracks full</source>
        <translation>треки заполнены</translation>
    </message>
    <message>
        <source>strategy</source>
        <translation>стратегия</translation>
    </message>
    <message>
        <source>content</source>
        <translation>контент</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Отбор</translation>
    </message>
    <message>
        <source>Include…</source>
        <translation>Включить…</translation>
    </message>
    <message>
        <source>Into strategy…</source>
        <translation>В «стратегию»…</translation>
    </message>
    <message>
        <source>Into content…</source>
        <translation>В «контент»…</translation>
    </message>
    <message>
        <source>Exclude…</source>
        <translation>Исключить…</translation>
    </message>
    <message>
        <source>Clear decision…</source>
        <translation>Отменить решение…</translation>
    </message>
    <message>
        <source>Save the selection</source>
        <translation>Сохранить отбор</translation>
    </message>
    <message>
        <source>Protocol PDF…</source>
        <translation>Протокол PDF…</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>NGO</source>
        <translation>НКО</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Поток</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Балл</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Selected {selected} of {total}: strategy {strategy}, content {content}. Saved: {saved}. «=» marks equal scores (more attendance, then the exit score, then the name go first).</source>
        <translation>Отобрано {selected} из {total}: стратегия — {strategy}, контент — {content}. Сохранено: {saved}. «=» — равный балл (выше тот, у кого больше посещаемость, затем выходной балл, затем по алфавиту).</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ещё нет</translation>
    </message>
    <message>
        <source>Choose a person in the list first.</source>
        <translation>Сначала выберите человека в списке.</translation>
    </message>
    <message>
        <source>Why? The protocol prints this reason:</source>
        <translation>Почему? Эта причина попадёт в протокол:</translation>
    </message>
    <message>
        <source>Selection protocol</source>
        <translation>Протокол отбора</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {path} ({pages} pages).</source>
        <translation>Сохранено: {path} (страниц: {pages}).</translation>
    </message>
</context>
</TS>

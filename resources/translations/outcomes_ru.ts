<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
<context>
    <name>ConsultedDialog</name>
    <message>
        <source>Who received consultations</source>
        <translation>Кто получил консультации</translation>
    </message>
    <message>
        <source>Search by name or organization</source>
        <translation>Поиск по имени или организации</translation>
    </message>
    <message>
        <source>Consulted: {count}</source>
        <translation>Получили консультации: {count}</translation>
    </message>
</context>
<context>
    <name>OutcomeImportDialog</name>
    <message>
        <source>Reading {file}…</source>
        <translation>Читаем {file}…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Загрузить</translation>
    </message>
    <message>
        <source>Import the entry test with topics</source>
        <translation>Загрузка входного теста с темами</translation>
    </message>
    <message>
        <source>Import the exit test with topics</source>
        <translation>Загрузка выходного теста с темами</translation>
    </message>
    <message>
        <source>Import the motivation test</source>
        <translation>Загрузка мотивационного теста</translation>
    </message>
    <message>
        <source>Import a feedback survey</source>
        <translation>Загрузка анкеты обратной связи</translation>
    </message>
    <message>
        <source>Import reach: baseline</source>
        <translation>Загрузка охватов: исходные замеры</translation>
    </message>
    <message>
        <source>Import reach: follow-up</source>
        <translation>Загрузка охватов: повторные замеры</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Ничего не загружено.</translation>
    </message>
    <message>
        <source>Imported: {count} record(s) written.</source>
        <translation>Загружено. Записей: {count}.</translation>
    </message>
    <message>
        <source>Survey «{name}»: {matched} answer(s) matched to participants, {count} to add, {questions} question(s).</source>
        <translation>Анкета «{name}»: ответов, сопоставленных с участниками: {matched}; будет добавлено: {count}; вопросов: {questions}.</translation>
    </message>
    <message>
        <source>{count} measurement(s) to add, {accounts} new account(s).</source>
        <translation>Будет добавлено замеров: {count}, новых аккаунтов: {accounts}.</translation>
    </message>
    <message>
        <source>{matched} participant(s) matched, {count} value(s) to change; topics: </source>
        <translation>Найдено участников: {matched}, будет изменено значений: {count}; темы: </translation>
    </message>
    <message>
        <source>Check the {count} row(s) below; the refused ones are not imported.</source>
        <translation>Проверьте строки ниже ({count}): непринятые не загружаются.</translation>
    </message>
    <message>
        <source>Nothing is written until you press «Import».</source>
        <translation>Пока вы не нажмёте «Загрузить», ничего не записывается.</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>не принята</translation>
    </message>
    <message>
        <source>kept without a participant</source>
        <translation>сохранится без участника</translation>
    </message>
    <message>
        <source>matches nobody</source>
        <translation>не найден участник</translation>
    </message>
    <message>
        <source>baseline already frozen</source>
        <translation>исходный замер уже зафиксирован</translation>
    </message>
</context>
<context>
    <name>StagePlanDialog</name>
    <message>
        <source>Stages of the programme</source>
        <translation>Этапы программы</translation>
    </message>
    <message>
        <source>Selection for the accelerator</source>
        <translation>Отбор в акселератор</translation>
    </message>
    <message>
        <source>Baseline of the reach</source>
        <translation>Исходный замер охватов</translation>
    </message>
    <message>
        <source>Exit test</source>
        <translation>Выходной тест</translation>
    </message>
    <message>
        <source>Accelerator</source>
        <translation>Акселератор</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Консультации</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>Этап:</translation>
    </message>
    <message>
        <source>Planned from:</source>
        <translation>План: с</translation>
    </message>
    <message>
        <source>Planned to:</source>
        <translation>План: по</translation>
    </message>
    <message>
        <source>Actually from:</source>
        <translation>Факт: с</translation>
    </message>
    <message>
        <source>Actually to:</source>
        <translation>Факт: по</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
<context>
    <name>ApproveDialog</name>
    <message>
        <source>Approve a join request</source>
        <translation>Одобрить запрос на подключение</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>Название станции</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Join an event</source>
        <translation>Присоединиться к мероприятию</translation>
    </message>
    <message>
        <source>for example, Стойка 2</source>
        <translation>например, Стойка 2</translation>
    </message>
    <message>
        <source>1. Save a join request…</source>
        <translation>1. Сохранить запрос на подключение…</translation>
    </message>
    <message>
        <source>2. Open the approval…</source>
        <translation>2. Открыть одобрение…</translation>
    </message>
    <message>
        <source>This laptop makes its own key, which never leaves it. Save a request file and take it to the organizer&apos;s laptop («Stations» page). Then open the approval file they give you: it brings the event&apos;s data.</source>
        <translation>Этот ноутбук создаёт собственный ключ, который никогда его не покидает. Сохраните файл запроса и отнесите его на ноутбук организатора (страница «Станции»). Затем откройте файл одобрения, который вам дадут: в нём и данные мероприятия.</translation>
    </message>
    <message>
        <source>Workspace file</source>
        <translation>Файл рабочей базы</translation>
    </message>
    <message>
        <source>This laptop&apos;s name</source>
        <translation>Название этого ноутбука</translation>
    </message>
    <message>
        <source>Save the join request</source>
        <translation>Сохранить запрос на подключение</translation>
    </message>
    <message>
        <source>Join requests (*.request)</source>
        <translation>Запросы на подключение (*.request)</translation>
    </message>
    <message>
        <source>Request saved to {path}. Take it to the organizer&apos;s laptop.</source>
        <translation>Запрос сохранён в {path}. Отнесите его на ноутбук организатора.</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Одобрение</translation>
    </message>
    <message>
        <source>Approvals (*.approval);;All files (*)</source>
        <translation>Одобрения (*.approval);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Checking the approval and importing the event…</source>
        <translation>Проверяем одобрение и загружаем данные мероприятия…</translation>
    </message>
    <message>
        <source>Enrolled as «{name}»; {count} record(s) imported.</source>
        <translation>Ноутбук подключён как «{name}»; загружено записей: {count}.</translation>
    </message>
</context>
<context>
    <name>StationRoles</name>
    <message>
        <source>organizer</source>
        <translation>организатор</translation>
    </message>
    <message>
        <source>registration desk</source>
        <translation>стойка регистрации</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>тренер</translation>
    </message>
    <message>
        <source>certificate registrar</source>
        <translation>регистратор сертификатов</translation>
    </message>
</context>
<context>
    <name>StationsPage</name>
    <message>
        <source>Stations</source>
        <comment>navigation</comment>
        <translation>Станции</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Станция</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Роли</translation>
    </message>
    <message>
        <source>Records here</source>
        <translation>Записей здесь</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Approve a join request…</source>
        <translation>Одобрить запрос на подключение…</translation>
    </message>
    <message>
        <source>Revoke the selected station…</source>
        <translation>Отозвать выбранную станцию…</translation>
    </message>
    <message>
        <source>To add a laptop: on it, choose «Join an event» on the start screen and save a request file; bring the file here, approve it, and take the approval file back. A copied approval is useless on any other laptop.</source>
        <translation>Чтобы добавить ноутбук: на нём выберите «Присоединиться к мероприятию» на стартовом экране и сохраните файл запроса; принесите файл сюда, одобрите его и отнесите файл одобрения обратно. Скопированное одобрение бесполезно на любом другом ноутбуке.</translation>
    </message>
    <message>
        <source>This laptop is the organizer&apos;s: it enrolls the stations.</source>
        <translation>Это ноутбук организатора: он подключает станции.</translation>
    </message>
    <message>
        <source>Only the organizer&apos;s laptop can enroll or revoke stations.</source>
        <translation>Подключать и отзывать станции может только ноутбук организатора.</translation>
    </message>
    <message>
        <source>This laptop is not enrolled yet. Create the badge signing key to make it the organizer&apos;s laptop, or join an event from the start screen.</source>
        <translation>Этот ноутбук ещё не подключён. Создайте ключ подписи бейджей, чтобы он стал ноутбуком организатора, или присоединитесь к мероприятию со стартового экрана.</translation>
    </message>
    <message>
        <source>revoked after record {seq}</source>
        <translation>отозвана после записи {seq}</translation>
    </message>
    <message>
        <source>trust anchor</source>
        <translation>корень доверия</translation>
    </message>
    <message>
        <source>active</source>
        <translation>действует</translation>
    </message>
    <message>
        <source>Join request</source>
        <translation>Запрос на подключение</translation>
    </message>
    <message>
        <source>Join requests (*.request);;All files (*)</source>
        <translation>Запросы на подключение (*.request);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Save the approval</source>
        <translation>Сохранить одобрение</translation>
    </message>
    <message>
        <source>Approvals (*.approval)</source>
        <translation>Одобрения (*.approval)</translation>
    </message>
    <message>
        <source>Station enrolled</source>
        <translation>Станция подключена</translation>
    </message>
    <message>
        <source>«{name}» is enrolled. Open the approval file on that laptop.</source>
        <translation>«{name}» подключена. Откройте файл одобрения на том ноутбуке.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Отозвать</translation>
    </message>
    <message>
        <source>Select the station to revoke first.</source>
        <translation>Сначала выберите станцию, которую нужно отозвать.</translation>
    </message>
    <message>
        <source>Why is «{name}» revoked? Its records from now on will be refused.</source>
        <translation>Почему отзывается «{name}»? Его новые записи будут отклоняться.</translation>
    </message>
</context>
</TS>

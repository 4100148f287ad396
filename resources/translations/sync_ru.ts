<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
<context>
    <name>SyncAttention</name>
    <message>
        <source>Admitted with a replaced badge</source>
        <translation>Пропущен по заменённому бейджу</translation>
    </message>
    <message>
        <source>Replaced badge scanned</source>
        <translation>Отсканирован заменённый бейдж</translation>
    </message>
    <message>
        <source>Admitted twice the same day</source>
        <translation>Пропущен дважды за день</translation>
    </message>
    <message>
        <source>Walk-in may already be on the roster</source>
        <translation>Новый участник, возможно, уже есть в списке</translation>
    </message>
    <message>
        <source>Laptop clock outside the event&apos;s dates</source>
        <translation>Часы ноутбука вне дат мероприятия</translation>
    </message>
    <message>
        <source>Laptop clock behind the others</source>
        <translation>Часы ноутбука отстают от других</translation>
    </message>
    <message>
        <source>Laptop clock ahead of this one</source>
        <translation>Часы ноутбука спешат относительно этого</translation>
    </message>
    <message>
        <source>This laptop&apos;s clock differs from the server&apos;s</source>
        <translation>Часы этого ноутбука расходятся с сервером</translation>
    </message>
    <message>
        <source>Different marks on different laptops</source>
        <translation>Разные отметки на разных ноутбуках</translation>
    </message>
    <message>
        <source>Different accelerator decisions on different laptops</source>
        <translation>Разные решения по акселератору на разных ноутбуках</translation>
    </message>
    <message>
        <source>More people in the accelerator than places</source>
        <translation>В акселераторе больше людей, чем мест</translation>
    </message>
    <message>
        <source>Records received and not applied</source>
        <translation>Полученные записи не применены</translation>
    </message>
    <message>
        <source>badge version {old}, current {current}; desk {desk}</source>
        <translation>версия бейджа {old}, действующая {current}; стойка {desk}</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>like {name} (same {how})</source>
        <translation>похож на: {name} (совпадает: {how})</translation>
    </message>
    <message>
        <source>{records} record(s), up to {minutes} min</source>
        <translation>записей: {records}, расхождение до {minutes} мин</translation>
    </message>
    <message>
        <source>{records} check-in(s) dated {dates}</source>
        <translation>регистраций: {records}, даты {dates}</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} мин</translation>
    </message>
    <message>
        <source>current: {status}</source>
        <translation>действует: {status}</translation>
    </message>
    <message>
        <source>current: {decision}</source>
        <translation>действует: {decision}</translation>
    </message>
    <message>
        <source>{count} of {allowed} allowed; save the selection again</source>
        <translation>{count} при лимите {allowed}; сохраните отбор ещё раз</translation>
    </message>
    <message>
        <source>{count} record(s): {reason} ({what})</source>
        <translation>записей: {count}; {reason} ({what})</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Enter the central database&apos;s address first.</source>
        <translation>Сначала введите адрес центральной базы.</translation>
    </message>
    <message>
        <source>«{url}» is not a database address. Example: postgresql://smm@server:5432/event</source>
        <translation>«{url}» — не адрес базы данных. Пример: postgresql://smm@server:5432/event</translation>
    </message>
    <message>
        <source>The server refused the user name or password. Check them and try again.</source>
        <translation>Сервер не принял имя пользователя или пароль. Проверьте их и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The server has no such database. Ask the administrator to create it.</source>
        <translation>На сервере нет такой базы. Попросите администратора создать её.</translation>
    </message>
    <message>
        <source>The server cannot be reached ({reason}). Check the network and the address; meanwhile everything keeps working offline.</source>
        <translation>Сервер недоступен ({reason}). Проверьте сеть и адрес; пока всё продолжает работать без сети.</translation>
    </message>
    <message>
        <source>The connection was lost. Press Sync again: it continues where it stopped, nothing is lost.</source>
        <translation>Связь прервалась. Нажмите «Синхронизировать» ещё раз: синхронизация продолжится с того же места, ничего не потеряется.</translation>
    </message>
    <message>
        <source>The central database was set up by a newer version of the program. Update the program on this laptop.</source>
        <translation>Центральная база создана более новой версией программы. Обновите программу на этом ноутбуке.</translation>
    </message>
    <message>
        <source>The central database holds another event ({central}), not this laptop&apos;s ({ours}). Use this event&apos;s database.</source>
        <translation>В центральной базе другое мероприятие ({central}), а не мероприятие этого ноутбука ({ours}). Укажите базу этого мероприятия.</translation>
    </message>
    <message>
        <source>The sync file belongs to another event ({event}), not this laptop&apos;s ({ours}); nothing was imported.</source>
        <translation>Файл синхронизации относится к другому мероприятию ({event}), а не к мероприятию этого ноутбука ({ours}); ничего не загружено.</translation>
    </message>
    <message>
        <source>This workspace is a copy of another laptop&apos;s, and syncing both would lose records. Create a new workspace on this laptop and get the event by syncing or from a file.</source>
        <translation>Эта рабочая база — копия базы другого ноутбука, и синхронизация обеих привела бы к потере записей. Создайте на этом ноутбуке новую рабочую базу и получите мероприятие синхронизацией или из файла.</translation>
    </message>
    <message>
        <source>The system password store is not available, so the password cannot be remembered. Enter it for each sync.</source>
        <translation>Системное хранилище паролей недоступно, пароль нельзя запомнить. Вводите его при каждой синхронизации.</translation>
    </message>
    <message>
        <source>{path} is not a sync file of this program.</source>
        <translation>{path} — не файл синхронизации этой программы.</translation>
    </message>
    <message>
        <source>The sync file is damaged ({reason}); nothing was imported. Export it again.</source>
        <translation>Файл синхронизации повреждён ({reason}); ничего не загружено. Сохраните его заново.</translation>
    </message>
    <message>
        <source>The sync file was made by a newer version of the program. Update the program on this laptop.</source>
        <translation>Файл синхронизации создан более новой версией программы. Обновите программу на этом ноутбуке.</translation>
    </message>
    <message>
        <source>The sync file contradicts this laptop&apos;s records: it is forged or comes from a copied workspace. Nothing was imported.</source>
        <translation>Файл синхронизации противоречит записям этого ноутбука: он подделан или сделан из скопированной рабочей базы. Ничего не загружено.</translation>
    </message>
    <message>
        <source>Record {record} of the sync file is not valid ({entity}, {field}: {problem}); nothing was imported. Ask whoever made the file to export it again.</source>
        <translation>Запись {record} в файле обмена недопустима ({entity}, {field}: {problem}); ничего не загружено. Попросите того, кто сделал файл, выгрузить его заново.</translation>
    </message>
    <message>
        <source>Sync stopped at an invalid record ({entity}, {field}: {problem}); nothing of it was saved. Tell the organizer: the laptop that wrote it needs the update.</source>
        <translation>Синхронизация остановилась на недопустимой записи ({entity}, {field}: {problem}); из неё ничего не сохранено. Сообщите организатору: ноутбук, который её записал, нужно обновить.</translation>
    </message>
    <message>
        <source>The file {path} cannot be written ({reason}). Choose another folder or USB stick.</source>
        <translation>Не удаётся записать файл {path} ({reason}). Выберите другую папку или флешку.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync</source>
        <comment>navigation</comment>
        <translation>Обмен</translation>
    </message>
    <message>
        <source>Open the duplicates list</source>
        <translation>Открыть список дублей</translation>
    </message>
    <message>
        <source>Compare the selected walk-in with the roster person and merge them</source>
        <translation>Сравнить выбранного участника со входа с человеком из списка и объединить их</translation>
    </message>
    <message>
        <source>Refresh the list</source>
        <translation>Обновить список</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Требуют внимания</translation>
    </message>
    <message>
        <source>empty: the saved password</source>
        <translation>пусто — сохранённый пароль</translation>
    </message>
    <message>
        <source>Remember the password in the system password store</source>
        <translation>Запомнить пароль в системном хранилище</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <source>Central database</source>
        <translation>Центральная база</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Синхронизировать</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <source>Save to a file…</source>
        <translation>Сохранить в файл…</translation>
    </message>
    <message>
        <source>Load from a file…</source>
        <translation>Загрузить из файла…</translation>
    </message>
    <message>
        <source>Without network: save everything this laptop knows to a USB stick and load it on another laptop. Loading a file twice changes nothing.</source>
        <translation>Без сети: сохраните всё, что знает этот ноутбук, на флешку и загрузите на другом ноутбуке. Повторная загрузка того же файла ничего не меняет.</translation>
    </message>
    <message>
        <source>By file</source>
        <translation>Через файл</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ещё не было</translation>
    </message>
    <message>
        <source>Last successful sync: {when}. Not yet on central: {count} record(s).</source>
        <translation>Последняя успешная синхронизация: {when}. Не отправлено на сервер записей: {count}.</translation>
    </message>
    <message>
        <source>Synced: {when} · to send: {count}</source>
        <translation>Синхр.: {when} · не отправлено: {count}</translation>
    </message>
    <message>
        <source>{count} item(s) to look at</source>
        <translation>Требуют внимания: {count}</translation>
    </message>
    <message>
        <source>Nothing needs attention.</source>
        <translation>Ничего не требует внимания.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>пока нет</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL {version}. Event: {events}. Records: {records}. Clock difference with the server: {seconds} s.</source>
        <translation>Подключено: PostgreSQL {version}. Мероприятие: {events}. Записей: {records}. Расхождение часов с сервером: {seconds} с.</translation>
    </message>
    <message>
        <source>Cancelled: run it again to continue.</source>
        <translation>Отменено. Запустите снова, чтобы продолжить.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Готово.</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>Остановка после текущей порции…</translation>
    </message>
    <message>
        <source>Save the sync file</source>
        <translation>Сохранить файл синхронизации</translation>
    </message>
    <message>
        <source>Sync files (*.smm)</source>
        <translation>Файлы синхронизации (*.smm)</translation>
    </message>
    <message>
        <source>Saved {records} record(s) to {path}.</source>
        <translation>Сохранено записей: {records} в {path}.</translation>
    </message>
    <message>
        <source>Load a sync file</source>
        <translation>Загрузить файл синхронизации</translation>
    </message>
    <message>
        <source>Sync files (*.smm);;All files (*)</source>
        <translation>Файлы синхронизации (*.smm);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Loaded {new} new record(s); {old} were already here.</source>
        <translation>Загружено новых записей: {new}; уже были: {old}.</translation>
    </message>
    <message>
        <source>Sending this laptop&apos;s records…</source>
        <translation>Отправка записей этого ноутбука…</translation>
    </message>
    <message>
        <source>Receiving the other laptops&apos; records…</source>
        <translation>Получение записей других ноутбуков…</translation>
    </message>
    <message>
        <source>Loading the file…</source>
        <translation>Загрузка файла…</translation>
    </message>
    <message>
        <source>Looking for what needs attention…</source>
        <translation>Поиск того, что требует внимания…</translation>
    </message>
    <message>
        <source>Sent: {pushed} · Received: {pulled}</source>
        <translation>Отправлено: {pushed} · Получено: {pulled}</translation>
    </message>
    <message>
        <source>Need attention: {count}</source>
        <translation>Требуют внимания: {count}</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
<context>
    <name>AttendanceMatrixPage</name>
    <message>
        <source>Register</source>
        <translation>Реестр</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <source>Roll call</source>
        <translation>Отметки</translation>
    </message>
</context>
<context>
    <name>BadgesPage</name>
    <message>
        <source>Badges</source>
        <translation>Бейджи</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <source>Certificates</source>
        <comment>navigation</comment>
        <translation>Сертификаты</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Сводка</translation>
    </message>
</context>
<context>
    <name>DeskApplication</name>
    <message>
        <source>This laptop&apos;s settings were damaged; defaults are used.</source>
        <translation>Настройки этого ноутбука были повреждены; используются значения по умолчанию.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Create an event from a schedule file…</source>
        <translation>&amp;Создать мероприятие по файлу расписания…</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>&amp;Открыть рабочую область…</translation>
    </message>
    <message>
        <source>Open the &amp;demo workspace</source>
        <translation>Открыть &amp;демонстрационную рабочую область</translation>
    </message>
    <message>
        <source>&amp;Join an event…</source>
        <translation>&amp;Присоединиться к мероприятию…</translation>
    </message>
    <message>
        <source>&amp;Import the roster…</source>
        <translation>&amp;Загрузить список участников…</translation>
    </message>
    <message>
        <source>Import &amp;entry test scores…</source>
        <translation>Загрузить результаты &amp;входного теста…</translation>
    </message>
    <message>
        <source>Import e&amp;xit test scores…</source>
        <translation>Загрузить результаты в&amp;ыходного теста…</translation>
    </message>
    <message>
        <source>Signing &amp;keys…</source>
        <translation>&amp;Ключи подписи…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Полноэкранный режим</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <source>SMM Event {version}

Check-in, attendance and certificates for an in-person training programme. Works without the Internet; laptops are synchronized afterwards.</source>
        <translation>SMM Event {version}

Регистрация, учёт посещаемости и сертификаты для очной образовательной программы. Работает без интернета; данные ноутбуков синхронизируются позже.</translation>
    </message>
    <message>
        <source>About SMM Event</source>
        <translation>О программе SMM Event</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Открыть рабочую область</translation>
    </message>
    <message>
        <source>Workspaces (*.sqlite3 *.db);;All files (*)</source>
        <translation>Рабочие области (*.sqlite3 *.db);;Все файлы (*)</translation>
    </message>
    <message>
        <source>The event&apos;s schedule</source>
        <translation>Расписание мероприятия</translation>
    </message>
    <message>
        <source>Schedules (*.toml);;All files (*)</source>
        <translation>Расписания (*.toml);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Where to keep the event&apos;s workspace</source>
        <translation>Где хранить рабочую область мероприятия</translation>
    </message>
    <message>
        <source>Workspaces (*.sqlite3)</source>
        <translation>Рабочие области (*.sqlite3)</translation>
    </message>
    <message>
        <source>Creating the event…</source>
        <translation>Создаём мероприятие…</translation>
    </message>
</context>
<context>
    <name>OrganizerMenu</name>
    <message>
        <source>&amp;Organizer</source>
        <translation>&amp;Организатор</translation>
    </message>
    <message>
        <source>Import the entry test with topics…</source>
        <translation>Загрузить входной тест с темами…</translation>
    </message>
    <message>
        <source>Import the exit test with topics…</source>
        <translation>Загрузить выходной тест с темами…</translation>
    </message>
    <message>
        <source>Import the motivation test…</source>
        <translation>Загрузить мотивационный тест…</translation>
    </message>
    <message>
        <source>Import a feedback survey…</source>
        <translation>Загрузить анкету обратной связи…</translation>
    </message>
    <message>
        <source>Import reach: baseline…</source>
        <translation>Загрузить охваты: исходные замеры…</translation>
    </message>
    <message>
        <source>Import reach: follow-up…</source>
        <translation>Загрузить охваты: повторные замеры…</translation>
    </message>
    <message>
        <source>Freeze the reach baselines…</source>
        <translation>Зафиксировать исходные охваты…</translation>
    </message>
    <message>
        <source>Stages of the programme…</source>
        <translation>Этапы программы…</translation>
    </message>
    <message>
        <source>Who received consultations…</source>
        <translation>Кто получил консультации…</translation>
    </message>
    <message>
        <source>Import a signing key from another laptop…</source>
        <translation>Загрузить ключ подписи с другого ноутбука…</translation>
    </message>
    <message>
        <source>The file to import</source>
        <translation>Файл для загрузки</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx *.tsv *.txt);;All files (*)</source>
        <translation>Таблицы (*.csv *.xlsx *.tsv *.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Freeze the reach baselines</source>
        <translation>Фиксация исходных охватов</translation>
    </message>
    <message>
        <source>After freezing, baseline rows for these accounts are refused, so growth is always measured against the same numbers. Freeze now?</source>
        <translation>После фиксации исходные замеры этих аккаунтов больше не принимаются, и рост всегда считается от одних и тех же чисел. Зафиксировать сейчас?</translation>
    </message>
    <message>
        <source>The baseline of {count} account(s) is frozen.</source>
        <translation>Исходные замеры зафиксированы. Аккаунтов: {count}.</translation>
    </message>
    <message>
        <source>The exported key file</source>
        <translation>Файл выгруженного ключа</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Ключ подписи</translation>
    </message>
    <message>
        <source>The passphrase of this key:</source>
        <translation>Пароль этого ключа:</translation>
    </message>
    <message>
        <source>Key {key} is imported: this laptop can sign now.</source>
        <translation>Ключ {key} загружен: теперь этот ноутбук может подписывать.</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Participants</source>
        <translation>Участники</translation>
    </message>
</context>
<context>
    <name>ScheduleErrors</name>
    <message>
        <source>The file was not found. Check the name and the folder.</source>
        <translation>Файл не найден. Проверьте имя и папку.</translation>
    </message>
    <message>
        <source>The file cannot be read ({detail}).</source>
        <translation>Файл не удаётся прочитать ({detail}).</translation>
    </message>
    <message>
        <source>The file is not saved as UTF-8. In Notepad choose «Save as» and the UTF-8 encoding.</source>
        <translation>Файл сохранён не в кодировке UTF-8. В Блокноте выберите «Сохранить как» и кодировку UTF-8.</translation>
    </message>
    <message>
        <source>The line is not written correctly: check the quotes, the «=» sign and the square brackets.</source>
        <translation>Строка записана неправильно: проверьте кавычки, знак «=» и квадратные скобки.</translation>
    </message>
    <message>
        <source>The field «{field}» is missing: add it.</source>
        <translation>Нет поля «{field}»: добавьте его.</translation>
    </message>
    <message>
        <source>The field «{field}» is empty: fill it in.</source>
        <translation>Поле «{field}» пустое: заполните его.</translation>
    </message>
    <message>
        <source>This value has the wrong form: text goes in double quotes.</source>
        <translation>Значение записано в неверном виде: текст пишется в двойных кавычках.</translation>
    </message>
    <message>
        <source>The field «{field}» is unknown: check its spelling.</source>
        <translation>Неизвестное поле «{field}»: проверьте, как оно написано.</translation>
    </message>
    <message>
        <source>«{value}» is not a time zone; write, e.g., Europe/Moscow.</source>
        <translation>«{value}» — не часовой пояс; напишите, например, Europe/Moscow.</translation>
    </message>
    <message>
        <source>The year «{value}» must be a whole number such as 2026.</source>
        <translation>Год «{value}» должен быть целым числом, например 2026.</translation>
    </message>
    <message>
        <source>The date {value} is not in the year {year}.</source>
        <translation>Дата {value} не относится к {year} году.</translation>
    </message>
    <message>
        <source>The schedule has no streams: add a [[streams]] block.</source>
        <translation>В расписании нет потоков: добавьте блок [[streams]].</translation>
    </message>
    <message>
        <source>The stream number «{value}» must be a whole number from 1.</source>
        <translation>Номер потока «{value}» должен быть целым числом от 1.</translation>
    </message>
    <message>
        <source>Stream number {value} is used twice.</source>
        <translation>Номер потока {value} указан дважды.</translation>
    </message>
    <message>
        <source>The level «{value}» must be a whole number from 1.</source>
        <translation>Уровень «{value}» должен быть целым числом от 1.</translation>
    </message>
    <message>
        <source>The capacity «{value}» must be a whole number from 1 to 10000.</source>
        <translation>Число мест «{value}» должно быть целым числом от 1 до 10000.</translation>
    </message>
    <message>
        <source>The colour «{value}» must be written as # and six hex digits.</source>
        <translation>Цвет «{value}» записывается как # и шесть шестнадцатеричных цифр.</translation>
    </message>
    <message>
        <source>A stream has no days: add a [[streams.days]] block.</source>
        <translation>У потока нет дней: добавьте блок [[streams.days]].</translation>
    </message>
    <message>
        <source>«{value}» is not a date; write it as 2026-05-12.</source>
        <translation>«{value}» — не дата; запишите её как 2026-05-12.</translation>
    </message>
    <message>
        <source>The date {value} appears twice in one stream.</source>
        <translation>Дата {value} встречается в одном потоке дважды.</translation>
    </message>
    <message>
        <source>A day has no sessions: add a [[streams.days.sessions]] block.</source>
        <translation>В дне нет занятий: добавьте блок [[streams.days.sessions]].</translation>
    </message>
    <message>
        <source>«{value}» is not a time; write it as &quot;10:00&quot;.</source>
        <translation>«{value}» — не время; запишите его как &quot;10:00&quot;.</translation>
    </message>
    <message>
        <source>The session ends ({end}) before it starts ({start}).</source>
        <translation>Занятие заканчивается ({end}) раньше, чем начинается ({start}).</translation>
    </message>
    <message>
        <source>This session overlaps the previous one of the same day.</source>
        <translation>Это занятие пересекается с предыдущим занятием того же дня.</translation>
    </message>
    <message>
        <source>«{value}» is not a session kind; write &quot;theory&quot; or &quot;practice&quot;.</source>
        <translation>«{value}» — не вид занятия; напишите &quot;theory&quot; или &quot;practice&quot;.</translation>
    </message>
    <message>
        <source>The schedule is not valid ({reason}).</source>
        <translation>Расписание составлено с ошибкой ({reason}).</translation>
    </message>
    <message>
        <source>The schedule file has a mistake on line {line}:</source>
        <translation>В файле расписания ошибка в строке {line}:</translation>
    </message>
    <message>
        <source>The schedule file has a mistake:</source>
        <translation>В файле расписания ошибка:</translation>
    </message>
</context>
<context>
    <name>SelectionPage</name>
    <message>
        <source>Selection</source>
        <translation>Отбор</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Create an event from a schedule file…</source>
        <translation>Создать мероприятие по файлу расписания…</translation>
    </message>
    <message>
        <source>Open a workspace…</source>
        <translation>Открыть рабочую область…</translation>
    </message>
    <message>
        <source>Open the demo workspace</source>
        <translation>Открыть демонстрационную рабочую область</translation>
    </message>
    <message>
        <source>Join an event…</source>
        <translation>Присоединиться к мероприятию</translation>
    </message>
    <message>
        <source>For a desk or trainer laptop: connect it to the organizer&apos;s event</source>
        <translation>Для ноутбука стойки регистрации или тренера: подключить его к мероприятию организатора</translation>
    </message>
    <message>
        <source>Recent workspaces:</source>
        <translation>Недавние рабочие области:</translation>
    </message>
    <message>
        <source>Opening the workspace…</source>
        <translation>Открываем рабочую область…</translation>
    </message>
    <message>
        <source>This workspace has no event yet. Create it from the schedule file.</source>
        <translation>В этой рабочей области ещё нет мероприятия. Создайте его по файлу расписания.</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>Рабочая область не открыта.</translation>
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
    <name>TrustWords</name>
    <message>
        <source>the participants&apos; data</source>
        <translation>данные участников</translation>
    </message>
    <message>
        <source>the schedule</source>
        <translation>расписание</translation>
    </message>
    <message>
        <source>the streams</source>
        <translation>потоки</translation>
    </message>
    <message>
        <source>the streams&apos; days</source>
        <translation>дни потоков</translation>
    </message>
    <message>
        <source>the event</source>
        <translation>мероприятие</translation>
    </message>
    <message>
        <source>the organizations</source>
        <translation>организации</translation>
    </message>
    <message>
        <source>attendance marks</source>
        <translation>отметки посещаемости</translation>
    </message>
    <message>
        <source>check-ins</source>
        <translation>регистрацию</translation>
    </message>
    <message>
        <source>annulled check-ins</source>
        <translation>аннулирование регистрации</translation>
    </message>
    <message>
        <source>badge printing</source>
        <translation>печать бейджей</translation>
    </message>
    <message>
        <source>certificates</source>
        <translation>сертификаты</translation>
    </message>
    <message>
        <source>cancelled certificates</source>
        <translation>аннулирование сертификатов</translation>
    </message>
    <message>
        <source>certificate numbers</source>
        <translation>номера сертификатов</translation>
    </message>
    <message>
        <source>names on certificates</source>
        <translation>имена в сертификатах</translation>
    </message>
    <message>
        <source>the badge keys</source>
        <translation>ключи бейджей</translation>
    </message>
    <message>
        <source>the laptops&apos; names</source>
        <translation>названия ноутбуков</translation>
    </message>
    <message>
        <source>the stations</source>
        <translation>станции</translation>
    </message>
    <message>
        <source>the selection decisions</source>
        <translation>решения отбора</translation>
    </message>
    <message>
        <source>test scores</source>
        <translation>результаты тестов</translation>
    </message>
    <message>
        <source>survey answers</source>
        <translation>ответы опросов</translation>
    </message>
    <message>
        <source>reach accounts</source>
        <translation>аккаунты охвата</translation>
    </message>
    <message>
        <source>reach measurements</source>
        <translation>замеры охвата</translation>
    </message>
    <message>
        <source>other data</source>
        <translation>другие данные</translation>
    </message>
    <message>
        <source>characters that reverse the text direction</source>
        <translation>символы, меняющие направление текста</translation>
    </message>
    <message>
        <source>invisible or control characters</source>
        <translation>невидимые или управляющие символы</translation>
    </message>
    <message>
        <source>a value of the wrong kind</source>
        <translation>значение не того вида</translation>
    </message>
    <message>
        <source>a value that is too long</source>
        <translation>слишком длинное значение</translation>
    </message>
    <message>
        <source>a value that is not allowed</source>
        <translation>недопустимое значение</translation>
    </message>
    <message>
        <source>a damaged identifier</source>
        <translation>повреждённый идентификатор</translation>
    </message>
    <message>
        <source>a field this program does not know</source>
        <translation>поле, которого программа не знает</translation>
    </message>
    <message>
        <source>a required field is missing</source>
        <translation>нет обязательного поля</translation>
    </message>
    <message>
        <source>the laptop is not an enrolled station</source>
        <translation>ноутбук не подключён как станция</translation>
    </message>
    <message>
        <source>the station was revoked</source>
        <translation>станция отозвана</translation>
    </message>
    <message>
        <source>the signature does not match</source>
        <translation>подпись не сходится</translation>
    </message>
    <message>
        <source>the records were changed after signing</source>
        <translation>записи изменены после подписи</translation>
    </message>
    <message>
        <source>records are missing before these</source>
        <translation>перед этими записями не хватает других</translation>
    </message>
    <message>
        <source>the station&apos;s role does not allow it</source>
        <translation>роль станции этого не разрешает</translation>
    </message>
    <message>
        <source>the station&apos;s certificate is not valid</source>
        <translation>сертификат станции недействителен</translation>
    </message>
    <message>
        <source>stamped more than a day in the future</source>
        <translation>время записи больше чем на сутки впереди</translation>
    </message>
    <message>
        <source>the record could not be checked</source>
        <translation>запись не удалось проверить</translation>
    </message>
</context>
<context>
    <name>UserErrors</name>
    <message>
        <source>This workspace has no event yet. Open the demo workspace, or ask the organizer for the event&apos;s workspace file.</source>
        <translation>В этой рабочей области ещё нет мероприятия. Откройте демонстрационную рабочую область или попросите у организатора файл рабочей области мероприятия.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a workspace file. Choose a file such as event.sqlite3.</source>
        <translation>{path} — это папка, а не файл рабочей области. Выберите файл, например event.sqlite3.</translation>
    </message>
    <message>
        <source>The workspace cannot be created at {path} ({reason}). Choose a folder you can write to, for example your Documents.</source>
        <translation>Не удаётся создать рабочую область {path} ({reason}). Выберите папку, в которую можно записывать, например «Документы».</translation>
    </message>
    <message>
        <source>The file {path} is damaged or is not a workspace. Restore a copy from the backups folder next to it, or ask the organizer for a fresh copy.</source>
        <translation>Файл {path} повреждён или не является рабочей областью. Восстановите копию из папки backups рядом с ним или попросите у организатора свежую копию.</translation>
    </message>
    <message>
        <source>The workspace {path} already holds an event. Choose another file.</source>
        <translation>В рабочей области {path} уже есть мероприятие. Выберите другой файл.</translation>
    </message>
    <message>
        <source>There is no stream number {number}.</source>
        <translation>Потока с номером {number} нет.</translation>
    </message>
    <message>
        <source>This participant is no longer in the workspace. Search for them again.</source>
        <translation>Этого участника больше нет в рабочей области. Найдите его заново через поиск.</translation>
    </message>
    <message>
        <source>The file {path} was not found. Check the name and the folder.</source>
        <translation>Файл {path} не найден. Проверьте имя файла и папку.</translation>
    </message>
    <message>
        <source>The file {path} cannot be read: {reason}.</source>
        <translation>Не удаётся прочитать файл {path}: {reason}.</translation>
    </message>
    <message>
        <source>The selection rule is not valid ({reason}: {value}). Check the number of places, the weights and the quotas.</source>
        <translation>Правило отбора задано неверно ({reason}: {value}). Проверьте число мест, веса и квоты.</translation>
    </message>
    <message>
        <source>Choose whether to accept, exclude or clear the decision.</source>
        <translation>Выберите: включить, исключить или отменить решение.</translation>
    </message>
    <message>
        <source>Choose the strategy track or the content track.</source>
        <translation>Выберите трек «стратегия» или «контент».</translation>
    </message>
    <message>
        <source>A track can be chosen only when accepting a person.</source>
        <translation>Трек можно выбрать, только включая человека в акселератор.</translation>
    </message>
    <message>
        <source>Write the reason for the decision: the selection protocol prints it.</source>
        <translation>Напишите причину решения: она попадёт в протокол отбора.</translation>
    </message>
    <message>
        <source>The reason is too long. Keep it under {limit} characters.</source>
        <translation>Причина слишком длинная. Уложитесь в {limit} символов.</translation>
    </message>
    <message>
        <source>Give the survey a name, for example «День 1».</source>
        <translation>Дайте анкете название, например «День 1».</translation>
    </message>
    <message>
        <source>There is no survey named «{survey}». Import its file first.</source>
        <translation>Анкеты «{survey}» нет. Сначала загрузите её файл.</translation>
    </message>
    <message>
        <source>Say whether the file holds baseline or follow-up measurements.</source>
        <translation>Укажите, базовые это замеры охвата или повторные.</translation>
    </message>
    <message>
        <source>There is no such step of the programme: {value}.</source>
        <translation>Такого этапа программы нет: {value}.</translation>
    </message>
    <message>
        <source>Cannot write to {path} ({reason}). Choose another folder, for example on this laptop&apos;s disk.</source>
        <translation>Не удаётся записать в {path} ({reason}). Выберите другую папку, например на диске этого ноутбука.</translation>
    </message>
    <message>
        <source>This laptop is not enrolled in the event yet. Choose «Join an event» on the start screen and ask the organizer to approve this laptop&apos;s request.</source>
        <translation>Этот ноутбук ещё не подключён к мероприятию. Выберите «Присоединиться к мероприятию» на стартовом экране и попросите организатора одобрить запрос этого ноутбука.</translation>
    </message>
    <message>
        <source>Only the organizer&apos;s laptop, which holds the badge signing key, can enroll or revoke stations.</source>
        <translation>Подключать и отзывать станции может только ноутбук организатора, на котором хранится ключ подписи бейджей.</translation>
    </message>
    <message>
        <source>This station is not enrolled. Refresh the list of stations.</source>
        <translation>Эта станция не подключена. Обновите список станций.</translation>
    </message>
    <message>
        <source>Choose at least one role for the station.</source>
        <translation>Выберите для станции хотя бы одну роль.</translation>
    </message>
    <message>
        <source>This laptop is already enrolled with another key. Ask it for a new request file.</source>
        <translation>Этот ноутбук уже подключён с другим ключом. Возьмите с него новый файл запроса.</translation>
    </message>
    <message>
        <source>The organizer&apos;s laptop cannot revoke itself.</source>
        <translation>Ноутбук организатора не может отозвать сам себя.</translation>
    </message>
    <message>
        <source>This file is not a join request. On the new laptop, choose «Join an event» and save a request file.</source>
        <translation>Это не запрос на подключение. На новом ноутбуке выберите «Присоединиться к мероприятию» и сохраните файл запроса.</translation>
    </message>
    <message>
        <source>This file is not a valid approval. Ask the organizer to approve the request again.</source>
        <translation>Это не действительное одобрение. Попросите организатора одобрить запрос ещё раз.</translation>
    </message>
    <message>
        <source>This approval was made for another laptop. Save a request on this laptop and ask the organizer to approve it.</source>
        <translation>Это одобрение сделано для другого ноутбука. Сохраните запрос на этом ноутбуке и попросите организатора его одобрить.</translation>
    </message>
    <message>
        <source>This workspace already belongs to another event («{event}»). Choose a new workspace file to join.</source>
        <translation>Эта рабочая база уже относится к другому мероприятию («{event}»). Выберите для подключения новый файл.</translation>
    </message>
    <message>
        <source>Choose the approval file the organizer gave you.</source>
        <translation>Выберите файл одобрения, который дал организатор.</translation>
    </message>
    <message>
        <source>The file {path} cannot be written. Choose another folder.</source>
        <translation>Не удаётся записать файл {path}. Выберите другую папку.</translation>
    </message>
    <message>
        <source>«{field}» may have at most {limit} characters. Shorten it; nothing was saved.</source>
        <translation>В поле «{field}» можно ввести не больше {limit} знаков. Сократите текст; ничего не сохранено.</translation>
    </message>
    <message>
        <source>The file {path} is damaged ({reason}); nothing was changed. Restore the backup {backup}: copy it over the damaged file.</source>
        <translation>Файл {path} повреждён ({reason}); ничего не изменено. Восстановите резервную копию {backup}: скопируйте её на место повреждённого файла.</translation>
    </message>
    <message>
        <source>The disk is full: nothing was saved, the workspace is as before. Free some space and try again.</source>
        <translation>Диск заполнен: ничего не сохранено, рабочий файл остался прежним. Освободите место и повторите.</translation>
    </message>
    <message>
        <source>The workspace {path} cannot be written: the folder or the disk is read-only. Nothing was saved; the data can still be viewed.</source>
        <translation>В рабочий файл {path} нельзя записать: папка или диск только для чтения. Ничего не сохранено; данные по-прежнему можно смотреть.</translation>
    </message>
    <message>
        <source>The file {path} is too large: unpacked it holds more than {megabytes} MB. Nothing was read. Check that this is the right file.</source>
        <translation>Файл {path} слишком большой: в распакованном виде в нём больше {megabytes} МБ. Ничего не прочитано. Проверьте, тот ли это файл.</translation>
    </message>
    <message>
        <source>The file {path} holds more than {entries} files inside: it is not a file of this program. Nothing was read.</source>
        <translation>Внутри файла {path} больше {entries} файлов: это не файл этой программы. Ничего не прочитано.</translation>
    </message>
    <message>
        <source>The file {path} has more than {rows} rows. Split it into smaller files; nothing was read.</source>
        <translation>В файле {path} больше {rows} строк. Разделите его на файлы поменьше; ничего не прочитано.</translation>
    </message>
    <message>
        <source>The file {path} has more than {cells} cells or an endlessly wide row. Delete the empty rows and columns in the spreadsheet; nothing was read.</source>
        <translation>В файле {path} больше {cells} ячеек или бесконечно широкая строка. Удалите в таблице пустые строки и столбцы; ничего не прочитано.</translation>
    </message>
    <message>
        <source>Fill in the surname and the first name.</source>
        <translation>Заполните фамилию и имя.</translation>
    </message>
    <message>
        <source>«{value}» is not a name: remove the digits and signs.</source>
        <translation>«{value}» — не имя: уберите цифры и знаки.</translation>
    </message>
    <message>
        <source>Choose the gender from the list.</source>
        <translation>Выберите пол из списка.</translation>
    </message>
    <message>
        <source>A score must be a number from 0 to 100.</source>
        <translation>Балл должен быть числом от 0 до 100.</translation>
    </message>
    <message>
        <source>«{value}» is not a phone number. Type 10 digits, e.g. 8 928 123-45-67.</source>
        <translation>«{value}» — не номер телефона. Наберите 10 цифр, например 8 928 123-45-67.</translation>
    </message>
    <message>
        <source>«{value}» is not an e-mail address. Check it, e.g. name@mail.ru.</source>
        <translation>«{value}» — не адрес эл. почты. Проверьте его, например name@mail.ru.</translation>
    </message>
    <message>
        <source>Write why the participant withdrew.</source>
        <translation>Напишите, почему участник отказался.</translation>
    </message>
    <message>
        <source>Write the title of the session.</source>
        <translation>Напишите тему занятия.</translation>
    </message>
    <message>
        <source>The session ends ({end}) before it starts ({start}). Check the times.</source>
        <translation>Занятие заканчивается ({end}) раньше, чем начинается ({start}). Проверьте время.</translation>
    </message>
    <message>
        <source>At this time the session would overlap «{other}» ({start}). Choose another time.</source>
        <translation>В это время занятие пересечётся с занятием «{other}» ({start}). Выберите другое время.</translation>
    </message>
    <message>
        <source>Unknown kind of session «{kind}»: choose theory or practice.</source>
        <translation>Неизвестный вид занятия «{kind}»: выберите теорию или практику.</translation>
    </message>
    <message>
        <source>Stream {stream} has no training day on {day}. Choose one of the stream&apos;s days.</source>
        <translation>У потока {stream} нет учебного дня {day}. Выберите один из дней потока.</translation>
    </message>
    <message>
        <source>Write why the participant moves to another stream.</source>
        <translation>Напишите, почему участник переходит в другой поток.</translation>
    </message>
    <message>
        <source>This participant withdrew. Take them back in their card before placing them.</source>
        <translation>Этот участник отказался от участия. Сначала верните его в карточке участника.</translation>
    </message>
    <message>
        <source>«{field}» contains invisible or control characters. Type it again; nothing was saved.</source>
        <translation>В поле «{field}» есть невидимые или управляющие символы. Наберите его заново; ничего не сохранено.</translation>
    </message>
    <message>
        <source>This laptop is enrolled as {roles}: it cannot change {entity}. Ask the organizer to do it on the organizer&apos;s laptop; nothing was saved.</source>
        <translation>Этот ноутбук подключён как {roles}: он не может изменять {entity}. Попросите организатора сделать это на его ноутбуке; ничего не сохранено.</translation>
    </message>
    <message>
        <source>There is no such stage of the programme: {value}. Choose one of: {stages}.</source>
        <translation>Такого этапа программы нет: {value}. Выберите один из: {stages}.</translation>
    </message>
    <message>
        <source>The stage ends ({end}) before it starts ({start}). Check the dates.</source>
        <translation>Этап заканчивается ({end}) раньше, чем начинается ({start}). Проверьте даты.</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Стойка</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Laptop name</source>
        <translation>Название ноутбука</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Badge version</source>
        <translation>Версия бейджа</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Аудитория</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>Тренер</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>The operation cannot be done ({code}).</source>
        <translation>Не удалось выполнить действие ({code}).</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Внимание</translation>
    </message>
    <message>
        <source>Something went wrong inside the program. Check that your last action was saved and try again.</source>
        <translation>В программе произошла ошибка. Проверьте, сохранилось ли последнее действие, и повторите попытку.</translation>
    </message>
    <message>
        <source>Details for the developers are in {path}</source>
        <translation>Подробности для разработчиков записаны в файл {path}</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>The size of a certificate number block must be a positive whole number.</source>
        <translation>Размер блока номеров сертификатов должен быть целым положительным числом.</translation>
    </message>
    <message>
        <source>The event&apos;s certificate settings are wrong ({key}: {value}). Ask the organizer.</source>
        <translation>Настройки сертификатов мероприятия неверны ({key}: {value}). Обратитесь к организатору.</translation>
    </message>
    <message>
        <source>Unknown way of marking ({value}).</source>
        <translation>Неизвестный способ отметки ({value}).</translation>
    </message>
    <message>
        <source>The name for the certificate cannot be used: «{value}». Correct it.</source>
        <translation>Это имя нельзя напечатать в сертификате: «{value}». Исправьте его.</translation>
    </message>
    <message>
        <source>The certificate number format «{format}» is wrong. Example: «№ {{seq:03d}}/{{year}}».</source>
        <translation>Неверный формат номера сертификата «{format}». Пример: «№ {{seq:03d}}/{{year}}».</translation>
    </message>
    <message>
        <source>This participant is not in the workspace. Search for them again.</source>
        <translation>Этого участника нет в рабочей базе. Найдите его заново через поиск.</translation>
    </message>
    <message>
        <source>Unknown test phase «{phase}»: choose the entry or the exit test.</source>
        <translation>Неизвестный этап тестирования «{phase}»: выберите входное или выходное.</translation>
    </message>
    <message>
        <source>The schedule file cannot be used ({where}): {reason}. Correct the file and try again.</source>
        <translation>Файл расписания не подходит ({where}): {reason}. Исправьте файл и попробуйте снова.</translation>
    </message>
    <message>
        <source>The certificate series «{series}» cannot be used: use letters and digits only.</source>
        <translation>Серию сертификатов «{series}» использовать нельзя: только буквы и цифры.</translation>
    </message>
    <message>
        <source>This session is no longer in the workspace. Choose it again.</source>
        <translation>Этого занятия больше нет в рабочей базе. Выберите его заново.</translation>
    </message>
    <message>
        <source>Unknown attendance status ({value}).</source>
        <translation>Неизвестная отметка посещаемости ({value}).</translation>
    </message>
    <message>
        <source>The stream colour «{colour}» is not a colour. Example: #1e8e3e.</source>
        <translation>«{colour}» — не цвет потока. Пример: #1e8e3e.</translation>
    </message>
    <message>
        <source>The badge layout «{name}» is too small for the name and the QR code.</source>
        <translation>Макет бейджа «{name}» слишком мал для имени и QR-кода.</translation>
    </message>
    <message>
        <source>This person&apos;s badge was reissued too many times. Ask the organizer.</source>
        <translation>Бейдж этого участника перевыпускали слишком много раз. Обратитесь к организатору.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was saved.</source>
        <translation>Отменено: ничего не сохранено.</translation>
    </message>
    <message>
        <source>There is no certificate {number} in the register.</source>
        <translation>Сертификата {number} нет в реестре.</translation>
    </message>
    <message>
        <source>The certificate template cannot be used. Check it or choose the standard one.</source>
        <translation>Шаблон сертификата не подходит. Проверьте его или выберите стандартный.</translation>
    </message>
    <message>
        <source>The certificate template needs the image {path}, which is missing.</source>
        <translation>Для шаблона сертификата нужно изображение {path}, а его нет.</translation>
    </message>
    <message>
        <source>The certificate template {path} was not found.</source>
        <translation>Шаблон сертификата {path} не найден.</translation>
    </message>
    <message>
        <source>The file {path} has no rows.</source>
        <translation>В файле {path} нет строк.</translation>
    </message>
    <message>
        <source>These data cannot be used. Check what you entered.</source>
        <translation>Эти данные использовать нельзя. Проверьте, что вы ввели.</translation>
    </message>
    <message>
        <source>This key belongs to another event. Choose the key file of this event.</source>
        <translation>Этот ключ от другого мероприятия. Выберите файл ключа этого мероприятия.</translation>
    </message>
    <message>
        <source>The key {key_id} is not known on this laptop. Synchronize the laptop first.</source>
        <translation>Ключ {key_id} на этом ноутбуке неизвестен. Сначала синхронизируйте ноутбук.</translation>
    </message>
    <message>
        <source>The event already has a signing key. Replace it with «new key» instead.</source>
        <translation>У мероприятия уже есть ключ подписи. Замените его через «новый ключ».</translation>
    </message>
    <message>
        <source>The event has no streams yet. Add them to the schedule first.</source>
        <translation>У мероприятия ещё нет потоков. Сначала добавьте их в расписание.</translation>
    </message>
    <message>
        <source>This file is not a signing key file. Choose the file saved by «export key».</source>
        <translation>Это не файл ключа подписи. Выберите файл, сохранённый командой «экспорт ключа».</translation>
    </message>
    <message>
        <source>It is no longer in the workspace. Refresh the list.</source>
        <translation>Этого уже нет в рабочей базе. Обновите список.</translation>
    </message>
    <message>
        <source>This laptop does not keep the certificate register. Issue certificates on the organizer&apos;s laptop.</source>
        <translation>Этот ноутбук не ведёт реестр сертификатов. Выдавайте сертификаты на ноутбуке организатора.</translation>
    </message>
    <message>
        <source>The number format «{format}» needs a series. Set the series first.</source>
        <translation>Для формата номера «{format}» нужна серия. Сначала задайте серию.</translation>
    </message>
    <message>
        <source>This workspace belongs to the event «{existing}», not «{new}». Choose another file.</source>
        <translation>Эта рабочая база принадлежит мероприятию «{existing}», а не «{new}». Выберите другой файл.</translation>
    </message>
    <message>
        <source>The certificate register is not started yet. Start it on the organizer&apos;s laptop.</source>
        <translation>Реестр сертификатов ещё не заведён. Заведите его на ноутбуке организатора.</translation>
    </message>
    <message>
        <source>Write why the certificate is reissued: the register keeps it.</source>
        <translation>Напишите причину перевыпуска: она сохраняется в реестре.</translation>
    </message>
    <message>
        <source>Certificate {number} was reissued too many times. Ask the organizer.</source>
        <translation>Сертификат {number} перевыпускали слишком много раз. Обратитесь к организатору.</translation>
    </message>
    <message>
        <source>The image {path} cannot be read. Choose a PNG or JPEG file.</source>
        <translation>Изображение {path} не читается. Выберите файл PNG или JPEG.</translation>
    </message>
    <message>
        <source>Write why the certificate is voided: the register keeps it.</source>
        <translation>Напишите причину аннулирования: она сохраняется в реестре.</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least {min_length} characters.</source>
        <translation>Парольная фраза слишком короткая: нужно не меньше {min_length} символов.</translation>
    </message>
    <message>
        <source>The workspace {path} was made by a newer version of the program. Update the program.</source>
        <translation>Рабочая база {path} создана более новой версией программы. Обновите программу.</translation>
    </message>
    <message>
        <source>The camera stopped sending pictures (unplugged?). Plug it in and turn it on again.</source>
        <translation>Камера перестала передавать изображение (отключена?). Подключите её и включите снова.</translation>
    </message>
    <message>
        <source>The camera cannot be opened. Check the cable or choose another camera.</source>
        <translation>Камера не открывается. Проверьте кабель или выберите другую камеру.</translation>
    </message>
</context>
<context>
    <name>WorkspaceStatusBar</name>
    <message>
        <source>Device: {name}</source>
        <translation>Устройство: {name}</translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n участник</numerusform>
            <numerusform>%n участника</numerusform>
            <numerusform>%n участников</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the date on this computer: {today} is outside the event&apos;s dates</source>
        <translation>Проверьте дату на компьютере: {today} — вне дат мероприятия</translation>
    </message>
    <message>
        <source>A wrong date on this computer would record check-ins on the wrong day. Correct the date and time in the system settings.</source>
        <translation>С неверной датой отметки о приходе запишутся не на тот день. Исправьте дату и время в настройках системы.</translation>
    </message>
</context>
</TS>

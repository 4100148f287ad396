<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
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
    <message>
        <source>Join an event</source>
        <translation>Присоединиться к мероприятию</translation>
    </message>
    <message>
        <source>Joining an event from this window is not available in this version yet. Ask the organizer for the event&apos;s workspace file and open it with «Open a workspace…».</source>
        <translation>В этой версии присоединиться к мероприятию из окна пока нельзя. Попросите у организатора файл рабочей области мероприятия и откройте его кнопкой «Открыть рабочую область…».</translation>
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
    <name>ParticipantsModel</name>
    <message>
        <source>Withdrew: {reason}</source>
        <translation>Отказ: {reason}</translation>
    </message>
    <message>
        <source>withdrew</source>
        <translation>отказ</translation>
    </message>
    <message>
        <source>Entry test score</source>
        <translation>Балл входного теста</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
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
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Поток</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Балл</translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message>
        <source>Search: surname, name, organization or phone</source>
        <translation>Поиск: фамилия, имя, организация или телефон</translation>
    </message>
    <message>
        <source>Add a participant…</source>
        <translation>Добавить участника…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Загрузить…</translation>
    </message>
    <message>
        <source>All streams</source>
        <translation>Все потоки</translation>
    </message>
    <message>
        <source>Without a stream</source>
        <translation>Без потока</translation>
    </message>
    <message>
        <source>Nobody found. Check the spelling, or search by phone or organization.</source>
        <translation>Никого не нашли. Проверьте написание или поищите по телефону или организации.</translation>
    </message>
    <message numerus="yes">
        <source>Showing %n participant(s) of {total}</source>
        <translation>
            <numerusform>Показан %n участник из {total}</numerusform>
            <numerusform>Показаны %n участника из {total}</numerusform>
            <numerusform>Показано %n участников из {total}</numerusform>
        </translation>
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
        <source>The text is too long: at most {limit} characters.</source>
        <translation>Слишком длинный текст: не больше {limit} знаков.</translation>
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

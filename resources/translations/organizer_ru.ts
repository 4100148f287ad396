<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import a file</source>
        <translation>Загрузка файла</translation>
    </message>
    <message>
        <source>Choose a CSV or Excel file, or drop it on this window.</source>
        <translation>Выберите файл CSV или Excel или перетащите его в это окно.</translation>
    </message>
    <message>
        <source>Participant roster</source>
        <translation>Список участников</translation>
    </message>
    <message>
        <source>Entry test scores</source>
        <translation>Результаты входного тестирования</translation>
    </message>
    <message>
        <source>Exit test scores</source>
        <translation>Результаты выходного тестирования</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <source>detect</source>
        <translation>определить</translation>
    </message>
    <message>
        <source>What the file holds:</source>
        <translation>Что в файле:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Кодировка:</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>Разделитель:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Загрузить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>The first rows, and which field each column is:</source>
        <translation>Первые строки файла и какое поле в каком столбце:</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Выберите файл</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found:</source>
        <translation>
            <numerusform>Найдена %n ошибка:</numerusform>
            <numerusform>Найдено %n ошибки:</numerusform>
            <numerusform>Найдено %n ошибок:</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Ошибок не найдено.</translation>
    </message>
    <message>
        <source>Read as an Excel workbook (first sheet).</source>
        <translation>Прочитано как книга Excel (первый лист).</translation>
    </message>
    <message>
        <source>Read as {encoding}, delimiter «{delimiter}».</source>
        <translation>Прочитано как {encoding}, разделитель «{delimiter}».</translation>
    </message>
    <message>
        <source>Nothing is saved yet. Importing will add {created}, update {updated} and leave {unchanged} unchanged.</source>
        <translation>Пока ничего не сохранено. При загрузке будет добавлено участников: {created}, обновлено: {updated}, без изменений: {unchanged}.</translation>
    </message>
    <message>
        <source>Nothing is saved yet. {matched} row(s) match a participant; {changed} score(s) will change; {unmatched} row(s) match nobody.</source>
        <translation>Пока ничего не сохранено. Строк, совпавших с участниками: {matched}; изменится баллов: {changed}; строк, для которых участник не найден: {unmatched}.</translation>
    </message>
    <message numerus="yes">
        <source>Import without the %n row(s) with problems</source>
        <translation>
            <numerusform>Загрузить без %n строки с ошибками</numerusform>
            <numerusform>Загрузить без %n строк с ошибками</numerusform>
            <numerusform>Загрузить без %n строк с ошибками</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Saved: {created} added, {updated} updated, {unchanged} unchanged.</source>
        <translation>Сохранено: добавлено {created}, обновлено {updated}, без изменений {unchanged}.</translation>
    </message>
    <message>
        <source>Saved: {changed} score(s) changed; {unmatched} row(s) matched nobody.</source>
        <translation>Сохранено: изменено баллов: {changed}; строк без найденного участника: {unmatched}.</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
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
        <source>Full name (ФИО)</source>
        <translation>ФИО полностью</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Пол</translation>
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
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>Дата согласия</translation>
    </message>
    <message>
        <source>Entry test score</source>
        <translation>Балл входного теста</translation>
    </message>
    <message>
        <source>Exit test score</source>
        <translation>Балл выходного теста</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Балл</translation>
    </message>
    <message>
        <source>— do not import —</source>
        <translation>— не загружать —</translation>
    </message>
</context>
<context>
    <name>ImportProblems</name>
    <message>
        <source>no surname</source>
        <translation>нет фамилии</translation>
    </message>
    <message>
        <source>no first name</source>
        <translation>нет имени</translation>
    </message>
    <message>
        <source>only initials: write the name in full</source>
        <translation>только инициалы: напишите имя полностью</translation>
    </message>
    <message>
        <source>not a name (digits or signs): is the column shifted?</source>
        <translation>не похоже на имя (цифры или знаки): не сдвинут ли столбец?</translation>
    </message>
    <message>
        <source>not a phone number: 10 digits are expected, e.g. 8 928 123-45-67</source>
        <translation>не номер телефона: нужно 10 цифр, например 8 928 123-45-67</translation>
    </message>
    <message>
        <source>not an e-mail address: e.g. name@mail.ru</source>
        <translation>не адрес эл. почты: например, name@mail.ru</translation>
    </message>
    <message>
        <source>not a date: write it as 12.05.2026</source>
        <translation>не дата: запишите как 12.05.2026</translation>
    </message>
    <message>
        <source>not a score from 0 to 100</source>
        <translation>не балл от 0 до 100</translation>
    </message>
    <message>
        <source>not a yes/no answer</source>
        <translation>не ответ «да» или «нет»</translation>
    </message>
    <message>
        <source>the same as in an earlier row of this file</source>
        <translation>то же, что в одной из строк выше в этом файле</translation>
    </message>
    <message>
        <source>no score</source>
        <translation>нет балла</translation>
    </message>
    <message>
        <source>no e-mail, phone or name to find the person by</source>
        <translation>нет эл. почты, телефона или ФИО, по которым искать участника</translation>
    </message>
    <message>
        <source>nobody on the roster has this e-mail, phone or name</source>
        <translation>в списке нет участника с такой почтой, телефоном или ФИО</translation>
    </message>
    <message>
        <source>The file cannot be opened. Check that it exists and is closed.</source>
        <translation>Файл не открывается. Проверьте, что он есть и закрыт в других программах.</translation>
    </message>
    <message>
        <source>The file is larger than 50 MB. Save only the roster sheet.</source>
        <translation>Файл больше 50 МБ. Сохраните только лист со списком.</translation>
    </message>
    <message>
        <source>This is an old Excel file (.xls). In Excel save it as .xlsx.</source>
        <translation>Это файл старого формата Excel (.xls). Сохраните его в Excel как .xlsx.</translation>
    </message>
    <message>
        <source>The file is named .xlsx but is not an Excel file.</source>
        <translation>Файл назван .xlsx, но это не файл Excel.</translation>
    </message>
    <message>
        <source>The Excel file is damaged. Open it in Excel and save it again.</source>
        <translation>Файл Excel повреждён. Откройте его в Excel и сохраните заново.</translation>
    </message>
    <message>
        <source>This is not a table. Choose a CSV or XLSX file.</source>
        <translation>Это не таблица. Выберите файл CSV или XLSX.</translation>
    </message>
    <message>
        <source>The CSV file is damaged (a very long cell). Save it again.</source>
        <translation>Файл CSV повреждён (слишком длинная ячейка). Сохраните его заново.</translation>
    </message>
    <message>
        <source>No column is recognized in the first rows. The first row must name the columns.</source>
        <translation>В первых строках не найдено ни одного знакомого столбца. В первой строке должны быть названия столбцов.</translation>
    </message>
    <message>
        <source>No surname and first name columns (or one «ФИО» column). Choose them above the columns.</source>
        <translation>Нет столбцов «Фамилия» и «Имя» (или одного столбца «ФИО»). Выберите их над столбцами.</translation>
    </message>
    <message>
        <source>No score column. Choose it above the columns.</source>
        <translation>Нет столбца с баллами. Выберите его над столбцами.</translation>
    </message>
    <message>
        <source>No e-mail, phone or name column to find people by. Choose one above the columns.</source>
        <translation>Нет столбца с почтой, телефоном или ФИО, по которому искать участников. Выберите его над столбцами.</translation>
    </message>
    <message>
        <source>The file is not in this encoding. Choose «detect» or another one.</source>
        <translation>Файл сохранён не в этой кодировке. Выберите «определить» или другую.</translation>
    </message>
    <message>
        <source>The file cannot be read ({reason}).</source>
        <translation>Файл не удаётся прочитать ({reason}).</translation>
    </message>
</context>
<context>
    <name>IssuesModel</name>
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
</context>
<context>
    <name>ParticipantDialog</name>
    <message>
        <source>Organization:</source>
        <translation>Организация:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Должность:</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Регион:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Эл. почта:</translation>
    </message>
    <message>
        <source>Stream:</source>
        <translation>Поток:</translation>
    </message>
    <message>
        <source>Entry test:</source>
        <translation>Входной тест:</translation>
    </message>
    <message>
        <source>Exit test:</source>
        <translation>Итоговый тест:</translation>
    </message>
    <message>
        <source>Consent to data processing:</source>
        <translation>Согласие на обработку данных:</translation>
    </message>
    <message>
        <source>Badge version:</source>
        <translation>Версия бейджа:</translation>
    </message>
    <message>
        <source>Registered at the door:</source>
        <translation>Зарегистрирован на входе:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation>не назначен</translation>
    </message>
    <message>
        <source>(fixed by hand)</source>
        <translation>(закреплён вручную)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>yes, {date}</source>
        <translation>да, {date}</translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
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
    <name>PreviewTable</name>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
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
</TS>

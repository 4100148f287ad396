<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
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

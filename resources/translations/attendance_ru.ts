<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
<context>
    <name>Attendance</name>
    <message>
        <source>Present</source>
        <translation>Присутствует</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Опоздал(а)</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Отсутствует</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>Уважительная причина</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>Не отмечен(а)</translation>
    </message>
    <message>
        <source>P</source>
        <translation>П</translation>
    </message>
    <message>
        <source>L</source>
        <translation>О</translation>
    </message>
    <message>
        <source>A</source>
        <translation>Н</translation>
    </message>
    <message>
        <source>E</source>
        <translation>У</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>вручную</translation>
    </message>
    <message>
        <source>keyboard</source>
        <translation>клавиатура</translation>
    </message>
    <message>
        <source>badge scan</source>
        <translation>сканер бейджа</translation>
    </message>
    <message>
        <source>check-in desk</source>
        <translation>стойка регистрации</translation>
    </message>
    <message>
        <source>when the session closed</source>
        <translation>при закрытии занятия</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>командная строка</translation>
    </message>
    <message>
        <source>{name}: {status}</source>
        <translation>{name}: {status}</translation>
    </message>
    <message>
        <source>{name} is already marked: {status}</source>
        <translation>{name} уже отмечен(а): {status}</translation>
    </message>
    <message>
        <source>{name} is not in this session&apos;s stream</source>
        <translation>{name} — не из потока этого занятия</translation>
    </message>
    <message>
        <source>This badge is not valid here: check the person at the desk</source>
        <translation>Этот бейдж здесь недействителен: проверьте участника на стойке регистрации</translation>
    </message>
    <message>
        <source>The session is closed: reopen it to mark {name}</source>
        <translation>Занятие закрыто: откройте его снова, чтобы отметить {name}</translation>
    </message>
    <message>
        <source>The session is closed. Reopen it to change marks.</source>
        <translation>Занятие закрыто. Откройте его снова, чтобы изменить отметки.</translation>
    </message>
    <message>
        <source>This session is cancelled: nobody is marked for it.</source>
        <translation>Занятие отменено: отметки на нём не ставятся.</translation>
    </message>
    <message>
        <source>This person is not in the session&apos;s stream.</source>
        <translation>Этот участник не из потока этого занятия.</translation>
    </message>
    <message>
        <source>This session is no longer in the workspace.</source>
        <translation>Этого занятия больше нет в рабочей базе.</translation>
    </message>
    <message>
        <source>The stream has no sessions on that day.</source>
        <translation>В этот день у потока нет занятий.</translation>
    </message>
    <message>
        <source>Choose a file name ending in .xlsx or .csv.</source>
        <translation>Укажите имя файла с расширением .xlsx или .csv.</translation>
    </message>
    <message>
        <source>The file {path} cannot be written: {reason}</source>
        <translation>Не удаётся записать файл {path}: {reason}</translation>
    </message>
    <message>
        <source>The event&apos;s attendance settings are wrong ({name}: {value}).</source>
        <translation>Неверные настройки посещаемости мероприятия ({name}: {value}).</translation>
    </message>
</context>
<context>
    <name>AttendanceMatrixPage</name>
    <message>
        <source>Register</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>Выгрузить XLSX…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Выгрузить CSV…</translation>
    </message>
    <message>
        <source>Participants: {people}. Sessions held so far: {held} of {planned}. The % counts only the held sessions of each person&apos;s own stream, with the event&apos;s weights (excused sessions are left out).</source>
        <translation>Участников: {people}. Проведено занятий: {held} из {planned}. Процент считается только по проведённым занятиям своего потока с весами мероприятия (уважительные причины не учитываются).</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export attendance</source>
        <translation>Выгрузка посещаемости</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <source>Search: surname, name, organization or phone</source>
        <translation>Поиск: фамилия, имя, организация или телефон</translation>
    </message>
    <message>
        <source>Roll call</source>
        <translation>Отметки</translation>
    </message>
    <message>
        <source>Mark several</source>
        <translation>Отметить нескольких</translation>
    </message>
    <message>
        <source>Selected rows: {status}</source>
        <translation>Выделенные строки: {status}</translation>
    </message>
    <message>
        <source>Everyone unmarked: {status}</source>
        <translation>Все неотмеченные: {status}</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрыто</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <source>Select the people first (Ctrl- or Shift-click).</source>
        <translation>Сначала выделите людей (щелчок с Ctrl или Shift).</translation>
    </message>
    <message>
        <source>{status}: {count} marked</source>
        <translation>{status}: отмечено {count}</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Close the session</source>
        <translation>Закрытие занятия</translation>
    </message>
    <message>
        <source>The session runs until {time}. Close it before its end?</source>
        <translation>Занятие идёт до {time}. Закрыть его до окончания?</translation>
    </message>
    <message>
        <source>Mark the {count} unmarked people as absent?</source>
        <translation>Отметить неотмеченных ({count}) как отсутствующих?</translation>
    </message>
    <message>
        <source>Save sign-in sheets</source>
        <translation>Сохранить листы регистрации</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {path} ({pages} pages)</source>
        <translation>Сохранено: {path} (страниц: {pages})</translation>
    </message>
    <message>
        <source>The camera does not work. Check the cable, or use the scanner.</source>
        <translation>Камера не работает. Проверьте кабель или используйте сканер.</translation>
    </message>
</context>
<context>
    <name>MarkPanel</name>
    <message>
        <source>Note…</source>
        <translation>Примечание…</translation>
    </message>
    <message>
        <source>History of the mark</source>
        <translation>История отметки</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>Close session…</source>
        <translation>Закрыть занятие…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Открыть снова</translation>
    </message>
    <message>
        <source>Sign-in sheets (PDF)…</source>
        <translation>Листы регистрации (PDF)…</translation>
    </message>
    <message>
        <source> (was: {status})</source>
        <translation> (было: {status})</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Примечание: {note}</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>Participant</source>
        <translation>Участник</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Participant</source>
        <translation>Участник</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Marked</source>
        <translation>Отмечен(а)</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>When the registration desk admitted the person that day</source>
        <translation>Когда регистрация на входе пропустила участника в этот день</translation>
    </message>
    <message>
        <source>Not admitted at the desk that day</source>
        <translation>В этот день не проходил(а) регистрацию на входе</translation>
    </message>
</context>
</TS>

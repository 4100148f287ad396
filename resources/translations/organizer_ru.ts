<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
<context>
    <name>AddSessionDialog</name>
    <message>
        <source>Add a session</source>
        <translation>Добавить занятие</translation>
    </message>
    <message>
        <source>theory</source>
        <translation>теория</translation>
    </message>
    <message>
        <source>practice</source>
        <translation>практика</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>День:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Starts:</source>
        <translation>Начало:</translation>
    </message>
    <message>
        <source>Ends:</source>
        <translation>Конец:</translation>
    </message>
    <message>
        <source>Hall:</source>
        <translation>Зал:</translation>
    </message>
    <message>
        <source>Trainer:</source>
        <translation>Тренер:</translation>
    </message>
    <message>
        <source>Checking what this does to attendance…</source>
        <translation>Проверяем, как это изменит посещаемость…</translation>
    </message>
</context>
<context>
    <name>CancelSessionDialog</name>
    <message>
        <source>Cancel the session</source>
        <translation>Отменить занятие</translation>
    </message>
    <message>
        <source>Restore the session</source>
        <translation>Вернуть занятие</translation>
    </message>
    <message>
        <source>Cancel «{title}» ({when})?</source>
        <translation>Отменить «{title}» ({when})?</translation>
    </message>
    <message>
        <source>Restore the cancelled session «{title}» ({when})?</source>
        <translation>Вернуть отменённое занятие «{title}» ({when})?</translation>
    </message>
    <message>
        <source>Checking what this does to attendance…</source>
        <translation>Проверяем, как это изменит посещаемость…</translation>
    </message>
    <message>
        <source>Keep as is</source>
        <translation>Оставить как есть</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>same phone</source>
        <translation>один телефон</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>одна эл. почта</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>одинаковое ФИО</translation>
    </message>
    <message>
        <source>registered at the door under a roster name</source>
        <translation>зарегистрирован(а) на входе под именем из списка</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Possible duplicates</source>
        <translation>Возможные дубли</translation>
    </message>
    <message>
        <source>Looking for people who may be entered twice…</source>
        <translation>Ищем людей, которые могли попасть в список дважды…</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Участник</translation>
    </message>
    <message>
        <source>Maybe the same as</source>
        <translation>Возможно, тот же человек</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <source>Double-click a person to open their card, or pick a pair and merge it.</source>
        <translation>Дважды щёлкните по человеку, чтобы открыть его карточку, или выберите пару и объедините её.</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Объединить…</translation>
    </message>
    <message>
        <source>Pairs found: {count}</source>
        <translation>Найдено пар: {count}</translation>
    </message>
    <message>
        <source>No possible duplicates found.</source>
        <translation>Возможных дублей не найдено.</translation>
    </message>
<message>
        <source>Double-click a person to open their card.</source>
        <translation>Двойной щелчок по участнику открывает его карточку.</translation>
    </message>
    </context>
<context>
    <name>History</name>
    <message>
        <source>added</source>
        <translation>добавлен(а)</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>изменено</translation>
    </message>
    <message>
        <source>withdrew</source>
        <translation>отказ</translation>
    </message>
    <message>
        <source>taken back</source>
        <translation>возвращён(а)</translation>
    </message>
    <message>
        <source>merged into another record</source>
        <translation>объединён(а) с другой записью</translation>
    </message>
    <message>
        <source>a duplicate merged into this person</source>
        <translation>к этому человеку присоединён дубль</translation>
    </message>
    <message>
        <source>merge undone</source>
        <translation>объединение отменено</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Поток</translation>
    </message>
    <message>
        <source>Withdrew</source>
        <translation>Отказ</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>The other record</source>
        <translation>Другая запись</translation>
    </message>
    <message>
        <source>Badge version</source>
        <translation>Версия бейджа</translation>
    </message>
    <message>
        <source>Accelerator track</source>
        <translation>Трек акселератора</translation>
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
        <source>let in on another stream's day</source>
        <translation>пропущен(а) в день другого потока</translation>
    </message>
    <message>
        <source>Allowed by</source>
        <translation>Разрешил(а)</translation>
    </message>
    </context>
<context>
    <name>HistoryTable</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>Ноутбук</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Было</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Стало</translation>
    </message>
</context>
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
    <name>MergeDialog</name>
    <message>
        <source>Merge two records</source>
        <translation>Объединение двух записей</translation>
    </message>
    <message>
        <source>These two records are one person. Who stays?</source>
        <translation>Эти две записи — один человек. Какая запись остаётся?</translation>
    </message>
    <message>
        <source>Why are they one person?</source>
        <translation>Почему это один человек?</translation>
    </message>
    <message>
        <source>e.g. registered at the door, was on the roster</source>
        <translation>например: зарегистрирована на входе, а была в списке</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>stream {number}</source>
        <translation>поток {number}</translation>
    </message>
    <message>
        <source>registered at the door</source>
        <translation>зарегистрирован(а) на входе</translation>
    </message>
    <message>
        <source>withdrew</source>
        <translation>отказ</translation>
    </message>
    <message>
        <source>Counting what moves…</source>
        <translation>Считаем, что переносится…</translation>
    </message>
    <message>
        <source>From «{merged}» to «{kept}» move: check-ins {checkins}, marked sessions {marks}, printed badges {badges}.</source>
        <translation>От «{merged}» к «{kept}» переходят: отметки на входе — {checkins}, занятия с отметками — {marks}, напечатанные бейджи — {badges}.</translation>
    </message>
    <message>
        <source>The certificate {number} becomes the kept person's.</source>
        <translation>Сертификат {number} переходит к остающейся записи.</translation>
    </message>
    <message>
        <source>«{merged}» leaves the lists and counts; the merge can be undone in the card of «{kept}».</source>
        <translation>«{merged}» уходит из списков и подсчётов; объединение можно отменить в карточке «{kept}».</translation>
    </message>
</context>
<context>
    <name>MergeErrors</name>
    <message>
        <source>Write why these two records are one person.</source>
        <translation>Напишите, почему эти две записи — один человек.</translation>
    </message>
    <message>
        <source>Write why the merge is taken back.</source>
        <translation>Напишите, почему объединение отменяется.</translation>
    </message>
    <message>
        <source>This is the same person. Choose the other record of the pair.</source>
        <translation>Это одна и та же запись. Выберите другую запись из пары.</translation>
    </message>
    <message>
        <source>{participant} is already merged into someone. Undo that merge first in the card of the person who stayed.</source>
        <translation>{participant}: эта запись уже объединена с другой. Сначала отмените то объединение в карточке оставшегося человека.</translation>
    </message>
    <message>
        <source>{participant} withdrew. Keep the other record, or take them back first in their card.</source>
        <translation>{participant} отказался(-ась) от участия. Оставьте другую запись или сначала верните человека в его карточке.</translation>
    </message>
    <message>
        <source>Both have a valid certificate ({kept} and {merged}). Void the wrong one on the «Сертификаты» page, then merge.</source>
        <translation>У обоих есть действующий сертификат ({kept} и {merged}). Аннулируйте ошибочный на странице «Сертификаты», затем объедините.</translation>
    </message>
    <message>
        <source>This person is not merged into anyone: there is nothing to undo.</source>
        <translation>Эта запись ни с кем не объединена — отменять нечего.</translation>
    </message>
</context>
<context>
    <name>ParticipantDialog</name>
    <message>
        <source>Details</source>
        <translation>Данные</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Undo merge…</source>
        <translation>Отменить объединение…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>A new participant</source>
        <translation>Новый участник</translation>
    </message>
    <message>
        <source>Fill in at least the surname and the first name.</source>
        <translation>Заполните как минимум фамилию и имя.</translation>
    </message>
    <message>
        <source>Take back…</source>
        <translation>Вернуть…</translation>
    </message>
    <message>
        <source>Withdrawal…</source>
        <translation>Отказ…</translation>
    </message>
    <message>
        <source>Withdrew: {reason}. Not counted in the streams.</source>
        <translation>Отказ: {reason}. Не учитывается в потоках.</translation>
    </message>
    <message>
        <source>no stream yet</source>
        <translation>поток ещё не назначен</translation>
    </message>
    <message>
        <source>{stream}; badge version {version}</source>
        <translation>{stream}; версия бейджа {version}</translation>
    </message>
    <message>
        <source>registered at the door</source>
        <translation>зарегистрирован(а) на входе</translation>
    </message>
    <message>
        <source>«{merged}» into «{kept}»</source>
        <translation>«{merged}» → «{kept}»</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>Отменить объединение</translation>
    </message>
    <message>
        <source>Which merge to undo?</source>
        <translation>Какое объединение отменить?</translation>
    </message>
    <message>
        <source>«{merged}» becomes a separate person again, with the check-ins, marks and badges recorded under that record. Why?</source>
        <translation>«{merged}» снова станет отдельным человеком — с отметками на входе, на занятиях и бейджами, записанными на эту запись. Почему отменяете?</translation>
    </message>
    <message>
        <source>The merge is undone.</source>
        <translation>Объединение отменено.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохраняем…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>Отказ от участия</translation>
    </message>
    <message>
        <source>Why does the participant withdraw? They leave their stream and the expected counts; their history stays.</source>
        <translation>Почему участник отказывается? Он выйдет из потока и из ожидаемого числа участников; его история сохранится.</translation>
    </message>
</context>
<context>
    <name>ParticipantForm</name>
    <message>
        <source>male</source>
        <translation>мужской</translation>
    </message>
    <message>
        <source>female</source>
        <translation>женский</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
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
        <source>Surname:</source>
        <translation>Фамилия:</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Patronymic:</source>
        <translation>Отчество:</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>Пол:</translation>
    </message>
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
        <source>Consent to data processing:</source>
        <translation>Согласие на обработку данных:</translation>
    </message>
    <message>
        <source>Consent date:</source>
        <translation>Дата согласия:</translation>
    </message>
    <message>
        <source>Entry test:</source>
        <translation>Входной тест:</translation>
    </message>
    <message>
        <source>Exit test:</source>
        <translation>Выходной тест:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Примечание:</translation>
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
        <source>Duplicates…</source>
        <translation>Дубли…</translation>
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
    <name>PreviewTable</name>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
</context>
<context>
    <name>ScheduleEffectText</name>
    <message numerus="yes">
        <source>{shift} for %n</source>
        <translation>
            <numerusform>{shift} у %n человека</numerusform>
            <numerusform>{shift} у %n человек</numerusform>
            <numerusform>{shift} у %n человек</numerusform>
        </translation>
    </message>
    <message>
        <source>and others</source>
        <translation>и другие</translation>
    </message>
    <message numerus="yes">
        <source>The attendance percentage of %n participant(s) will change: {detail}.</source>
        <translation>
            <numerusform>У %n участника процент посещаемости изменится: {detail}.</numerusform>
            <numerusform>У %n участников процент посещаемости изменится: {detail}.</numerusform>
            <numerusform>У %n участников процент посещаемости изменится: {detail}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody's attendance percentage changes.</source>
        <translation>Процент посещаемости ни у кого не изменится.</translation>
    </message>
    <message>
        <source>The session has not taken place yet: percentages do not change now.</source>
        <translation>Занятие ещё не прошло: сейчас проценты не изменятся.</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) will qualify for the certificate.</source>
        <translation>
            <numerusform>%n человек станет допущен к сертификату.</numerusform>
            <numerusform>%n человека станут допущены к сертификату.</numerusform>
            <numerusform>%n человек станут допущены к сертификату.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) will no longer qualify for the certificate.</source>
        <translation>
            <numerusform>%n человек потеряет допуск к сертификату.</numerusform>
            <numerusform>%n человека потеряют допуск к сертификату.</numerusform>
            <numerusform>%n человек потеряют допуск к сертификату.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sessions in the stream's programme: {before} → {after}.</source>
        <translation>Занятий в программе потока: {before} → {after}.</translation>
    </message>
    <message numerus="yes">
        <source>The %n mark(s) already given for this session are kept, but they stop counting.</source>
        <translation>
            <numerusform>Уже поставленная %n отметка за это занятие сохранится, но перестанет учитываться.</numerusform>
            <numerusform>Уже поставленные %n отметки за это занятие сохранятся, но перестанут учитываться.</numerusform>
            <numerusform>Уже поставленные %n отметок за это занятие сохранятся, но перестанут учитываться.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n mark(s) given for this session count again.</source>
        <translation>
            <numerusform>%n отметка за это занятие снова будет учитываться.</numerusform>
            <numerusform>%n отметки за это занятие снова будут учитываться.</numerusform>
            <numerusform>%n отметок за это занятие снова будут учитываться.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>Schedule</source>
        <translation>Расписание</translation>
    </message>
    <message>
        <source>Add a session…</source>
        <translation>Добавить занятие…</translation>
    </message>
    <message>
        <source>Cancel the session…</source>
        <translation>Отменить занятие…</translation>
    </message>
    <message>
        <source>Double-click a session to change it.</source>
        <translation>Двойной щелчок по занятию — изменить его.</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>Зал</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>Тренер</translation>
    </message>
    <message>
        <source>theory</source>
        <translation>теория</translation>
    </message>
    <message>
        <source>practice</source>
        <translation>практика</translation>
    </message>
    <message>
        <source>Cancelled: out of attendance percentages and sign-in sheets.</source>
        <translation>Отменено: не входит в процент посещаемости и листы подписи.</translation>
    </message>
    <message>
        <source>Restore the session…</source>
        <translation>Вернуть занятие…</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Checking the attendance marks…</source>
        <translation>Проверяем отметки посещаемости…</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>День:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <source>Starts:</source>
        <translation>Начало:</translation>
    </message>
    <message>
        <source>Ends:</source>
        <translation>Конец:</translation>
    </message>
    <message>
        <source>Hall:</source>
        <translation>Зал:</translation>
    </message>
    <message>
        <source>Trainer:</source>
        <translation>Тренер:</translation>
    </message>
    <message>
        <source>Attendance is not affected: the {marks} mark(s) given for this session stay, and nobody's attendance percentage changes.</source>
        <translation>Посещаемость не изменится: отметки по этому занятию (участников с отметкой: {marks}) сохранятся, проценты посещаемости ни у кого не изменятся.</translation>
    </message>
</context>
<context>
    <name>StreamsPage</name>
    <message>
        <source>Streams</source>
        <translation>Потоки</translation>
    </message>
    <message>
        <source>Assign by entry score</source>
        <translation>Распределить по баллам входного теста</translation>
    </message>
    <message>
        <source>Undo the last assignment</source>
        <translation>Отменить последнее распределение</translation>
    </message>
    <message>
        <source>Move to another stream…</source>
        <translation>Перевести в другой поток…</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Поток</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Мест</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Участников</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>Вручную</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Баллы</translation>
    </message>
    <message>
        <source>People of the stream: {count}</source>
        <translation>Участников в потоке: {count}</translation>
    </message>
    <message>
        <source>Assigned: {moved} moved, {kept} placed by hand kept, {without} without a score, {over} did not fit.</source>
        <translation>Распределено: перемещено {moved}, оставлено размещённых вручную {kept}, без балла {without}, не поместилось {over}.</translation>
    </message>
    <message>
        <source>Undone: {count} put back in their earlier stream.</source>
        <translation>Отменено: возвращено в прежний поток {count}.</translation>
    </message>
    <message>
        <source>Choose a person in the list first.</source>
        <translation>Сначала выберите участника в списке.</translation>
    </message>
    <message>
        <source>Move to another stream</source>
        <translation>Перевод в другой поток</translation>
    </message>
    <message>
        <source>Why? The person then stays in this stream when the assignment is re-run.</source>
        <translation>Почему? Участник останется в этом потоке и при повторном распределении.</translation>
    </message>
</context>
</TS>

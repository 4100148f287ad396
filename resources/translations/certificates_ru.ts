<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
<context>
    <name>CertificateErrors</name>
    <message>
        <source>This laptop holds no free certificate numbers. The organizer&apos;s laptop gives it a block (smm-event certificates grant) and then the laptops sync.</source>
        <translation>У этого ноутбука нет свободных номеров сертификатов. Ноутбук организатора выделяет ему диапазон (smm-event certificates grant), затем ноутбуки синхронизируются.</translation>
    </message>
    <message>
        <source>Two laptops numbered certificates on their own. See the register tab.</source>
        <translation>Два ноутбука нумеровали сертификаты независимо друг от друга. Смотрите вкладку «Реестр».</translation>
    </message>
    <message>
        <source>The register changed meanwhile. Try again.</source>
        <translation>Реестр за это время изменился. Повторите действие.</translation>
    </message>
    <message>
        <source>This laptop cannot sign certificates. Issue them on the organizer&apos;s laptop.</source>
        <translation>Этот ноутбук не может подписывать сертификаты. Выдавайте их на ноутбуке организатора.</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again.</source>
        <translation>Неверная парольная фраза. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Write down the reason for the decision.</source>
        <translation>Укажите причину решения.</translation>
    </message>
    <message>
        <source>The dative form of this name must be checked first (names tab).</source>
        <translation>Сначала проверьте форму имени в дательном падеже (вкладка «Имена»).</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>Не удалось записать {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>CertificateTables</name>
    <message>
        <source>attendance {percent} is below {required} %: {short} more session(s) needed</source>
        <translation>посещаемость {percent} ниже {required} %: не хватает занятий: {short}</translation>
    </message>
    <message>
        <source>not in a stream</source>
        <translation>не распределён в поток</translation>
    </message>
    <message>
        <source>no session to count yet (none held, or all excused)</source>
        <translation>пока нечего считать (занятий не было или все пропуски уважительные)</translation>
    </message>
    <message>
        <source>no exit test</source>
        <translation>нет выходного теста</translation>
    </message>
    <message>
        <source>exit test below the minimum score</source>
        <translation>выходной тест ниже минимального балла</translation>
    </message>
    <message>
        <source>{count} session(s) not marked</source>
        <translation>не отмечено занятий: {count}</translation>
    </message>
    <message>
        <source>{held} of {planned} sessions held so far</source>
        <translation>проведено занятий: {held} из {planned}</translation>
    </message>
    <message>
        <source>decided by the organizer: {reason}</source>
        <translation>решение организатора: {reason}</translation>
    </message>
    <message>
        <source>gender unknown</source>
        <translation>пол не указан</translation>
    </message>
    <message>
        <source>no patronymic</source>
        <translation>нет отчества</translation>
    </message>
    <message>
        <source>surname does not decline</source>
        <translation>фамилия не склоняется</translation>
    </message>
    <message>
        <source>оглы/кызы patronymic</source>
        <translation>отчество с оглы/кызы</translation>
    </message>
    <message>
        <source>a part stayed unchanged</source>
        <translation>часть имени не изменилась</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>действителен</translation>
    </message>
    <message>
        <source>void</source>
        <translation>аннулирован</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>заменён</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <source>Certificates</source>
        <translation>Сертификаты</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Поток</translation>
    </message>
    <message>
        <source>Certificates</source>
        <comment>navigation</comment>
        <translation>Сертификат</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>Право на сертификат</translation>
    </message>
    <message>
        <source>Names in the dative</source>
        <translation>Имена в дательном падеже</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Реестр</translation>
    </message>
    <message>
        <source>Check a certificate</source>
        <translation>Проверка сертификата</translation>
    </message>
    <message>
        <source>Decide for the selected person…</source>
        <translation>Решение организатора по выбранному участнику…</translation>
    </message>
    <message>
        <source>Only the names to check</source>
        <translation>Только имена, которые нужно проверить</translation>
    </message>
    <message>
        <source>The selected forms are right</source>
        <translation>Выбранные формы верны</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>Аннулировать…</translation>
    </message>
    <message>
        <source>Reissue…</source>
        <translation>Переиздать…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Выгрузить в Excel…</translation>
    </message>
    <message>
        <source>One PDF for printing</source>
        <translation>Один PDF для печати</translation>
    </message>
    <message>
        <source>A PDF file per person (for e-mail)</source>
        <translation>По файлу на каждого</translation>
    </message>
    <message>
        <source>Issue and save…</source>
        <translation>Выдать и сохранить…</translation>
    </message>
    <message>
        <source>Issue and print…</source>
        <translation>Выдать и напечатать…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>Формулировка</translation>
    </message>
    <message>
        <source>«…confirms that Ivanov Ivan…»</source>
        <translation>«…подтверждает, что Иванов Иван…»</translation>
    </message>
    <message>
        <source>«…issued to Ivanov Ivan…» (dative)</source>
        <translation>«…выдан Иванову Ивану…»</translation>
    </message>
    <message>
        <source>Eligible people of the chosen stream without a valid certificate get the next numbers; those issued before are written out again unchanged.</source>
        <translation>Участники выбранного потока, которым положен сертификат и у которых его ещё нет, получают следующие номера; выданные ранее сертификаты выводятся повторно без изменений.</translation>
    </message>
    <message>
        <source>All streams</source>
        <translation>Все потоки</translation>
    </message>
    <message>
        <source>Eligible: {eligible} of {total}. With a valid certificate: {issued}.</source>
        <translation>Положен сертификат: {eligible} из {total}. Выдан действующий: {issued}.</translation>
    </message>
    <message>
        <source>Used by a template that prints «выдан …» with the name in the dative. Names to check: {pending}. Type the right form in the second column, or select rows whose form is right and confirm them. A confirmed form is printed as it is.</source>
        <translation>Нужно для шаблона, где напечатано «выдан …» с именем в дательном падеже. Имён на проверку: {pending}. Впишите правильную форму во второй столбец или выделите строки с верной формой и подтвердите их. Подтверждённая форма печатается как есть.</translation>
    </message>
    <message>
        <source>Numbers {first}–{last}: {laptop}, used {used}</source>
        <translation>Номера {first}–{last}: {laptop}, использовано {used}</translation>
    </message>
    <message>
        <source>Unused numbers {first}–{last} (a laptop&apos;s block)</source>
        <translation>Неиспользованные номера {first}–{last} (диапазон ноутбука)</translation>
    </message>
    <message>
        <source>PROBLEM: two laptops numbered certificates on their own. Void the duplicates and issue again.</source>
        <translation>ПРОБЛЕМА: два ноутбука нумеровали сертификаты независимо. Аннулируйте дубликаты и выдайте заново.</translation>
    </message>
    <message>
        <source>Select a person in the table first.</source>
        <translation>Сначала выберите участника в таблице.</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Положен</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>Не положен</translation>
    </message>
    <message>
        <source>As the rule says</source>
        <translation>По правилу</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>Решение организатора</translation>
    </message>
    <message>
        <source>Reason (kept in the register):</source>
        <translation>Причина (сохраняется в реестре):</translation>
    </message>
    <message>
        <source>Choose one PDF, a file per person, or both.</source>
        <translation>Выберите один PDF, файлы на каждого или и то и другое.</translation>
    </message>
    <message>
        <source>Folder for the certificates</source>
        <translation>Папка для сертификатов</translation>
    </message>
    <message>
        <source>Issuing…</source>
        <translation>Выдача…</translation>
    </message>
    <message>
        <source>Issuing and printing…</source>
        <translation>Выдача и печать…</translation>
    </message>
    <message>
        <source>Done. New certificates: {new}, issued before: {old}, not issued: {skipped}.</source>
        <translation>Готово. Новых сертификатов: {new}, выданных ранее: {old}, не выдано: {skipped}.</translation>
    </message>
    <message>
        <source>Numbers {first} to {last}.</source>
        <translation>Номера с {first} по {last}.</translation>
    </message>
    <message>
        <source>PDF: {path}</source>
        <translation>PDF: {path}</translation>
    </message>
    <message>
        <source>Files in {path}</source>
        <translation>Файлы в {path}</translation>
    </message>
    <message>
        <source>No PDF was written: not eligible yet: {not_eligible}, dative names to review: {names}, without a stream: {no_stream}. The Eligibility table shows each person&apos;s reason.</source>
        <translation>PDF не создан: ещё не допущены: {not_eligible}, падеж имени не проверен: {names}, без потока: {no_stream}. Причину для каждого участника показывает таблица «Право на сертификат».</translation>
    </message>
    <message>
        <source>Cancelled. No number was used and no file written.</source>
        <translation>Отменено. Номера не израсходованы, файлы не записаны.</translation>
    </message>
    <message>
        <source>Select a certificate in the register first.</source>
        <translation>Сначала выберите сертификат в реестре.</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Аннулирование</translation>
    </message>
    <message>
        <source>Why is {number} void?</source>
        <translation>Почему аннулируется № {number}?</translation>
    </message>
    <message>
        <source>Reissue</source>
        <translation>Переиздание</translation>
    </message>
    <message>
        <source>Why is {number} reissued?</source>
        <translation>Почему переиздаётся № {number}?</translation>
    </message>
    <message>
        <source>Save the new certificate</source>
        <translation>Сохранить новый сертификат</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export the register</source>
        <translation>Выгрузка реестра</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Файлы Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Register saved to {path}</source>
        <translation>Реестр сохранён: {path}</translation>
    </message>
</context>
<context>
    <name>EligibilityModel</name>
    <message>
        <source>Participant</source>
        <translation>Участник</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Поток</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Посещено</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Тест</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Положен</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>NamesModel</name>
    <message>
        <source>Name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Dative («выдан …»)</source>
        <translation>Дательный падеж («выдан …»)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Why check</source>
        <translation>Что проверить</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>подтверждено</translation>
    </message>
    <message>
        <source>name changed: check again</source>
        <translation>имя изменилось: проверьте снова</translation>
    </message>
    <message>
        <source>check</source>
        <translation>проверить</translation>
    </message>
    <message>
        <source>suggested</source>
        <translation>предложено</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Printed name</source>
        <translation>Имя на бланке</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Поток</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Выдан</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>Ноутбук</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
</context>
<context>
    <name>VerifyPanel</name>
    <message>
        <source>Scan the certificate&apos;s QR code or paste its text</source>
        <translation>Отсканируйте QR-код сертификата или вставьте его текст</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <source>NOT GENUINE: the code was altered, damaged or forged.</source>
        <translation>НЕ ПОДЛИННЫЙ: код изменён, повреждён или подделан.</translation>
    </message>
    <message>
        <source>Signed with a key this laptop does not know. Sync it and check again.</source>
        <translation>Подписан ключом, которого нет на этом ноутбуке. Синхронизируйте его и проверьте снова.</translation>
    </message>
    <message>
        <source>This is not a certificate of this event.</source>
        <translation>Это не сертификат этого мероприятия.</translation>
    </message>
    <message>
        <source>not in this laptop&apos;s register yet</source>
        <translation>пока нет в реестре этого ноутбука</translation>
    </message>
    <message>
        <source>Genuine certificate No. {number} (version {version}): {name}, stream {stream}. Status: {status}.</source>
        <translation>Подлинный сертификат № {number} (версия {version}): {name}, поток {stream}. Статус: {status}.</translation>
    </message>
</context>
</TS>

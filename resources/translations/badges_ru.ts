<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
<context>
    <name>BadgeErrors</name>
    <message>
        <source>This laptop has only the public key: it checks badges but cannot issue them. Print badges on the organizer&apos;s laptop.</source>
        <translation>На этом ноутбуке только открытый ключ: он проверяет бейджи, но выпускать их не может. Печатайте бейджи на ноутбуке организатора.</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again.</source>
        <translation>Неверная парольная фраза. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>This passphrase is too easy to guess. Use at least {min_length} characters, best three or four unrelated words.</source>
        <translation>Эту фразу-пароль легко подобрать. Возьмите не меньше {min_length} знаков, лучше три-четыре не связанных между собой слова.</translation>
    </message>
    <message>
        <source>The signing key on this laptop is damaged. Restore the workspace from a backup.</source>
        <translation>Ключ подписи на этом ноутбуке повреждён. Восстановите рабочий файл из резервной копии.</translation>
    </message>
    <message>
        <source>The signing key was replaced. Enter the passphrase of the new key.</source>
        <translation>Ключ подписи заменён. Введите парольную фразу нового ключа.</translation>
    </message>
    <message>
        <source>Nobody is chosen: there are no badges to print.</source>
        <translation>Никто не выбран: печатать нечего.</translation>
    </message>
    <message>
        <source>Unknown badge layout {name}.</source>
        <translation>Неизвестный макет бейджа {name}.</translation>
    </message>
    <message>
        <source>The badge template {path} cannot be used: {reason}</source>
        <translation>Шаблон бейджа {path} не подходит: {reason}</translation>
    </message>
    <message>
        <source>A name or organization is too long to fit on a badge.</source>
        <translation>Имя или название организации слишком длинное и не помещается на бейдж.</translation>
    </message>
    <message>
        <source>In this template the QR code is smaller than {min_mm} mm.</source>
        <translation>В этом шаблоне QR-код меньше {min_mm} мм.</translation>
    </message>
    <message>
        <source>In this template the badges do not fit on the page.</source>
        <translation>В этом шаблоне бейджи не помещаются на страницу.</translation>
    </message>
    <message>
        <source>The printer {printer} cannot be used. Check that it is on and try again.</source>
        <translation>Принтер {printer} недоступен. Проверьте, что он включён, и попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>BadgesPage</name>
    <message>
        <source>Badges</source>
        <translation>Бейджи</translation>
    </message>
    <message>
        <source>Who gets a badge</source>
        <translation>Кому печатать</translation>
    </message>
    <message>
        <source>A4: 10 badges 90×55 mm, crop marks</source>
        <translation>A4: 10 бейджей 90×55 мм, метки реза</translation>
    </message>
    <message>
        <source>A6: one badge a sheet</source>
        <translation>A6: один бейдж на листе</translation>
    </message>
    <message>
        <source>Label 62×100 mm (Brother QL)</source>
        <translation>Наклейка 62×100 мм (Brother QL)</translation>
    </message>
    <message>
        <source>Template file…</source>
        <translation>Файл шаблона…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Сохранить PDF…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Макет</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Просмотр</translation>
    </message>
    <message>
        <source>Print log</source>
        <translation>Журнал печати</translation>
    </message>
    <message>
        <source>The event has no signing key yet, so badges cannot be printed. The organizer creates it once on their laptop: smm-event keys init. The preview works.</source>
        <translation>У мероприятия ещё нет ключа подписи, поэтому бейджи печатать нельзя. Организатор создаёт его один раз на своём ноутбуке: smm-event keys init. Просмотр макета работает.</translation>
    </message>
    <message>
        <source>This laptop has only the public key: it checks badges at the desk but cannot issue new ones, so that a lost laptop cannot be used to forge a badge. Print badges on the organizer&apos;s laptop. The preview works here too.</source>
        <translation>На этом ноутбуке только открытый ключ: он проверяет бейджи на стойке, но выпускать новые не может — так потерянный ноутбук не поможет подделать бейдж. Печатайте бейджи на ноутбуке организатора. Просмотр макета работает и здесь.</translation>
    </message>
    <message>
        <source>Badge template</source>
        <translation>Шаблон бейджа</translation>
    </message>
    <message>
        <source>Badge templates (*.toml)</source>
        <translation>Шаблоны бейджей (*.toml)</translation>
    </message>
    <message>
        <source>Choose who gets a badge.</source>
        <translation>Выберите, кому печатать бейджи.</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Готовим просмотр…</translation>
    </message>
    <message>
        <source>Badges: {badges}, pages: {pages}</source>
        <translation>Бейджей: {badges}, страниц: {pages}</translation>
    </message>
    <message>
        <source>The QR codes of the preview are not valid; printed badges get signed ones.</source>
        <translation>QR-коды в просмотре недействительны; на напечатанных бейджах будут подписанные.</translation>
    </message>
    <message>
        <source>Showing the first {shown} of {total} pages.</source>
        <translation>Показаны первые {shown} из {total} страниц.</translation>
    </message>
    <message>
        <source>Save badges as PDF</source>
        <translation>Сохранить бейджи в PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Создаём PDF…</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Печатаем…</translation>
    </message>
    <message>
        <source>Done. Badges: {badges}, pages: {pages}.</source>
        <translation>Готово. Бейджей: {badges}, страниц: {pages}.</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Сохранено в {path}</translation>
    </message>
    <message>
        <source>Choose who gets a badge first.</source>
        <translation>Сначала выберите, кому печатать бейджи.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Signing keys</source>
        <translation>Ключи подписи</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Ключ</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Действует</translation>
    </message>
    <message>
        <source>Signs here</source>
        <translation>Подписывает на этом ноутбуке</translation>
    </message>
    <message>
        <source>Create the key…</source>
        <translation>Создать ключ…</translation>
    </message>
    <message>
        <source>Replace with a new key…</source>
        <translation>Заменить новым ключом…</translation>
    </message>
    <message>
        <source>Export for a second laptop…</source>
        <translation>Выгрузить для второго ноутбука…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
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
        <source>The event has no signing key yet: create it to print badges.</source>
        <translation>У мероприятия ещё нет ключа подписи: создайте его, чтобы печатать бейджи.</translation>
    </message>
    <message>
        <source>Replace the key</source>
        <translation>Замена ключа</translation>
    </message>
    <message>
        <source>The passphrase of the current key:</source>
        <translation>Пароль текущего ключа:</translation>
    </message>
    <message>
        <source>Key {key} is ready, with the new passphrase. Badges printed with the old key stay valid.</source>
        <translation>Ключ {key} готов, с новым паролем. Бейджи, напечатанные со старым ключом, остаются действительными.</translation>
    </message>
    <message>
        <source>Key {key} is ready.</source>
        <translation>Ключ {key} готов.</translation>
    </message>
    <message>
        <source>Save the key file</source>
        <translation>Сохранить файл ключа</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>Не удаётся записать {path}: {reason}</translation>
    </message>
    <message>
        <source>Saved to {path}. On the second laptop import it with the same passphrase.</source>
        <translation>Сохранено в {path}. На втором ноутбуке загрузите его с тем же паролем.</translation>
    </message>
</context>
<context>
    <name>NewPassphraseDialog</name>
    <message>
        <source>Passphrase of the signing key</source>
        <translation>Пароль ключа подписи</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Ещё раз:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Надёжность:</translation>
    </message>
    <message>
        <source>Badges are signed with this key. Without the passphrase nobody can print badges, and it cannot be recovered: write it down and keep it safe.</source>
        <translation>Этим ключом подписываются бейджи. Без пароля никто не сможет печатать бейджи, а восстановить пароль нельзя: запишите его и храните надёжно.</translation>
    </message>
    <message>
        <source>At least {count} characters.</source>
        <translation>Не меньше {count} знаков.</translation>
    </message>
    <message>
        <source>Too easy to guess: add words, digits or signs.</source>
        <translation>Слишком легко угадать: добавьте слова, цифры или знаки.</translation>
    </message>
    <message>
        <source>Type the same passphrase again below.</source>
        <translation>Введите тот же пароль ещё раз ниже.</translation>
    </message>
    <message>
        <source>Good.</source>
        <translation>Хорошо.</translation>
    </message>
    <message>
        <source>Very good.</source>
        <translation>Очень хорошо.</translation>
    </message>
</context>
<context>
    <name>PeopleChooser</name>
    <message>
        <source>Stream</source>
        <translation>Поток</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Все участники</translation>
    </message>
    <message>
        <source>Chosen people</source>
        <translation>Выбранные люди</translation>
    </message>
    <message>
        <source>Search: surname, name or organization</source>
        <translation>Поиск: фамилия, имя или организация</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>Снять все отметки</translation>
    </message>
    <message>
        <source>stream {number}</source>
        <translation>поток {number}</translation>
    </message>
    <message>
        <source>Chosen: {count}</source>
        <translation>Выбрано: {count}</translation>
    </message>
</context>
<context>
    <name>PrintLogView</name>
    <message>
        <source>Find a person in the log</source>
        <translation>Найти человека в журнале</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Участник</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Поток</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Макет</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>Ноутбук</translation>
    </message>
    <message>
        <source>Printed more than once</source>
        <translation>Напечатан не один раз</translation>
    </message>
    <message>
        <source>Badges printed: {count}, people: {people}, printed again: {again}</source>
        <translation>Напечатано бейджей: {count}, людей: {people}, повторно: {again}</translation>
    </message>
</context>
</TS>

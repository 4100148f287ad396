<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
<context>
    <name>Annuller</name>
    <message>
        <source>Annul a check-in</source>
        <translation>Аннулировать регистрацию</translation>
    </message>
    <message>
        <source>Choose an admission («Welcome!») in the list of last scans first.</source>
        <translation>Сначала выберите в списке последних сканирований пропуск («Добро пожаловать!»).</translation>
    </message>
    <message>
        <source>Annul the check-in of {name}? It stays in the log but no longer counts, and the attendance mark the desk made is withdrawn.

Reason:</source>
        <translation>Аннулировать регистрацию: {name}? Запись останется в журнале, но перестанет учитываться, а отметка посещаемости, сделанная стойкой, будет снята.

Причина:</translation>
    </message>
</context>
<context>
    <name>BadgeOutput</name>
    <message>
        <source>Reprints and walk-ins&apos; badges go straight to this printer.</source>
        <translation>Перепечатанные бейджи и бейджи новых участников печатаются сразу на этом принтере.</translation>
    </message>
    <message>
        <source>None: open the PDF</source>
        <translation>Нет: открыть PDF</translation>
    </message>
    <message>
        <source>{printer} (not found)</source>
        <translation>{printer} (не найден)</translation>
    </message>
    <message>
        <source>The printer «{printer}» is not found on this laptop.</source>
        <translation>Принтер «{printer}» не найден на этом ноутбуке.</translation>
    </message>
    <message>
        <source>The printer «{printer}» did not take the job.</source>
        <translation>Принтер «{printer}» не принял задание.</translation>
    </message>
    <message>
        <source>Sent to the printer «{printer}». The PDF is also saved: {path}</source>
        <translation>Отправлено на принтер «{printer}». PDF также сохранён: {path}</translation>
    </message>
    <message>
        <source>PDF opened: print it from the viewer. The file: {path}</source>
        <translation>PDF открыт: напечатайте его из программы просмотра. Файл: {path}</translation>
    </message>
    <message>
        <source>The PDF is saved to {path}. No viewer opened it: open the file and print it.</source>
        <translation>PDF сохранён в {path}. Программа просмотра его не открыла: откройте файл и напечатайте.</translation>
    </message>
    <message>
        <source>The badge PDF could not be saved: {error}</source>
        <translation>Не удалось сохранить PDF бейджа: {error}</translation>
    </message>
</context>
<context>
    <name>BadgeReprinter</name>
    <message>
        <source>Reprint badge</source>
        <translation>Перепечатка бейджа</translation>
    </message>
    <message>
        <source>Reprint the badge of {name}? The old badge stops working.</source>
        <translation>Перевыпустить бейдж: {name}? Старый бейдж перестанет действовать.</translation>
    </message>
    <message>
        <source>The new badge of {name} is ready.</source>
        <translation>Новый бейдж: {name}.</translation>
    </message>
    <message>
        <source>Print the badge of {name} now?</source>
        <translation>Напечатать бейдж участника {name} сейчас?</translation>
    </message>
    <message>
        <source>Print badge</source>
        <translation>Напечатать бейдж</translation>
    </message>
    <message>
        <source>The badge of {name} is ready.</source>
        <translation>Бейдж готов: {name}.</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>Camera {number}</source>
        <translation>Камера {number}</translation>
    </message>
    <message>
        <source>Turn camera on</source>
        <translation>Включить камеру</translation>
    </message>
    <message>
        <source>Find cameras</source>
        <translation>Найти камеры</translation>
    </message>
    <message>
        <source>Turn camera off</source>
        <translation>Выключить камеру</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Камера включается…</translation>
    </message>
    <message>
        <source>Looking for cameras…</source>
        <translation>Ищу камеры…</translation>
    </message>
    <message>
        <source>No camera found. The scanner and the search work without one.</source>
        <translation>Камера не найдена. Сканер и поиск работают и без неё.</translation>
    </message>
    <message>
        <source>Camera {number} ({width}×{height})</source>
        <translation>Камера {number} ({width}×{height})</translation>
    </message>
</context>
<context>
    <name>CountsPanel</name>
    <message>
        <source>No stream meets today</source>
        <translation>Сегодня занятий нет</translation>
    </message>
    <message>
        <source>Stream {streams}: {arrived} of {expected} arrived</source>
        <translation>Поток {streams}: пришли {arrived} из {expected}</translation>
    </message>
    <message>
        <source>+{count} from other streams (organizer&apos;s decision)</source>
        <translation>+{count} из других потоков (решение организатора)</translation>
    </message>
    <message>
        <source>Not arrived yet: {count}</source>
        <translation>Ещё не пришли: {count}</translation>
    </message>
</context>
<context>
    <name>DeskMessages</name>
    <message>
        <source>Enter at least the surname and the first name.</source>
        <translation>Введите хотя бы фамилию и имя.</translation>
    </message>
    <message>
        <source>«{value}» is not a phone number. Example: +7 928 123-45-67.</source>
        <translation>«{value}» — не номер телефона. Пример: +7 928 123-45-67.</translation>
    </message>
    <message>
        <source>«{value}» is not an e-mail address.</source>
        <translation>«{value}» — не адрес электронной почты.</translation>
    </message>
    <message>
        <source>No stream meets today, so a walk-in cannot join one. Ask the organizer.</source>
        <translation>Сегодня нет занятий ни одного потока, поэтому нового участника некуда записать. Обратитесь к организатору.</translation>
    </message>
    <message>
        <source>Several streams meet today: choose the stream.</source>
        <translation>Сегодня занимаются несколько потоков — выберите поток.</translation>
    </message>
    <message>
        <source>Stream {number} does not meet today.</source>
        <translation>У потока {number} сегодня нет занятий.</translation>
    </message>
    <message>
        <source>This laptop cannot print badges: it holds only the keys that check badges, not the key that signs them (so that a lost laptop cannot be used to forge badges). Ask the organizer to reprint the badge on their laptop. Meanwhile, check the person in by search.</source>
        <translation>Этот ноутбук не может печатать бейджи: на нём есть только ключи для проверки бейджей, а ключа подписи нет (чтобы потерянным ноутбуком нельзя было подделать бейдж). Обратитесь к организатору — он перепечатает бейдж на своём ноутбуке. А пока отметьте участника через поиск.</translation>
    </message>
    <message>
        <source>Write why the check-in is annulled: the organizers will see it.</source>
        <translation>Напишите, почему регистрация аннулируется: организаторы это увидят.</translation>
    </message>
    <message>
        <source>The reason is too long: at most {max_length} characters.</source>
        <translation>Причина слишком длинная: не больше {max_length} символов.</translation>
    </message>
    <message>
        <source>This check-in is not in the workspace. Refresh the list of scans.</source>
        <translation>Этой регистрации нет в рабочей базе. Обновите список сканирований.</translation>
    </message>
    <message>
        <source>This scan admitted nobody, so there is nothing to annul.</source>
        <translation>По этому сканированию никто не прошёл — аннулировать нечего.</translation>
    </message>
    <message>
        <source>This check-in was already annulled.</source>
        <translation>Эта регистрация уже аннулирована.</translation>
    </message>
    <message>
        <source>Write why the person is let in: the organizers will see it.</source>
        <translation>Напишите, почему участника пропускают: организаторы это увидят.</translation>
    </message>
    <message>
        <source>This laptop is not the organizer&apos;s: write the name of the organizer who allowed it (call them if they are not here).</source>
        <translation>Это не ноутбук организатора: напишите, кто из организаторов разрешил пропустить (позвоните ему, если его нет рядом).</translation>
    </message>
    <message>
        <source>No exception is needed: the person&apos;s stream meets today (or they have no stream, ask the organizer to assign one). Scan the badge again.</source>
        <translation>Исключение не нужно: поток участника занимается сегодня (или участник не распределён по потокам — обратитесь к организатору). Отсканируйте бейдж ещё раз.</translation>
    </message>
    <message>
        <source>The signing key was replaced. Reprint again and enter the passphrase of the new key.</source>
        <translation>Ключ подписи заменён. Перевыпустите бейдж ещё раз и введите парольную фразу нового ключа.</translation>
    </message>
    <message>
        <source>Wrong passphrase. The badge was not reissued.</source>
        <translation>Неверный пароль. Бейдж не перевыпущен.</translation>
    </message>
    <message>
        <source>The camera cannot be opened. Check that it is plugged in and not used by another program. The scanner and the search keep working.</source>
        <translation>Камера не открывается. Проверьте, что она подключена и не занята другой программой. Сканер и поиск работают.</translation>
    </message>
    <message>
        <source>The camera stopped sending pictures (unplugged?). Plug it in and turn it on again. The scanner and the search keep working.</source>
        <translation>Камера перестала передавать изображение (отключена?). Подключите её и включите снова. Сканер и поиск работают.</translation>
    </message>
    <message>
        <source>The camera failed. Turn it on again or choose another one. The scanner and the search keep working.</source>
        <translation>Ошибка камеры. Включите её снова или выберите другую. Сканер и поиск работают.</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <source>Check-in</source>
        <translation>Регистрация</translation>
    </message>
    <message>
        <source>Last scans</source>
        <translation>Последние сканирования</translation>
    </message>
    <message>
        <source>Annul…</source>
        <translation>Аннулировать…</translation>
    </message>
    <message>
        <source>Undo the selected admission, with a reason</source>
        <translation>Отменить выбранный пропуск с указанием причины</translation>
    </message>
    <message>
        <source>Find a participant</source>
        <translation>Найти участника</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Desk name</source>
        <translation>Название стойки</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ваше имя</translation>
    </message>
    <message>
        <source>Test scanner</source>
        <translation>Проверка сканера</translation>
    </message>
    <message>
        <source>New participant…</source>
        <translation>Новый участник…</translation>
    </message>
    <message>
        <source>Kiosk mode</source>
        <translation>Режим киоска</translation>
    </message>
    <message>
        <source>Only the verdict, on the whole screen. Esc leaves.</source>
        <translation>Только результат, на весь экран. Выход — Esc.</translation>
    </message>
    <message>
        <source>Desk:</source>
        <translation>Стойка:</translation>
    </message>
    <message>
        <source>Operator:</source>
        <translation>Оператор:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>A refusal stays until the next scan or a click.</source>
        <translation>Отказ остаётся на экране до следующего сканирования или щелчка.</translation>
    </message>
    <message>
        <source>Green and amber shown for:</source>
        <translation>Зелёный и жёлтый держатся:</translation>
    </message>
    <message>
        <source>Badge printer:</source>
        <translation>Принтер бейджей:</translation>
    </message>
    <message>
        <source>Check the date on this computer: {today} is outside the event ({start} – {end}). Check-ins would be recorded on the wrong day.</source>
        <translation>Проверьте дату на компьютере: {today} — вне дат мероприятия ({start} – {end}). Отметки попадут не в тот день.</translation>
    </message>
    <message>
        <source>Not checked in</source>
        <translation>Не отмечен</translation>
    </message>
    <message>
        <source>The check-in could not be saved. Try again; if it repeats, call the organizer.</source>
        <translation>Отметку не удалось сохранить. Попробуйте ещё раз; если повторится — позовите организатора.</translation>
    </message>
</context>
<context>
    <name>DeskVerdicts</name>
    <message>
        <source>Checked in by the organizer&apos;s decision (another stream&apos;s day).</source>
        <translation>Отмечен по решению организатора (день другого потока).</translation>
    </message>
    <message>
        <source>Checked in.</source>
        <translation>Регистрация пройдена.</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Примечание: {note}</translation>
    </message>
    <message>
        <source>No consent to the processing of personal data: ask them to sign it, then press «Consent signed».</source>
        <translation>Нет согласия на обработку персональных данных: попросите подписать и нажмите «Согласие подписано».</translation>
    </message>
    <message>
        <source>First check-in at {time}, desk «{desk}». Let them in, no second badge needed.</source>
        <translation>Впервые отмечен в {time}, стойка «{desk}». Пропустите — второй бейдж не нужен.</translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation>Добро пожаловать!</translation>
    </message>
    <message>
        <source>Already checked in today</source>
        <translation>Уже отмечен сегодня</translation>
    </message>
    <message>
        <source>This badge was replaced</source>
        <translation>Бейдж заменён</translation>
    </message>
    <message>
        <source>Code not accepted</source>
        <translation>Код не принят</translation>
    </message>
    <message>
        <source>Participant not found</source>
        <translation>Участник не найден</translation>
    </message>
    <message>
        <source>No stream assigned</source>
        <translation>Нет потока</translation>
    </message>
    <message>
        <source>Not this stream&apos;s day</source>
        <translation>Сегодня занимается другой поток</translation>
    </message>
    <message>
        <source>No sessions today</source>
        <translation>Сегодня занятий нет</translation>
    </message>
    <message>
        <source>A newer badge was issued to this person; this one no longer works. Ask for the new badge, or find the person by search.</source>
        <translation>Участнику выдан новый бейдж, этот больше не действует. Попросите новый бейдж или найдите участника через поиск.</translation>
    </message>
    <message>
        <source>The badge is genuine, but this person is not on this laptop. Synchronize the laptop, or register them as a new participant.</source>
        <translation>Бейдж настоящий, но этого участника нет на ноутбуке. Синхронизируйте ноутбук или зарегистрируйте его как нового участника.</translation>
    </message>
    <message>
        <source>The person is not in any stream yet. Ask the organizer.</source>
        <translation>Участник ещё не распределён в поток. Обратитесь к организатору.</translation>
    </message>
    <message>
        <source>Nobody has sessions today. Stream {stream} meets on {days}.</source>
        <translation>Сегодня занятий нет ни у одного потока. Поток {stream} занимается: {days}.</translation>
    </message>
    <message>
        <source>The badge is signed with a key this laptop does not know. Synchronize the laptop, or find the person by search.</source>
        <translation>Бейдж подписан ключом, которого нет на этом ноутбуке. Синхронизируйте ноутбук или найдите участника через поиск.</translation>
    </message>
    <message>
        <source>This is not a badge of this event. Find the person by search.</source>
        <translation>Это не бейдж нашего мероприятия. Найдите участника через поиск.</translation>
    </message>
    <message>
        <source>The code is damaged or forged. Scan it again, or find the person by search.</source>
        <translation>Код повреждён или подделан. Отсканируйте ещё раз или найдите участника через поиск.</translation>
    </message>
    <message>
        <source>She is in stream {stream}, which meets on {days}. Today is the day of stream {today}.</source>
        <translation>Она занимается в потоке {stream}: {days}. Сегодня день потока {today}.</translation>
    </message>
    <message>
        <source>He is in stream {stream}, which meets on {days}. Today is the day of stream {today}.</source>
        <translation>Он занимается в потоке {stream}: {days}. Сегодня день потока {today}.</translation>
    </message>
    <message>
        <source>Stream {stream} meets on {days}. Today is the day of stream {today}.</source>
        <translation>Поток {stream} занимается: {days}. Сегодня день потока {today}.</translation>
    </message>
</context>
<context>
    <name>MissingDialog</name>
    <message>
        <source>Who has not arrived yet</source>
        <translation>Кто ещё не пришёл</translation>
    </message>
    <message>
        <source>Search: surname, organization or phone</source>
        <translation>Поиск: фамилия, организация или телефон</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Отметить</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) not checked in today</source>
        <translation>
            <numerusform>%n человек сегодня не отмечен</numerusform>
            <numerusform>%n человека сегодня не отмечены</numerusform>
            <numerusform>%n человек сегодня не отмечены</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Let in anyway</source>
        <translation>Пропустить всё равно</translation>
    </message>
    <message>
        <source>{name} is not in today&apos;s stream. Let them in only if an organizer agrees. The reason goes to the log and to the person&apos;s history.</source>
        <translation>{name} не из сегодняшнего потока. Пропускайте, только если согласен организатор. Причина попадёт в журнал и в историю участника.</translation>
    </message>
    <message>
        <source>e.g. came on the wrong day, make-up day</source>
        <translation>например: перепутал(а) день, день отработки</translation>
    </message>
    <message>
        <source>surname and name</source>
        <translation>фамилия и имя</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <source>Allowed by (organizer):</source>
        <translation>Разрешил(а) (организатор):</translation>
    </message>
    <message>
        <source>Let in</source>
        <translation>Пропустить</translation>
    </message>
</context>
<context>
    <name>RecentList</name>
    <message>
        <source>Annul this check-in…</source>
        <translation>Аннулировать эту регистрацию…</translation>
    </message>
    <message>
        <source>annulled</source>
        <translation>аннулировано</translation>
    </message>
    <message>
        <source>unknown code</source>
        <translation>неизвестный код</translation>
    </message>
    <message>
        <source>let in by the organizer</source>
        <translation>пропущен(а) по решению организатора</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>Consent signed</source>
        <translation>Согласие подписано</translation>
    </message>
    <message>
        <source>Let in anyway…</source>
        <translation>Пропустить всё равно…</translation>
    </message>
    <message>
        <source>Print badge</source>
        <translation>Напечатать бейдж</translation>
    </message>
    <message>
        <source>Ready to scan</source>
        <translation>Готово к сканированию</translation>
    </message>
    <message>
        <source>Hold the badge to the scanner or the camera, or find the person by search.</source>
        <translation>Поднесите бейдж к сканеру или камере — или найдите участника через поиск.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверяю…</translation>
    </message>
</context>
<context>
    <name>ScannerSelfTest</name>
    <message>
        <source>Scanner test</source>
        <translation>Проверка сканера</translation>
    </message>
    <message>
        <source>Scan any badge of this event with the scanner. Nobody is checked in during the test.</source>
        <translation>Отсканируйте сканером любой бейдж этого мероприятия. Во время проверки никто не отмечается.</translation>
    </message>
    <message>
        <source>Waiting for a scan…</source>
        <translation>Жду сканирования…</translation>
    </message>
    <message>
        <source>The scanner is set up right.</source>
        <translation>Сканер настроен правильно.</translation>
    </message>
    <message>
        <source>Check the scanner:</source>
        <translation>Проверьте сканер:</translation>
    </message>
    <message>
        <source>Received: </source>
        <translation>Получено: </translation>
    </message>
    <message>
        <source>The code is a valid badge of {name}.</source>
        <translation>Код — действительный бейдж участника: {name}.</translation>
    </message>
    <message>
        <source>The code is not a valid badge of this event on this laptop.</source>
        <translation>Код не является действительным бейджем этого мероприятия на этом ноутбуке.</translation>
    </message>
    <message>
        <source>All is well.</source>
        <translation>Всё в порядке.</translation>
    </message>
    <message>
        <source>The code came out garbled. Make sure it is a badge of this event and that the scanner reads QR codes as a USB keyboard (HID).</source>
        <translation>Код пришёл искажённым. Убедитесь, что это бейдж этого мероприятия и что сканер читает QR-коды в режиме USB-клавиатуры (HID).</translation>
    </message>
    <message>
        <source>The scanner types with the Russian keyboard layout. The desk corrects this itself, but switching the layout to English (or the scanner to its layout-independent mode) is more reliable.</source>
        <translation>Сканер печатает в русской раскладке. Программа исправляет это сама, но надёжнее переключить раскладку на английскую (или сканер — в режим, не зависящий от раскладки).</translation>
    </message>
    <message>
        <source>Caps Lock is on: turn it off.</source>
        <translation>Включён Caps Lock — выключите его.</translation>
    </message>
    <message>
        <source>The scanner types as slowly as a person. While the cursor is in the search field its codes are not recognised: raise its transmission speed.</source>
        <translation>Сканер передаёт символы медленно, как человек. Пока курсор стоит в поле поиска, его коды не распознаются: увеличьте скорость передачи в настройках сканера.</translation>
    </message>
    <message>
        <source>The scanner sends no Enter after the code. Scans still work after a short pause; turning on the Enter suffix in the scanner&apos;s settings makes them faster.</source>
        <translation>Сканер не отправляет Enter после кода. Сканирование всё равно работает после короткой паузы, но с суффиксом Enter в настройках сканера оно быстрее.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search: surname, phone or organization</source>
        <translation>Поиск: фамилия, телефон или организация</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Отметить</translation>
    </message>
    <message>
        <source>Reprint badge…</source>
        <translation>Перепечатать…</translation>
    </message>
    <message>
        <source>stream {number}</source>
        <translation>поток {number}</translation>
    </message>
    <message>
        <source>✓ here today since {time}, desk «{desk}»</source>
        <translation>✓ уже есть регистрация сегодня в {time}, стойка «{desk}»</translation>
    </message>
    <message>
        <source>walk-in</source>
        <translation>новый участник (без предварительной записи)</translation>
    </message>
    <message>
        <source>Type at least two letters of the surname.</source>
        <translation>Введите хотя бы две буквы фамилии.</translation>
    </message>
    <message>
        <source>Nobody found. Try the phone or the organization, or register a walk-in.</source>
        <translation>Никого не нашлось. Попробуйте телефон или организацию — или зарегистрируйте нового участника.</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>New participant (walk-in)</source>
        <translation>Новый участник (без регистрации)</translation>
    </message>
    <message>
        <source>Stream {number}</source>
        <translation>Поток {number}</translation>
    </message>
    <message>
        <source>Surname*</source>
        <translation>Фамилия*</translation>
    </message>
    <message>
        <source>First name*</source>
        <translation>Имя*</translation>
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
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Поток</translation>
    </message>
    <message>
        <source>The person joins today&apos;s stream and is checked in at once. The organizers will see them in the list of walk-ins to review.</source>
        <translation>Участник попадёт в сегодняшний поток и будет сразу отмечен. Организаторы увидят его в списке новых участников для проверки.</translation>
    </message>
    <message>
        <source>Register and check in</source>
        <translation>Зарегистрировать и отметить</translation>
    </message>
    <message>
        <source>Already on the roster? If it is one of them, check them in instead:</source>
        <translation>Уже есть в списке? Если это один из них, отметьте его вместо новой записи:</translation>
    </message>
    <message>
        <source>stream {number}</source>
        <translation>поток {number}</translation>
    </message>
    <message>
        <source>Check her in</source>
        <translation>Отметить её</translation>
    </message>
    <message>
        <source>Check him in</source>
        <translation>Отметить его</translation>
    </message>
</context>
</TS>

"""The trainers' screens: marking a session (``trainer_page``) and the attendance matrix
(``matrix_page``)."""

"""«Регистрация»: the registration desk screen (scanner, camera, search, walk-ins, counts)."""

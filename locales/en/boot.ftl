# Compiled into the web app so it can speak even when the rest of the language failed to download.
state-loading = Loading…
state-load-failed = The page could not load. Please check your internet connection.
state-retry = Try again
language-native-name = English

# Compiled into the web app so it can speak even when the rest of the language failed to download.
state-loading = جارٍ التحميل…
state-load-failed = تعذّر تحميل الصفحة. يرجى التحقق من اتصالك بالإنترنت.
state-retry = حاول مرة أخرى
language-native-name = العربية

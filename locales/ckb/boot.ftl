# Compiled into the web app so it can speak even when the rest of the language failed to download.
state-loading = بارکردن…
state-load-failed = پەڕەکە بار نەکرا. تکایە پەیوەندیی ئینتەرنێتەکەت بپشکنە.
state-retry = دووبارە هەوڵ بدەرەوە
language-native-name = کوردی (سۆرانی)

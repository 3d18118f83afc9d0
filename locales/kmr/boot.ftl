# Compiled into the web app so it can speak even when the rest of the language failed to download.
state-loading = Tê barkirin…
state-load-failed = Rûpel nehat barkirin. Ji kerema xwe girêdana xwe ya înternetê kontrol bike.
state-retry = Dîsa biceribîne
language-native-name = Kurdî (Kurmancî)

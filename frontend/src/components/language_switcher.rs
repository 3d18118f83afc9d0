//! One button per language, each labelled in its own language and script, so a reader who
//! landed on the wrong one can always find theirs. The names are compiled in (see
//! [`crate::i18n::native_names`]), so the switcher needs no request and never moves the page.

use leptos::prelude::*;

use crate::i18n::{native_names, t, use_i18n};

#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="language-switcher" aria-label=t("language-switcher")>
            <ul>
                {native_names().into_iter().map(|(code, name)| {
                    view! {
                        <li>
                            <button
                                type="button"
                                class="language-option"
                                lang=code.code()
                                dir=code.direction().as_str()
                                data-language=code.code()
                                aria-pressed=move || (i18n.chosen.get() == code).to_string()
                                on:click=move |_| i18n.choose(code)
                            >
                                {name}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}

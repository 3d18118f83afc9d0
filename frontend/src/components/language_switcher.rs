//! One button per language, each labelled in its own language and script, so a reader who
//! landed on the wrong one can always find theirs.

use leptos::prelude::*;

use crate::{
    api,
    components::states::{Failed, Loading},
    i18n::{t, use_i18n},
    loader::Loader,
};

#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let languages = Loader::new(api::languages);
    view! {
        <nav class="language-switcher" aria-label=t("language-switcher")>
            {move || match languages.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(failure)) => view! { <Failed failure on_retry=move || languages.reload()/> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul>
                        {list.into_iter().map(|language| {
                            let code = language.code;
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="language-option"
                                        lang=code.code()
                                        dir=language.direction.as_str()
                                        data-language=code.code()
                                        aria-pressed=move || (i18n.chosen.get() == code).to_string()
                                        on:click=move |_| i18n.choose(code)
                                    >
                                        {language.native_name}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </nav>
    }
}

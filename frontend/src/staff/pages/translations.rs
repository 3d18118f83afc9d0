//! The review of the interface's translations: each message of a language with its English
//! source, marked "needs native-speaker review" until an editor who reads the language clears the
//! mark for the text as it is now.

use leptos::{prelude::*, task::spawn_local};
use sanad_frontend::{
    api::ApiFailure,
    components::states::{Failed, Loading},
    i18n::{t, t_args, t_count},
};
use sanad_shared::translations::{ReviewRequest, TranslationList, TranslationMessage};

use super::{Outcome, OutcomeNotice};
use crate::session::use_session;

/// The languages whose texts are reviewed, Kurdish first: their texts were written with the least
/// native-speaker reading.
const LANGUAGES: [(&str, &str); 3] = [
    ("ckb", "language-name-ckb"),
    ("kmr", "language-name-kmr"),
    ("ar", "language-name-ar"),
];

#[component]
pub fn Translations() -> impl IntoView {
    let session = use_session();
    let language = RwSignal::new("ckb".to_owned());
    let only_needing = RwSignal::new(true);
    let outcome = RwSignal::new(Outcome::Idle);
    let list: RwSignal<Option<Result<TranslationList, ApiFailure>>> = RwSignal::new(None);
    // Refreshing after a mark keeps the list on screen (and the reader's place in it); only a
    // new language starts from "loading".
    let fetch = move |from_scratch: bool| {
        if from_scratch {
            list.set(None);
        }
        let language = language.get_untracked();
        spawn_local(async move {
            let answer = session
                .call::<(), TranslationList>(
                    "GET",
                    &format!("/api/v1/editor/translations?language={language}"),
                    None,
                )
                .await;
            let _ = list.try_set(Some(answer));
        });
    };
    fetch(true);
    let mark = move |message: TranslationMessage, reviewed: bool| {
        let language = language.get_untracked();
        let url = format!(
            "/api/v1/editor/translations/{language}/{}/review",
            message.id
        );
        spawn_local(async move {
            let result = if reviewed {
                let body = ReviewRequest {
                    text_hash: message.text_hash,
                };
                session.call_empty("PUT", &url, Some(&body)).await
            } else {
                session.call_empty::<()>("DELETE", &url, None).await
            };
            match result {
                Ok(()) => outcome.set(Outcome::Idle),
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
            fetch(false);
        });
    };
    view! {
        <section class="page page-wide">
            <h1>{t("translations-title")}</h1>
            <p>{t("translations-intro")}</p>
            <div class="filters">
                <label for="translation-language">{t("translations-language")}</label>
                <select id="translation-language" on:change=move |event| {
                    language.set(event_target_value(&event));
                    fetch(true);
                }>
                    {LANGUAGES.iter().map(|(code, key)| view! {
                        <option value=*code selected=move || language.get() == *code>{t(key)}</option>
                    }).collect_view()}
                </select>
                <label class="checkbox">
                    <input type="checkbox" prop:checked=move || only_needing.get()
                        on:change=move |event| only_needing.set(event_target_checked(&event))/>
                    {t("translations-only-needing")}
                </label>
            </div>
            <OutcomeNotice outcome/>
            {move || match list.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(failure)) => view! { <Failed failure on_retry=move || fetch(true)/> }.into_any(),
                Some(Ok(list)) => {
                    let language = list.language.clone();
                    let shown: Vec<TranslationMessage> = list
                        .messages
                        .into_iter()
                        .filter(|m| !only_needing.get() || m.review.is_none())
                        .collect();
                    view! {
                        <p role="status">{t_count("translations-needing-count", &[
                            ("count", i64::from(list.needing_review)),
                            ("total", i64::from(list.total)),
                        ])}</p>
                        <ul class="tip-list translation-list">
                            {shown.into_iter().map(|message| {
                                let language = language.clone();
                                view! { <Row message language mark/> }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn Row(
    message: TranslationMessage,
    language: String,
    mark: impl Fn(TranslationMessage, bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let reviewed = message.review.is_some();
    let reviewer = message
        .review
        .as_ref()
        .map(|r| r.reviewer.clone())
        .unwrap_or_default();
    let for_button = message.clone();
    view! {
        <li class="tip-row translation-row">
            <p class="translation-id"><code>{message.id.clone()}</code>" "<span class="hint">{message.file.clone()}</span></p>
            <p class="translation-english" lang="en" dir="ltr">{message.english.clone()}</p>
            <p class="translation-text" lang=language dir="auto">{message.text.clone()}</p>
            {if reviewed {
                view! {
                    <p>
                        <span class="badge">{t_args("translations-reviewed-by", &[("name", reviewer)])}</span>
                        " "
                        <button type="button" class="link-button" on:click=move |_| mark(for_button.clone(), false)>
                            {t("translations-mark-again")}
                        </button>
                    </p>
                }.into_any()
            } else {
                view! {
                    <p>
                        <span class="badge badge-alert">{t("article-needs-review")}</span>
                        " "
                        <button type="button" class="button" on:click=move |_| mark(for_button.clone(), true)>
                            {t("translations-mark-reviewed")}
                        </button>
                    </p>
                }.into_any()
            }}
        </li>
    }
}

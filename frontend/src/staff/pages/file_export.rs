//! "Export" for a list, the statistics or a network: the file is fetched with the session (the
//! server audits it), then offered as a download from memory.

use leptos::{prelude::*, task::spawn_local};
use sanad_frontend::i18n::{t, t_args};

use super::{Outcome, OutcomeNotice};
use crate::session::use_session;

#[derive(Clone)]
struct Ready {
    url: String,
    name: String,
}

/// `address` gives the export's API address at the moment the button is pressed (the filters
/// then in force); the file is called `sanad-{name}-{day}.{extension}`; `label` and `hint` are
/// the button's and the explanation's message keys.
#[component]
pub fn FileExport(
    address: Callback<(), String>,
    name: &'static str,
    #[prop(default = "csv")] extension: &'static str,
    #[prop(default = "export-csv")] label: &'static str,
    #[prop(default = "export-hint")] hint: &'static str,
) -> impl IntoView {
    let session = use_session();
    let ready = RwSignal::new(None::<Ready>);
    let busy = RwSignal::new(false);
    let outcome = RwSignal::new(Outcome::Idle);
    let revoke = move || {
        if let Some(old) = ready.try_get_untracked().flatten() {
            let _ = web_sys::Url::revoke_object_url(&old.url);
        }
    };
    on_cleanup(revoke);
    let export = move |_| {
        busy.set(true);
        outcome.set(Outcome::Idle);
        let url = address.run(());
        spawn_local(async move {
            let answer = session.blob(&url).await;
            let _ = busy.try_set(false);
            match answer {
                Ok(blob) => {
                    revoke();
                    let day = js_sys::Date::new_0()
                        .to_iso_string()
                        .as_string()
                        .unwrap_or_default();
                    let file = format!(
                        "sanad-{name}-{}.{extension}",
                        day.get(..10).unwrap_or_default()
                    );
                    if let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) {
                        let _ = ready.try_set(Some(Ready { url, name: file }));
                    }
                }
                Err(failure) => {
                    let _ = outcome.try_set(Outcome::Failed(failure));
                }
            }
        });
    };
    view! {
        <div class="file-export">
            <button type="button" class="button button-secondary" disabled=move || busy.get() on:click=export>
                {t(label)}
            </button>
            {move || ready.get().map(|file| view! {
                <a href=file.url download=file.name.clone()>{t_args("export-download", &[("name", file.name.clone())])}</a>
            })}
            <OutcomeNotice outcome/>
            <p class="hint">{t(hint)}</p>
        </div>
    }
}

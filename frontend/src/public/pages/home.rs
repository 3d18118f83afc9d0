//! The home page: three large actions, the way back to a sent report, the privacy promise and
//! the staff entry.

use leptos::prelude::*;

use sanad_frontend::i18n::t;

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <section class="home">
            <h1>{t("home-title")}</h1>
            <p class="lead">{t("home-intro")}</p>
            <ul class="actions">
                <li>
                    <a href="/report" class="action action-report">
                        <span class="action-title">{t("home-report-title")}</span>
                        <span class="action-text">{t("home-report-text")}</span>
                    </a>
                </li>
                <li>
                    <a href="/missing" class="action action-missing">
                        <span class="action-title">{t("home-missing-title")}</span>
                        <span class="action-text">{t("home-missing-text")}</span>
                    </a>
                </li>
                <li>
                    <a href="/learn" class="action action-learn">
                        <span class="action-title">{t("home-learn-title")}</span>
                        <span class="action-text">{t("home-learn-text")}</span>
                    </a>
                </li>
            </ul>
            <p class="follow-up-entry">
                <a href="/follow-up">{t("home-follow-up")}</a>
            </p>
            <p class="privacy">{t("home-privacy")}</p>
            <p class="staff-entry">
                <a href="/staff">{t("home-staff-entry")}</a>
            </p>
        </section>
    }
}

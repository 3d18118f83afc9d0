//! The public pages' content (what goes in `<main>`).

mod article;
pub mod fields;
pub mod follow_up;
mod home;
mod learn;
pub mod missing;
mod not_found;
pub mod report;

pub use article::article;
pub use home::home;
pub use learn::learn;
pub use not_found::not_found;
pub use report::{receipt, report};

use leptos::prelude::*;
use sanad_shared::articles::{ArticleImage, Category};

use crate::Messages;

/// Category, date and "featured" under a title.
fn article_meta(
    messages: &dyn Messages,
    category: Category,
    published_on: &str,
    featured: bool,
) -> impl IntoView {
    let featured = featured.then(|| {
        view! { <strong>{messages.get("learn-featured")}</strong>" · " }
    });
    view! {
        <p class="hint article-meta">
            {featured}
            <span>{messages.get(&format!("learn-category-{}", category.as_str()))}</span>
            " · "
            <time datetime=published_on.to_owned() dir="ltr">{published_on.to_owned()}</time>
        </p>
    }
}

fn picture(image: &ArticleImage, lazy: bool) -> impl IntoView {
    view! {
        <img
            class="article-image"
            src=image.src.clone()
            alt=image.alt.clone()
            width=image.width.to_string()
            height=image.height.to_string()
            loading=lazy.then_some("lazy")
            decoding="async"
        />
    }
}

/// Shown by the offline script when the phone has no network: what shows then comes from the
/// copies kept on the phone.
fn offline_notice(messages: &dyn Messages) -> impl IntoView {
    view! {
        <p class="notice notice-warning" role="status" data-offline-notice="" hidden>
            {messages.get("learn-offline")}
        </p>
    }
}

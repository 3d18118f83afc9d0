//! A fetch whose result a view shows: `None` while loading, then `Ok` or `Err`, with `reload`.
//!
//! Leptos's `LocalResource` does this and more (suspense, transitions); replacing it with this
//! plain signal took 6.5 KB (brotli, measured) off public pages that must fit in 150 KB.

use std::{future::Future, pin::Pin};

use leptos::{prelude::*, task::spawn_local};

use crate::api::ApiFailure;

type Fetch<T> = Box<dyn Fn() -> Pin<Box<dyn Future<Output = Result<T, ApiFailure>>>>>;

pub struct Loader<T: 'static> {
    state: RwSignal<Option<Result<T, ApiFailure>>>,
    fetch: StoredValue<Fetch<T>, LocalStorage>,
}

impl<T: 'static> Clone for Loader<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Loader<T> {}

impl<T: Clone + Send + Sync + 'static> Loader<T> {
    /// Starts `fetch` now; `reload` starts it again.
    pub fn new<F, Fut>(fetch: F) -> Loader<T>
    where
        F: Fn() -> Fut + 'static,
        Fut: Future<Output = Result<T, ApiFailure>> + 'static,
    {
        let fetch: Fetch<T> = Box::new(move || Box::pin(fetch()));
        let loader = Loader {
            state: RwSignal::new(None),
            fetch: StoredValue::new_local(fetch),
        };
        loader.reload();
        loader
    }

    pub fn reload(&self) {
        let state = self.state;
        state.set(None);
        let Some(pending) = self.fetch.try_with_value(|fetch| fetch()) else {
            return;
        };
        spawn_local(async move {
            let result = pending.await;
            // The view may have gone while the answer travelled; then nobody needs it.
            let _ = state.try_set(Some(result));
        });
    }

    /// The state, tracked: a view that calls this re-renders when it changes.
    pub fn get(&self) -> Option<Result<T, ApiFailure>> {
        self.state.get()
    }
}

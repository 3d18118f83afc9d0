//! A fetch whose result a lean page shows: `None` while loading, then `Ok` or `Err`, with
//! `reload` (the lean twin of [`crate::loader`]).

use std::{future::Future, pin::Pin};

use wasm_bindgen_futures::spawn_local;

use super::reactive::Var;
use crate::api::ApiFailure;

type Fetch<T> = Box<dyn Fn() -> Pin<Box<dyn Future<Output = Result<T, ApiFailure>>>>>;

pub struct Loader<T: 'static> {
    state: Var<Option<Result<T, ApiFailure>>>,
    fetch: Var<Fetch<T>>,
}

impl<T: 'static> Clone for Loader<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Loader<T> {}

impl<T: Clone + 'static> Loader<T> {
    /// Starts `fetch` now; `reload` starts it again.
    pub fn new<F, Fut>(fetch: F) -> Loader<T>
    where
        F: Fn() -> Fut + 'static,
        Fut: Future<Output = Result<T, ApiFailure>> + 'static,
    {
        let fetch: Fetch<T> = Box::new(move || Box::pin(fetch()));
        let loader = Loader {
            state: Var::new(None),
            fetch: Var::new(fetch),
        };
        loader.reload();
        loader
    }

    pub fn reload(self) {
        let state = self.state;
        state.set(None);
        let Some(pending) = self.fetch.try_with_untracked(|fetch| fetch()) else {
            return;
        };
        spawn_local(async move {
            let result = pending.await;
            // The page may have gone while the answer travelled; then nobody needs it.
            let _ = state.try_set(Some(result));
        });
    }

    /// The state, tracked: an effect that calls this re-runs when it changes.
    pub fn get(self) -> Option<Result<T, ApiFailure>> {
        self.state.get()
    }
}

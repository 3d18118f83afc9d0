//! Rendered public answers (article list pages and articles, as JSON and as pages), kept for a
//! few seconds.
//!
//! Readers arrive in waves when a campaign is shared, and every one of them asks for the same few
//! answers; serving those from memory keeps the database for the work that needs it. An entry is
//! dropped when it expires, when an editor changes anything through this instance (the
//! generation moves on), and no later than the moment a scheduled article goes live. Other
//! instances see an editor's change within [`TTL_MS`].

use std::{
    collections::HashMap,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, Mutex,
    },
};

use actix_web::web::Bytes;
use sanad_shared::{articles::Category, Language};

/// How long an answer is reused without asking the database.
pub const TTL_MS: i64 = 5_000;
/// Entries kept at most; past it the cache starts over (keys come from readers' queries).
const MAX_ENTRIES: usize = 4_096;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    List {
        language: Language,
        category: Option<Category>,
        campaign: Option<String>,
        page: u32,
    },
    Article {
        slug: String,
        language: Language,
    },
    /// A public page (or feed, or sitemap) by its address.
    Page(String),
}

/// An answer ready to send: the JSON body, its strong ETag and the language of its text.
#[derive(Debug)]
pub struct Rendered {
    pub body: Bytes,
    pub etag: String,
    pub language: Language,
    /// For an article: its id and the language shown, to count the read.
    pub read: Option<(i64, Language)>,
}

impl Rendered {
    pub fn new(body: Vec<u8>, language: Language, read: Option<(i64, Language)>) -> Rendered {
        Rendered {
            etag: crate::frontend::etag_of(&body),
            body: Bytes::from(body),
            language,
            read,
        }
    }
}

struct Entry {
    generation: u64,
    expires_at_ms: i64,
    value: Arc<Rendered>,
}

#[derive(Default)]
pub struct PublicCache {
    generation: AtomicU64,
    entries: Mutex<HashMap<Key, Entry>>,
}

impl PublicCache {
    /// Read before querying the database; pass it to [`PublicCache::put`], so an answer built
    /// while an editor saved is not kept as fresh.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    pub fn get(&self, key: &Key, now: i64) -> Option<Arc<Rendered>> {
        let generation = self.generation();
        let entries = self.entries.lock().ok()?;
        entries
            .get(key)
            .filter(|e| e.generation == generation && e.expires_at_ms > now)
            .map(|e| e.value.clone())
    }

    pub fn put(&self, key: Key, value: Arc<Rendered>, generation: u64, expires_at_ms: i64) {
        if generation != self.generation() {
            return;
        }
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
            entries.insert(
                key,
                Entry {
                    generation,
                    expires_at_ms,
                    value,
                },
            );
        }
    }

    /// Something changed: no answer built before now is served again.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        if let Ok(mut entries) = self.entries.lock() {
            entries.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> Key {
        Key::Article {
            slug: "a".into(),
            language: Language::Ar,
        }
    }

    #[test]
    fn entries_expire_and_die_with_their_generation() {
        let cache = PublicCache::default();
        let value = Arc::new(Rendered::new(b"{}".to_vec(), Language::Ar, None));
        let generation = cache.generation();
        cache.put(key(), value.clone(), generation, 100);
        assert!(cache.get(&key(), 99).is_some());
        assert!(cache.get(&key(), 100).is_none());
        cache.invalidate();
        assert!(cache.get(&key(), 0).is_none());
        // Built before the invalidation: not stored.
        cache.put(key(), value, generation, 100);
        assert!(cache.get(&key(), 0).is_none());
    }
}

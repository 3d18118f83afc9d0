//! The review marks on the interface's translations. The texts are the Fluent files compiled into
//! the binary; a mark names the exact text an editor read (its SHA-256), so a text changed by a
//! later version needs review again without anyone having to remember to reset it.

use std::collections::HashMap;

use diesel::prelude::*;
use sanad_shared::{
    i18n,
    translations::{TranslationList, TranslationMessage, TranslationReview},
    Language,
};
use sha2::{Digest, Sha256};

use crate::{
    audit::{self, Actor, Entry, Seal},
    db::DbConnection,
    error::ApiError,
    schema::{staff, translation_reviews},
};

/// One message as its file has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceMessage {
    pub id: String,
    pub file: String,
    pub text: String,
}

/// The messages of a Fluent file, each with its source text (value and attributes, indentation
/// removed). A message runs from its `id =` line over the indented and blank lines after it;
/// comments and group headings at column 0 end it.
pub fn messages_of(file: &str, source: &str) -> Vec<SourceMessage> {
    let mut found = Vec::new();
    let mut current: Option<(String, Vec<&str>)> = None;
    let finish = |current: &mut Option<(String, Vec<&str>)>, found: &mut Vec<SourceMessage>| {
        if let Some((id, mut lines)) = current.take() {
            while lines.last().is_some_and(|l| l.trim().is_empty()) {
                lines.pop();
            }
            found.push(SourceMessage {
                id,
                file: file.to_owned(),
                text: lines.join("\n"),
            });
        }
    };
    for line in source.lines() {
        let indented = line.starts_with(' ') || line.starts_with('\t');
        if indented || line.trim().is_empty() {
            if let Some((_, lines)) = current.as_mut() {
                lines.push(line.trim());
            }
            continue;
        }
        finish(&mut current, &mut found);
        let Some((id, value)) = line.split_once('=') else {
            continue;
        };
        let id = id.trim();
        let is_id = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if is_id && !line.starts_with('#') && !line.starts_with('-') {
            let value = value.trim();
            current = Some((
                id.to_owned(),
                if value.is_empty() {
                    vec![]
                } else {
                    vec![value]
                },
            ));
        }
    }
    finish(&mut current, &mut found);
    found
}

pub fn text_hash(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

fn language_messages(language: Language) -> Vec<SourceMessage> {
    i18n::embedded::files(language)
        .flat_map(|(file, source)| messages_of(file, source))
        .collect()
}

/// The languages whose texts editors review: every one but English, the source.
pub fn reviewable(language: Language) -> bool {
    language != Language::En
}

/// Every message of `language` with its English source and its review, if the mark was cleared
/// for the text as it is now.
pub fn list(conn: &mut DbConnection, language: Language) -> Result<TranslationList, ApiError> {
    let english: HashMap<String, String> = language_messages(Language::En)
        .into_iter()
        .map(|m| (m.id, m.text))
        .collect();
    let reviews: HashMap<String, (String, String, i64)> = translation_reviews::table
        .left_join(staff::table.on(staff::id.eq(translation_reviews::reviewed_by)))
        .filter(translation_reviews::language.eq(language.code()))
        .select((
            translation_reviews::message_id,
            translation_reviews::text_hash,
            staff::display_name.nullable(),
            translation_reviews::reviewed_at_ms,
        ))
        .load::<(String, String, Option<String>, i64)>(conn)?
        .into_iter()
        .map(|(id, hash, name, at)| (id, (hash, name.unwrap_or_default(), at)))
        .collect();
    let mut messages: Vec<TranslationMessage> = language_messages(language)
        .into_iter()
        .map(|m| {
            let hash = text_hash(&m.text);
            let review = reviews
                .get(&m.id)
                .filter(|(reviewed_hash, _, _)| *reviewed_hash == hash)
                .map(|(_, reviewer, at)| TranslationReview {
                    reviewer: reviewer.clone(),
                    reviewed_at_ms: *at,
                });
            TranslationMessage {
                english: english.get(&m.id).cloned().unwrap_or_default(),
                id: m.id,
                file: m.file,
                text: m.text,
                text_hash: hash,
                review,
            }
        })
        .collect();
    messages.sort_by(|a, b| {
        (a.review.is_some(), &a.file, &a.id).cmp(&(b.review.is_some(), &b.file, &b.id))
    });
    let needing_review = messages.iter().filter(|m| m.review.is_none()).count();
    Ok(TranslationList {
        language: language.code().to_owned(),
        total: u32::try_from(messages.len()).unwrap_or(u32::MAX),
        needing_review: u32::try_from(needing_review).unwrap_or(u32::MAX),
        messages,
    })
}

fn current(language: Language, id: &str) -> Result<SourceMessage, ApiError> {
    language_messages(language)
        .into_iter()
        .find(|m| m.id == id)
        .ok_or(ApiError::NotFound)
}

/// Clears the mark on the text the editor read. A text that changed since then (a newer version
/// was deployed) is refused as stale: the editor must read the new one.
pub fn mark_reviewed(
    conn: &mut DbConnection,
    seal: &Seal,
    staff_id: &str,
    language: Language,
    id: &str,
    read_hash: &str,
) -> Result<(), ApiError> {
    let message = current(language, id)?;
    if text_hash(&message.text) != read_hash {
        return Err(ApiError::StaleView { version: 0 });
    }
    audit::audited(conn, |conn| {
        diesel::delete(
            translation_reviews::table
                .filter(translation_reviews::language.eq(language.code()))
                .filter(translation_reviews::message_id.eq(id)),
        )
        .execute(conn)?;
        diesel::insert_into(translation_reviews::table)
            .values((
                translation_reviews::language.eq(language.code()),
                translation_reviews::message_id.eq(id),
                translation_reviews::text_hash.eq(read_hash),
                translation_reviews::reviewed_by.eq(staff_id),
                translation_reviews::reviewed_at_ms.eq(audit::now_ms()),
            ))
            .execute(conn)?;
        audit::append(
            conn,
            seal,
            &Entry {
                actor: Actor::Staff(staff_id.to_owned()),
                action: "translation_reviewed",
                object: format!("translation:{}:{id}", language.code()),
                details: serde_json::json!({ "text_hash": read_hash }),
            },
        )?;
        Ok(())
    })
}

/// Puts the mark back: the editor wants another reader to look.
pub fn mark_needing_review(
    conn: &mut DbConnection,
    seal: &Seal,
    staff_id: &str,
    language: Language,
    id: &str,
) -> Result<(), ApiError> {
    current(language, id)?;
    audit::audited(conn, |conn| {
        diesel::delete(
            translation_reviews::table
                .filter(translation_reviews::language.eq(language.code()))
                .filter(translation_reviews::message_id.eq(id)),
        )
        .execute(conn)?;
        audit::append(
            conn,
            seal,
            &Entry {
                actor: Actor::Staff(staff_id.to_owned()),
                action: "translation_review_requested",
                object: format!("translation:{}:{id}", language.code()),
                details: serde_json::json!({}),
            },
        )?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_keep_their_lines_and_attributes_and_skip_comments_and_terms() {
        let source = "## Group\n# A comment\nhello = Hello, { $name }!\n\
                      long =\n    First line\n\n    second line\n\n-brand = Sanad\n\
                      button = Go\n    .aria-label = Go to the page\n";
        let found = messages_of("main.ftl", source);
        let ids: Vec<&str> = found.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["hello", "long", "button"]);
        assert_eq!(found[0].text, "Hello, { $name }!");
        assert_eq!(found[1].text, "First line\n\nsecond line");
        assert_eq!(found[2].text, "Go\n.aria-label = Go to the page");
        assert_eq!(found[2].file, "main.ftl");
    }

    #[test]
    fn every_language_has_the_english_messages() {
        let english = language_messages(Language::En);
        assert!(english.len() > 300, "{} messages", english.len());
        for language in Language::ALL {
            let ids: std::collections::HashSet<String> = language_messages(language)
                .into_iter()
                .map(|m| m.id)
                .collect();
            for message in &english {
                assert!(ids.contains(&message.id), "{language}: {}", message.id);
            }
        }
    }
}

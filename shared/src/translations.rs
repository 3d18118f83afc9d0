//! The editors' review of the interface's translations: each message of a language is marked
//! "needs native-speaker review" until an editor who reads the language clears the mark for that
//! exact text; a changed text needs review again.

use serde::{Deserialize, Serialize};

/// `GET /api/v1/editor/translations?language=ckb`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TranslationList {
    /// The language code (`ar`, `ckb`, `kmr`).
    pub language: String,
    pub total: u32,
    pub needing_review: u32,
    /// Every message of the language, those needing review first, then by file and id.
    pub messages: Vec<TranslationMessage>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TranslationMessage {
    /// The Fluent message id, such as `missing-intro`.
    pub id: String,
    /// The file it lives in, such as `main.ftl`.
    pub file: String,
    /// The English source, for comparison; empty when English lacks the message.
    pub english: String,
    /// The message as the language's file has it (Fluent source, variables as `{ $name }`).
    pub text: String,
    /// SHA-256 of `text`, sent back when marking it reviewed, so a mark always names the text
    /// the editor read.
    pub text_hash: String,
    /// `None` while the text needs native-speaker review.
    pub review: Option<TranslationReview>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TranslationReview {
    pub reviewer: String,
    pub reviewed_at_ms: i64,
}

/// `PUT /api/v1/editor/translations/{language}/{id}/review`
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewRequest {
    pub text_hash: String,
}

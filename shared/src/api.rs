//! Request and response bodies of the JSON API under `/api/v1`.

use serde::{Deserialize, Serialize};

use crate::{Direction, ErrorCode, Language};

/// The body of every error response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    /// Stable machine-readable code; clients translate it.
    pub error: ErrorCode,
    /// A human-readable explanation in the language the request asked for.
    pub message: String,
    /// Extra facts about the failure, when there are any: the fields that need correcting (a
    /// list), or facts such as the limit that was passed (an object).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<ErrorDetails>))]
    pub details: Option<serde_json::Value>,
}

/// What an error's `details` holds; only the OpenAPI document names it, as the server builds
/// `details` as JSON.
#[cfg(feature = "openapi")]
#[derive(Serialize, utoipa::ToSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum ErrorDetails {
    /// Each field that needs correcting.
    Fields(Vec<crate::tips::FieldProblem>),
    /// Facts about the failure: `reason`, `limit`, `retry_after_seconds` and the like.
    Facts(std::collections::BTreeMap<String, serde_json::Value>),
}

/// One language the service offers, as the language switcher shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LanguageInfo {
    pub code: Language,
    /// The language's name in itself (العربية, کوردی, Kurmancî, English).
    pub native_name: String,
    pub direction: Direction,
}

/// The answer of `/healthz` and `/readyz`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    pub status: HealthStatus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HealthStatus {
    /// The process is up and answering.
    Alive,
    /// The process can reach its database.
    Ready,
}

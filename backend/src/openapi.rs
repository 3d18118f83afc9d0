//! The OpenAPI document, derived from the handlers' annotations so it cannot drift from them.

use actix_web::HttpResponse;
use sanad_shared::{cases::CaseStatus, tips::TipStatus};
use utoipa::{
    openapi::{
        path::{Operation, ParameterIn},
        schema::{AnyOfBuilder, ObjectBuilder, Schema, Type},
        security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
        ContentBuilder, KnownFormat, Ref, RefOr, Required, ResponseBuilder, SchemaFormat,
    },
    Modify, OpenApi,
};

/// Staff endpoints take `Authorization: Bearer <access token>`.
struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
        // Tipsters: the short-lived token `POST /api/v1/follow-up` gives for a receipt.
        components.add_security_scheme(
            "follow_up",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Every operation of the document, whatever its method.
fn operations(openapi: &mut utoipa::openapi::OpenApi) -> impl Iterator<Item = &mut Operation> {
    openapi.paths.paths.values_mut().flat_map(|item| {
        [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ]
        .into_iter()
        .flatten()
    })
}

/// The answers the app's extractors give before a handler runs (see `startup.rs`): every
/// operation that reads a path, query or body answers 400 to one it cannot read, and every JSON
/// body is refused with 415 when it is not sent as JSON and 413 past the size limit. Added here,
/// where every operation is seen, so a new handler cannot forget them.
struct ExtractorErrors;

impl Modify for ExtractorErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        operations(openapi).for_each(add_extractor_errors);
    }
}

fn add_extractor_errors(operation: &mut Operation) {
    let reads_input = operation
        .parameters
        .as_ref()
        .is_some_and(|parameters| !parameters.is_empty())
        || operation.request_body.is_some();
    let takes_json = operation
        .request_body
        .as_ref()
        .is_some_and(|body| body.content.contains_key("application/json"));
    let mut add = |status: &str, description: &str| {
        operation
            .responses
            .responses
            .entry(status.to_owned())
            .or_insert_with(|| {
                RefOr::T(
                    ResponseBuilder::new()
                        .description(description)
                        .content(
                            "application/json",
                            ContentBuilder::new()
                                .schema(Some(Ref::from_schema_name("ApiError")))
                                .build(),
                        )
                        .build(),
                )
            });
    };
    if reads_input {
        add(
            "400",
            "The request cannot be read or a value is out of range (`invalid_request`, `malformed_json`, or the operation's own code); `details` says which",
        );
    }
    if takes_json {
        add(
            "413",
            "The body is larger than the limit (`payload_too_large`)",
        );
        add(
            "415",
            "The body is not sent as `application/json` (`unsupported_media_type`)",
        );
    }
}

/// What the query extractor does (`query_params.rs`): an optional parameter sent empty counts as
/// absent, so the document admits `""` beside each one's own schema.
struct EmptyMeansAbsent;

impl Modify for EmptyMeansAbsent {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for operation in operations(openapi) {
            for parameter in operation.parameters.iter_mut().flatten() {
                if parameter.parameter_in != ParameterIn::Query
                    || parameter.required == Required::True
                {
                    continue;
                }
                if let Some(schema) = parameter.schema.take() {
                    let empty = ObjectBuilder::new()
                        .schema_type(Type::String)
                        .max_length(Some(0));
                    parameter.schema = Some(RefOr::T(Schema::AnyOf(
                        AnyOfBuilder::new().item(schema).item(empty).build(),
                    )));
                }
            }
        }
    }
}

/// The tip and case queues share their query parameters but not their statuses: `status` is a
/// comma-separated list of the queue's own.
struct QueueStatuses;

impl Modify for QueueStatuses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let tips = status_list(TipStatus::ALL.map(TipStatus::as_str));
        let cases = status_list(CaseStatus::ALL.map(CaseStatus::as_str));
        for (path, item) in openapi.paths.paths.iter_mut() {
            let pattern = match path.as_str() {
                "/api/v1/tips" | "/api/v1/tips/export" => &tips,
                "/api/v1/cases" | "/api/v1/cases/export" => &cases,
                _ => continue,
            };
            for parameter in item
                .get
                .iter_mut()
                .flat_map(|op| op.parameters.iter_mut().flatten())
                .filter(|p| p.name == "status")
            {
                parameter.schema = Some(RefOr::T(Schema::Object(
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .pattern(Some(pattern.clone()))
                        .build(),
                )));
            }
        }
    }
}

/// `new,in_review`: statuses joined by commas, spaces allowed around each.
pub fn status_list<const N: usize>(statuses: [&str; N]) -> String {
    let one = statuses.join("|");
    format!("^ *(?:{one}) *(?:, *(?:{one}) *)*$")
}

/// A day as `YYYY-MM-DD` in the years the queues and the network read (1900 to 2100), as a
/// pattern (which holds the calendar, leap years included) as well as a format.
pub fn day_since_1900() -> Schema {
    day_schema(&day_pattern(
        "(?:19|20)[0-9]{2}|2100",
        "19(?:0[48]|[2468][048]|[13579][26])|20(?:[02468][048]|[13579][26])",
    ))
}

/// A day in the years statistics cover (2000 to 2100).
pub fn day_since_2000() -> Schema {
    day_schema(&day_pattern(
        "20[0-9]{2}|2100",
        "20(?:[02468][048]|[13579][26])",
    ))
}

fn day_schema(pattern: &str) -> Schema {
    Schema::Object(
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
            .pattern(Some(pattern))
            .build(),
    )
}

/// `years` and `leap_years` are alternations of four-digit years.
pub fn day_pattern(years: &str, leap_years: &str) -> String {
    format!(
        "^(?:(?:{years})-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)|(?:{leap_years})-02-29)$"
    )
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Sanad API",
        description = "Anonymous reporting of recruitment into foreign armies, missing-person cases and awareness campaigns."
    ),
    paths(
        crate::routes::health::healthz,
        crate::routes::health::readyz,
        crate::routes::languages::list,
        crate::routes::languages::fluent_document,
        crate::routes::challenges::create,
        crate::routes::tips::submit,
        crate::routes::follow_up::open,
        crate::routes::tips::view,
        crate::routes::tips::message,
        crate::routes::tips::attachments,
        crate::routes::moderation::list,
        crate::routes::moderation::detail,
        crate::routes::moderation::attachment,
        crate::routes::moderation::reply,
        crate::routes::moderation::set_status,
        crate::routes::cases::submit,
        crate::routes::cases::follow_up_view,
        crate::routes::cases::follow_up_message,
        crate::routes::cases::list,
        crate::routes::cases::search,
        crate::routes::cases::detail,
        crate::routes::cases::photo,
        crate::routes::cases::add_note,
        crate::routes::cases::message,
        crate::routes::cases::set_status,
        crate::routes::cases::refresh,
        crate::routes::cases::decide,
        crate::routes::cases::export,
        crate::routes::cases::import,
        crate::routes::auth::login,
        crate::routes::auth::refresh,
        crate::routes::auth::logout,
        crate::routes::auth::link_info,
        crate::routes::auth::link_password,
        crate::routes::auth::password_reset,
        crate::routes::auth::me,
        crate::routes::staff::list,
        crate::routes::staff::invite,
        crate::routes::staff::set_roles,
        crate::routes::staff::deactivate,
        crate::routes::staff::reactivate,
        crate::routes::audit::list,
        crate::routes::me::start_totp,
        crate::routes::me::confirm_totp,
        crate::routes::me::disable_totp,
        crate::routes::me::change_password,
        crate::routes::settings::get,
        crate::routes::settings::put,
        crate::routes::articles::list,
        crate::routes::articles::detail,
        crate::routes::articles::media,
        crate::routes::editor::list,
        crate::routes::editor::create,
        crate::routes::editor::detail,
        crate::routes::editor::update,
        crate::routes::editor::translation,
        crate::routes::editor::set_status,
        crate::routes::editor::revisions,
        crate::routes::editor::preview,
        crate::routes::editor::campaigns,
        crate::routes::editor::create_campaign,
        crate::routes::editor::upload,
        crate::routes::translations::list,
        crate::routes::translations::review,
        crate::routes::translations::unreview,
        crate::routes::triage::assign_tip,
        crate::routes::triage::assign_case,
        crate::routes::triage::prioritise_tip,
        crate::routes::triage::prioritise_case,
        crate::routes::triage::label_tip,
        crate::routes::triage::label_case,
        crate::routes::triage::tip_presence,
        crate::routes::triage::case_presence,
        crate::routes::triage::bulk_tips,
        crate::routes::triage::bulk_cases,
        crate::routes::triage::note_tip,
        crate::routes::triage::tip_timeline,
        crate::routes::triage::case_timeline,
        crate::routes::triage::labels,
        crate::routes::triage::create_label,
        crate::routes::triage::update_label,
        crate::routes::triage::overview,
        crate::routes::triage::colleagues,
        crate::routes::triage::views,
        crate::routes::triage::save_view,
        crate::routes::triage::delete_view,
        crate::routes::entities::lookup,
        crate::routes::entities::page,
        crate::routes::entities::merge,
        crate::routes::entities::split,
        crate::routes::entities::tip_connections,
        crate::routes::entities::case_connections,
        crate::routes::entities::network,
        crate::routes::entities::network_export,
        crate::routes::statistics::figures,
        crate::routes::exports::tips_csv,
        crate::routes::exports::cases_csv,
        crate::routes::exports::statistics_csv,
        crate::routes::evidence::key,
        crate::routes::evidence::tip,
        crate::routes::evidence::case,
        openapi_json,
    ),
    modifiers(&BearerAuth, &ExtractorErrors, &QueueStatuses, &EmptyMeansAbsent),
    components(schemas(
        sanad_shared::api::ApiError,
        sanad_shared::api::ErrorDetails,
        sanad_shared::tips::FieldProblem,
        crate::routes::translations::ReviewedLanguage,
        sanad_shared::ErrorCode,
        sanad_shared::Language,
        sanad_shared::Direction,
    ))
)]
pub struct ApiDoc;

/// This document.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "meta",
    responses((status = 200, description = "The OpenAPI 3.1 document", content_type = "application/json")))]
pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}

#[cfg(test)]
mod tests {
    use regex::Regex;
    use time::{macros::format_description, Date, Duration};

    use super::*;

    fn pattern_of(schema: Schema) -> Regex {
        let Schema::Object(object) = schema else {
            panic!("a day is a string schema");
        };
        Regex::new(&object.pattern.unwrap_or_default()).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Every calendar day from 1890 to 2110 and a few near misses, read by the pattern and by the
    /// server's own readers.
    #[test]
    fn the_day_patterns_admit_exactly_the_days_the_server_reads() {
        let since_1900 = pattern_of(day_since_1900());
        let since_2000 = pattern_of(day_since_2000());
        let format = format_description!("[year]-[month]-[day]");
        let mut day = Date::from_calendar_date(1890, time::Month::January, 1).unwrap_or(Date::MIN);
        let mut texts = vec![
            "2023-02-29".to_owned(),
            "2024-04-31".to_owned(),
            "2024-13-01".to_owned(),
            "2024-00-10".to_owned(),
            "2024-1-10".to_owned(),
            "1900-02-29".to_owned(),
            "2100-02-29".to_owned(),
            " 2024-01-10".to_owned(),
        ];
        while day.year() <= 2110 {
            texts.push(day.format(&format).unwrap_or_default());
            day += Duration::days(1);
        }
        for text in texts {
            let server = sanad_shared::triage::parse_day(&text).is_some_and(|d| d == text);
            assert_eq!(since_1900.is_match(&text), server, "{text:?}");
            let statistics =
                Date::parse(&text, &format).is_ok_and(|d| (2000..=2100).contains(&d.year()));
            assert_eq!(since_2000.is_match(&text), statistics, "{text:?}");
        }
    }

    /// The pattern the document gives `schema`'s `property`.
    fn property_pattern(schema: &str, property: &str) -> Regex {
        let document = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
        let pattern = document["components"]["schemas"][schema]["properties"][property]["pattern"]
            .as_str()
            .unwrap_or_else(|| panic!("{schema}.{property} has no pattern"))
            .to_owned();
        Regex::new(&pattern).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Short texts made of the characters where the server's readings differ: controls,
    /// every kind of space, direction marks and overrides, and letters.
    fn probe_texts() -> Vec<String> {
        let mut odd: Vec<char> = (0..=0xA0_u32).filter_map(char::from_u32).collect();
        odd.extend(
            [
                0x1680, 0x2028, 0x2029, 0x205F, 0x3000, 0xFEFF, 0x0628, 0x0661,
            ]
            .into_iter()
            .chain(0x2000..=0x202F)
            .chain(0x2066..=0x2069)
            .filter_map(char::from_u32),
        );
        let mut texts = vec![String::new()];
        for c in odd {
            for text in [
                format!("{c}"),
                format!("a{c}"),
                format!("{c}a"),
                format!("{c}a{c}"),
                format!("a{c}a"),
            ] {
                texts.push(text);
            }
        }
        texts
    }

    #[test]
    fn the_text_patterns_admit_exactly_what_the_server_keeps() {
        use sanad_shared::{
            text,
            tips::NewMessage,
            triage::{LabelNames, NewLabel},
        };
        let one_line = property_pattern("LabelNames", "ar");
        let several_lines = property_pattern("NewMessage", "body");
        let name = property_pattern("PersonNames", "given");
        let trimmed = property_pattern("TranslationInput", "title");
        for probe in probe_texts() {
            let label = NewLabel {
                color: "#a1b2c3".into(),
                names: LabelNames {
                    ar: probe.clone(),
                    ckb: "x".into(),
                    kmr: "x".into(),
                    en: "x".into(),
                },
            };
            assert_eq!(
                one_line.is_match(&probe),
                label.problems().is_empty(),
                "{probe:?}"
            );
            let message: Option<NewMessage> =
                serde_json::from_value(serde_json::json!({ "body": probe })).ok();
            let kept = message.is_some_and(|m| m.problems().is_empty());
            assert_eq!(several_lines.is_match(&probe), kept, "{probe:?}");
            assert_eq!(
                name.is_match(&probe),
                !text::line(&probe).is_empty(),
                "{probe:?}"
            );
            assert_eq!(
                trimmed.is_match(&probe),
                !probe.trim().is_empty(),
                "{probe:?}"
            );
        }
    }

    #[test]
    fn a_status_list_admits_the_queues_own_statuses_and_nothing_else() {
        let tips = Regex::new(&status_list(TipStatus::ALL.map(TipStatus::as_str)))
            .unwrap_or_else(|e| panic!("{e}"));
        for ok in ["new", "new,in_review", " new , closed ", "closed,closed"] {
            assert!(tips.is_match(ok), "{ok:?}");
        }
        for wrong in ["", "new,", ",new", "reported", "new;closed", "newx"] {
            assert!(!tips.is_match(wrong), "{wrong:?}");
        }
    }
}

//! The statistics page's figures.

use actix_web::{web, HttpResponse};
use sanad_shared::{
    api::ApiError as ApiErrorBody,
    staff::Role,
    statistics::{Statistics, MAX_STATISTICS_DAYS},
    tips::FieldProblem,
};
use serde::Deserialize;
use time::{Date, Duration, OffsetDateTime};

use crate::{
    auth::Triager,
    db::{self, with_db},
    entities::Reader,
    error::ApiError,
    statistics::{self, monday_of, Audience},
};

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodQuery {
    /// The first day (`YYYY-MM-DD`), taken back to its Monday; by default the Monday 25 weeks
    /// before this week's.
    #[param(schema_with = crate::openapi::day_since_2000)]
    pub from: Option<String>,
    /// The last day, taken on to its Sunday; by default this week's Sunday.
    #[param(schema_with = crate::openapi::day_since_2000)]
    pub to: Option<String>,
}

fn day(field: &str, value: Option<&str>) -> Result<Option<Date>, ApiError> {
    let invalid = || ApiError::InvalidTriage(vec![FieldProblem::at(field, "invalid")]);
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(text) => {
            let format = time::macros::format_description!("[year]-[month]-[day]");
            Date::parse(text, &format).map(Some).map_err(|_| invalid())
        }
    }
}

impl PeriodQuery {
    pub fn period(&self) -> Result<(Date, Date), ApiError> {
        let today = OffsetDateTime::now_utc().date();
        let to = day("to", self.to.as_deref())?.unwrap_or(today);
        let from = day("from", self.from.as_deref())?
            .unwrap_or_else(|| monday_of(today) - Duration::weeks(25));
        // Years a person could mean (and no date arithmetic near the calendar's ends).
        for (field, day) in [("from", from), ("to", to)] {
            if !(2000..=2100).contains(&day.year()) {
                return Err(ApiError::InvalidTriage(vec![FieldProblem::at(
                    field,
                    "out_of_range",
                )]));
            }
        }
        // Whole weeks only: two periods a day apart would otherwise give one day's exact count
        // by subtraction, past the "<5" rule.
        let from = monday_of(from);
        let to = monday_of(to) + Duration::days(6);
        if from > to {
            return Err(ApiError::InvalidTriage(vec![FieldProblem::at(
                "to",
                "before_from",
            )]));
        }
        if (to - from).whole_days() > MAX_STATISTICS_DAYS {
            return Err(ApiError::InvalidTriage(vec![FieldProblem::at(
                "from",
                "period_too_long",
            )]));
        }
        Ok((from, to))
    }
}

#[utoipa::path(get, path = "/api/v1/statistics", tag = "statistics", security(("bearer" = [])), params(PeriodQuery),
    responses(
        (status = 200, description = "Figures for the period: tips for those who work tips, cases for those who work cases; counts under 5 as \"<5\" except for admins", body = Statistics),
        (status = 400, description = "A malformed day, `to` before `from`, or more than three years (`invalid_triage`)", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Neither a moderator nor a caseworker", body = ApiErrorBody),
    ))]
pub async fn figures(
    auth: Triager,
    query: crate::query_params::Query<PeriodQuery>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let (from, to) = query.period()?;
    let reader = Reader::of(&auth.0);
    let exact = auth.0.roles.contains(&Role::Admin);
    let second = pool.clone();
    let figures = with_db(&pool, move |conn| {
        statistics::statistics(
            conn,
            &second,
            from,
            to,
            &Audience {
                tips: reader.tips,
                cases: reader.cases,
                exact,
            },
        )
    })
    .await?;
    Ok(HttpResponse::Ok().json(figures))
}

/// This module's routes under `/api/v1`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(secured!("/statistics").route(web::get().to(figures)));
}

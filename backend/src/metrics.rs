//! Prometheus metrics, served at `/metrics` on `SANAD_METRICS_BIND` only, never on the public
//! address. Off unless that is set, and then nothing is counted either.
//!
//! Nothing here may tell anyone about a tipster: labels are route patterns (`/api/v1/tips/{id}`,
//! never the path a request named), methods and statuses; queues are counts read when scraped;
//! no time is finer than the scrape, and no label carries a receipt, an id or an address.

use std::{
    sync::OnceLock,
    time::{Duration, Instant},
};

use actix_web::{
    body::MessageBody,
    dev::{ServiceRequest, ServiceResponse},
    http::Method,
    middleware::Next,
    web, HttpResponse,
};
use diesel::{dsl::count_star, ExpressionMethods as _, QueryDsl as _, RunQueryDsl as _};
use prometheus_client::{
    encoding::{text::encode, EncodeLabelSet},
    metrics::{
        counter::Counter,
        family::Family,
        gauge::Gauge,
        histogram::{exponential_buckets, Histogram},
    },
    registry::Registry,
};

use crate::db;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: String,
    method: &'static str,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
    method: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KindLabels {
    kind: &'static str,
}

type HistogramFamily<L> = Family<L, Histogram, fn() -> Histogram>;

/// 1 ms to about 16 s: a page read is a few milliseconds, a tip waits for its receipt's hash.
fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

/// What the process counts between scrapes; one set per process, shared by its applications.
pub struct Instruments {
    requests: Family<RequestLabels, Counter>,
    latency: HistogramFamily<RouteLabels>,
    batch_size: Histogram,
    commit_wait: Histogram,
    hashes_waiting: Gauge,
    mail_sending: Gauge,
}

static INSTRUMENTS: OnceLock<Instruments> = OnceLock::new();

/// Starts counting (the first application built with `SANAD_METRICS_BIND` calls it).
pub fn enable() {
    INSTRUMENTS.get_or_init(|| Instruments {
        requests: Family::default(),
        latency: Family::new_with_constructor(latency_histogram),
        // A batch holds 1 to 64 jobs (`group_commit::MAX_BATCH`).
        batch_size: Histogram::new(exponential_buckets(1.0, 2.0, 7)),
        commit_wait: latency_histogram(),
        hashes_waiting: Gauge::default(),
        mail_sending: Gauge::default(),
    });
}

fn instruments() -> Option<&'static Instruments> {
    INSTRUMENTS.get()
}

/// Only the methods the API uses get their own label: anything else a client invents would
/// otherwise make a new series per request.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// Counts every request by route pattern, method and status, and times it.
pub async fn observe(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let Some(instruments) = instruments() else {
        return next.call(request).await;
    };
    let started = Instant::now();
    let method = method_label(request.method());
    let response = next.call(request).await;
    let (route, status) = match &response {
        Ok(response) => (
            response.request().match_pattern(),
            response.status().as_u16(),
        ),
        Err(error) => (None, error.as_response_error().status_code().as_u16()),
    };
    // Pages the web app or the site's fallback serve have no pattern; one series holds them.
    let route = route.unwrap_or_else(|| "unmatched".to_owned());
    instruments
        .latency
        .get_or_create(&RouteLabels {
            route: route.clone(),
            method,
        })
        .observe(started.elapsed().as_secs_f64());
    instruments
        .requests
        .get_or_create(&RequestLabels {
            route,
            method,
            status,
        })
        .inc();
    response
}

/// How many jobs one group commit wrote together.
pub fn batch_committed(jobs: usize) {
    if let Some(instruments) = instruments() {
        instruments.batch_size.observe(jobs as f64);
    }
}

/// Times a write from its request joining the queue to its batch's commit (observed on drop).
pub struct CommitWait(Option<Instant>);

impl CommitWait {
    pub fn start() -> CommitWait {
        CommitWait(instruments().map(|_| Instant::now()))
    }
}

impl Drop for CommitWait {
    fn drop(&mut self) {
        if let (Some(started), Some(instruments)) = (self.0, instruments()) {
            instruments
                .commit_wait
                .observe(started.elapsed().as_secs_f64());
        }
    }
}

/// Holds one place in a gauge for as long as it lives.
pub struct Waiting(Option<&'static Gauge>);

impl Drop for Waiting {
    fn drop(&mut self) {
        if let Some(gauge) = self.0 {
            gauge.dec();
        }
    }
}

fn hold(gauge: Option<&'static Gauge>) -> Waiting {
    if let Some(gauge) = gauge {
        gauge.inc();
    }
    Waiting(gauge)
}

/// A hash (password or receipt) waiting for a free core.
pub fn hash_waiting() -> Waiting {
    hold(instruments().map(|i| &i.hashes_waiting))
}

/// A staff mail on its way to the SMTP server.
pub fn mail_sending() -> Waiting {
    hold(instruments().map(|i| &i.mail_sending))
}

/// Counts read from the database when scraped.
struct Backlog {
    first_look: Vec<(&'static str, i64)>,
}

fn backlog(pool: &db::Pool) -> Result<Backlog, db::DbError> {
    use crate::schema::triage;
    let mut conn = pool.get()?;
    let mut first_look = Vec::new();
    for kind in ["tip", "case"] {
        let waiting: i64 = triage::table
            .filter(triage::kind.eq(kind))
            .filter(triage::first_look_on.is_null())
            .select(count_star())
            .first(&mut conn)?;
        first_look.push((kind, waiting));
    }
    Ok(Backlog { first_look })
}

fn gauge(registry: &mut Registry, name: &str, help: &str, value: i64) {
    let gauge: Gauge = Gauge::default();
    gauge.set(value);
    registry.register(name, help, gauge);
}

/// `GET /metrics`: the Prometheus text format.
pub async fn scrape(pool: web::Data<db::Pool>) -> HttpResponse {
    let mut registry = Registry::with_prefix("sanad");
    if let Some(instruments) = instruments() {
        registry.register(
            "http_requests",
            "Requests answered, by route pattern, method and status",
            instruments.requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time from a request's arrival to its answer, by route pattern and method",
            instruments.latency.clone(),
        );
        registry.register(
            "group_commit_batch_jobs",
            "Writes committed together in one transaction",
            instruments.batch_size.clone(),
        );
        registry.register(
            "group_commit_wait_seconds",
            "Time a write waits from joining the queue to its batch's commit",
            instruments.commit_wait.clone(),
        );
        registry.register(
            "argon2_waiting",
            "Password and receipt hashes waiting for a free core",
            instruments.hashes_waiting.clone(),
        );
        registry.register(
            "mail_sending",
            "Staff mails handed to the mail server and not yet accepted by it",
            instruments.mail_sending.clone(),
        );
    }
    let state = pool.state();
    gauge(
        &mut registry,
        "db_pool_connections",
        "Database connections open",
        i64::from(state.connections),
    );
    gauge(
        &mut registry,
        "db_pool_idle_connections",
        "Database connections open and not in use",
        i64::from(state.idle_connections),
    );
    gauge(
        &mut registry,
        "db_pool_max_connections",
        "Database connections the pool may open",
        i64::from(pool.max_size()),
    );
    let reader = pool.clone().into_inner();
    let counted =
        tokio::time::timeout(Duration::from_secs(5), web::block(move || backlog(&reader))).await;
    let backlog = match counted {
        Ok(Ok(Ok(backlog))) => Some(backlog),
        _ => None,
    };
    gauge(
        &mut registry,
        "database_up",
        "1 when the database answered this scrape",
        i64::from(backlog.is_some()),
    );
    if let Some(backlog) = backlog {
        let waiting = Family::<KindLabels, Gauge>::default();
        for (kind, count) in backlog.first_look {
            waiting.get_or_create(&KindLabels { kind }).set(count);
        }
        registry.register(
            "awaiting_first_look",
            "Tips and cases no staff member has opened yet",
            waiting,
        );
    }
    let mut text = String::new();
    if let Err(e) = encode(&mut text, &registry) {
        tracing::error!(error = %e, "metrics could not be written");
        return HttpResponse::InternalServerError().finish();
    }
    HttpResponse::Ok()
        .content_type("application/openmetrics-text; version=1.0.0; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(text)
}

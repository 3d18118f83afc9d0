//! Assembles the application. [`app`] builds the actix-web `App` that both `sanad serve` and the
//! tests run, so what is tested is what is deployed.

use std::net::{SocketAddr, TcpListener};

use actix_web::{
    body::MessageBody,
    dev::{Server, ServiceFactory, ServiceRequest, ServiceResponse},
    middleware::{Compress, DefaultHeaders, ErrorHandlers},
    web, App, HttpServer,
};
use anyhow::Context as _;

use crate::{
    auth::{password::PasswordHasher, throttle::Throttle, tokens::TokenKeys},
    config::{Config, Site},
    crypto::Sealer,
    db, error,
    frontend::{self, Frontend},
    group_commit::GroupCommitter,
    locales::Locales,
    mail::Mailer,
    notify::ModeratorNotifier,
    pow::Challenges,
    routes::{self, follow_up::ReceiptThrottle},
    telemetry,
};

/// Everything the handlers share; cheap to clone (reference-counted inside).
#[derive(Clone)]
pub struct AppContext {
    pub pool: web::Data<db::Pool>,
    pub locales: web::Data<Locales>,
    pub frontend: web::Data<Frontend>,
    pub tokens: web::Data<TokenKeys>,
    pub hasher: web::Data<PasswordHasher>,
    pub throttle: web::Data<Throttle>,
    pub mailer: web::Data<Mailer>,
    pub site: web::Data<Site>,
    pub site_files: web::Data<crate::public_pages::SiteFiles>,
    pub challenges: web::Data<Challenges>,
    pub sealer: web::Data<Sealer>,
    pub committer: web::Data<GroupCommitter>,
    pub receipt_throttle: web::Data<ReceiptThrottle>,
    pub trusted_proxies: web::Data<crate::client::TrustedProxies>,
    pub notifier: web::Data<ModeratorNotifier>,
    pub articles: web::Data<crate::articles::ArticleService>,
    pub evidence_key: web::Data<crate::evidence::EvidenceKey>,
    pub seal: web::Data<crate::audit::Seal>,
    pub sign_in_mail: web::Data<crate::routes::auth::SignInMail>,
    pub json_limit: usize,
}

/// The Content-Security-Policy of every response: nothing from another origin, no inline script
/// or style, and `wasm-unsafe-eval` only because browsers need it to compile WebAssembly.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; \
     manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add(("Content-Security-Policy", CONTENT_SECURITY_POLICY))
        .add((
            "Strict-Transport-Security",
            "max-age=63072000; includeSubDomains",
        ))
        .add(("Referrer-Policy", "no-referrer"))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Cross-Origin-Opener-Policy", "same-origin"))
        .add(("Cross-Origin-Resource-Policy", "same-origin"))
        .add((
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        ))
        // Private unless a handler says otherwise: API answers may hold tip or case data.
        .add(("Cache-Control", "no-store"))
}

pub fn app(
    ctx: &AppContext,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .app_data(ctx.pool.clone())
        .app_data(ctx.locales.clone())
        .app_data(ctx.frontend.clone())
        .app_data(ctx.tokens.clone())
        .app_data(ctx.hasher.clone())
        .app_data(ctx.throttle.clone())
        .app_data(ctx.mailer.clone())
        .app_data(ctx.site.clone())
        .app_data(ctx.site_files.clone())
        .app_data(ctx.challenges.clone())
        .app_data(ctx.sealer.clone())
        .app_data(ctx.committer.clone())
        .app_data(ctx.receipt_throttle.clone())
        .app_data(ctx.trusted_proxies.clone())
        .app_data(ctx.notifier.clone())
        .app_data(ctx.articles.clone())
        .app_data(ctx.evidence_key.clone())
        .app_data(ctx.seal.clone())
        .app_data(ctx.sign_in_mail.clone())
        .app_data(
            web::JsonConfig::default()
                .limit(ctx.json_limit)
                .error_handler(error::json_error),
        )
        .app_data(web::PathConfig::default().error_handler(error::path_error))
        .configure(routes::configure)
        .configure(routes::site::configure)
        .default_service(web::to(frontend::serve))
        .wrap(ErrorHandlers::new().default_handler(error::render_error))
        .wrap(security_headers())
        .wrap(Compress::default())
        .wrap(actix_web::middleware::from_fn(crate::metrics::observe))
        .wrap(telemetry::access_log())
}

pub struct Application {
    server: Server,
    address: SocketAddr,
    /// The metrics listener, when `SANAD_METRICS_BIND` is set; it stops with the server.
    metrics: Option<(Server, SocketAddr)>,
    /// Held until the server stops, so `sanad rotate-key` cannot run beside it.
    instance: db::InstanceLock,
}

impl Application {
    /// Prepares the data folder, migrates the database, opens the pool and binds the listener.
    pub async fn build(config: Config) -> anyhow::Result<Application> {
        let instance = {
            let (url, data_dir) = (config.database_url()?, config.data_dir.clone());
            web::block(move || {
                db::prepare_data_dir(&data_dir)?;
                db::InstanceLock::shared(&url)
            })
            .await??
        };
        let ctx = context(&config).await?;
        let metrics = match config.metrics_bind {
            Some(bind) => Some(metrics_server(bind, ctx.pool.clone())?),
            None => None,
        };
        let listener = TcpListener::bind(config.bind)
            .with_context(|| format!("cannot listen on {}", config.bind))?;
        let address = listener.local_addr()?;
        // Blocking work is mostly database calls, and no more of them than the pool has
        // connections can run: the rest waited on a thread each. Under 1,000 connections the
        // default (256 per worker) grew to 90 threads, each with its stack and allocator arena.
        let blocking_threads = usize::try_from(config.pool_size(&config.database_url()?))
            .unwrap_or(8)
            .max(4);
        let mut server = HttpServer::new(move || app(&ctx))
            .listen(listener)?
            .worker_max_blocking_threads(blocking_threads)
            .shutdown_timeout(10);
        if let Some(workers) = config.workers {
            server = server.workers(usize::from(workers));
        }
        Ok(Application {
            server: server.run(),
            address,
            metrics,
            instance,
        })
    }

    pub fn port(&self) -> u16 {
        self.address.port()
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// `http://address` of `/metrics`, when metrics are on.
    pub fn metrics_url(&self) -> Option<String> {
        self.metrics
            .as_ref()
            .map(|(_, address)| format!("http://{address}"))
    }

    /// Stops the server from elsewhere (as SIGTERM does).
    pub fn handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// Serves until SIGINT/SIGTERM, then finishes the requests in flight.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let instance = self.instance;
        let Some((metrics, _)) = self.metrics else {
            let served = self.server.await;
            drop(instance);
            return served;
        };
        let handle = metrics.handle();
        actix_web::rt::spawn(metrics);
        let served = self.server.await;
        handle.stop(false).await;
        drop(instance);
        served
    }
}

/// `/metrics` on an address of its own, one worker: a scrape every few seconds needs no more,
/// and nothing else is served there.
fn metrics_server(
    bind: SocketAddr,
    pool: web::Data<db::Pool>,
) -> anyhow::Result<(Server, SocketAddr)> {
    crate::metrics::enable();
    let listener =
        TcpListener::bind(bind).with_context(|| format!("cannot listen on {bind} for metrics"))?;
    let address = listener.local_addr()?;
    let server = HttpServer::new(move || {
        App::new()
            .app_data(pool.clone())
            .route("/metrics", web::get().to(crate::metrics::scrape))
    })
    .listen(listener)?
    .workers(1)
    .disable_signals()
    .shutdown_timeout(1)
    .run();
    Ok((server, address))
}

/// Loads the audit trail's key, making it on the first start; that start (and only that one)
/// seals the entries an earlier version wrote without a key.
async fn open_audit_trail(
    pool: &db::Pool,
    data_dir: &std::path::Path,
) -> anyhow::Result<web::Data<crate::audit::Seal>> {
    let (seal, made) = crate::audit::Seal::load(data_dir)?;
    if made {
        let pool = pool.clone();
        let key = seal.clone();
        let sealed = web::block(move || {
            let mut conn = pool.get()?;
            crate::audit::seal_unsealed(&mut conn, &key)
        })
        .await??;
        match sealed {
            Ok(0) => {}
            Ok(sealed) => tracing::info!(sealed, "audit entries from before the audit key sealed"),
            // Sealing a broken chain would vouch for the forgery: leave it for `audit verify`.
            Err(fault) => {
                tracing::error!(%fault, "the audit trail is broken; its entries stay unsealed")
            }
        }
    }
    Ok(web::Data::new(seal))
}

/// What the hourly pass needs to check the audit trail and record its checkpoint.
struct Watch {
    seal: web::Data<crate::audit::Seal>,
    sealer: web::Data<Sealer>,
    evidence_key: web::Data<crate::evidence::EvidenceKey>,
    data_dir: std::path::PathBuf,
    mailer: web::Data<crate::mail::Mailer>,
    locales: web::Data<Locales>,
}

impl Watch {
    /// Checks the trail, appends a checkpoint when the head moved, and once a day mails the
    /// latest to the admins.
    fn checkpoint(&self, conn: &mut db::DbConnection) {
        use crate::audit::checkpoint::{self, Recorded};
        let latest = match checkpoint::record(conn, &self.seal, &self.evidence_key, &self.data_dir)
        {
            Ok(Ok(Recorded::Written(latest) | Recorded::Unchanged(latest))) => latest,
            Ok(Ok(Recorded::Empty)) => return,
            Ok(Err(fault)) => {
                tracing::error!(%fault, "the audit trail is broken: no checkpoint written");
                return;
            }
            Err(e) => {
                tracing::error!(error = %e, "the audit checkpoint could not be written");
                return;
            }
        };
        match checkpoint::mail_due(&self.data_dir) {
            Ok(true) => {}
            Ok(false) => return,
            Err(e) => {
                tracing::error!(error = %e, "the audit checkpoint mail's day could not be read");
                return;
            }
        }
        let admins = match crate::auth::store::admin_mailboxes(conn, &self.sealer) {
            Ok(admins) => admins,
            Err(e) => {
                tracing::error!(error = %e, "the audit checkpoint mail: no admins read");
                return;
            }
        };
        let line = latest.line();
        let letters: Vec<_> = admins
            .into_iter()
            .map(|admin| {
                let letter = crate::mail::compose(
                    &self.locales,
                    admin.language,
                    crate::mail::StaffMail::AuditCheckpoint {
                        name: &admin.display_name,
                        checkpoint: &line,
                    },
                );
                (admin.email, letter)
            })
            .collect();
        let runtime = match tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        {
            Ok(runtime) => runtime,
            Err(e) => {
                tracing::error!(error = %e, "the audit checkpoint mail: no runtime");
                return;
            }
        };
        let mut sent = 0usize;
        for (email, letter) in letters {
            match runtime.block_on(self.mailer.send(&email, letter)) {
                Ok(()) => sent += 1,
                Err(e) => tracing::error!(error = %e, "the audit checkpoint mail was not sent"),
            }
        }
        if sent > 0 {
            if let Err(e) = checkpoint::mailed_today(&self.data_dir) {
                tracing::error!(error = %e, "the audit checkpoint mail's day could not be kept");
            }
        }
    }
}

/// Wipes expired closed cases, moves calendar-bound priorities and checkpoints the audit trail
/// at start and every hour after, on a thread of its own. The thread
/// holds the pool only while it works, so a stopped application's connections close (and ends
/// at its next wake-up).
fn start_retention(pool: std::sync::Weak<db::Pool>, watch: Watch, days: u32, tip_days: u32) {
    let spawned = std::thread::Builder::new()
        .name("retention".into())
        .spawn(move || loop {
            let Some(pool) = pool.upgrade() else {
                break;
            };
            match pool.get() {
                Ok(mut conn) => {
                    match crate::cases::retention_pass(&mut conn, &watch.seal, days) {
                        Ok(0) => {}
                        Ok(wiped) => tracing::info!(wiped, "retention removed closed cases' data"),
                        Err(e) => tracing::error!(error = %e, "retention pass failed"),
                    }
                    match crate::tips::retention_pass(&mut conn, &watch.seal, tip_days) {
                        Ok(0) => {}
                        Ok(wiped) => {
                            tracing::info!(wiped, "retention removed closed tips' content")
                        }
                        Err(e) => tracing::error!(error = %e, "tip retention pass failed"),
                    }
                    // Priorities that follow the calendar (a departure nearing, a tip waiting
                    // another day) move on here, an hour late at most.
                    match crate::triage::refresh_priorities(&mut conn) {
                        Ok(0) => {}
                        Ok(changed) => {
                            tracing::info!(changed, "priorities moved with the calendar")
                        }
                        Err(e) => tracing::error!(error = %e, "priority pass failed"),
                    }
                    watch.checkpoint(&mut conn);
                }
                Err(e) => tracing::error!(error = %e, "retention pass: no connection"),
            }
            drop(pool);
            std::thread::sleep(std::time::Duration::from_secs(3600));
        });
    if let Err(e) = spawned {
        tracing::error!(error = %e, "could not start the retention thread");
    }
}

/// One pass of a chunked job over stored reports: how many it did, 0 once nothing is left.
type ChunkJob = fn(&mut db::DbConnection, &Sealer) -> Result<usize, crate::error::ApiError>;

/// Runs `job` chunk after chunk on a thread of its own named `name`, until it reports 0 or the
/// application stops. Between chunks it leaves the writer's lock free at least as long as a chunk
/// held it, so tipsters never wait behind it for long; a busy database is tried again later, a
/// bounded number of times. `done` is logged with the count when there was work.
fn start_chunked(
    name: &'static str,
    done: &'static str,
    pool: std::sync::Weak<db::Pool>,
    sealer: web::Data<Sealer>,
    job: ChunkJob,
) {
    let spawned = std::thread::Builder::new()
        .name(name.into())
        .spawn(move || {
            let mut total = 0usize;
            let mut failures = 0u32;
            loop {
                let Some(pool) = pool.upgrade() else {
                    break;
                };
                let started = std::time::Instant::now();
                let taken = match pool.get() {
                    Ok(mut conn) => job(&mut conn, &sealer),
                    Err(e) => {
                        tracing::error!(error = %e, job = name, "no connection");
                        break;
                    }
                };
                drop(pool);
                match taken {
                    Ok(0) => break,
                    Ok(n) => total += n,
                    Err(e) => {
                        failures += 1;
                        tracing::error!(error = %e, failures, job = name, "pass failed");
                        if failures >= 30 {
                            break;
                        }
                        std::thread::sleep(std::time::Duration::from_secs(10));
                    }
                }
                std::thread::sleep(started.elapsed().max(std::time::Duration::from_millis(20)));
            }
            if total > 0 {
                tracing::info!(total, "{done}");
            }
        });
    if let Err(e) = spawned {
        tracing::error!(error = %e, job = name, "could not start the thread");
    }
}

/// Everything [`app`] needs, built from the configuration: migrations run before the first
/// request can arrive.
pub async fn context(config: &Config) -> anyhow::Result<AppContext> {
    let data_dir = config.data_dir.clone();
    let url = config.database_url()?;
    let pool_size = config.pool_size(&url);
    let backend = url.backend_name();
    let (applied, pool) = web::block(move || -> Result<_, db::DbError> {
        db::prepare_data_dir(&data_dir)?;
        let applied = db::run_migrations(&url)?;
        Ok((applied, db::pool(&url, pool_size)?))
    })
    .await??;
    tracing::info!(
        database = backend,
        migrations_applied = applied.len(),
        "database ready"
    );
    let frontend = match &config.frontend_dir {
        Some(dir) => Frontend::Directory(dir.clone()),
        None => Frontend::Embedded,
    };
    let tokens = TokenKeys::load(
        config.jwt_secret.as_deref(),
        &config.data_dir,
        &config.public_url,
    )?;
    let hasher = PasswordHasher::for_this_machine()?;
    if config.pow_bits == 0 {
        tracing::warn!("SANAD_POW_BITS is 0: anonymous submissions need no proof of work (tests and benchmarks only)");
    }
    let mailer = Mailer::new(
        config.smtp_url.as_deref(),
        &config.mail_from,
        &config.data_dir,
    )?;
    let sealer = Sealer::load(config.encryption_key.as_deref(), &config.data_dir)?;
    // The key must be the one the database is sealed with, and receipts keep the salt they were
    // hashed with whatever key seals (see `rotation`).
    let sealer = {
        let pool = pool.clone();
        web::block(move || -> anyhow::Result<Sealer> {
            let mut conn = pool.get().map_err(db::DbError::from)?;
            let salt = crate::rotation::bind_key(&mut conn, &sealer)?;
            Ok(sealer.with_receipt_salt(salt))
        })
        .await??
    };
    let sealer = web::Data::new(sealer);
    // One committing thread on either database. SQLite has one writer at a time; on PostgreSQL
    // a batch's tipster messages are one statement, so the larger the batch the better, and
    // four threads splitting the queue into small batches reached 6,448-6,942 messages/s in
    // the bench against 9,013 for one.
    let committers = 1;
    let committer = GroupCommitter::start(pool.clone(), committers)?;
    // Staff emails and TOTP secrets from before they were sealed at rest; a handful of rows,
    // done before the first sign-in can look for one.
    let staff_sealed = {
        let (pool, sealer) = (pool.clone(), sealer.clone());
        web::block(move || -> Result<usize, crate::auth::store::StoreError> {
            let mut conn = pool.get().map_err(db::DbError::from)?;
            crate::auth::store::seal_at_rest(&mut conn, &sealer)
        })
        .await??
    };
    if staff_sealed > 0 {
        tracing::info!(staff_sealed, "staff emails and TOTP secrets sealed at rest");
    }
    let seal = open_audit_trail(&pool, &config.data_dir).await?;
    let evidence_key = web::Data::new(crate::evidence::EvidenceKey::load(&config.data_dir)?);
    let pool = web::Data::new(pool);
    let locales = web::Data::new(Locales::load()?);
    let mailer = web::Data::new(mailer);
    // What the reports from before entities were kept name.
    start_chunked(
        "entity-backlog",
        "entities of earlier reports recorded",
        std::sync::Arc::downgrade(&pool.clone().into_inner()),
        sealer.clone(),
        |conn, sealer| crate::entities::drain_backlog(conn, sealer, 200),
    );
    // Cases' name keys, when the matching rules changed (`cases::NAME_KEYS_VERSION`).
    start_chunked(
        "name-keys",
        "cases' name keys made with the current matching rules",
        std::sync::Arc::downgrade(&pool.clone().into_inner()),
        sealer.clone(),
        |conn, sealer| crate::cases::refresh_name_keys(conn, sealer, 200),
    );
    let articles = crate::articles::ArticleService::start(&pool, &seal).await;
    // After the seeding, so the first checkpoint already counts the seed articles' entries.
    start_retention(
        std::sync::Arc::downgrade(&pool.clone().into_inner()),
        Watch {
            seal: seal.clone(),
            sealer: sealer.clone(),
            evidence_key: evidence_key.clone(),
            data_dir: config.data_dir.clone(),
            mailer: mailer.clone(),
            locales: locales.clone(),
        },
        config.retention_days,
        config.tip_retention_days,
    );
    let notifier = ModeratorNotifier::new(
        pool.clone(),
        sealer.clone(),
        mailer.clone(),
        locales.clone(),
        &config.public_url,
    );
    let site = web::Data::new(Site {
        public_url: config.public_url.clone(),
        onion_url: config.onion_url.clone(),
        pfif_domain: config.pfif_domain.clone(),
    });
    let sign_in_mail = web::Data::new(crate::routes::auth::SignInMail {
        mailer: mailer.clone(),
        locales: locales.clone(),
        site: site.clone(),
    });
    let throttle = || Throttle::new(sealer.throttle_key(), pool.clone());
    Ok(AppContext {
        throttle: web::Data::new(throttle()),
        receipt_throttle: web::Data::new(ReceiptThrottle(throttle())),
        pool,
        locales,
        frontend: web::Data::new(frontend),
        tokens: web::Data::new(tokens),
        hasher: web::Data::new(hasher),
        mailer,
        site,
        site_files: web::Data::new(crate::public_pages::SiteFiles::load()),
        challenges: web::Data::new(Challenges::load(
            &config.data_dir,
            config.pow_bits,
            config.no_script_rules(),
        )?),
        sealer,
        committer: web::Data::new(committer),
        trusted_proxies: web::Data::new(crate::client::TrustedProxies(
            config.trusted_proxies.clone(),
        )),
        notifier: web::Data::new(notifier),
        articles,
        evidence_key,
        seal,
        sign_in_mail,
        json_limit: config.json_limit,
    })
}

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
    config::Config,
    db, error,
    frontend::{self, Frontend},
    locales::Locales,
    openapi,
    routes::{health, languages},
    telemetry,
};

/// Everything the handlers share; cheap to clone (reference-counted inside).
#[derive(Clone)]
pub struct AppContext {
    pub pool: web::Data<db::Pool>,
    pub locales: web::Data<Locales>,
    pub frontend: web::Data<Frontend>,
    pub json_limit: usize,
}

/// The Content-Security-Policy of every response: nothing from another origin, no inline script
/// or style, and `wasm-unsafe-eval` only because browsers need it to compile WebAssembly.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; worker-src 'self'; \
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
        .app_data(
            web::JsonConfig::default()
                .limit(ctx.json_limit)
                .error_handler(error::json_error),
        )
        .app_data(web::PathConfig::default().error_handler(error::path_error))
        .app_data(web::QueryConfig::default().error_handler(error::query_error))
        .service(web::resource("/healthz").route(web::get().to(health::healthz)))
        .service(web::resource("/readyz").route(web::get().to(health::readyz)))
        .service(
            web::scope("/api/v1")
                .service(web::resource("/openapi.json").route(web::get().to(openapi::openapi_json)))
                .service(web::resource("/languages").route(web::get().to(languages::list)))
                .service(
                    web::resource("/locales/{language}")
                        .route(web::get().to(languages::fluent_document)),
                ),
        )
        .default_service(web::to(frontend::serve))
        .wrap(ErrorHandlers::new().default_handler(error::render_error))
        .wrap(security_headers())
        .wrap(Compress::default())
        .wrap(telemetry::access_log())
}

pub struct Application {
    server: Server,
    address: SocketAddr,
}

impl Application {
    /// Prepares the data folder, migrates the database, opens the pool and binds the listener.
    pub async fn build(config: Config) -> anyhow::Result<Application> {
        let ctx = context(&config).await?;
        let listener = TcpListener::bind(config.bind)
            .with_context(|| format!("cannot listen on {}", config.bind))?;
        let address = listener.local_addr()?;
        let mut server = HttpServer::new(move || app(&ctx))
            .listen(listener)?
            .shutdown_timeout(10);
        if let Some(workers) = config.workers {
            server = server.workers(usize::from(workers));
        }
        Ok(Application {
            server: server.run(),
            address,
        })
    }

    pub fn port(&self) -> u16 {
        self.address.port()
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Serves until SIGINT/SIGTERM, then finishes the requests in flight.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

/// Everything [`app`] needs, built from the configuration: migrations run before the first
/// request can arrive.
pub async fn context(config: &Config) -> anyhow::Result<AppContext> {
    let data_dir = config.data_dir.clone();
    let url = config.database_url()?;
    let pool_size = config.db_pool_size;
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
    Ok(AppContext {
        pool: web::Data::new(pool),
        locales: web::Data::new(Locales::load()?),
        frontend: web::Data::new(frontend),
        json_limit: config.json_limit,
    })
}

use crate::helpers::{json, spawn_app};

#[actix_web::test]
async fn healthz_says_the_process_is_alive() {
    let app = spawn_app().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), 200);
    assert_eq!(json(response).await, serde_json::json!({"status": "alive"}));
}

#[actix_web::test]
async fn readyz_says_the_database_answers() {
    let app = spawn_app().await;
    let response = app.get("/readyz").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert_eq!(json(response).await, serde_json::json!({"status": "ready"}));
}

#[actix_web::test]
async fn head_and_post_on_a_get_route_are_refused_as_json() {
    let app = spawn_app().await;
    let response = app.client.post(app.url("/healthz")).send().await.unwrap();
    assert_eq!(response.status(), 405);
    assert_eq!(json(response).await["error"], "method_not_allowed");
}

/// A TCP relay of the test's own between the server and PostgreSQL, which can cut every
/// connection and refuse new ones, then let them through again.
struct Relay {
    address: std::net::SocketAddr,
    open: std::sync::Arc<std::sync::atomic::AtomicBool>,
    links: std::sync::Arc<std::sync::Mutex<Vec<tokio::task::AbortHandle>>>,
}

impl Relay {
    async fn start(upstream: String) -> Relay {
        use std::sync::{atomic::AtomicBool, Arc, Mutex};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let open = Arc::new(AtomicBool::new(true));
        let links: Arc<Mutex<Vec<tokio::task::AbortHandle>>> = Arc::default();
        let (accept_open, accept_links) = (open.clone(), links.clone());
        actix_web::rt::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                if !accept_open.load(std::sync::atomic::Ordering::SeqCst) {
                    // Dropped at once: the server sees its connection attempt fail.
                    continue;
                }
                let upstream = upstream.clone();
                let link = tokio::spawn(async move {
                    if let Ok(mut server) = tokio::net::TcpStream::connect(upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
                accept_links.lock().unwrap().push(link.abort_handle());
            }
        });
        Relay {
            address,
            open,
            links,
        }
    }

    fn cut(&self) {
        self.open.store(false, std::sync::atomic::Ordering::SeqCst);
        for link in self.links.lock().unwrap().drain(..) {
            link.abort();
        }
    }

    fn mend(&self) {
        self.open.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

/// Polls `/readyz` until it answers `want`, for at most 30 s; returns what it answered last.
async fn readyz_until(app: &crate::helpers::TestApp, want: u16) -> u16 {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let status = app.get("/readyz").await.status().as_u16();
        if status == want || std::time::Instant::now() > deadline {
            return status;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

#[actix_web::test]
async fn readyz_answers_503_while_postgresql_is_cut_off_and_200_once_it_is_back() {
    if !crate::helpers::postgres_requested() {
        eprintln!("(PostgreSQL only: SANAD_TEST_DB=postgres runs it)");
        return;
    }
    let (mut config, data_dir, schema) = crate::helpers::test_config();
    let schema = schema.expect("PostgreSQL is required here");
    let mut url = reqwest::Url::parse(&schema.url).unwrap();
    let upstream = format!(
        "{}:{}",
        url.host_str().unwrap_or("127.0.0.1"),
        url.port().unwrap_or(5432)
    );
    let relay = Relay::start(upstream).await;
    url.set_host(Some("127.0.0.1")).unwrap();
    url.set_port(Some(relay.address.port())).unwrap();
    config.database_url = Some(url.to_string());
    let app = crate::helpers::spawn_with(config, data_dir, Some(schema)).await;
    assert_eq!(app.get("/readyz").await.status(), 200);

    relay.cut();
    assert_eq!(readyz_until(&app, 503).await, 503);
    let response = app.get("/readyz").await;
    assert_eq!(response.status(), 503);
    assert_eq!(json(response).await["error"], "database_unavailable");
    // The process itself is still up: only readiness follows the database.
    assert_eq!(app.get("/healthz").await.status(), 200);

    relay.mend();
    assert_eq!(readyz_until(&app, 200).await, 200);
    // Every pooled connection works again, not just the one the probe drew.
    for _ in 0..20 {
        assert_eq!(app.get("/readyz").await.status(), 200);
        assert_eq!(app.get("/api/v1/articles?lang=ar").await.status(), 200);
    }
}

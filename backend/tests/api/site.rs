//! The public site as a reader, a link preview and a search engine get it: whole HTML pages in
//! the language of the address, with what previews read in the raw HTML (no script run), the
//! sitemap and feeds, the redirects from addresses without a language, and the size of a
//! reading page.

use std::io::Read as _;

use crate::helpers::{json, spawn_app, spawn_with, test_config, TestApp};

const READING_BUDGET_BYTES: usize = 40_000;

async fn page(
    app: &TestApp,
    path: &str,
) -> (reqwest::StatusCode, reqwest::header::HeaderMap, String) {
    let response = app.get(path).await;
    let status = response.status();
    let headers = response.headers().clone();
    (status, headers, response.text().await.unwrap())
}

/// The `content` of `<meta property|name="…">`, unescaped for the few entities the renderer
/// writes.
fn meta(html: &str, attribute: &str, name: &str) -> Option<String> {
    let marker = format!("<meta {attribute}=\"{name}\" content=\"");
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(unescape(&html[start..end]))
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn between<'a>(html: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = html.find(start)? + start.len();
    let to = html[from..].find(end)? + from;
    Some(&html[from..to])
}

async fn first_seed_article(app: &TestApp) -> String {
    let list = json(app.get("/api/v1/articles?lang=ar").await).await;
    list["articles"][0]["slug"].as_str().unwrap().to_owned()
}

#[actix_web::test]
async fn an_article_page_holds_its_text_and_what_link_previews_read_in_each_language() {
    let app = spawn_app().await;
    let slug = first_seed_article(&app).await;
    let base = &app.config.public_url;
    for (code, dir, locale) in [
        ("ar", "rtl", "ar_IQ"),
        ("ckb", "rtl", "ckb_IQ"),
        ("en", "ltr", "en_GB"),
    ] {
        let article = json(
            app.get(&format!("/api/v1/articles/{slug}?lang={code}"))
                .await,
        )
        .await;
        assert_eq!(article["fallback"], false, "the seed has {code}");
        let (status, headers, html) = page(&app, &format!("/{code}/learn/{slug}")).await;
        assert_eq!(status, 200, "{code}");
        assert!(headers.get("set-cookie").is_none());
        assert_eq!(headers["content-language"], code);
        assert!(headers["cache-control"]
            .to_str()
            .unwrap()
            .starts_with("public"));
        assert!(
            html.starts_with(&format!(
                "<!DOCTYPE html><html lang=\"{code}\" dir=\"{dir}\">"
            )),
            "{code}: {}",
            &html[..80]
        );
        let title = article["title"].as_str().unwrap();
        let summary = article["summary"].as_str().unwrap();
        assert!(unescape(between(&html, "<title>", "</title>").unwrap()).starts_with(title));
        assert_eq!(meta(&html, "name", "description").as_deref(), Some(summary));
        assert_eq!(meta(&html, "property", "og:title").as_deref(), Some(title));
        assert_eq!(
            meta(&html, "property", "og:description").as_deref(),
            Some(summary)
        );
        assert_eq!(
            meta(&html, "property", "og:type").as_deref(),
            Some("article")
        );
        assert_eq!(
            meta(&html, "property", "og:locale").as_deref(),
            Some(locale)
        );
        assert_eq!(
            meta(&html, "property", "article:published_time"),
            article["published_on"].as_str().map(str::to_owned)
        );
        let image = meta(&html, "property", "og:image").unwrap();
        assert!(image.starts_with(&format!("{base}/")), "{image}");
        let card = app.get(image.strip_prefix(base.as_str()).unwrap()).await;
        assert_eq!(card.status(), 200, "{image}");
        assert!(card.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("image/"));
        let canonical = format!("{base}/{code}/learn/{slug}");
        assert!(
            html.contains(&format!("<link rel=\"canonical\" href=\"{canonical}\">")),
            "{code}"
        );
        assert_eq!(
            meta(&html, "property", "og:url").as_deref(),
            Some(canonical.as_str())
        );
        for other in article["available_languages"].as_array().unwrap() {
            let other = other.as_str().unwrap();
            assert!(
                html.contains(&format!(
                    "<link rel=\"alternate\" hreflang=\"{other}\" href=\"{base}/{other}/learn/{slug}\">"
                )),
                "{code} names its {other} version"
            );
        }
        // The text is in the HTML itself: a reader without a script, a preview and a search
        // engine all have it.
        let body = article["body_html"].as_str().unwrap();
        let first_paragraph = between(body, "<p>", "</p>").unwrap();
        assert!(
            html.contains(first_paragraph),
            "{code}: the article's text is in the page"
        );
        // No inline script: the only script is a file (the offline helper).
        for script in html.split("<script").skip(1) {
            assert!(
                script.trim_start().starts_with("src=\"/assets/offline-"),
                "{script}"
            );
        }
        // The switcher links to this page in each language.
        for other in ["ar", "ckb", "kmr", "en"] {
            assert!(
                html.contains(&format!("href=\"/{other}/learn/{slug}\"")),
                "{code} → {other}"
            );
        }
    }
}

/// Removes the Kurmanji text of `slug`, so the article exists in three languages.
fn without_kurmanji(app: &TestApp, slug: &str) {
    use diesel::{sql_query, sql_types::Text, RunQueryDsl};
    let mut conn = app.pool().get().unwrap();
    let removed = sql_query(
        "DELETE FROM article_translations WHERE language = 'kmr' AND article_id = (SELECT id FROM articles WHERE slug = $1)",
    )
    .bind::<Text, _>(slug)
    .execute(&mut conn)
    .unwrap();
    assert_eq!(removed, 1);
}

#[actix_web::test]
async fn an_article_missing_in_the_readers_language_shows_in_arabic_and_points_there() {
    let app = spawn_app().await;
    let slug = first_seed_article(&app).await;
    without_kurmanji(&app, &slug);
    let base = &app.config.public_url;
    let (status, _, html) = page(&app, &format!("/kmr/learn/{slug}")).await;
    assert_eq!(status, 200);
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"kmr\" dir=\"ltr\">"));
    assert!(
        html.contains("<article lang=\"ar\" dir=\"rtl\" class=\"article\">"),
        "the text is marked Arabic"
    );
    assert!(html.contains(&format!(
        "<link rel=\"canonical\" href=\"{base}/ar/learn/{slug}\">"
    )));
    assert!(
        html.contains("role=\"note\" class=\"notice notice-warning\""),
        "the page says so"
    );
    assert!(
        !html.contains("hreflang=\"kmr\" href"),
        "no Kurmanji version to name"
    );
    let sitemap = app.get("/sitemap.xml").await.text().await.unwrap();
    assert!(sitemap.contains(&format!("<loc>{base}/ar/learn/{slug}</loc>")));
    assert!(
        !sitemap.contains(&format!("<loc>{base}/kmr/learn/{slug}</loc>")),
        "no Kurmanji text, no Kurmanji entry"
    );
    let feed = app.get("/kmr/feed.xml").await.text().await.unwrap();
    assert!(
        !feed.contains(&format!("/kmr/learn/{slug}<")),
        "nor in the Kurmanji feed"
    );
    assert!(feed.contains("<entry>"), "the other articles are");
}

#[actix_web::test]
async fn the_list_filters_and_pages_with_links_and_refuses_what_does_not_exist() {
    let app = spawn_app().await;
    let (status, _, html) = page(&app, "/ckb/learn").await;
    assert_eq!(status, 200);
    for category in [
        "law",
        "recruiters",
        "reality",
        "families",
        "reporting",
        "help",
    ] {
        assert!(
            html.contains(&format!("href=\"/ckb/learn?category={category}\"")),
            "{category}"
        );
    }
    assert!(
        html.contains("href=\"/ckb/learn\" aria-current=\"page\""),
        "all topics chosen"
    );
    let seeded = json(app.get("/api/v1/articles?lang=ckb").await).await;
    for article in seeded["articles"].as_array().unwrap() {
        let slug = article["slug"].as_str().unwrap();
        assert!(
            html.contains(&format!("href=\"/ckb/learn/{slug}\"")),
            "{slug}"
        );
    }
    // The latest campaign's articles are marked for keeping offline.
    assert!(html.contains("data-offline"));

    let (status, _, law) = page(&app, "/ckb/learn?category=law").await;
    assert_eq!(status, 200);
    assert!(law.contains("href=\"/ckb/learn?category=law\" aria-current=\"page\""));
    assert!(law.contains("href=\"/ckb/learn/the-law-on-joining-foreign-armies\""));
    assert!(!law.contains("href=\"/ckb/learn/how-recruiters-lure-young-people\""));

    for path in [
        "/ckb/learn?category=gossip",
        "/ckb/learn?page=2",
        "/ckb/learn?page=x",
        "/ckb/learn/no-such-article",
        "/ckb/learn/NOT_A_SLUG",
        "/ckb/nothing/here",
    ] {
        let (status, headers, html) = page(&app, path).await;
        assert_eq!(status, 404, "{path}");
        assert_eq!(
            headers["content-type"], "text/html; charset=utf-8",
            "{path}"
        );
        assert!(
            html.starts_with("<!DOCTYPE html><html lang=\"ckb\" dir=\"rtl\">"),
            "{path}"
        );
        assert!(
            html.contains("<meta name=\"robots\" content=\"noindex\">"),
            "{path}"
        );
    }
}

#[actix_web::test]
async fn addresses_without_a_language_redirect_to_the_readers_and_keep_the_rest() {
    let app = spawn_app().await;
    for (path, accept, to) in [
        ("/", None, "/ar/"),
        ("/", Some("ckb"), "/ckb/"),
        ("/", Some("en-GB,en;q=0.9"), "/en/"),
        ("/?lang=kmr", Some("en"), "/kmr/"),
        ("/learn", Some("ckb-IQ"), "/ckb/learn"),
        (
            "/learn?category=law&lang=en",
            None,
            "/en/learn?category=law",
        ),
        (
            "/learn/the-law-on-joining-foreign-armies?lang=ckb",
            None,
            "/ckb/learn/the-law-on-joining-foreign-armies",
        ),
        ("/report?lang=ar", Some("en"), "/ar/report"),
        ("/missing", Some("kmr"), "/kmr/missing"),
        ("/follow-up", None, "/ar/follow-up"),
    ] {
        let mut request = app.client.get(app.url(path));
        if let Some(accept) = accept {
            request = request.header("Accept-Language", accept);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 302, "{path}");
        assert_eq!(response.headers()["location"], to, "{path}");
        assert_eq!(response.headers()["vary"], "Accept-Language", "{path}");
        assert!(response.headers().get("set-cookie").is_none(), "{path}");
    }
    let response = app.get("/ckb").await;
    assert_eq!(response.status(), 301);
    assert_eq!(response.headers()["location"], "/ckb/");
    let (status, _, home) = page(&app, "/ckb/").await;
    assert_eq!(status, 200);
    for link in [
        "/ckb/report",
        "/ckb/missing",
        "/ckb/learn",
        "/ckb/follow-up",
    ] {
        assert!(home.contains(&format!("href=\"{link}\"")), "{link}");
    }
}

#[actix_web::test]
async fn the_sitemap_lists_every_article_in_every_language_and_each_language_has_a_feed() {
    let app = spawn_app().await;
    let base = app.config.public_url.clone();
    let response = app.get("/sitemap.xml").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "application/xml; charset=utf-8"
    );
    let sitemap = response.text().await.unwrap();
    let list = json(app.get("/api/v1/articles?lang=ar").await).await;
    let articles = list["articles"].as_array().unwrap();
    assert!(!articles.is_empty());
    for article in articles {
        let slug = article["slug"].as_str().unwrap();
        for language in article["available_languages"].as_array().unwrap() {
            let language = language.as_str().unwrap();
            assert!(
                sitemap.contains(&format!("<loc>{base}/{language}/learn/{slug}</loc>")),
                "{slug} {language}"
            );
        }
    }
    well_formed(&sitemap);

    for language in ["ar", "ckb", "kmr", "en"] {
        let response = app.get(&format!("/{language}/feed.xml")).await;
        assert_eq!(response.status(), 200);
        assert_eq!(
            response.headers()["content-type"],
            "application/atom+xml; charset=utf-8"
        );
        let feed = response.text().await.unwrap();
        well_formed(&feed);
        assert!(feed.contains(&format!("xml:lang=\"{language}\"")));
        let list = json(app.get(&format!("/api/v1/articles?lang={language}")).await).await;
        for article in list["articles"].as_array().unwrap() {
            let title = quick_xml::escape::escape(article["title"].as_str().unwrap()).into_owned();
            assert!(
                feed.contains(&format!("<title>{title}</title>")),
                "{language}: {title}"
            );
            let slug = article["slug"].as_str().unwrap();
            assert!(feed.contains(&format!("<id>{base}/{language}/learn/{slug}</id>")));
        }
    }
}

fn well_formed(xml: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed XML: {e}\n{xml}"),
        }
    }
}

/// Bytes sent for `path` with brotli, as a phone would get them.
async fn brotli_size(app: &TestApp, path: &str) -> usize {
    let response = app
        .client
        .get(app.url(path))
        .header("Accept-Encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "{path}");
    let encoded = response
        .headers()
        .get("content-encoding")
        .map(|v| v.to_str().unwrap().to_owned());
    let bytes = response.bytes().await.unwrap();
    assert_eq!(encoded.as_deref(), Some("br"), "{path} is sent compressed");
    let mut plain = Vec::new();
    brotli::Decompressor::new(&bytes[..], 4096)
        .read_to_end(&mut plain)
        .unwrap();
    bytes.len()
}

#[actix_web::test]
async fn a_reading_page_fits_its_budget_on_first_load() {
    let app = spawn_app().await;
    let slug = first_seed_article(&app).await;
    for language in ["ar", "ckb"] {
        for path in [
            format!("/{language}/"),
            format!("/{language}/learn"),
            format!("/{language}/learn/{slug}"),
        ] {
            let (_, _, html) = page(&app, &path).await;
            // What the page itself loads: its style and scripts (pictures are not counted).
            let mut total = brotli_size(&app, &path).await;
            for linked in ["<link rel=\"stylesheet\" href=\"", "<script src=\""] {
                for part in html.split(linked).skip(1) {
                    let href = &part[..part.find('"').unwrap()];
                    total += brotli_size(&app, href).await;
                }
            }
            assert!(!html.contains(".wasm"), "{path} loads no WebAssembly");
            println!("{path}: {total} bytes brotli on first load (budget {READING_BUDGET_BYTES})");
            assert!(
                total <= READING_BUDGET_BYTES,
                "{path}: {total} bytes brotli"
            );
        }
    }
}

#[actix_web::test]
async fn public_pages_name_the_onion_service_when_there_is_one() {
    let (mut config, dir, pg) = test_config();
    config.onion_url =
        Some("http://sanadexampleonionaddressxxxxxxxxxxxxxxxxxxxxxxxxxx.onion".into());
    let app = spawn_with(config, dir, pg).await;
    let response = app.get("/ckb/learn?category=law").await;
    assert_eq!(
        response.headers()["onion-location"],
        "http://sanadexampleonionaddressxxxxxxxxxxxxxxxxxxxxxxxxxx.onion/ckb/learn?category=law"
    );
    let plain = spawn_app().await;
    assert!(plain
        .get("/ckb/")
        .await
        .headers()
        .get("onion-location")
        .is_none());
}

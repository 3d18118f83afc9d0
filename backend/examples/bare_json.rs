//! The benchmark's baseline: the same languages JSON from a bare actix-web handler, with no
//! middleware, database or error handling. `cargo xtask bench` compares Sanad against it.

use actix_web::{web, App, HttpResponse, HttpServer};
use sanad_backend::locales::Locales;
use sanad_shared::api::LanguageInfo;

async fn languages(list: web::Data<Vec<LanguageInfo>>) -> HttpResponse {
    HttpResponse::Ok().json(list.get_ref())
}

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    let list = web::Data::new(Locales::load()?.languages());
    let server = HttpServer::new(move || {
        App::new()
            .app_data(list.clone())
            .route("/api/v1/languages", web::get().to(languages))
    })
    .bind(("127.0.0.1", 0))?;
    let address = server
        .addrs()
        .first()
        .copied()
        .ok_or_else(|| anyhow::anyhow!("no address"))?;
    println!("bare handler ready at http://{address}");
    server.run().await?;
    Ok(())
}

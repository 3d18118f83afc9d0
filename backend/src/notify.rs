//! Tells moderators that something new waits in the tip queue. The mail never carries content,
//! and at most one goes out per quiet period, so a burst of tips (or someone flooding the form)
//! does not flood inboxes, and the mail's time says little about when any one tip arrived.

use std::{
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use actix_web::web;
use sanad_shared::staff::Role;

use crate::{
    db,
    locales::Locales,
    mail::{self, Mailer, StaffMail},
};

/// At most one notification per this period.
pub const QUIET_PERIOD: Duration = Duration::from_secs(15 * 60);

pub struct ModeratorNotifier {
    pool: web::Data<db::Pool>,
    sealer: web::Data<crate::crypto::Sealer>,
    mailer: web::Data<Mailer>,
    locales: web::Data<Locales>,
    link: String,
    last_sent: Arc<Mutex<Option<Instant>>>,
}

impl ModeratorNotifier {
    pub fn new(
        pool: web::Data<db::Pool>,
        sealer: web::Data<crate::crypto::Sealer>,
        mailer: web::Data<Mailer>,
        locales: web::Data<Locales>,
        public_url: &str,
    ) -> ModeratorNotifier {
        ModeratorNotifier {
            pool,
            sealer,
            mailer,
            locales,
            link: format!("{public_url}/staff/tips"),
            last_sent: Arc::new(Mutex::new(None)),
        }
    }

    /// Mails every active moderator in the background, unless a mail went out in the last
    /// [`QUIET_PERIOD`]. Never delays or fails the tipster's request.
    pub fn something_new(&self) {
        {
            let mut last = self
                .last_sent
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            let now = Instant::now();
            if last.is_some_and(|at| now.duration_since(at) < QUIET_PERIOD) {
                return;
            }
            *last = Some(now);
        }
        let pool = self.pool.clone();
        let sealer = self.sealer.clone();
        let mailer = self.mailer.clone();
        let locales = self.locales.clone();
        let link = self.link.clone();
        actix_web::rt::spawn(async move {
            let recipients = web::block(move || -> Result<_, crate::auth::store::StoreError> {
                let mut conn = pool.get().map_err(db::DbError::from)?;
                crate::auth::store::mailboxes(&mut conn, &sealer, Role::Moderator)
            })
            .await;
            let recipients = match recipients {
                Ok(Ok(rows)) => rows,
                Ok(Err(e)) => {
                    tracing::error!(error = %e, "could not list moderators to notify");
                    return;
                }
                Err(e) => {
                    tracing::error!(error = %e, "could not list moderators to notify");
                    return;
                }
            };
            for recipient in recipients {
                let (email, language) = (recipient.email, recipient.language);
                let letter = mail::compose(
                    &locales,
                    language,
                    StaffMail::SomethingNew {
                        name: &recipient.display_name,
                        link: &link,
                    },
                );
                if let Err(e) = mailer.send(&email, letter).await {
                    tracing::warn!(error = %e, "could not notify a moderator");
                }
            }
        });
    }
}

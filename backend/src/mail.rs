//! Outgoing mail: SMTP to `SANAD_SMTP_URL`, or files in `<data dir>/outbox/` when none is set.
//! Mail never carries tip or case content; staff mail carries only a one-time link.

use std::path::PathBuf;

use lettre::{
    message::header::ContentType, AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message,
    Tokio1Executor,
};
use sanad_shared::{i18n::Args, staff::Email, Language};

use crate::locales::Locales;

pub enum Mailer {
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: String,
    },
    Outbox {
        transport: AsyncFileTransport<Tokio1Executor>,
        from: String,
        dir: PathBuf,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("bad mail setting: {0}")]
    Config(String),
    #[error("the message could not be built: {0}")]
    Build(String),
    #[error("the message could not be delivered: {0}")]
    Send(String),
}

/// A mail to send, already in the recipient's language.
pub struct Letter {
    pub subject: String,
    pub body: String,
}

impl Mailer {
    pub fn new(
        smtp_url: Option<&str>,
        from: &str,
        data_dir: &std::path::Path,
    ) -> Result<Mailer, MailError> {
        from.parse::<lettre::message::Mailbox>()
            .map_err(|e| MailError::Config(format!("SANAD_MAIL_FROM: {e}")))?;
        match smtp_url {
            Some(url) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| MailError::Config(format!("SANAD_SMTP_URL: {e}")))?
                    .build();
                Ok(Mailer::Smtp {
                    transport,
                    from: from.to_owned(),
                })
            }
            None => {
                let dir = data_dir.join("outbox");
                std::fs::create_dir_all(&dir)
                    .map_err(|e| MailError::Config(format!("{}: {e}", dir.display())))?;
                tracing::warn!(
                    "SANAD_SMTP_URL is not set: mail is written to {} instead of being sent",
                    dir.display()
                );
                Ok(Mailer::Outbox {
                    transport: AsyncFileTransport::new(&dir),
                    from: from.to_owned(),
                    dir,
                })
            }
        }
    }

    pub async fn send(&self, to: &Email, letter: Letter) -> Result<(), MailError> {
        let _sending = crate::metrics::mail_sending();
        let from = match self {
            Mailer::Smtp { from, .. } | Mailer::Outbox { from, .. } => from,
        };
        let message = Message::builder()
            .from(from.parse().map_err(|e| MailError::Build(format!("{e}")))?)
            .to(to
                .as_str()
                .parse()
                .map_err(|e| MailError::Build(format!("{e}")))?)
            .subject(letter.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(letter.body)
            .map_err(|e| MailError::Build(e.to_string()))?;
        match self {
            Mailer::Smtp { transport, .. } => {
                transport
                    .send(message)
                    .await
                    .map_err(|e| MailError::Send(e.to_string()))?;
            }
            Mailer::Outbox { transport, dir, .. } => {
                transport
                    .send(message)
                    .await
                    .map_err(|e| MailError::Send(e.to_string()))?;
                tracing::info!("mail written to {}", dir.display());
            }
        }
        Ok(())
    }
}

/// Which staff mail, with what it needs.
pub enum StaffMail<'a> {
    Invitation {
        name: &'a str,
        link: &'a str,
    },
    PasswordReset {
        name: &'a str,
        link: &'a str,
    },
    /// A tip or a tipster's message arrived; never says what it is.
    SomethingNew {
        name: &'a str,
        link: &'a str,
    },
    /// A colleague gave this person a tip or a case; the link names only its number.
    Assigned {
        name: &'a str,
        link: &'a str,
    },
    /// The right password arrived while the account was held after many failed tries.
    SignInLink {
        name: &'a str,
        link: &'a str,
    },
    /// The day's signed checkpoint of the audit trail, for admins to keep outside the server.
    AuditCheckpoint {
        name: &'a str,
        checkpoint: &'a str,
    },
}

pub fn compose(locales: &Locales, language: Language, mail: StaffMail<'_>) -> Letter {
    let (subject_key, body_key, name, (what, value)) = match mail {
        StaffMail::Invitation { name, link } => (
            "mail-invite-subject",
            "mail-invite-body",
            name,
            ("link", link),
        ),
        StaffMail::PasswordReset { name, link } => (
            "mail-reset-subject",
            "mail-reset-body",
            name,
            ("link", link),
        ),
        StaffMail::SomethingNew { name, link } => (
            "mail-new-tip-subject",
            "mail-new-tip-body",
            name,
            ("link", link),
        ),
        StaffMail::Assigned { name, link } => (
            "mail-assigned-subject",
            "mail-assigned-body",
            name,
            ("link", link),
        ),
        StaffMail::SignInLink { name, link } => (
            "mail-sign-in-link-subject",
            "mail-sign-in-link-body",
            name,
            ("link", link),
        ),
        StaffMail::AuditCheckpoint { name, checkpoint } => (
            "mail-audit-checkpoint-subject",
            "mail-audit-checkpoint-body",
            name,
            ("checkpoint", checkpoint),
        ),
    };
    let mut args = Args::new();
    args.set("name", name.to_owned());
    args.set(what, value.to_owned());
    Letter {
        subject: locales.message_with_args(language, subject_key, &args),
        body: locales.message_with_args(language, body_key, &args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invitations_are_written_in_the_chosen_language_with_the_link_on_its_own_line() {
        let locales = Locales::load().unwrap();
        let link = "https://sanad.example.iq/staff/set-password#abc123";
        for language in Language::ALL {
            let letter = compose(
                &locales,
                language,
                StaffMail::Invitation { name: "Sara", link },
            );
            assert!(!letter.subject.is_empty());
            assert!(
                letter.body.lines().any(|line| line.trim() == link),
                "{language}: {}",
                letter.body
            );
            assert!(letter.body.contains("Sara"));
            assert!(
                !letter.body.contains('\u{2068}'),
                "no bidi isolation marks around the link"
            );
        }
        let arabic = compose(
            &locales,
            Language::Ar,
            StaffMail::Invitation { name: "Sara", link },
        );
        let english = compose(
            &locales,
            Language::En,
            StaffMail::Invitation { name: "Sara", link },
        );
        assert_ne!(arabic.subject, english.subject);
    }
}

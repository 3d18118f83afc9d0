//! The query string extractor of every API handler: a parameter sent empty (`?to=&status=`, as an
//! HTML form sends a field left blank) counts as absent, for every parameter alike, and the
//! OpenAPI document says so (see `openapi.rs`). The rest is read as actix's `web::Query` reads it.

use std::{
    future::{ready, Ready},
    ops::Deref,
};

use actix_web::{dev::Payload, web, FromRequest, HttpRequest};
use serde::de::DeserializeOwned;

use crate::error::ApiError;

#[derive(Debug)]
pub struct Query<T>(pub T);

impl<T> Query<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Query<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The query string without its empty parameters (`name=` or a bare `name`).
pub fn without_empty(query: &str) -> String {
    query
        .split('&')
        .filter(|pair| {
            pair.split_once('=')
                .is_some_and(|(_, value)| !value.is_empty())
        })
        .collect::<Vec<_>>()
        .join("&")
}

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            web::Query::<T>::from_query(&without_empty(req.query_string()))
                .map(|query| Query(query.into_inner()))
                .map_err(|e| ApiError::InvalidRequest(e.to_string()).into()),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_bare_parameters_are_dropped_and_the_rest_kept_as_sent() {
        assert_eq!(
            without_empty("to=&status=new%2Cin_review&q&page=2&from="),
            "status=new%2Cin_review&page=2"
        );
        assert_eq!(without_empty(""), "");
        assert_eq!(without_empty("q=%20"), "q=%20");
    }
}

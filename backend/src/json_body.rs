//! The JSON request body extractor of every handler. It reads the body as actix's `web::Json` does
//! (the size limit, the content type and their errors come from the app's `JsonConfig`), then
//! spells whole floats as integers before the typed read: the OpenAPI 3.1 document describes the
//! API in JSON Schema 2020-12, where `2.0` is the integer 2, and serde would refuse it for an
//! integer field. Fractions stay fractions, so `2.5` for an integer is still refused.

use std::{future::Future, ops::Deref, pin::Pin};

use actix_web::{dev::Payload, web, FromRequest, HttpRequest};
use serde::de::DeserializeOwned;
use serde_json::{Number, Value};

use crate::error::ApiError;

/// Past this magnitude a float may not spell the integer it rounds to.
const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0; // 2^53

/// A JSON request body read into `T`.
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T> Json<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Json<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let value = web::Json::<Value>::from_request(req, payload);
        Box::pin(async move {
            let mut value = value.await?.into_inner();
            whole_floats_as_integers(&mut value);
            serde_json::from_value(value)
                .map(Json)
                .map_err(|e| ApiError::InvalidRequest(e.to_string()).into())
        })
    }
}

fn whole_floats_as_integers(value: &mut Value) {
    match value {
        Value::Number(number) => {
            if let Some(whole) = number
                .as_f64()
                .filter(|_| number.is_f64())
                .and_then(as_whole)
            {
                *number = whole;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(whole_floats_as_integers),
        Value::Object(fields) => fields.values_mut().for_each(whole_floats_as_integers),
        Value::Null | Value::Bool(_) | Value::String(_) => {}
    }
}

fn as_whole(float: f64) -> Option<Number> {
    if float.fract() != 0.0 || float.abs() > EXACT_INTEGERS {
        return None;
    }
    // Within ±2^53 the cast is exact.
    Some(Number::from(float as i64))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn normalised(mut value: Value) -> Value {
        whole_floats_as_integers(&mut value);
        value
    }

    #[test]
    fn whole_floats_become_integers_wherever_they_are() {
        let read: Value =
            serde_json::from_str(r#"{"version": 240.0, "labels": [1.0, -3e2], "n": {"x": -0.0}}"#)
                .unwrap_or_default();
        assert_eq!(
            normalised(read),
            json!({"version": 240, "labels": [1, -300], "n": {"x": 0}})
        );
    }

    #[test]
    fn fractions_huge_floats_and_other_values_stay_as_they_are() {
        let read: Value =
            serde_json::from_str(r#"[2.5, 1e300, 9007199254740994.0, "3.0", true, null, 7]"#)
                .unwrap_or_default();
        assert_eq!(normalised(read.clone()), read);
    }
}

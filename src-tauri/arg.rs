//! `Arg<T>`: a command argument decoded by core.
//!
//! Tauri's own decoding rejects a wrongly typed argument with a plain
//! string before the command runs, which the UI cannot tell from any other
//! failure. Every command argument sent by the window is an `Arg<T>`
//! instead: its raw JSON goes to [`studyplan_core::ipc::decode`], and a
//! bad value comes back as core's typed `{kind: "invalid_input", message}`.
//! (`ipc_contract` in tests checks that no command takes a bare argument.)

use crate::error::CommandError;
use serde::de::DeserializeOwned;
use std::ops::Deref;
use tauri::ipc::{CommandArg, CommandItem, InvokeBody, InvokeError};
use tauri::Runtime;

#[derive(Debug)]
pub struct Arg<T>(pub T);

impl<T> Deref for Arg<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<'de, T: DeserializeOwned, R: Runtime> CommandArg<'de, R> for Arg<T> {
    fn from_command(item: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        let value = match item.message.payload() {
            InvokeBody::Json(args) => args.get(item.key),
            // The window only ever sends JSON; bytes mean a caller we do not know.
            InvokeBody::Raw(_) => None,
        };
        studyplan_core::ipc::decode(item.name, item.key, value)
            .map(Arg)
            .map_err(|e| {
                let body = CommandError::from(e);
                InvokeError(serde_json::to_value(&body).unwrap_or_default())
            })
    }
}

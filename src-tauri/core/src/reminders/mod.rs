//! Reminders: which notifications are due, the ledger that makes each fire
//! once, and the engine that sends them through a [`Notifier`].
//!
//! The engine compares wall-clock time with due instants stored in SQLite
//! and ticks at least every 30 s, so it is right after the machine wakes
//! from suspend (tokio's monotonic sleep stops during suspend). Sending
//! happens on a blocking thread under a timeout: a notification server that
//! never answers costs one thread, not the engine.

pub mod clock;
pub mod due;
pub mod engine;
pub mod notifier;

#[cfg(feature = "desktop-notifications")]
pub mod desktop;

pub use clock::{Clock, FakeClock, SystemClock};
pub use engine::{apply_action, Engine, EngineConfig, EngineEvent, TickReport};
pub use notifier::{Notification, Notifier, NotifyError, UserAction};

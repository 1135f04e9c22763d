//! `studyplan sync` against a real CalDAV server: Radicale on 127.0.0.1
//! (installed by scripts/lib.sh need_radicale), with the password in a
//! real Secret Service (gnome-keyring-daemon on a D-Bus session bus of the
//! test's own), two studyplan databases as two computers, and Python's
//! caldav library as a third client (a phone).

use super::root;
use serde_json::Value;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

fn radicale_venv() -> PathBuf {
    std::env::var_os("STUDYPLAN_RADICALE_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(&std::env::var("HOME").unwrap()).join(".cache/studyplan/radicale")
        })
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Radicale on a free port; alice and carol may write their own
/// calendars, and read alice's (a shared roadmap), bob is read-only.
struct Server {
    child: Child,
    url: String,
}

impl Server {
    fn start(dir: &Path) -> Server {
        Server::with(
            dir,
            "alice:pw-alice-7f3k9q\ncarol:s3cret\nbob:hunter2\n",
            "[bob-reads-only]\nuser: bob\ncollection: .*\npermissions: rR\n\n\
             [owner]\nuser: .+\ncollection: {user}(/.*)?\npermissions: RrWw\n\n\
             [root]\nuser: .+\ncollection:\npermissions: R\n",
        )
    }

    /// Radicale with these users (`user:password` lines) and this rights
    /// file (Radicale's `from_file` format).
    fn with(dir: &Path, users: &str, rights: &str) -> Server {
        std::fs::create_dir_all(dir).unwrap();
        let port = free_port();
        std::fs::write(dir.join("users"), users).unwrap();
        std::fs::write(dir.join("rights"), rights).unwrap();
        let config = format!(
            "[server]\nhosts = 127.0.0.1:{port}\n[auth]\ntype = htpasswd\nhtpasswd_filename = {users}\nhtpasswd_encryption = plain\n\
             [rights]\ntype = from_file\nfile = {rights}\n[storage]\nfilesystem_folder = {store}\n[logging]\nlevel = warning\n",
            users = dir.join("users").display(),
            rights = dir.join("rights").display(),
            store = dir.join("collections").display(),
        );
        std::fs::write(dir.join("config"), config).unwrap();
        // bob's home exists (an admin made it) but he may not write there.
        std::fs::create_dir_all(dir.join("collections/collection-root/bob")).unwrap();
        let child = Command::new(radicale_venv().join("bin/radicale"))
            .arg("--config")
            .arg(dir.join("config"))
            .stderr(Stdio::null())
            .spawn()
            .expect("Radicale (scripts/lib.sh need_radicale installs it)");
        // Ready when it accepts a connection.
        let addr = format!("127.0.0.1:{port}");
        for _ in 0..200 {
            if std::net::TcpStream::connect(&addr).is_ok() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        Server {
            child,
            url: format!("http://{addr}/"),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A D-Bus session bus with gnome-keyring's Secret Service on it.
struct Keyring {
    bus: Child,
    keyring: Child,
    address: String,
    data: PathBuf,
}

impl Keyring {
    fn start(dir: &Path) -> Keyring {
        let data = dir.join("keyring-data");
        std::fs::create_dir_all(&data).unwrap();
        // The tests' bus config starts no service on its own: the Secret
        // Service is the daemon started below, never one D-Bus activates.
        let config = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/dbus/session.conf");
        let mut bus = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .args(["--print-address=1", "--nofork"])
            .stdout(Stdio::piped())
            .spawn()
            .expect("dbus-daemon");
        let mut address = String::new();
        std::io::BufReader::new(bus.stdout.take().unwrap())
            .read_line(&mut address)
            .unwrap();
        let address = address.trim().to_string();
        let mut keyring = Command::new("gnome-keyring-daemon")
            .args(["--foreground", "--unlock", "--components=secrets"])
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .env("XDG_DATA_HOME", &data)
            .env("XDG_RUNTIME_DIR", dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("gnome-keyring-daemon (apt: gnome-keyring)");
        // The login keyring's password: with one, the daemon creates and
        // unlocks the "login" collection (the default), as a desktop login does.
        keyring
            .stdin
            .take()
            .unwrap()
            .write_all(b"studyplan-test-keyring")
            .unwrap();
        // Ready when the Secret Service name is on the bus.
        for _ in 0..200 {
            let out = Command::new("dbus-send")
                .args([
                    "--session",
                    "--print-reply",
                    "--dest=org.freedesktop.DBus",
                    "/org/freedesktop/DBus",
                    "org.freedesktop.DBus.ListNames",
                ])
                .env("DBUS_SESSION_BUS_ADDRESS", &address)
                .output()
                .unwrap();
            if String::from_utf8_lossy(&out.stdout).contains("org.freedesktop.secrets") {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        Keyring {
            bus,
            keyring,
            address,
            data,
        }
    }
}

impl Drop for Keyring {
    fn drop(&mut self) {
        let _ = self.keyring.kill();
        let _ = self.keyring.wait();
        let _ = self.bus.kill();
        let _ = self.bus.wait();
    }
}

/// One computer: its own database, the shared keyring bus.
struct Device<'a> {
    db: PathBuf,
    keyring: &'a Keyring,
}

impl Device<'_> {
    fn run(&self, args: &[&str], stdin: &str) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_studyplan"))
            .args(args)
            .env("STUDYPLAN_DB", &self.db)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.keyring.address)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    }
    fn ok(&self, args: &[&str]) -> Value {
        let out = self.run(args, "");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap_or(Value::Null)
    }
    fn sync(&self) -> Value {
        self.ok(&["--json", "sync"])
    }
}

fn writes(r: &Value) -> u64 {
    ["created", "updated", "deleted"]
        .iter()
        .map(|k| r[k].as_u64().unwrap())
        .sum()
}

fn phone(server: &Server, user: &str, password: &str, args: &[&str]) -> String {
    let out = Command::new(radicale_venv().join("bin/python"))
        .arg(root().join("tests/cli/caldav_client.py"))
        .args([server.url.as_str(), user, password])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn device<'a>(
    dir: &Path,
    name: &str,
    keyring: &'a Keyring,
    server: &Server,
    user: &str,
    password: &str,
) -> Device<'a> {
    let d = Device {
        db: dir.join(format!("{name}.db")),
        keyring,
    };
    d.ok(&["plan", "load", "senior-de-2025", "--tz", "Europe/Berlin"]);
    let out = d.run(
        &["sync", "account", &server.url, "--user", user],
        &format!("{password}\n"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    d
}

#[test]
fn two_computers_and_a_phone_share_blocks_and_progress_through_radicale() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path());
    let keyring = Keyring::start(dir.path());
    let laptop = device(
        dir.path(),
        "laptop",
        &keyring,
        &server,
        "alice",
        "pw-alice-7f3k9q",
    );
    let blocks = laptop.ok(&[
        "--json",
        "agenda",
        "--from",
        "2025-08-19",
        "--to",
        "2025-10-18",
    ]);
    let n = blocks.as_array().unwrap().len() as u64;

    // The password is in the keyring, not in the database.
    let db_bytes = std::fs::read(&laptop.db).unwrap();
    assert!(
        !db_bytes.windows(15).any(|w| w == b"pw-alice-7f3k9q"),
        "no password in the database"
    );
    assert!(
        std::fs::read_dir(&keyring.data).unwrap().count() > 0,
        "the keyring stored it"
    );

    // First sync: every block and its progress, once.
    let r = laptop.sync();
    assert_eq!(
        (r["created"].as_u64(), r["updated"].as_u64()),
        (Some(2 * n), Some(0)),
        "{r}"
    );
    // Second sync with nothing changed: zero writes.
    let r = laptop.sync();
    assert_eq!(writes(&r), 0, "{r}");
    assert_eq!(r["unchanged"].as_u64(), Some(2 * n), "{r}");
    assert_eq!(
        r["full_listings"].as_u64(),
        Some(0),
        "only changes were asked (RFC 6578): {r}"
    );

    // The phone sees the calendar and the tasks.
    let items: Vec<Value> =
        serde_json::from_str(&phone(&server, "alice", "pw-alice-7f3k9q", &["list"])).unwrap();
    let events = items.iter().filter(|i| i["component"] == "VEVENT").count() as u64;
    let todos = items.iter().filter(|i| i["component"] == "VTODO").count() as u64;
    assert_eq!((events, todos), (n, n));

    // The second computer: same plan, same account; it adopts what is there.
    let desktop = device(
        dir.path(),
        "desktop",
        &keyring,
        &server,
        "alice",
        "pw-alice-7f3k9q",
    );
    let r = desktop.sync();
    assert_eq!(writes(&r), 0, "the desktop finds everything in place: {r}");

    // Progress ticked on the laptop reaches the desktop.
    let id = "senior-de-2025:2025-08-19:1";
    laptop.ok(&["block", "done", id]);
    let r = laptop.sync();
    assert_eq!((r["updated"].as_u64(), writes(&r)), (Some(1), 1), "{r}");
    let r = desktop.sync();
    assert_eq!(r["applied"].as_u64(), Some(1), "{r}");
    let day = desktop.ok(&["--json", "agenda", "--date", "2025-08-19"]);
    assert_eq!(day[0]["status"], "done");
    assert_eq!(writes(&desktop.sync()), 0);

    // A phone's task app ticks another block; both computers follow.
    let other = "senior-de-2025:2025-08-19:2";
    phone(
        &server,
        "alice",
        "pw-alice-7f3k9q",
        &["complete", &format!("{other}-progress@studyplan")],
    );
    assert_eq!(laptop.sync()["applied"].as_u64(), Some(1));
    assert_eq!(desktop.sync()["applied"].as_u64(), Some(1));
    let day = laptop.ok(&["--json", "agenda", "--date", "2025-08-19"]);
    assert_eq!(day[1]["status"], "done");
    assert_eq!(writes(&laptop.sync()), 0);

    // A block moved on the laptop moves on the desktop; neither puts its
    // old time back, and both settle.
    let moved = "senior-de-2025:2025-08-20:7";
    laptop.ok(&["block", "move", moved, "--start", "2025-08-20 18:00"]);
    // The event and its task (due at the block's new end).
    assert_eq!(laptop.sync()["updated"].as_u64(), Some(2));
    let r = desktop.sync();
    assert_eq!(writes(&r), 0, "{r}");
    let day = desktop.ok(&["--json", "agenda", "--date", "2025-08-20"]);
    let b = day
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"] == moved)
        .unwrap();
    assert_eq!(b["start"], "18:00", "{b}");
    for _ in 0..2 {
        assert_eq!(writes(&laptop.sync()) + writes(&desktop.sync()), 0);
    }
    // A third database joining later takes the moved time too.
    let third = device(
        dir.path(),
        "third",
        &keyring,
        &server,
        "alice",
        "pw-alice-7f3k9q",
    );
    assert_eq!(writes(&third.sync()), 0);
    let day = third.ok(&["--json", "agenda", "--date", "2025-08-20"]);
    let b = day
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"] == moved)
        .unwrap();
    assert_eq!(b["start"], "18:00", "{b}");

    // --dry-run before a first sync says what it would write, and writes nothing.
    let fresh = Server::start(&dir.path().join("fresh"));
    let dry = Device {
        db: dir.path().join("dry.db"),
        keyring: &keyring,
    };
    dry.ok(&["plan", "load", "senior-de-2025", "--tz", "Europe/Berlin"]);
    let out = dry.run(
        &["sync", "account", &fresh.url, "--user", "alice"],
        "pw-alice-7f3k9q\n",
    );
    assert!(out.status.success());
    let r = dry.ok(&["--json", "sync", "--dry-run"]);
    assert_eq!(
        (r["created"].as_u64(), r["dry_run"].as_bool()),
        (Some(2 * n), Some(true)),
        "{r}"
    );
    let made = std::fs::read_dir(dir.path().join("fresh/collections/collection-root/alice"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(made, 0, "nothing was made on the server");
}

#[test]
fn pitfalls_rewrites_deletes_empty_databases_conflicts_and_refusals() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path());
    let keyring = Keyring::start(dir.path());
    let a = device(
        dir.path(),
        "a",
        &keyring,
        &server,
        "alice",
        "pw-alice-7f3k9q",
    );
    a.sync();
    let count = || -> usize {
        serde_json::from_str::<Vec<Value>>(&phone(&server, "alice", "pw-alice-7f3k9q", &["list"]))
            .unwrap()
            .len()
    };
    let total = count();

    // A server (or app) that rewrites an item without changing what it
    // means causes no write, now or later.
    let b1 = "senior-de-2025:2025-08-20:1";
    phone(
        &server,
        "alice",
        "pw-alice-7f3k9q",
        &["rewrite", &format!("{b1}@studyplan")],
    );
    phone(
        &server,
        "alice",
        "pw-alice-7f3k9q",
        &["rewrite", &format!("{b1}-progress@studyplan")],
    );
    let r = a.sync();
    assert_eq!((writes(&r), r["rewritten"].as_u64()), (0, Some(2)), "{r}");
    assert_eq!(writes(&a.sync()), 0);

    // An item deleted on the server does not come back.
    let b2 = "senior-de-2025:2025-08-20:2";
    phone(
        &server,
        "alice",
        "pw-alice-7f3k9q",
        &["delete", &format!("{b2}@studyplan")],
    );
    assert_eq!(writes(&a.sync()), 0);
    assert_eq!(count(), total - 1);
    assert_eq!(writes(&a.sync()), 0, "and stays away");

    // Edited here, deleted there: the edit wins, once, and it settles.
    let b3 = "senior-de-2025:2025-08-20:3";
    phone(
        &server,
        "alice",
        "pw-alice-7f3k9q",
        &["delete", &format!("{b3}-progress@studyplan")],
    );
    a.ok(&["block", "skip", b3]);
    let r = a.sync();
    assert_eq!((r["created"].as_u64(), writes(&r)), (Some(1), 1), "{r}");
    assert_eq!(writes(&a.sync()), 0);

    // An empty database with the same account deletes nothing.
    let before = count();
    let empty = Device {
        db: dir.path().join("empty.db"),
        keyring: &keyring,
    };
    let out = empty.run(
        &["sync", "account", &server.url, "--user", "alice"],
        "pw-alice-7f3k9q\n",
    );
    assert!(out.status.success());
    let out = empty.run(&["--json", "sync"], "");
    assert_eq!(out.status.code(), Some(1), "no plan: refused");
    assert!(String::from_utf8_lossy(&out.stderr).contains("load a plan first"));
    assert_eq!(count(), before, "nothing was deleted on the server");

    // Both sides change one block: the later change wins, and it is said.
    let c = device(
        dir.path(),
        "c",
        &keyring,
        &server,
        "alice",
        "pw-alice-7f3k9q",
    );
    assert_eq!(writes(&c.sync()), 0);
    let b4 = "senior-de-2025:2025-08-21:1";
    c.ok(&["block", "skip", b4]);
    std::thread::sleep(std::time::Duration::from_millis(1100)); // LAST-MODIFIED has whole seconds
    a.ok(&["block", "done", b4]);
    c.sync();
    let r = a.sync();
    let conflicts = r["conflicts"].as_array().unwrap();
    assert_eq!(conflicts.len(), 1, "{r}");
    assert!(
        conflicts[0]
            .as_str()
            .unwrap()
            .contains("kept this device's version"),
        "{r}"
    );
    c.sync();
    let day = c.ok(&["--json", "agenda", "--date", "2025-08-21"]);
    assert_eq!(
        day[0]["status"], "done",
        "the later change reached the other side"
    );
    assert_eq!(writes(&a.sync()) + writes(&c.sync()), 0, "and it settles");

    // An expired or invalid sync token: a full listing instead, no writes.
    let status = Command::new("/usr/bin/python3")
        .arg("-c")
        .arg("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE sync_collections SET sync_token = 'http://radicale.org/ns/sync/bogus'\"); c.commit()")
        .arg(&a.db)
        .status()
        .unwrap();
    assert!(status.success());
    let r = a.sync();
    assert_eq!(
        (r["full_listings"].as_u64(), writes(&r)),
        (Some(2), 0),
        "{r}"
    );
    assert_eq!(
        a.sync()["full_listings"].as_u64(),
        Some(0),
        "a new token is kept"
    );

    // A user who may only read: refused in words, every time, no retry loop.
    let bob = device(dir.path(), "bob", &keyring, &server, "bob", "hunter2");
    for _ in 0..2 {
        let out = bob.run(&["--json", "sync"], "");
        assert_eq!(out.status.code(), Some(1));
        let err: Value = serde_json::from_slice(&out.stderr).unwrap();
        assert!(
            err["message"].as_str().unwrap().contains("refused"),
            "{err}"
        );
        assert!(
            !err["message"].as_str().unwrap().contains("hunter2"),
            "no password in errors"
        );
    }
    let status = bob.ok(&["--json", "sync", "status"]);
    assert!(
        status["last_error"].as_str().unwrap().contains("refused"),
        "{status}"
    );
}

/// The lead (lena, Experienced 1) and two members (max, Novice 1, on Track
/// A; mia, Intermediate 1, on Track B) of the team roadmap on one Radicale
/// whose rights file lets members read the lead's team calendars, and the
/// lead read each member's progress calendar, and nothing more.
#[test]
fn a_team_lead_publishes_the_roadmap_members_follow_it_and_the_lead_sees_their_progress() {
    let dir = tempfile::tempdir().unwrap();
    let plan = "studyplan-databricks-team-roadmap";
    let server = Server::with(
        &dir.path().join("radicale"),
        "lena:lead-pw-1\nmax:max-pw-2\nmia:mia-pw-3\n",
        &format!(
            "[root]\nuser: .+\ncollection:\npermissions: R\n\n\
             [owner]\nuser: .+\ncollection: {{user}}(/.*)?\npermissions: RrWw\n\n\
             [members-see-the-lead]\nuser: (max|mia)\ncollection: lena\npermissions: R\n\n\
             [members-read-the-roadmap]\nuser: (max|mia)\ncollection: lena/{plan}-(roadmap|track-[a-z0-9-]+)\npermissions: r\n\n\
             [lead-reads-progress]\nuser: lena\ncollection: (max|mia)/{plan}-progress\npermissions: r\n"
        ),
    );
    let keyring = Keyring::start(dir.path());
    let member = |name: &str, password: &str, role: &str| {
        let d = Device {
            db: dir.path().join(format!("{name}.db")),
            keyring: &keyring,
        };
        d.ok(&[
            "plan",
            "load",
            "databricks-team-roadmap",
            "--start",
            "2026-01-05",
            "--tz",
            "Europe/Berlin",
        ]);
        let out = d.run(
            &["sync", "account", &server.url, "--user", name],
            &format!("{password}\n"),
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        d.ok(&["team", "me", role]);
        d.ok(&["team", "assign", "experienced-1", "lena"]);
        d
    };
    let lena = member("lena", "lead-pw-1", "experienced-1");
    let max = member("max", "max-pw-2", "novice-1");
    let mia = member("mia", "mia-pw-3", "intermediate-1");
    lena.ok(&["team", "assign", "novice-1", "max"]);
    let team = lena.ok(&["--json", "team", "assign", "intermediate-1", "mia"]);
    let roles: Vec<(&str, Option<&str>)> = team["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["id"].as_str().unwrap(), r["username"].as_str()))
        .collect();
    assert_eq!(roles.len(), 6, "the six roles of the roadmap's matrix");
    assert!(roles.contains(&("novice-1", Some("max"))));

    // The lead's first sync publishes the roadmap and the track calendars;
    // the members have published nothing yet, which the lead is told.
    let first = lena.sync();
    assert_eq!(first["team"]["published"], true, "{first}");
    let problems = first["team"]["problems"].to_string();
    assert!(
        problems.contains("has not published any progress yet"),
        "{problems}"
    );
    let blocks = lena.ok(&[
        "--json",
        "agenda",
        "--from",
        "2026-01-05",
        "--to",
        "2026-03-29",
    ]);
    let block_count = blocks.as_array().unwrap().len();
    assert!(block_count > 50, "{block_count}");
    let roadmap = format!("{}lena/{plan}-roadmap/", server.url);
    let seen: Vec<String> =
        serde_json::from_str(&phone(&server, "max", "max-pw-2", &["read", &roadmap])).unwrap();
    assert_eq!(
        seen.len(),
        block_count,
        "a member's phone reads the whole roadmap"
    );
    let track_a: Vec<String> = serde_json::from_str(&phone(
        &server,
        "mia",
        "mia-pw-3",
        &["read", &format!("{}lena/{plan}-track-track-a/", server.url)],
    ))
    .unwrap();
    assert_eq!(
        track_a.len(),
        3,
        "Track A's weeks 1-3, one event each: {track_a:?}"
    );

    // Members cannot write the roadmap: the server says no, studyplan says so in words, once.
    let out = max.run(&["--json", "team", "publish"], "");
    assert_eq!(out.status.code(), Some(1));
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    let msg = err["message"].as_str().unwrap();
    assert_eq!(err["kind"], "forbidden", "{err}");
    assert!(
        msg.contains("403") && msg.contains("Only the team's lead"),
        "{msg}"
    );
    assert!(!msg.contains("max-pw-2"), "no password in errors");
    assert_eq!(
        phone(
            &server,
            "max",
            "max-pw-2",
            &["put", &roadmap, "phone-event@x"]
        )
        .trim(),
        "refused: AuthorizationError",
        "the rights file holds for any client"
    );
    let after: Vec<String> =
        serde_json::from_str(&phone(&server, "lena", "lead-pw-1", &["read", &roadmap])).unwrap();
    assert_eq!(after, seen, "the roadmap is as the lead wrote it");

    // Members study and publish their progress with their own sync.
    let day = |d: &Device, date: &str| -> Vec<Value> {
        d.ok(&["--json", "agenda", "--date", date])
            .as_array()
            .unwrap()
            .clone()
    };
    let max_blocks = day(&max, "2026-01-05");
    let study = max_blocks[0]["id"].as_str().unwrap().to_string();
    let study_minutes = max_blocks[0]["minutes"].as_u64().unwrap();
    max.ok(&["block", "done", &study]);
    let tue = day(&max, "2026-01-06")[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    max.ok(&["block", "done", &tue]);
    mia.ok(&["block", "partial", &study, "45"]);
    let m = max.sync();
    assert_eq!(m["team"]["role"], "novice-1");
    assert_eq!(
        m["team"]["published"], false,
        "a member publishes no roadmap"
    );
    mia.sync();

    // The lead moves a team session; the members' next sync follows it.
    let wed = day(&lena, "2026-01-07");
    let mentorship = wed
        .iter()
        .find(|b| b["track"] == "mentorship")
        .expect("Wednesday's mentorship sync-up")["id"]
        .as_str()
        .unwrap()
        .to_string();
    lena.ok(&["block", "move", &mentorship, "--start", "2026-01-07 16:00"]);
    let second = lena.sync();
    assert_eq!(second["team"]["members_read"], 2, "{second}");
    let followed = max.sync();
    assert_eq!(followed["team"]["followed"], 1, "{followed}");
    assert_eq!(
        followed["updated"], 2,
        "the move reaches the member's own calendars in the same sync: {followed}"
    );
    let again = max.sync();
    assert_eq!(writes(&again), 0, "{again}");
    let moved = day(&max, "2026-01-07")
        .into_iter()
        .find(|b| b["id"] == mentorship.as_str())
        .unwrap();
    assert_eq!(moved["start"], "16:00", "{moved}");

    // The lead sees both members' progress per learning track.
    let progress = lena.ok(&["--json", "team", "progress"]);
    let track = |id: &str| {
        progress
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["track"]["id"] == id)
            .unwrap()
            .clone()
    };
    let member_of = |t: &Value, role: &str| {
        t["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["role"] == role)
            .unwrap()
            .clone()
    };
    let a = member_of(&track("track-a"), "novice-1");
    assert_eq!(a["username"], "max");
    assert_eq!(
        a["done_minutes"].as_u64().unwrap(),
        2 * study_minutes,
        "{a}"
    );
    assert_eq!(a["blocks_done"], 2);
    assert!(a["read_at"].is_string() && a["error"].is_null(), "{a}");
    let b = member_of(&track("track-b"), "intermediate-1");
    assert_eq!(b["username"], "mia");
    assert_eq!(b["done_minutes"], 45, "{b}");
    assert_eq!(b["blocks_done"], 0);
    let unassigned = member_of(&track("track-a"), "novice-2");
    assert_eq!(unassigned["done_minutes"], 0);
    assert!(unassigned["username"].is_null());
    let text = String::from_utf8(lena.run(&["team", "progress"], "").stdout).unwrap();
    assert!(text.contains("Track A") && text.contains("max"), "{text}");

    // Nothing changed: the lead's next sync writes nothing.
    let third = lena.sync();
    assert_eq!(writes(&third), 0, "{third}");
}
